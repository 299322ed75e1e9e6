/**
 * Preloaded (`node --require`) into each `hexo` process the bench runs: at exit, writes that
 * process's CPU time and peak memory to the file named by HEXO_BEIAN_BENCH_USAGE, as JSON
 * `{cpu: ms (user + system), rss: MB (peak resident), firstRead, filter, beforeGenerate: ms, pages}`.
 * CPU time is steadier than wall time on a machine shared with other work.
 *
 * It also times hexo-beian's `after_render:html` filter inside the real `hexo generate`:
 * Hexo hands each page over as a string built by concatenation, which V8 flattens (copies)
 * on its first read, whoever reads it first (without the plugin, Hexo's next filter or its
 * writer). So each page is first read once (`firstRead`: the flattening, which the plugin
 * moves but does not add), then filtered (`filter`: what the plugin adds). Its two
 * `before_generate` filters (the footer's `prepare`, the publish guard) are timed too.
 */
import { writeFileSync } from 'fs';

const file = process.env.HEXO_BEIAN_BENCH_USAGE;

if (file) {
  const timed = { firstRead: 0, filter: 0, beforeGenerate: 0, pages: 0 };
  const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
  type Register = (type: string, fn: (...args: unknown[]) => unknown, priority?: number) => void;
  try {
    // The Hexo the site loads (a link to this repository's own install).
    const path = require.resolve('hexo/dist/extend/filter', { paths: [process.cwd()] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Filter = (require(path) as { default?: { prototype: { register: Register } } } & { prototype?: { register: Register } });
    const proto = (Filter.default ?? Filter).prototype as { register: Register };
    const register = proto.register;
    proto.register = function (this: unknown, type, fn, priority) {
      // hexo-beian's filter (index.ts): `(html, locals) => line.inject(html, locals)`.
      if (type === 'after_render:html' && typeof fn === 'function' && fn.toString().includes('line.inject')) {
        const inner = fn;
        fn = (html: unknown, ...rest: unknown[]) => {
          let start = process.hrtime.bigint();
          if (typeof html === 'string') html.indexOf('\u0000');
          timed.firstRead += ms(start);
          start = process.hrtime.bigint();
          const out = inner(html, ...rest);
          timed.filter += ms(start);
          timed.pages++;
          return out;
        };
      }
      // hexo-beian's before_generate filters: `() => line.prepare()`, `() => guard.beforeGenerate()`.
      if (type === 'before_generate' && typeof fn === 'function' && /line\.prepare\(\)|guard\.beforeGenerate\(\)/.test(fn.toString())) {
        const inner = fn;
        fn = async (...args: unknown[]) => {
          const start = process.hrtime.bigint();
          try {
            return await inner(...args);
          } finally {
            timed.beforeGenerate += ms(start);
          }
        };
      }
      return register.call(this, type, fn, priority);
    };
  } catch {
    // Not a Hexo site: CPU time and memory only.
  }
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS / 1024, ...timed }));
  });
}

/**
 * Preloaded (`node --require`) into each `hexo` process the bench runs: at exit, writes that
 * process's CPU time and peak memory to the file named by HEXO_BEIAN_BENCH_USAGE, as JSON
 * `{cpu: ms (user + system), rss: MB (peak resident)}`. CPU time is steadier than wall time
 * on a machine shared with other work.
 */
import { writeFileSync } from 'fs';

const file = process.env.HEXO_BEIAN_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS / 1024 }));
  });
}

import { execFile } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { promisify } from 'util';
import { buildAccident } from '../test/site';

/**
 * The sites the browser looks at: the demo site in `example/` (landscape), built as
 * `npm run demo` builds it, and copies of it with other themes from npm.
 */

const exec = promisify(execFile);

/** The repository root (this file runs compiled, from dist/test-browser). */
export const repoRoot = resolve(__dirname, '..', '..');
export const exampleDir = join(repoRoot, 'example');

/**
 * Runs a Node script (the demo build, the hexo command line) in `cwd`. Hexo exits 0 even when
 * a theme script fails to load and then writes empty pages, so an `ERROR` line in its log
 * fails the build too; the whole log goes into the message.
 */
async function runNode(what: string, args: string[], cwd: string): Promise<void> {
  let log: string;
  try {
    const { stdout, stderr } = await exec(process.execPath, args, { cwd, maxBuffer: 16 << 20, env: { ...process.env, NO_COLOR: '1' } });
    log = stdout + stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message?: string };
    throw new Error(`${what} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message ?? String(err)}`, { cause: err });
  }
  if (/^(?:\x1b\[[\d;]*m)*ERROR\b/m.test(log)) throw new Error(`${what} logged an error:\n${log}`);
}

/**
 * Builds the demo site with `scripts/demo.js` (npm install in example/, `hexo clean`,
 * `hexo generate`, `hexo beian check`) every time, so the browser never sees a stale
 * `example/public` left by an older build of the plugin. Returns the public folder.
 */
export async function buildDemo(): Promise<string> {
  await runNode('npm run demo', [join(repoRoot, 'scripts', 'demo.js')], repoRoot);
  return join(exampleDir, 'public');
}

/** A theme from the repository's dev dependencies and the site packages it needs to render. */
export interface ThemeSite {
  /** The `theme:` value, e.g. `butterfly` (the package is `hexo-theme-<name>`). */
  theme: string;
  /** The renderers the theme needs (the site's plugins), from the repository's node_modules. */
  packages: string[];
  /** `_config.<theme>.yml`, when the theme's defaults are not what a visitor would meet. */
  themeConfig?: string;
}

const GENERATORS = ['hexo-generator-archive', 'hexo-generator-category', 'hexo-generator-index', 'hexo-generator-tag'];

/**
 * Copies the demo site (its `_config.yml` with another `theme:`, its `source/`) into a new
 * temporary folder, links the theme, Hexo, the site packages and hexo-beian (this repository)
 * into its node_modules, and runs the real `hexo generate` there. Returns the site folder;
 * its pages are in `public/`.
 */
export async function buildThemedCopy(site: ThemeSite): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `hexo-beian-browser-${site.theme}-`));
  const config = readFileSync(join(exampleDir, '_config.yml'), 'utf8');
  if (!/^theme: landscape$/m.test(config)) throw new Error('example/_config.yml no longer says `theme: landscape`');
  writeFileSync(join(dir, '_config.yml'), config.replace(/^theme: landscape$/m, `theme: ${site.theme}`));
  if (site.themeConfig) writeFileSync(join(dir, `_config.${site.theme}.yml`), site.themeConfig);
  cpSync(join(exampleDir, 'source'), join(dir, 'source'), { recursive: true });

  const linked = ['hexo', 'hexo-cli', ...GENERATORS, ...site.packages, `hexo-theme-${site.theme}`];
  const dependencies: Record<string, string> = { 'hexo-beian': '*' };
  for (const name of linked) dependencies[name] = '*';
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'site', private: true, hexo: { version: '8.0.0' }, dependencies }, null, 2));
  // Every install of the repository, not only the plugins: Hexo runs a theme's scripts with
  // a require() rooted at the site, so the theme's own dependencies must resolve from there.
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
  symlinkSync(repoRoot, join(dir, 'node_modules', 'hexo-beian'));

  // A build's accident (a page holding a stylesheet's Stylus source, a page written empty; see
  // buildAccident) is built again, at most twice.
  for (let attempt = 0; attempt < 3; attempt++) {
    rmSync(join(dir, 'public'), { recursive: true, force: true });
    rmSync(join(dir, 'db.json'), { force: true });
    await runNode(`hexo generate with the ${site.theme} theme`, [join(repoRoot, 'node_modules', 'hexo-cli', 'bin', 'hexo'), 'generate'], dir);
    if (buildAccident(join(dir, 'public'), site.theme) === undefined) break;
  }
  return dir;
}

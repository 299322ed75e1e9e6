import { execFile } from 'child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { promisify } from 'util';
import type Hexo from 'hexo';
import type { JsonReport } from '../lib/hexo/report';
import { repoRoot } from './paths';

/**
 * Real Hexo sites for tests, built by hand as `hexo init` would (it cannot clone here): a
 * package.json with a `hexo` field, `_config.yml`, posts, and node_modules whose packages
 * are links to this repository's own installs — and `hexo-beian` a link to this repository,
 * so Hexo loads the plugin exactly as it loads it from a user's site.
 */

/** The plugins every test site depends on (Hexo loads each `hexo-*` dependency). */
const SITE_PACKAGES = [
  'hexo-generator-archive', 'hexo-generator-category', 'hexo-generator-index', 'hexo-generator-tag',
  'hexo-renderer-ejs', 'hexo-renderer-marked', 'hexo-renderer-stylus'
];

/** The themes from npm the tests build with, and the renderers each needs besides the above. */
export const THEMES = {
  landscape: [],
  next: [],
  fluid: [],
  butterfly: ['hexo-renderer-pug'],
  redefine: [],
  keep: [],
  yun: ['hexo-renderer-pug'],
  reimu: [],
  icarus: [],
  stellar: [],
  volantis: [],
  ayer: [],
  kaze: [],
  stun: ['hexo-renderer-pug'],
  anzhiyu: ['hexo-renderer-pug'],
  solitude: ['hexo-renderer-pug'],
  async: ['hexo-renderer-less'],
  particlex: []
} as const satisfies Record<string, readonly string[]>;

export type Theme = keyof typeof THEMES;

export interface SiteOptions {
  /** YAML appended to the site's `_config.yml` (the `beian:` block, `language:`, …). */
  config?: string;
  /** Extra files, by path relative to the site (e.g. `source/_posts/a.md`). */
  files?: Record<string, string>;
  /** Leave the plugin out of the site's dependencies (the "without plugin" build). */
  withoutPlugin?: boolean;
  /** A theme from npm (default landscape), or the name of one written under `themes/` through `files`. */
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- the names say which themes npm gives
  theme?: Theme | string;
  /** More plugins from npm for the site's dependencies (e.g. `hexo-deployer-git`). */
  plugins?: string[];
  /** The Hexo the site's node_modules/hexo is (the `hexo` command line runs the site's own): 8 unless told. */
  hexo?: HexoModule;
}

const BASE_CONFIG = `title: Test Blog
url: https://blog.example.cn
timezone: Asia/Shanghai
`;

const HELLO = `---
title: 你好，世界
date: 2024-05-21 10:00:00
updated: 2024-05-21 10:00:00
---
第一篇文章。

<!-- more -->

正文。
`;

/** Writes a site into a new temporary folder and returns its path. */
export function makeSite(options: SiteOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'hexo-beian-site-'));
  const theme = options.theme ?? 'landscape';
  const deps: Record<string, string> = { hexo: '*' };
  const fromNpm = theme in THEMES ? [`hexo-theme-${theme}`, ...THEMES[theme as Theme]] : [];
  for (const name of [...SITE_PACKAGES, ...fromNpm, ...options.plugins ?? []]) deps[name] = '*';
  if (!options.withoutPlugin) deps['hexo-beian'] = '*';
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'site', private: true, hexo: { version: '8.0.0' }, dependencies: deps }, null, 2));
  writeFileSync(join(dir, '_config.yml'), `${BASE_CONFIG}theme: ${theme}\n${options.config ?? ''}`);
  const files = { 'source/_posts/hello.md': HELLO, ...options.files };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Every installed package, flat, as npm lays out a site: themes require packages they do not
  // declare (Fluid: moment, hexo-pagination), found only because npm hoists Hexo's own.
  // Hexo loads only the `dependencies` above as plugins.
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    const target = name === 'hexo' && options.hexo ? options.hexo : name;
    symlinkSync(join(repoRoot, 'node_modules', target), join(dir, 'node_modules', name));
  }
  if (!options.withoutPlugin) symlinkSync(repoRoot, join(dir, 'node_modules', 'hexo-beian'));
  return dir;
}

/** Which installed Hexo runs a site: the current one (8), or 7, 6 or 5.4, as real blogs still pin. */
export type HexoModule = 'hexo' | 'hexo7' | 'hexo6' | 'hexo5';

/** Log lines a silent Hexo would have printed, by level. */
export interface Logged {
  error: string[];
  warn: string[];
  info: string[];
}

/** Runs `hexo generate` on a site in this process and returns what was logged. */
export async function generate(dir: string, module: HexoModule = 'hexo'): Promise<Logged> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const HexoClass = require(module) as new (base: string, args: object) => Hexo;
  const hexo = new HexoClass(dir, { silent: true });
  const logged: Logged = { error: [], warn: [], info: [] };
  const log = hexo.log as unknown as Record<keyof Logged, (...args: unknown[]) => void>;
  for (const level of ['error', 'warn', 'info'] as const) {
    const original = log[level].bind(log);
    log[level] = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('hexo-beian')) logged[level].push(args[0]);
      else original(...args);
    };
  }
  await hexo.init();
  await hexo.call('generate', {});
  await hexo.exit();
  return logged;
}

/** A file of the generated site. */
export function readPublic(dir: string, path: string): string {
  return readFileSync(join(dir, 'public', path), 'utf8');
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `hexo` command line in a site, as a user would: `hexo beian check …`. */
export async function runHexo(dir: string, args: string[]): Promise<CommandResult> {
  const bin = join(repoRoot, 'node_modules', 'hexo-cli', 'bin', 'hexo');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/**
 * The report of `hexo beian check --json` in its stdout: from the first line that opens it to
 * its last `}` (before it, Hexo's "Validating config" and what themes print as they load).
 */
export function jsonReport(stdout: string): JsonReport {
  const at = Math.max(0, stdout.search(/^\{/m));
  return JSON.parse(stdout.slice(at, stdout.lastIndexOf('}') + 1)) as JsonReport;
}

/** `makeSite` for one `describe` block: every site it makes is removed after the block. */
export function siteMaker(): (options: SiteOptions) => string {
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));
  return options => {
    const dir = makeSite(options);
    dirs.push(dir);
    return dir;
  };
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => (entry.isDirectory() ? filesUnder(join(dir, entry.name)).map(name => join(entry.name, name)) : [entry.name]));
}

/**
 * What went wrong in a build with a theme from npm that no page means and that comes and goes
 * with or without hexo-beian, if anything: a page holding a stylesheet's Stylus source (Keep and
 * Redefine ship a layout partial and a stylesheet of the same name, and now and then Hexo's
 * partial() picks the stylesheet), known by a Stylus variable (`$tools-item-width = 2.2rem`) or
 * by the start of one of the theme's Stylus files (Keep's `footer.styl`: `.footer {` then
 * `display flex`, no variable); or an HTML page written empty (Butterfly's post page, once, in
 * the build without the plugin, under c8).
 */
export function buildAccident(publicDir: string, theme: string): string | undefined {
  const source = join(repoRoot, 'node_modules', `hexo-theme-${theme}`, 'source');
  let styles: string[] = [];
  try {
    styles = filesUnder(source).filter(name => name.endsWith('.styl'));
  } catch {
    // a theme without a source folder
  }
  // Each file's first 64 characters, or the whole of a short one (Keep's archives.styl, 55
  // characters, leaked into archives/2024/05/index.html once), when it has a rule's worth.
  const starts = styles.map(name => readFileSync(join(source, name), 'utf8').trim().slice(0, 64)).filter(start => start.length >= 24 && start.includes('{'));
  for (const page of filesUnder(publicDir)) {
    if (!page.endsWith('.html') && !page.endsWith('.json')) continue;
    const text = readFileSync(join(publicDir, page), 'utf8');
    if (page.endsWith('.html') && text.trim() === '') return `${page} is empty`;
    if (/^\$[\w-]+ = /m.test(text) || starts.some(start => text.includes(start))) return `${page} holds Stylus source`;
  }
  return undefined;
}

import { execFile } from 'child_process';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { promisify } from 'util';
import type Hexo from 'hexo';
import { repoRoot } from './paths';

/**
 * Real Hexo sites for tests, built by hand as `hexo init` would (it cannot clone here): a
 * package.json with a `hexo` field, `_config.yml`, posts, and node_modules whose packages
 * are links to this repository's own installs — and `hexo-beian` a link to this repository,
 * so Hexo loads the plugin exactly as it loads it from a user's site.
 */

/** The site packages every test site depends on; the theme comes from npm too. */
const SITE_PACKAGES = [
  'hexo-generator-archive', 'hexo-generator-category', 'hexo-generator-index', 'hexo-generator-tag',
  'hexo-renderer-ejs', 'hexo-renderer-marked', 'hexo-renderer-stylus', 'hexo-theme-landscape'
];

/**
 * Themes from npm a test site can use: the theme package (a dependency of the site) and the
 * modules its scripts require from the site's node_modules (linked, not dependencies, or
 * Hexo would load the `hexo-*` ones as plugins).
 */
const THEME_PACKAGES: Record<SiteTheme, { theme?: string; linked: string[] }> = {
  landscape: { linked: [] },
  next: { theme: 'hexo-theme-next', linked: ['hexo-util', 'js-yaml', '@adobe/css-tools'] },
  fluid: { theme: 'hexo-theme-fluid', linked: ['hexo-pagination', 'moment', 'hexo-util', 'nunjucks', '@adobe/css-tools'] }
};

export type SiteTheme = 'landscape' | 'next' | 'fluid';

export interface SiteOptions {
  /** The theme (default landscape), installed from npm like the rest. */
  theme?: SiteTheme;
  /** YAML appended to the site's `_config.yml` (the `beian:` block, `language:`, …). */
  config?: string;
  /** Extra files, by path relative to the site (e.g. `source/_posts/a.md`). */
  files?: Record<string, string>;
  /** Leave the plugin out of the site's dependencies (the "without plugin" build). */
  withoutPlugin?: boolean;
}

function baseConfig(theme: SiteTheme): string {
  return `title: Test Blog
url: https://blog.example.cn
theme: ${theme}
timezone: Asia/Shanghai
`;
}

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
  const { theme: themePackage, linked } = THEME_PACKAGES[theme];
  const packages = themePackage ? [...SITE_PACKAGES, themePackage] : SITE_PACKAGES;
  const deps: Record<string, string> = { hexo: '*' };
  for (const name of packages) deps[name] = '*';
  if (!options.withoutPlugin) deps['hexo-beian'] = '*';
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'site', private: true, hexo: { version: '8.0.0' }, dependencies: deps }, null, 2));
  writeFileSync(join(dir, '_config.yml'), baseConfig(theme) + (options.config ?? ''));
  const files = { 'source/_posts/hello.md': HELLO, ...options.files };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const name of [...packages, ...linked, 'hexo', 'hexo-cli']) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
  if (!options.withoutPlugin) symlinkSync(repoRoot, join(dir, 'node_modules', 'hexo-beian'));
  return dir;
}

/** Which installed Hexo runs a site: the current one (8), or 7 or 6, as real blogs still pin. */
export type HexoModule = 'hexo' | 'hexo7' | 'hexo6';

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

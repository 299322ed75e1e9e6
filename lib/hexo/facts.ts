import { closeSync, existsSync, readdirSync, readFileSync, readSync } from 'fs';
import { join } from 'path';
import type Hexo from 'hexo';
import micromatch from 'micromatch';
import type { SiteFacts, SiteReading } from '../audit/site';
import { iconExists } from '../audit/icon';
import { loadThemeLayers, readThemeBeian, themeIcon, themeOf, type ThemeBeian } from '../audit/theme';
import { openToRead } from '../files';

/**
 * What the audit needs from Hexo besides the reading: the theme's own settings, whether the
 * icon's file exists, and the generated site with the pages Hexo writes without a theme layout.
 */

/** Gathers the facts of the site for {@link auditSite} (lib/audit/site.ts). */
export async function siteFacts(hexo: Hexo, reading: SiteReading & { theme(): Promise<ThemeBeian | undefined> }, options: { today: string; pages: boolean; onPage?: (pages: number) => void }): Promise<SiteFacts> {
  const facts: SiteFacts = { today: options.today, siteUrl: hexo.config.url };
  const icon = reading.config.gongan?.icon;
  if (icon !== undefined) facts.iconFound = iconExists(icon, iconFolders(hexo));
  facts.theme = await reading.theme();
  const theirs = facts.theme && themeIcon(facts.theme);
  if (theirs) facts.themeIconFound = iconExists(theirs.src, iconFolders(hexo));
  if (options.pages) {
    facts.public = {
      dir: existsSync(hexo.public_dir) ? hexo.public_dir : undefined,
      name: String(hexo.config.public_dir ?? 'public'),
      unthemed: unthemedPages(hexo),
      onPage: options.onPage
    };
  }
  return facts;
}

/** The folders Hexo serves a site path from: the site's source, then the theme's. */
export function iconFolders(hexo: Hexo): string[] {
  return [hexo.source_dir, join(hexo.theme_dir, 'source')];
}

/**
 * The theme's own filing settings, merged from the files Hexo merges, when hexo-beian knows
 * the theme; undefined otherwise.
 */
export async function themeSettings(hexo: Hexo): Promise<ThemeBeian | undefined> {
  const theme = themeOf(hexo.config.theme, themeVersion(hexo.theme_dir));
  if (!theme) return undefined;
  const layers = await loadThemeLayers(path => hexo.render.render({ path }), {
    baseDir: hexo.base_dir,
    themeDir: hexo.theme_dir,
    configPath: hexo.config_path,
    theme: String(hexo.config.theme)
  });
  return readThemeBeian(theme, layers);
}

/** The theme's version, from its package.json (one folder name may mean two themes: NexT 8 and theme-next 7). */
function themeVersion(themeDir: string | undefined): string | undefined {
  if (!themeDir) return undefined;
  try {
    const { version } = JSON.parse(readFileSync(join(themeDir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined; // no package.json (a theme copied by hand): the description from npm
  }
}

/** Front matter is read from the first bytes of a source file only. */
const FRONT_MATTER_BYTES = 8192;

/**
 * The HTML pages Hexo writes without a theme layout, so `after_render:html` never sees them:
 * in the site's `source/`, files matched by `skip_render` (copied as they are) and pages whose
 * front matter says `layout: false`; and every HTML page of the theme's own `source/` (Ayer's
 * `404.html`, Yun's `css/README.html`: Hexo renders theme files without a layout) — each at the
 * path Hexo gives it (its source path, `.html`). Hidden files and folders (`_…`, `.…`, `_posts`
 * with them) are not pages.
 */
export function unthemedPages(hexo: Hexo): Set<string> {
  const pages = new Set<string>();
  const skip = hexo.config.skip_render as string | string[] | undefined;
  const skipped = (path: string) => skip !== undefined && skip !== null && (!Array.isArray(skip) || skip.length > 0) && micromatch.isMatch(path, skip);
  const html = (path: string) => `${path.slice(0, path.length - (path.split('.').pop() ?? '').length)}html`;
  const walk = (root: string, folder: string, theme: boolean) => {
    let entries;
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      return; // a folder it may not read holds no page Hexo could write either
    }
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(root, path, theme);
      else if (!entry.isFile()) continue;
      else if (!theme && skipped(path)) {
        if (/\.html?$/i.test(path)) pages.add(path);
      } else if (hexo.render.isRenderable(path) && hexo.render.getOutput(path) === 'html' && (theme || layoutFalse(join(root, ...path.split('/'))))) {
        pages.add(html(path));
      }
    }
  };
  walk(hexo.source_dir, '', false);
  if (typeof hexo.theme_dir === 'string') walk(join(hexo.theme_dir, 'source'), '', true);
  return pages;
}

/** The file's front matter (`---` or `;;;` fenced, at its start) says `layout: false`. */
function layoutFalse(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openToRead(file);
    const buffer = Buffer.alloc(FRONT_MATTER_BYTES);
    const head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0)).replace(/^\ufeff/, '');
    const lines = head.split(/\r?\n/);
    const fence = lines[0].trim();
    if (fence !== '---' && fence !== ';;;') return false;
    for (const line of lines.slice(1)) {
      if (line.trim() === fence) return false;
      if (/^layout\s*:\s*false\s*(?:#.*)?$/.test(line)) return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

import { existsSync, statSync } from 'fs';
import { join, posix } from 'path';
import { browserPath } from '../engine/text';
import type { Language } from '../engine/diagnostic';
import { finding, type Finding } from '../finding';
import type { BeianConfig } from '../config/schema';
import { MPS_HOST, RETIRED_MPS_HOSTS } from './links';

/**
 * The public-security icon (`gongan.icon`), audited: the file is served by the site,
 * or the URL is safe to embed. Rules: docs/filing-rules.md, "Links and the icon" — the official
 * icon's URLs on beian.mps.gov.cn are hashed and change, so never hot-link them; an `http:`
 * image on an `https:` page is mixed content (browsers block or flag it).
 */

/** Hosts of the MPS platform, whose assets must not be hot-linked. */
const MPS_HOSTS = [MPS_HOST, ...RETIRED_MPS_HOSTS];

/**
 * The file a site-path icon is served from, relative to a source folder
 * (`/images/gongan.png?v=2` → `images/gongan.png`); undefined for a URL (`https:`, `http:`,
 * `//host/…`), which is not a file of the site.
 */
export function iconFile(src: string): string | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return undefined;
  // As the browser asks for it: `..` never climbs out of the site (`/../package.json` is `/package.json`).
  const path = browserPath(src).replace(/[?#].*$/, '').replace(/^\/+/, '');
  let file: string;
  try {
    file = decodeURI(path);
  } catch {
    file = path; // a stray % is a file name like any other
  }
  // `%2e%2e` is `..` to a browser too: the file is looked for inside the folder, never above it.
  return posix.normalize(`/${file}`).slice(1);
}

/**
 * Whether a site-path icon is a file in one of the folders Hexo serves `source/` from (the
 * site's `source_dir`, then the theme's `source/`); undefined for a URL icon.
 */
export function iconExists(src: string, sourceDirs: readonly string[]): boolean | undefined {
  const file = iconFile(src);
  if (file === undefined) return undefined;
  return file !== '' && sourceDirs.some(dir => existsSync(join(dir, file)) && statSync(join(dir, file)).isFile());
}

export interface IconAuditOptions {
  language: Language;
  /** The site's `url` (Hexo's `url` setting): its scheme decides what is mixed content. */
  siteUrl: unknown;
  /** Whether the icon's file was found (from {@link iconExists}); undefined for a URL icon. */
  found: boolean | undefined;
}

/**
 * Audits the 公安 icon (`gongan.icon`, at `config.paths.gonganIcon`):
 * - `icon-not-found` (error): a site path that is no file of `source/` (or of the theme's);
 *   every page would show a broken image;
 * - `icon-mixed-content` (warning): an `http:` URL on an `https:` site;
 * - `icon-hotlinked` (warning): an image on beian.mps.gov.cn (or the retired beian.gov.cn).
 *
 * @returns findings at the icon's path; none without an icon.
 */
export function auditIcon(config: BeianConfig, options: IconAuditOptions): Finding[] {
  const src = config.gongan?.icon;
  return src ? auditIconAt(src, config.paths.gonganIcon, options) : [];
}

/**
 * The same audit of an icon written anywhere: `beian`'s, or a theme's own (NexT
 * `gongan_icon_url`, Fluid `police_icon`, at `<file>:<key>`). The message says what the site
 * would show; the fix is the same.
 */
export function auditIconAt(src: string, path: string, options: IconAuditOptions): Finding[] {
  const { language } = options;
  const findings: Finding[] = [];
  if (options.found === false) {
    // `/source/images/gongan.png`: the folder's own name written into the site path (a newcomer's trial).
    const served = /^\/?source\/./.test(src) ? `/${src.replace(/^\/?source\//, '')}` : undefined;
    findings.push(finding(language, 'icon-not-found', 'error', served ? {
      zh: `图标 ${src} 不在站点的 source 文件夹里（也不在主题的 source 里），每个页面都会显示一张坏图：站点路径不带 source/，source/${iconFile(served)} 的路径是 ${served}，请写 ${served}。`,
      en: `The icon ${src} is not a file in the site's source folder (nor in the theme's), so every page would show a broken image: a site path leaves out source/; source/${iconFile(served)} is served at ${served}, so write ${served}.`
    } : {
      zh: `图标 ${src} 不在站点的 source 文件夹里（也不在主题的 source 里），每个页面都会显示一张坏图：把图标文件放到 source/${iconFile(src)}，或改成它真正的路径。`,
      en: `The icon ${src} is not a file in the site's source folder (nor in the theme's), so every page would show a broken image: put the icon file at source/${iconFile(src)}, or write its real path.`
    }, { path, suggestion: served && `${path.slice(path.lastIndexOf('.') + 1)}: ${served}` }));
  }
  const url = parseUrl(src);
  if (url?.protocol === 'http:' && parseUrl(String(options.siteUrl ?? ''))?.protocol === 'https:') {
    findings.push(finding(language, 'icon-mixed-content', 'warning', {
      zh: `站点是 https，图标却是 http 地址（${src}）：浏览器会拦截或警告这种混合内容。请改用 https 地址，或把图标放进 source/images/ 并写 /images/gongan.png。`,
      en: `The site is https but the icon is an http URL (${src}): browsers block or flag such mixed content. Use an https URL, or put the icon in source/images/ and write /images/gongan.png.`
    }, { path }));
  }
  if (url && MPS_HOSTS.includes(url.hostname.toLowerCase())) {
    findings.push(finding(language, 'icon-hotlinked', 'warning', {
      zh: `图标直接引用了公安备案平台的图片（${url.hostname}）：这些地址带哈希、会变，图标随时可能失效。请登录平台下载图标，放进 source/images/，并写 /images/gongan.png。`,
      en: `The icon is hot-linked from the public-security platform (${url.hostname}): those asset URLs are hashed and change, so it can break at any time. Download the icon after logging in to the platform, put it in source/images/ and write /images/gongan.png.`
    }, { path }));
  }
  return findings;
}

/** An absolute http(s) or protocol-relative URL, or undefined. */
function parseUrl(text: string): URL | undefined {
  if (!/^(?:https?:)?\/\//i.test(text)) return undefined;
  try {
    return new URL(text, 'https://site.invalid');
  } catch {
    return undefined;
  }
}

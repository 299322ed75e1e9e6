import { existsSync } from 'fs';
import { join } from 'path';
import type Hexo from 'hexo';
import { url_for } from 'hexo-util';
import { labelLanguageOf, say, type Finding, type Language } from '../engine/diagnostic';
import { readConfig, type DomainChoice } from '../config/read';
import { gonganDeadline } from './deadline';
import { auditIcon, iconExists } from './icon';
import { auditTheme, loadThemeLayers, readThemeBeian, themeOf } from './theme';
import { auditPublic } from './pages';
import { lineItems } from '../line/render';

/**
 * The audit behind `hexo beian check` and the deploy guard: everything wrong with a site's
 * filings, as findings with config paths or pages. {@link auditConfig} is pure (the caller
 * supplies the raw config and today's date); {@link auditSite} gathers the rest of what it
 * needs from Hexo (the theme's settings, the icon file, `public_dir`).
 */
export interface AuditOptions {
  language: Language;
  /** `YYYY-MM-DD`. */
  today: string;
  /** The site's `url`: its host picks the `beian.domains` entry. */
  url?: unknown;
}

/**
 * Audits the raw `beian` block: every value through the config reader and the filing
 * engine, then the public-security deadline (公安部令第33号 art. 12).
 *
 * @returns findings, errors first, then warnings, then infos (stable within a severity).
 */
export function auditConfig(raw: unknown, options: AuditOptions): Finding[] {
  const { language, today, url } = options;
  const { config, findings } = readConfig(raw, language, { url });
  if (!config.enable) {
    findings.push({
      code: 'disabled',
      severity: 'info',
      path: 'beian.enable',
      message: say(language, {
        zh: 'beian.enable 为 false：页面上不显示任何备案号。',
        en: 'beian.enable is false: no filing number is shown on any page.'
      })
    });
  }
  if (config.domains) findings.push(domainUsed(config.domains, language));
  const unlisted = config.domains && config.domains.entry === undefined;
  if (config.enable && !unlisted && !config.icp && !findings.some(f => f.path?.startsWith(`${config.at}.icp`))) {
    findings.push({
      code: 'icp-missing',
      severity: 'warning',
      path: `${config.at}.icp`,
      message: say(language, {
        zh: '没有配置 ICP 备案号：中国大陆的网站须在首页底部显示它（《非经营性互联网信息服务备案管理办法》第十三条）。请在站点的 _config.yml（不是主题的）里写：\nbeian:\n  icp: ‹你的 ICP 备案号，例如 京ICP备20000491号-1›',
        en: 'No ICP number is configured: a site served from mainland China must show it at the bottom of its home page (MIIT Order No. 33, art. 13). Write it in the site\'s _config.yml (not the theme\'s):\nbeian:\n  icp: ‹your ICP number, for example 京ICP备20000491号-1›'
      })
    });
  }
  findings.push(...gonganDeadline(config, today, language));
  return sortFindings(findings);
}

/** Which `beian.domains` entry the site's `url` picked, or that none did (nothing is shown then). */
function domainUsed(domains: DomainChoice, language: Language): Finding {
  const listed = domains.hosts.join(', ') || '-';
  if (domains.entry !== undefined) {
    const path = `beian.domains[${JSON.stringify(domains.entry)}]`;
    return {
      code: 'domain',
      severity: 'info',
      path,
      message: say(language, {
        zh: `站点 url 的域名是 ${domains.host}：使用 ${path} 下的备案号。`,
        en: `The site's url has the host ${domains.host}: the numbers under ${path} are used.`
      })
    };
  }
  return {
    code: 'domain',
    severity: 'info',
    path: 'beian.domains',
    message: say(language, {
      zh: `站点 url 的域名 ${domains.host ?? '（url 不是网址）'} 不在 beian.domains 中（已列出：${listed}），本次构建不显示任何备案信息。境外镜像站正应如此；否则请把这个域名加到 beian.domains 下。`,
      en: `The site's url has the host ${domains.host ?? '(url is not a URL)'}, which is not under beian.domains (listed: ${listed}): this build shows no filing line. That is right for a mirror outside mainland China; otherwise add the host under beian.domains.`
    })
  };
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then infos; the order within a severity is kept. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** What {@link auditSite} looks at, and how. */
export interface SiteAuditOptions extends AuditOptions {
  /** Read the pages under `public_dir` too (false before a build: nothing is written yet). */
  pages: boolean;
  /** Called after each page read, with the count so far (for a progress line). */
  onPage?: (pages: number) => void;
}

/**
 * Every audit, on what Hexo knows of the site: the `beian` block and the deadline, the icon,
 * the theme's own filing settings, and, with `pages`, the pages under `public_dir` when it
 * exists. The one implementation behind `hexo beian check` and the deploy guard.
 *
 * @returns findings, errors first; `pages` is the number of HTML pages read.
 */
export async function auditSite(hexo: Hexo, options: SiteAuditOptions): Promise<{ findings: Finding[]; pages: number }> {
  const { today, language } = options;
  const raw = hexo.config.beian;
  const url = hexo.config.url;
  const { config } = readConfig(raw, language, { url });
  const items = lineItems(config, labelLanguageOf(hexo.config.language), path => url_for.call(hexo, path));
  const findings = auditConfig(raw, { language, today, url });

  const themeSource = join(hexo.theme_dir, 'source');
  const icon = config.gongan?.icon;
  findings.push(...auditIcon(config, {
    language,
    siteUrl: hexo.config.url,
    found: icon === undefined ? undefined : iconExists(icon, [hexo.source_dir, themeSource])
  }));

  const theme = themeOf(hexo.config.theme);
  if (theme) {
    const layers = await loadThemeLayers(path => hexo.render.render({ path }), {
      baseDir: hexo.base_dir,
      themeDir: hexo.theme_dir,
      configPath: hexo.config_path,
      theme: String(hexo.config.theme)
    });
    findings.push(...auditTheme(readThemeBeian(theme, layers), items, language));
  }

  let pages = 0;
  if (!options.pages) return { findings: sortFindings(findings), pages };
  if (existsSync(hexo.public_dir)) {
    const site = auditPublic(hexo.public_dir, { items, placement: config, language }, options.onPage ?? (() => undefined));
    pages = site.pages;
    findings.push(...site.findings);
  } else {
    findings.push({
      code: 'public-missing',
      severity: 'info',
      message: say(language, {
        zh: `${hexo.config.public_dir ?? 'public'}/ 不存在，没有检查任何页面：先运行 hexo generate，或用 hexo beian check --generate。`,
        en: `${hexo.config.public_dir ?? 'public'}/ does not exist, so no page was checked: run hexo generate first, or hexo beian check --generate.`
      })
    });
  }
  return { findings: sortFindings(findings), pages };
}

import { existsSync } from 'fs';
import { join } from 'path';
import type Hexo from 'hexo';
import { url_for } from 'hexo-util';
import { say, type Finding, type Language } from './diagnostic';
import { readConfig } from './config';
import { gonganDeadline } from './deadline';
import { auditIcon, iconExists } from './icon';
import { auditTheme, loadThemeLayers, readThemeBeian, themeOf } from './theme';
import { auditPublic } from './pages';
import { footerItems } from './render';

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
}

/**
 * Audits the raw `beian` block: every value through the config reader and the filing
 * engine, then the public-security deadline (公安部令第33号 art. 12).
 *
 * @returns findings, errors first, then warnings, then infos (stable within a severity).
 */
export function auditConfig(raw: unknown, options: AuditOptions): Finding[] {
  const { language, today } = options;
  const { config, findings } = readConfig(raw, language);
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
  if (config.enable && !config.icp && !findings.some(f => f.path?.startsWith('beian.icp'))) {
    findings.push({
      code: 'icp-missing',
      severity: 'warning',
      path: 'beian.icp',
      message: say(language, {
        zh: '没有配置 ICP 备案号：中国大陆的网站须在首页底部显示它（《非经营性互联网信息服务备案管理办法》第十三条）。请在站点的 _config.yml（不是主题的）里写：\nbeian:\n  icp: 你的 ICP 备案号，例如 京ICP备20000491号-1',
        en: 'No ICP number is configured: a site served from mainland China must show it at the bottom of its home page (MIIT Order No. 33, art. 13). Write it in the site\'s _config.yml (not the theme\'s):\nbeian:\n  icp: <your ICP number, for example 京ICP备20000491号-1>'
      })
    });
  }
  findings.push(...gonganDeadline(config, today, language));
  return sortFindings(findings);
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
  const { config } = readConfig(raw, language);
  const items = footerItems(config, language, path => url_for.call(hexo, path));
  const findings = auditConfig(raw, { language, today });

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
    const site = auditPublic(hexo.public_dir, { items, language }, options.onPage ?? (() => undefined));
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

import { finding, located, sortFindings, type Finding, type Locate } from '../finding';
import type { LineItem } from '../line/items';
import { auditConfig, type ConfigReading } from './config';
import { auditIcon, auditIconAt } from './icon';
import { auditTheme, themeIcon, themeNumbers, themeOff, type ThemeBeian } from './theme';
import { auditPublic } from './public';
import { pagePlan } from './pages';

/**
 * The whole audit behind `hexo beian check` and the publish guard: the config and its
 * deadline, the icon, the theme's own filing line and the generated pages. Everything it
 * looks at is handed in (lib/hexo/ gathers it from Hexo): the reading of the build, the facts
 * of the files, today.
 */

/** What one build read of the site: the config and the line's items. */
export interface SiteReading extends ConfigReading {
  items: readonly LineItem[];
  /** Where a config path is written (file, line, column), for the findings' positions; without it, none. */
  locate?: Locate;
}

/** The facts from outside the config that the audit judges. */
export interface SiteFacts {
  /** `YYYY-MM-DD`. */
  today: string;
  /** The site's `url`: its scheme decides what is mixed content. */
  siteUrl: unknown;
  /** Whether the icon's file was found (lib/audit/icon.ts `iconExists`); undefined for a URL icon or none. */
  iconFound?: boolean;
  /** The theme's own filing settings, when it is a theme whose settings are known. */
  theme?: ThemeBeian;
  /** Whether the theme's own icon (its `icon` setting, when its line is on) was found; undefined for a URL. */
  themeIconFound?: boolean;
  /** The generated site, when the pages are to be read too. */
  public?: {
    /** `public_dir`, absolute; undefined when it does not exist yet. */
    dir?: string;
    /** `public_dir` as the config names it, for the message that it is missing. */
    name: string;
    /** Pages written without a theme layout (the filter never sees them). */
    unthemed: ReadonlySet<string>;
    /** Called after each page read, with the count so far (for a progress line). */
    onPage?: (pages: number) => void;
  };
}

/**
 * Every audit, on the reading and the facts.
 *
 * @returns findings, errors first; `pages` is the number of HTML pages read.
 */
export function auditSite(reading: SiteReading, facts: SiteFacts): { findings: Finding[]; pages: number } {
  const { config, items, language } = reading;
  const theme = facts.theme ? themeNumbers(facts.theme) : {};
  const findings = auditConfig(reading, facts.today, theme);
  findings.push(...auditIcon(config, { language, siteUrl: facts.siteUrl, found: facts.iconFound }));
  if (facts.theme) {
    const icon = themeIcon(facts.theme);
    findings.push(...auditTheme(facts.theme, items, config, language, icon ? facts.themeIconFound : undefined));
    if (icon) findings.push(...auditIconAt(icon.src, icon.path, { language, siteUrl: facts.siteUrl, found: facts.themeIconFound }));
  }

  let pages = 0;
  const site = facts.public;
  // The config's and the theme's findings, at the line of their key; pages have no config key.
  if (!site) return { findings: sortFindings(located(findings, reading.locate)), pages };
  if (site.dir !== undefined) {
    const themeOffAdvice = facts.theme ? themeOff(facts.theme) : undefined;
    const audit = auditPublic(site.dir, pagePlan(config, items, language, { unthemed: site.unthemed, theme, ...(themeOffAdvice && { themeOff: themeOffAdvice }) }), site.onPage);
    pages = audit.pages;
    findings.push(...audit.findings);
  } else {
    findings.push(finding(language, 'public-missing', 'info', {
      zh: `${site.name}/ 不存在，没有检查任何页面：先运行 hexo generate，或用 hexo beian check --generate。`,
      en: `${site.name}/ does not exist, so no page was checked: run hexo generate first, or hexo beian check --generate.`
    }));
  }
  return { findings: sortFindings(located(findings, reading.locate)), pages };
}

import type { Language } from '../engine/diagnostic';
import { NUMBER_SHAPES as SHAPE } from '../engine/examples';
import { finding, sortFindings, type Finding } from '../finding';
import type { BeianConfig, DomainChoice } from '../config/schema';
import { gonganDeadline } from './deadline';

/**
 * The audit of the `beian` block as read: its own findings, what it means for the build (off,
 * which `domains` entry, no ICP number), and the public-security deadline.
 */

/** The config as one build read it (lib/hexo/site.ts): the audits take it, never the raw block. */
export interface ConfigReading {
  config: BeianConfig;
  /** Every problem reading found (the template's included). */
  findings: readonly Finding[];
  language: Language;
}

/**
 * Everything about the config: the reading's findings, then `disabled`, `domain`,
 * `icp-missing` and the deadline (公安部令第33号 art. 12).
 *
 * @param today `YYYY-MM-DD`.
 * @param theme the numbers the theme's own line shows (`themeNumbers`, lib/audit/theme.ts).
 * @returns findings, errors first, then warnings, then infos (stable within a severity).
 */
export function auditConfig(reading: ConfigReading, today: string, theme: { icp?: string } = {}): Finding[] {
  const { config, language } = reading;
  const { paths } = config;
  const findings = [...reading.findings];
  if (!config.enable) {
    findings.push(finding(language, 'disabled', 'info', {
      zh: `${paths.enable} 为 false：页面上不显示任何备案号。`,
      en: `${paths.enable} is false: no filing number is shown on any page.`
    }, { path: paths.enable }));
  }
  if (config.domains) findings.push(domainUsed(config.domains, paths.block, paths.domains, language));
  const unlisted = config.domains && config.domains.entry === undefined;
  // An ICP number the theme's own line shows is not missing: the theme audit says what to write (theme-move).
  if (config.enable && !unlisted && !config.icp && !config.misplaced.icp && theme.icp === undefined && !findings.some(f => f.path?.startsWith(paths.icp))) {
    // With a beian block written, the site exists to show the number: its absence is an error.
    findings.push(finding(language, 'icp-missing', config.written ? 'error' : 'warning', {
      zh: `没有配置 ICP备案号：中国大陆的网站须在首页底部显示它（《非经营性互联网信息服务备案管理办法》第十三条）。请在站点的 _config.yml（不是主题的）里写：\nbeian:\n  icp: ${SHAPE.icp.zh}`,
      en: `No ICP number is configured: a site served from mainland China must show it at the bottom of its home page (MIIT Order No. 33, art. 13). Write it in the site's _config.yml (not the theme's):\nbeian:\n  icp: ${SHAPE.icp.en}`
    }, { path: paths.icp }));
  }
  const rejected = [paths.online, paths.icpApproved].filter(path => findings.some(f => f.code === 'config-date' && f.path === path));
  findings.push(...gonganDeadline(config, today, language, rejected));
  return sortFindings(findings);
}

/** Which `beian.domains` entry the site's `url` picked, or that none did (nothing is shown then). */
function domainUsed(domains: DomainChoice, entryPath: string, domainsPath: string, language: Language): Finding {
  const listed = domains.hosts.join(', ') || '-';
  if (domains.entry !== undefined) {
    return finding(language, 'domain', 'info', {
      zh: `站点 url 的域名是 ${domains.host}：使用 ${entryPath} 下的备案号。`,
      en: `The site's url has the host ${domains.host}: the numbers under ${entryPath} are used.`
    }, { path: entryPath });
  }
  return finding(language, 'domain', 'info', {
    zh: `站点 url 的域名 ${domains.host ?? '（url 不是网址）'} 不在 ${domainsPath} 中（已列出：${listed}），本次构建不显示任何备案信息。境外镜像站正应如此；否则请把这个域名加到 ${domainsPath} 下。`,
    en: `The site's url has the host ${domains.host ?? '(url is not a URL)'}, which is not under ${domainsPath} (listed: ${listed}): this build shows no filing line. That is right for a mirror outside mainland China; otherwise add the host under ${domainsPath}.`
  }, { path: domainsPath });
}

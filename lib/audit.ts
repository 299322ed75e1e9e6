import { say, type Finding, type Language } from './diagnostic';
import { readConfig, type DomainChoice } from './config';
import { gonganDeadline } from './deadline';

/**
 * The audit behind `hexo beian check`: everything wrong with a site's filings, as findings
 * with config paths. Pure: the caller supplies the raw config and today's date.
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
  if (!unlisted && !config.icp && !findings.some(f => f.path?.startsWith(`${config.at}.icp`))) {
    findings.push({
      code: 'icp-missing',
      severity: 'warning',
      path: `${config.at}.icp`,
      message: say(language, {
        zh: '没有配置 ICP 备案号：中国大陆的网站须在首页底部显示它（《非经营性互联网信息服务备案管理办法》第十三条）。请在 _config.yml 的 beian.icp 填写，例如 icp: 京ICP备20000491号-1。',
        en: 'No ICP number is configured: a site served from mainland China must show it at the bottom of its home page (MIIT Order No. 33, art. 13). Write it in beian.icp of _config.yml, for example icp: 京ICP备20000491号-1.'
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

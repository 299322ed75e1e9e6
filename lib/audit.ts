import { say, type Finding, type Language } from './diagnostic';
import { readConfig } from './config';
import { gonganDeadline } from './deadline';

/**
 * The audit behind `hexo beian check`: everything wrong with a site's filings, as findings
 * with config paths. Pure: the caller supplies the raw config and today's date.
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

import { say, type Finding, type Language } from './diagnostic';
import type { BeianConfig } from './config';

/**
 * The public-security filing clock.
 *
 * 《计算机信息网络国际联网安全保护管理办法》 (公安部令第33号) art. 12: a site files with public
 * security within 30 days of going online (网络正式联通之日起三十日内). A build cannot know
 * that day, so the user gives it (`beian.online`), or the ICP approval date
 * (`beian.icp.approved`) stands in for it: a site cannot open before its ICP approval, so
 * that date gives the earliest possible deadline.
 */
export const GONGAN_DAYS = 30;

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The `YYYY-MM-DD` that is `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Today's date, `YYYY-MM-DD`, in the site's `timezone` (Hexo's setting) when it names a
 * real IANA zone, else in the machine's.
 */
export function today(timezone?: unknown, now: Date = new Date()): string {
  const zone = typeof timezone === 'string' && timezone.trim() ? timezone.trim() : undefined;
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

/**
 * The `gongan-missing` finding, or none: an ICP number is configured and no public-security
 * number is.
 *
 * - no start date known → `info` (we cannot tell whether the 30 days have run);
 * - today on or before the deadline → `warning` naming the deadline;
 * - after it → `error` with the whole days overdue.
 *
 * @param config the read config (`icp` present, `gongan` absent triggers it).
 * @param todayDate `YYYY-MM-DD`.
 * @returns zero or one finding at `beian.gongan`, with `deadline` and `daysOverdue` when known.
 */
export function gonganDeadline(config: BeianConfig, todayDate: string, language: Language): Finding[] {
  if (!config.icp || config.gongan) return [];
  const path = `${config.at}.gongan`;
  const code = 'gongan-missing';
  const start = config.online ?? config.icp.approved;
  const startKey = config.online ? 'beian.online' : `${config.at}.icp.approved`;
  if (!start) {
    return [{
      code,
      severity: 'info',
      path,
      message: say(language, {
        zh: `已配置 ICP 备案号，但没有公安联网备案号。网站开通后 30 日内须办理公安联网备案；填写 ${config.at}.icp.approved（ICP 备案通过日期）或 beian.online（上线日期），即可算出截止日。备案后在 ${path} 填写编号。`,
        en: `An ICP number is set but no public-security (公安) number. Sites must file with public security within 30 days of going online; set ${config.at}.icp.approved (the ICP approval date) or beian.online (the go-live date) to get the deadline. Once filed, put the number in ${path}.`
      })
    }];
  }
  const deadline = addDays(start, GONGAN_DAYS);
  const late = daysBetween(deadline, todayDate);
  if (late <= 0) {
    return [{
      code,
      severity: 'warning',
      path,
      deadline,
      message: say(language, {
        zh: `尚无公安联网备案号：须在 ${deadline} 前办理（${startKey} ${start} 起 30 日内，还剩 ${-late} 天）。备案后在 ${path} 填写编号。`,
        en: `No public-security (公安) number yet: file by ${deadline} (30 days from ${startKey} ${start}; ${-late} days left). Once filed, put the number in ${path}.`
      })
    }];
  }
  return [{
    code,
    severity: 'error',
    path,
    deadline,
    daysOverdue: late,
    message: say(language, {
      zh: `公安联网备案已逾期 ${late} 天：截止日为 ${deadline}（${startKey} ${start} 起 30 日）。请尽快办理，并在 ${path} 填写编号。`,
      en: `The public-security (公安) filing is ${late} days overdue: the deadline was ${deadline} (30 days from ${startKey} ${start}). File now and put the number in ${path}.`
    })
  }];
}

import { say, type Finding, type Language } from '../engine/diagnostic';
import type { BeianConfig } from '../config/read';

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
 * The public-security filing's state against the clock: `gongan-missing` when an ICP number
 * is configured and no public-security number is, `gongan-pending` when the filing is
 * recorded as applied for (`beian.gongan.applied`) and no number has come yet.
 *
 * `gongan-missing`:
 * - no start date known → `info` (we cannot tell whether the 30 days have run);
 * - the start date still ahead (the site is not online yet) → `info` naming the deadline;
 * - today from the start date to the deadline (inclusive) → `warning` naming the deadline;
 * - after it → `error` with the whole days overdue.
 *
 * `gongan-pending` (art. 12 asks to *file* within 30 days, which applying does): `info` with
 * the days pending and, when a start date is known, whether it was applied for in time;
 * `warning` when the application date is after today (a typo).
 *
 * @param config the read config.
 * @param todayDate `YYYY-MM-DD`.
 * @returns zero or one finding at `beian.gongan` (`beian.gongan.applied` when pending), with
 *   `deadline` and `daysOverdue` when known.
 */
export function gonganDeadline(config: BeianConfig, todayDate: string, language: Language): Finding[] {
  if (config.gongan) return [];
  if (config.gonganApplied) return [pending(config, config.gonganApplied, todayDate, language)];
  if (!config.icp) return [];
  const path = `${config.at}.gongan`;
  const code = 'gongan-missing';
  const start = startOf(config);
  // What to write once filed, as it stands in _config.yml.
  const filed = say(language, {
    zh: `备案通过后，在 ${config.at} 下加一行 gongan: ‹你的公安备案号›，例如 gongan: 京公网安备11010502030143号。`,
    en: `Once filed, add a line under ${config.at}: gongan: ‹your number›, for example gongan: 京公网安备11010502030143号.`
  });
  if (!start) {
    return [{
      code,
      severity: 'info',
      path,
      message: say(language, {
        zh: `已配置 ICP 备案号，但没有公安联网备案号。网站开通后 30 日内须办理公安联网备案。写上 ICP 备案通过日期即可算出截止日：\nicp:\n  number: ${config.icp.result.canonical ?? '京ICP备20000491号-1'}\n  approved: ‹ICP 备案通过的日期，例如 2024-05-20›\n（或写 beian.online: ‹上线日期›）。${filed}`,
        en: `An ICP number is set but no public-security (公安) number. Sites must file with public security within 30 days of going online. Give the ICP approval date to get the deadline:\nicp:\n  number: ${config.icp.result.canonical ?? '京ICP备20000491号-1'}\n  approved: ‹the day it was approved, for example 2024-05-20›\n(or beian.online: ‹the go-live date›). ${filed}`
      })
    }];
  }
  const deadline = addDays(start.date, GONGAN_DAYS);
  const late = daysBetween(deadline, todayDate);
  if (daysBetween(todayDate, start.date) > 0) {
    return [{
      code,
      severity: 'info',
      path,
      deadline,
      message: say(language, {
        zh: `${start.key} 是 ${start.date}，还没到：公安联网备案的截止日将是 ${deadline}（含当天）。${filed}`,
        en: `${start.key} is ${start.date}, still ahead: the public-security (公安) filing will be due on ${deadline} (inclusive). ${filed}`
      })
    }];
  }
  if (late <= 0) {
    return [{
      code,
      severity: 'warning',
      path,
      deadline,
      message: say(language, {
        zh: `尚无公安联网备案号：截止日是 ${deadline}（含当天；${start.key} ${start.date} 起 30 日），还剩 ${-late} 天。${filed}`,
        en: `No public-security (公安) number yet: file by ${deadline} (inclusive; 30 days from ${start.key} ${start.date}); ${-late} days left. ${filed}`
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
      zh: `公安联网备案已逾期 ${late} 天：截止日为 ${deadline}（${start.key} ${start.date} 起 30 日）。请尽快办理。${filed}`,
      en: `The public-security (公安) filing is ${late} days overdue: the deadline was ${deadline} (30 days from ${start.key} ${start.date}). File now. ${filed}`
    })
  }];
}

/** The start of the 30 days: the go-live date, else the ICP approval date, with its key. */
function startOf(config: BeianConfig): { date: string; key: string } | undefined {
  if (config.online) return { date: config.online, key: 'beian.online' };
  if (config.icp?.approved) return { date: config.icp.approved, key: `${config.at}.icp.approved` };
  return undefined;
}

function pending(config: BeianConfig, applied: string, todayDate: string, language: Language): Finding {
  const path = `${config.at}.gongan.applied`;
  const code = 'gongan-pending';
  const days = daysBetween(applied, todayDate);
  if (days < 0) {
    return {
      code,
      severity: 'warning',
      path,
      message: say(language, {
        zh: `${path} 是 ${applied}，晚于今天（${todayDate}）：请写提交公安备案申请的那一天。`,
        en: `${path} is ${applied}, after today (${todayDate}): write the day you applied for the public-security (公安) filing.`
      })
    };
  }
  const start = startOf(config);
  const finding: Finding = { code, severity: 'info', path, message: '' };
  let timing = { zh: '', en: '' };
  if (start) {
    const deadline = addDays(start.date, GONGAN_DAYS);
    const late = daysBetween(deadline, applied);
    finding.deadline = deadline;
    timing = late <= 0
      ? { zh: `，在截止日 ${deadline} 之前`, en: `, within the 30 days (deadline ${deadline})` }
      : { zh: `，比截止日 ${deadline} 晚 ${late} 天`, en: `, ${late} days after the deadline ${deadline}` };
  }
  finding.message = say(language, {
    zh: `公安联网备案已于 ${applied} 提交${timing.zh}，至今审核中 ${days} 天。通过后在 ${config.at}.gongan.number 填写编号，并删去 applied。`,
    en: `The public-security (公安) filing was applied for on ${applied}${timing.en} and has been pending for ${days} days. Once approved, put the number in ${config.at}.gongan.number and remove applied.`
  });
  return finding;
}

import { say, type Language, type Severity, type Text } from '../engine/diagnostic';
import { addDays, daysBetween } from '../engine/date';
import { NUMBER_SHAPES as SHAPE } from '../engine/examples';
import { finding, type Finding, type Place } from '../finding';
import type { BeianConfig } from '../config/schema';

/**
 * The public-security filing clock (docs/filing-rules.md, "Legal basis and deadlines").
 *
 * 《计算机信息网络国际联网安全保护管理办法》 (公安部令第33号) art. 12: a site files with public
 * security within 30 days of going online (网络正式联通之日起三十日内). A build cannot know
 * that day, so the user gives it (`beian.online`), or the ICP approval date
 * (`beian.icp.approved`) stands in for it: a site cannot open before its ICP approval, so
 * that date gives the earliest possible deadline.
 */

/** The days from going online to the public-security filing's deadline (公安部令第33号 art. 12). */
export const GONGAN_DAYS = 30;

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
 * @param rejected the start dates written but refused (`beian.online`, with a config-date of their own).
 * @returns zero or one finding at `beian.gongan` (`beian.gongan.applied` when pending), with
 *   `deadline` and `daysOverdue` when known.
 */
export function gonganDeadline(config: BeianConfig, todayDate: string, language: Language, rejected: readonly string[] = []): Finding[] {
  // A 公安 number written under another key is reported there, not as missing.
  if (config.gongan || config.misplaced.gongan) return [];
  if (config.gonganApplied) return [pending(config, config.gonganApplied, todayDate, language)];
  if (!config.icp) return [];
  const { paths } = config;
  const missing = (severity: Severity, text: Text, place: Place = {}) => [finding(language, 'gongan-missing', severity, text, { path: paths.gongan, ...place })];
  const start = startOf(config);
  // What to write once filed, as it stands in _config.yml; a day applied for written elsewhere is not asked for again.
  const outside = config.misplaced.applied;
  const day = outside?.day ?? '‹YYYY-MM-DD›';
  const filed = say(language, outside
    ? {
      zh: `申请日期写在了 ${outside.path}，那里不会被读取：把它移到 gongan 下（写在 ${paths.block} 下）：\ngongan:\n  applied: ${day}\n备案通过后，改为 gongan: ${SHAPE.gongan.zh}。`,
      en: `The day you applied is written at ${outside.path}, where it is not read: move it under gongan (under ${paths.block}):\ngongan:\n  applied: ${day}\nOnce filed, write gongan: ${SHAPE.gongan.en} instead.`
    }
    : {
      zh: `备案通过后，在 ${paths.block} 下加一行 gongan: ${SHAPE.gongan.zh}；已经提交申请、还没有编号时，写 gongan: {applied: ‹申请日期›}。`,
      en: `Once filed, add a line under ${paths.block}: gongan: ${SHAPE.gongan.en}; applied and waiting for the number, write gongan: {applied: ‹the day you applied›}.`
    });
  if (!start) {
    const number = config.icp.result.canonical ?? SHAPE.icp[language];
    // A date written but refused (its config-date says why) is to correct, not to write again.
    if (rejected.length > 0) {
      return missing('info', {
        zh: `已配置 ICP备案号，但没有公安联网备案号。网站开通后 30 日内须办理公安联网备案。${rejected.join('、')} 写了但不是有效日期（见它的 config-date）：改正后即可算出截止日。${filed}`,
        en: `An ICP number is set but no public-security (公安) number. Sites must file with public security within 30 days of going online. ${rejected.join(' and ')} is written but is no valid date (see its config-date): correct it to get the deadline. ${filed}`
      });
    }
    return missing('info', {
      zh: `已配置 ICP备案号，但没有公安联网备案号。网站开通后 30 日内须办理公安联网备案。写上 ICP备案通过日期即可算出截止日：\nicp:\n  number: ${number}\n  approved: ‹ICP备案通过的日期，例如 2024-05-20›\n（或写 ${paths.online}: ‹上线日期›）。${filed}`,
      en: `An ICP number is set but no public-security (公安) number. Sites must file with public security within 30 days of going online. Give the ICP approval date to get the deadline:\nicp:\n  number: ${number}\n  approved: ‹the day it was approved, for example 2024-05-20›\n(or ${paths.online}: ‹the go-live date›). ${filed}`
    });
  }
  const deadline = addDays(start.date, GONGAN_DAYS);
  const late = daysBetween(deadline, todayDate);
  if (daysBetween(todayDate, start.date) > 0) {
    return missing('info', {
      zh: `${start.key} 是 ${start.date}，还没到：公安联网备案的截止日将是 ${deadline}（含当天）。${filed}`,
      en: `${start.key} is ${start.date}, still ahead: the public-security (公安) filing will be due on ${deadline} (inclusive). ${filed}`
    }, { deadline });
  }
  if (late <= 0) {
    return missing('warning', {
      zh: `尚无公安联网备案号：截止日是 ${deadline}（含当天；${start.key} ${start.date} 起 30 日），还剩 ${-late} 天。${filed}`,
      en: `No public-security (公安) number yet: file by ${deadline} (inclusive; 30 days from ${start.key} ${start.date}); ${-late} days left. ${filed}`
    }, { deadline });
  }
  return missing('error', {
    zh: `公安联网备案已逾期 ${late} 天：截止日为 ${deadline}（${start.key} ${start.date} 起 30 日）。请尽快办理。${filed}`,
    en: `The public-security (公安) filing is ${late} days overdue: the deadline was ${deadline} (30 days from ${start.key} ${start.date}). File now. ${filed}`
  }, { deadline, daysOverdue: late });
}

/** The start of the 30 days: the go-live date, else the ICP approval date, with its key. */
function startOf(config: BeianConfig): { date: string; key: string } | undefined {
  if (config.online) return { date: config.online, key: config.paths.online };
  if (config.icp?.approved) return { date: config.icp.approved, key: config.paths.icpApproved };
  return undefined;
}

function pending(config: BeianConfig, applied: string, todayDate: string, language: Language): Finding {
  const path = config.paths.gonganApplied;
  const days = daysBetween(applied, todayDate);
  if (days < 0) {
    return finding(language, 'gongan-pending', 'warning', {
      zh: `${path} 是 ${applied}，晚于今天（${todayDate}）：请写提交公安备案申请的那一天。`,
      en: `${path} is ${applied}, after today (${todayDate}): write the day you applied for the public-security (公安) filing.`
    }, { path });
  }
  const start = startOf(config);
  let timing = { zh: '', en: '' };
  let deadline: string | undefined;
  if (start) {
    deadline = addDays(start.date, GONGAN_DAYS);
    const late = daysBetween(deadline, applied);
    timing = late <= 0
      ? { zh: `，在截止日 ${deadline} 之前`, en: `, within the 30 days (deadline ${deadline})` }
      : { zh: `，比截止日 ${deadline} 晚 ${late} 天`, en: `, ${late} days after the deadline ${deadline}` };
  }
  const number = `${config.paths.gongan}.number`;
  return finding(language, 'gongan-pending', 'info', {
    zh: `公安联网备案已于 ${applied} 提交${timing.zh}，至今审核中 ${days} 天。通过后在 ${number} 填写编号，并删去 applied。`,
    en: `The public-security (公安) filing was applied for on ${applied}${timing.en} and has been pending for ${days} days. Once approved, put the number in ${number} and remove applied.`
  }, { path, deadline });
}

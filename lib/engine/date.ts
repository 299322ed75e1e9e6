/**
 * Calendar days as `YYYY-MM-DD` text: which text is a real day, how the other ways Chinese
 * configs write a day read, the arithmetic of the 30-day clock, and today in a time zone.
 * Days are counted in UTC, so no time zone or daylight saving shifts them.
 */

const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real `YYYY-MM-DD` day (2024-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

/**
 * The other ways a day is written in Chinese configs (`2024/6/1`, `2024.6.1`, `2024年6月1日`, `20240601`)
 * as `YYYY-MM-DD`, when the day exists; for suggesting it, never for taking it silently.
 */
export function otherDateForm(text: string): string | undefined {
  // Full-width digits and signs read as ASCII (`２０２４－０６－０１`); a time of day after it is left out
  // (found by an expression of bounded length at the end, then the spaces before it: linear whatever the text).
  const normal = text.normalize('NFKC').trim();
  const time = /[\t ]\d{1,2}:\d{2}(?::\d{2})?$/.exec(normal);
  const plain = time ? normal.slice(0, time.index).trimEnd() : normal;
  // Eight digits (`20240601`, which YAML reads as a number) are year, month and day too.
  const m = /^(\d{4})\s*[/.年-]\s*(\d{1,2})\s*[/.月-]\s*(\d{1,2})\s*日?$/.exec(plain) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(plain);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/**
 * A Date as js-yaml gives an unquoted day (UTC midnight) → `YYYY-MM-DD`; undefined for an
 * invalid Date, and for one outside the years 0000–9999, which no `YYYY-MM-DD` names (its ISO
 * text is `-271821-04-20…`, and 30 days later is no Date at all).
 */
export function dayOf(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  const iso = date.toISOString();
  return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : undefined;
}

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
 * A day with a time of day, in YAML's timestamp form or another people write ({@link dayAndTime}):
 * the day as written and whether the time exists; undefined for any other text.
 */
export function timestampDay(text: string): { day: string; realTime: boolean } | undefined {
  return yamlTimestamp(text) ?? dayAndTime(text);
}

/**
 * A day and a time of day in the other forms people write (`2024-06-01 10:00` without seconds,
 * `2024-06-01t10:00:00z` in lower case, RFC 3339's): the day as written, and whether the time
 * exists. Undefined for any other text. (YAML reads these as text, not as timestamps.)
 */
export function dayAndTime(text: string): { day: string; realTime: boolean } | undefined {
  const m = DAY_AND_TIME.exec(text);
  if (!m) return undefined;
  const [hour, minute, second, offsetHour, offsetMinute] = [m[2], m[3], m[4], m[5], m[6]].map(part => (part === undefined ? 0 : Number(part)));
  return { day: m[1], realTime: hour <= 23 && minute <= 59 && second <= 59 && offsetHour <= 23 && offsetMinute <= 59 };
}
const DAY_AND_TIME = /^([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?(?:[ \t]*(?:[Zz]|[-+]([0-9]{1,2})(?::?([0-9]{2}))?))?$/;

/** js-yaml 4's timestamp type (YAML 1.1), which Hexo's config loader uses: a date, or a date and time. */
const YAML_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const YAML_TIMESTAMP = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?$/;

/**
 * A YAML timestamp as it is written in the config file: the day it names (`YYYY-MM-DD`, as
 * written, whether or not it exists) and the instant js-yaml makes of it. js-yaml builds the
 * Date with `Date.UTC`, which rolls an impossible day over (2024-02-30 → 2024-03-01, year 0000
 * → 1900) — so only the text says what the user wrote. `realTime` is false for a time of day
 * that does not exist (`25:00:00`, an offset of `+24`). Undefined when the text is no timestamp.
 */
export function yamlTimestamp(text: string): { day: string; instant: number; realTime: boolean } | undefined {
  const m = YAML_DATE.exec(text) ?? YAML_TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [year, month, date] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (m[4] === undefined) return { day, instant: Date.UTC(year, month, date), realTime: true };
  // 25:00 is rolled over to the next day as 2024-02-30 is to March.
  const realTime = Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59 && (m[10] === undefined || (Number(m[10]) <= 23 && Number(m[11] ?? 0) <= 59));
  const fraction = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  let instant = Date.UTC(year, month, date, Number(m[4]), Number(m[5]), Number(m[6]), fraction);
  if (m[9] !== undefined) instant -= (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) * 60_000;
  return { day, instant, realTime };
}

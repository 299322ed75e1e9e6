import { at, say, type Diagnostic, type Finding, type Language } from './diagnostic';
import { compareFilings, parseGongan, parseIcp, type FilingResult } from './filing';

/**
 * The `beian` block of a site's `_config.yml`: its shape, its defaults, and how it is read.
 * This module is the one place that knows the keys; nothing else reads `hexo.config.beian`.
 *
 * ```yaml
 * beian:
 *   enable: true                       # false turns everything off
 *   icp: 京ICP备20000491号-1            # or {number, approved: 2024-05-20}
 *   gongan: 京公网安备11010502030143号    # or bare digits, a YAML integer, or {number, icon};
 *                                      # while pending: {applied: 2024-06-10} (no number yet)
 *   online: 2024-06-01                 # optional: the day the site went online
 *   guard: warn                        # off | warn | block: the audit before deploy
 * ```
 */

/** The defaults, frozen: reading a config copies, never mutates, them. */
export const DEFAULTS = Object.freeze({
  enable: true,
  guard: 'warn' as GuardMode,
  icon: Object.freeze({ width: 16, height: 16 })
});

/** What the deploy guard does with the audit's findings (see lib/guard.ts). */
export const GUARD_MODES = ['off', 'warn', 'block'] as const;
export type GuardMode = typeof GUARD_MODES[number];

const TOP_KEYS = ['enable', 'icp', 'gongan', 'online', 'guard'] as const;
const ICP_KEYS = ['number', 'approved'] as const;
const GONGAN_KEYS = ['number', 'icon', 'applied'] as const;

/** A filing as configured: the user's value, what the engine made of it, and its dates. */
export interface IcpSetting {
  /** The number as the user wrote it (string or number), kept for messages. */
  input: unknown;
  result: FilingResult;
  /** The ICP approval date, YYYY-MM-DD, when given. */
  approved?: string;
}

export interface GonganSetting {
  input: unknown;
  result: FilingResult;
  /** The icon's src as written (a site path or an http(s) URL), when given and usable. */
  icon?: string;
}

/** The `beian` block once read: every value checked, nothing of the user's changed. */
export interface BeianConfig {
  enable: boolean;
  icp?: IcpSetting;
  gongan?: GonganSetting;
  /**
   * The day the public-security (公安) filing was applied for, YYYY-MM-DD, while it is
   * pending: `gongan: {applied: 2024-06-10}` with no number yet. Absent once a number is set.
   */
  gonganApplied?: string;
  /** The day the site went online, YYYY-MM-DD, when given. */
  online?: string;
  /** `off`: no audit at generate or deploy; `warn`: print its findings; `block`: stop on an error. */
  guard: GuardMode;
  icon: { width: number; height: number };
}

/** What reading produced: the config to act on and every problem found, with config paths. */
export interface ReadResult {
  config: BeianConfig;
  findings: Finding[];
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads the raw `beian` value of a site config (as js-yaml 4 gave it: strings, numbers,
 * Dates, nulls, objects) into a {@link BeianConfig}.
 *
 * Never throws and never mutates `raw`. Each problem becomes one finding naming its config
 * path (`beian.icp.approved`), what is wrong and what to write. An invalid number is left
 * out of `config` (a wrong number published is worse than none); a number the engine could
 * normalise is kept, with the engine's `normalised` warning.
 *
 * @param raw      `hexo.config.beian`; absent means "nothing configured", not an error.
 * @param language the language of the messages.
 */
export function readConfig(raw: unknown, language: Language): ReadResult {
  const findings: Finding[] = [];
  const config: BeianConfig = { enable: DEFAULTS.enable, guard: DEFAULTS.guard, icon: { ...DEFAULTS.icon } };
  if (raw === undefined || raw === null) return { config, findings };
  if (!isPlain(raw)) {
    findings.push(notABlock(raw, language));
    return { config, findings };
  }

  findings.push(...unknownKeys(raw, TOP_KEYS, 'beian', language));

  if (raw.enable !== undefined && raw.enable !== null) {
    config.enable = readBoolean(raw.enable, 'beian.enable', DEFAULTS.enable, language, findings);
  }

  const icp = readIcp(raw.icp, isAbsent(raw.gongan), language, findings);
  if (icp) config.icp = icp;
  const gongan = readGongan(raw.gongan, isAbsent(raw.icp), language, findings);
  if (gongan?.setting) config.gongan = gongan.setting;
  else if (gongan?.applied) config.gonganApplied = gongan.applied;

  if (!isAbsent(raw.guard)) config.guard = readGuard(raw.guard, language, findings);

  if (!isAbsent(raw.online)) {
    const online = readDate(raw.online, 'beian.online', language, findings);
    if (online) config.online = online;
  }

  if (icp && config.gongan) {
    findings.push(...compareFilings(icp.result, config.gongan.result, { language }).map(d => at('beian', d)));
  }
  return { config, findings };
}

function readIcp(value: unknown, gonganFree: boolean, language: Language, findings: Finding[]): IcpSetting | undefined {
  if (isAbsent(value)) return undefined;
  let input: unknown = value;
  let approved: string | undefined;
  let numberPath = 'beian.icp';
  if (isPlain(value)) {
    findings.push(...unknownKeys(value, ICP_KEYS, 'beian.icp', language));
    input = value.number;
    numberPath = 'beian.icp.number';
    if (!isAbsent(value.approved)) approved = readDate(value.approved, 'beian.icp.approved', language, findings);
    if (isAbsent(input)) {
      findings.push(missingNumber(numberPath, 'icp', language));
      return undefined;
    }
  }
  const result = parseIcp(input, { language });
  findings.push(...result.diagnostics.map(d => at(numberPath, movedTo('gongan', gonganFree, d))));
  return { input, result, approved };
}

/**
 * `beian.gongan`: a number (short or long form), or a pending filing: the long form with
 * `applied` and no number yet. With a number, `applied` is history and plays no part.
 */
function readGongan(value: unknown, icpFree: boolean, language: Language, findings: Finding[]): { setting?: GonganSetting; applied?: string } | undefined {
  if (isAbsent(value)) return undefined;
  let input: unknown = value;
  let icon: string | undefined;
  let numberPath = 'beian.gongan';
  if (isPlain(value)) {
    findings.push(...unknownKeys(value, GONGAN_KEYS, 'beian.gongan', language));
    input = value.number;
    numberPath = 'beian.gongan.number';
    if (!isAbsent(value.icon)) icon = readIcon(value.icon, 'beian.gongan.icon', language, findings);
    if (isAbsent(input)) {
      if (isAbsent(value.applied)) {
        findings.push(missingNumber(numberPath, 'gongan', language));
        return undefined;
      }
      return { applied: readDate(value.applied, 'beian.gongan.applied', language, findings) };
    }
  }
  const result = parseGongan(input, { language });
  findings.push(...result.diagnostics.map(d => at(numberPath, movedTo('icp', icpFree, d))));
  return { setting: { input, result, icon } };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as js-yaml gives it (an unquoted `2024-05-20` is a Date at UTC midnight;
 * a quoted one a string) → `YYYY-MM-DD`, or undefined with a finding.
 */
function readDate(value: unknown, path: string, language: Language, findings: Finding[]): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && isCalendarDate(value.trim())) return value.trim();
  findings.push({
    code: 'config-date',
    severity: 'error',
    path,
    message: say(language, {
      zh: `${path} 不是日期（写的是 ${shown(value)}），请写成 年-月-日，例如 2024-05-20。`,
      en: `${path} is not a date (it is ${shown(value)}); write it as year-month-day, for example 2024-05-20.`
    })
  });
  return undefined;
}

/** True for a real `YYYY-MM-DD` day (2024-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The icon must be served from the site or over http(s): no `javascript:`, no `data:`. */
function readIcon(value: unknown, path: string, language: Language, findings: Finding[]): string | undefined {
  if (typeof value === 'string') {
    const src = value.trim();
    const scheme = SCHEME.exec(src)?.[1].toLowerCase();
    if (scheme === undefined || scheme === 'http' || scheme === 'https') return src;
  }
  findings.push({
    code: 'config-icon',
    severity: 'error',
    path,
    message: say(language, {
      zh: `${path} 应是站点内的图片路径或 http(s) 地址，例如 /images/gongan.png（写的是 ${shown(value)}），图标未显示。`,
      en: `${path} must be an image path on your site or an http(s) URL, for example /images/gongan.png (it is ${shown(value)}); the icon is not shown.`
    })
  });
  return undefined;
}

/**
 * Keys that belong one level down, in the long form of `icp` or `gongan`: written directly
 * under `beian`, the message shows the long form to write instead.
 */
const LONG_FORM: Record<string, 'icp' | 'gongan'> = { approved: 'icp', icon: 'gongan' };

function unknownKeys(block: Plain, known: readonly string[], path: string, language: Language): Finding[] {
  return Object.keys(block).filter(key => !known.includes(key)).map(key => {
    const home = path === 'beian' ? LONG_FORM[key] : undefined;
    const longForm = home ? `\n${home}:\n  number: ${EXAMPLE[home]}\n  ${key}: ${key === 'approved' ? '2024-05-20' : '/images/gongan.png'}` : '';
    return {
      code: 'config-unknown-key',
      severity: 'warning' as const,
      path: `${path}.${key}`,
      message: home
        ? say(language, {
          zh: `${path}.${key} 应写在 ${home} 下面，已忽略：把 ${home} 改成长格式：${longForm}`,
          en: `${path}.${key} belongs under ${home} and is ignored: write ${home} in its long form:${longForm}`
        })
        : say(language, {
          zh: `未知的键 ${path}.${key}，已忽略；${path} 下可用的键：${known.join('、')}。`,
          en: `Unknown key ${path}.${key} is ignored; the keys under ${path} are ${known.join(', ')}.`
        })
    };
  });
}

/** The example shown where a number is missing: a shape, never a number to paste. */
const EXAMPLE = { icp: '京ICP备20000491号-1', gongan: '京公网安备11010502030143号' } as const;

/**
 * A value that is not a block of keys. When it is itself a filing number (a common slip:
 * `beian: 京ICP备…`), the suggestion is the block that holds it.
 */
function notABlock(raw: unknown, language: Language): Finding {
  const finding: Finding = {
    code: 'config-shape',
    severity: 'error',
    path: 'beian',
    message: say(language, {
      zh: `beian 应是一组键（icp、gongan 等），而不是单个值，例如：\nbeian:\n  icp: ${EXAMPLE.icp}\n  gongan: ${EXAMPLE.gongan}`,
      en: `beian must be a block of keys (icp, gongan, …), not a single value; for example:\nbeian:\n  icp: ${EXAMPLE.icp}\n  gongan: ${EXAMPLE.gongan}`
    })
  };
  const icp = parseIcp(raw);
  const gongan = parseGongan(raw);
  if (icp.ok) finding.suggestion = `beian:\n  icp: ${icp.canonical}`;
  else if (gongan.ok) finding.suggestion = `beian:\n  gongan: ${gongan.canonical}`;
  return finding;
}

/**
 * A number found in the wrong field: what to write is a line under the other key, when
 * that key is free; when it holds a number already, only the user can say which is right.
 */
function movedTo(key: 'icp' | 'gongan', free: boolean, diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.code !== 'wrong-kind' || !diagnostic.suggestion) return diagnostic;
  const { suggestion, ...rest } = diagnostic;
  return free ? { ...rest, suggestion: `${key}: ${suggestion}` } : rest;
}

/** `beian.guard`: one of {@link GUARD_MODES}; anything else keeps the default, with an error. */
function readGuard(value: unknown, language: Language, findings: Finding[]): GuardMode {
  const mode = typeof value === 'string' ? value.trim().toLowerCase() : value === false ? 'off' : undefined;
  const known = GUARD_MODES.find(m => m === mode);
  if (known) return known;
  findings.push({
    code: 'config-choice',
    severity: 'error',
    path: 'beian.guard',
    message: say(language, {
      zh: `beian.guard 只能是 ${GUARD_MODES.join('、')}（写的是 ${shown(value)}），已按 ${DEFAULTS.guard} 处理。`,
      en: `beian.guard must be one of ${GUARD_MODES.join(', ')} (it is ${shown(value)}); treated as ${DEFAULTS.guard}.`
    })
  });
  return DEFAULTS.guard;
}

/** YAML 1.2 (js-yaml 4) reads `no`, `off`, `yes`, `on` as text: honour what they mean. */
const WORDS: Record<string, boolean> = { true: true, yes: true, on: true, false: false, no: false, off: false };

function readBoolean(value: unknown, path: string, fallback: boolean, language: Language, findings: Finding[]): boolean {
  if (typeof value === 'boolean') return value;
  const meant = typeof value === 'string' ? WORDS[value.trim().toLowerCase()] : undefined;
  if (meant !== undefined) {
    findings.push({
      code: 'config-boolean',
      severity: 'warning',
      path,
      message: say(language, {
        zh: `${path} 写的是文本 ${shown(value)}，已按 ${meant} 处理；请写不带引号的 true 或 false。`,
        en: `${path} is the text ${shown(value)}, read as ${meant}; write true or false without quotes.`
      }),
      suggestion: String(meant)
    });
    return meant;
  }
  findings.push({
    code: 'config-boolean',
    severity: 'error',
    path,
    message: say(language, {
      zh: `${path} 应为 true 或 false（写的是 ${shown(value)}），已按 ${fallback} 处理。`,
      en: `${path} must be true or false (it is ${shown(value)}); treated as ${fallback}.`
    })
  });
  return fallback;
}

function missingNumber(path: string, key: 'icp' | 'gongan', language: Language): Finding {
  const pending = key === 'gongan'
    ? { zh: '；若公安备案还在审核中，改写 applied: 2024-06-10（提交申请的日期）', en: '; while the filing is still pending, write applied: 2024-06-10 (the day you applied) instead' }
    : { zh: '', en: '' };
  return {
    code: 'empty',
    severity: 'error',
    path,
    message: say(language, {
      zh: `${path} 缺少备案号，请填写，例如 ${EXAMPLE[key]}${pending.zh}。`,
      en: `${path} is missing: write the filing number there, for example ${EXAMPLE[key]}${pending.en}.`
    })
  };
}

/** A user's value as text for a message, short and on one line. */
function shown(value: unknown): string {
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  else if (typeof value === 'string') text = `"${value}"`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

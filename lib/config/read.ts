import { at, say, type Diagnostic, type Finding, type Language } from '../engine/diagnostic';
import { compareFilings, parseGongan, parseIcp, type FilingResult } from '../engine/filing';
import { distance } from 'fastest-levenshtein';

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
 *   guard: warn                        # off | warn | block: the audit before generate and deploy
 *   extra:                             # further records, after the two filings
 *     - {text: 京ICP证030173号, link: https://dxzhgl.miit.gov.cn/}
 *   position: footer                   # footer | body_end | none
 *   pages: all                         # all | home
 *   duplicates: skip                   # skip | keep: a number the page already shows
 *   template: beian.njk                # the user's own nunjucks template
 *   domains:                           # per host of `url`: that host's numbers
 *     blog.example.cn: {icp: 京ICP备20000491号-1, gongan: 11010502030143}
 * ```
 */

/** Where the filing line goes: in the site footer (else before `</body>`), before `</body>`, or only where the theme calls `beian()`. */
export type Position = 'footer' | 'body_end' | 'none';
/** Which pages get it: every page, or the home page only (the MIIT rule names the home page). */
export type Pages = 'all' | 'home';
/** A number the page already shows (the theme's own filing line): leave it out of ours, or show it twice. */
export type Duplicates = 'skip' | 'keep';
/** What the publish guard does with the audit's findings (lib/guard.ts): nothing, print them, or stop on an error. */
export type GuardMode = 'off' | 'warn' | 'block';

/** The defaults, frozen: reading a config copies, never mutates, them. */
export const DEFAULTS = Object.freeze({
  enable: true,
  position: 'footer' as Position,
  pages: 'all' as Pages,
  duplicates: 'skip' as Duplicates,
  guard: 'warn' as GuardMode,
  icon: Object.freeze({ width: 16, height: 16 })
});

const POSITIONS: readonly Position[] = ['footer', 'body_end', 'none'];
const PAGES: readonly Pages[] = ['all', 'home'];
const DUPLICATES: readonly Duplicates[] = ['skip', 'keep'];
const GUARD_MODES: readonly GuardMode[] = ['off', 'warn', 'block'];

const TOP_KEYS = ['enable', 'icp', 'gongan', 'online', 'extra', 'position', 'pages', 'duplicates', 'template', 'domains', 'guard'] as const;
const ICP_KEYS = ['number', 'approved'] as const;
const GONGAN_KEYS = ['number', 'icon', 'applied'] as const;
const EXTRA_KEYS = ['text', 'link'] as const;
const DOMAIN_KEYS = ['icp', 'gongan'] as const;

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

/** A further record shown after the two filings (an ICP licence, 网络文化经营许可证, …). */
export interface ExtraRecord {
  /** Shown as written (trimmed); never checked as a filing number. */
  text: string;
  /** An absolute http(s) URL, when given and acceptable. */
  link?: string;
}

/**
 * Which `domains` entry this build uses: the host of the site's `url`, and the entry for it
 * (its key as written), or none when the host is not listed (nothing is shown then).
 */
export interface DomainChoice {
  /** The host of the site's `url`, lower-case; undefined when `url` is not a URL. */
  host?: string;
  /** The key of the entry used, as written in `_config.yml`. */
  entry?: string;
  /** Every listed host, normalised, in the order written. */
  hosts: string[];
}

/** The `beian` block once read: every value checked, nothing of the user's changed. */
export interface BeianConfig {
  enable: boolean;
  /** The numbers of this build (from the `domains` entry for this host, when `domains` is set). */
  icp?: IcpSetting;
  gongan?: GonganSetting;
  /**
   * The day the public-security (公安) filing was applied for, YYYY-MM-DD, while it is
   * pending: `gongan: {applied: 2024-06-10}` with no number yet. Absent once a number is set.
   */
  gonganApplied?: string;
  /** The config path that holds `icp` and `gongan`: `beian` or `beian.domains["host"]`. */
  at: string;
  /** The day the site went online, YYYY-MM-DD, when given. */
  online?: string;
  extra: ExtraRecord[];
  position: Position;
  pages: Pages;
  duplicates: Duplicates;
  /** The user's template path as written (relative to the site folder). */
  template?: string;
  /** Present when `domains` is set. */
  domains?: DomainChoice;
  /** `off`: no audit at generate or deploy; `warn`: print its findings; `block`: stop on an error. */
  guard: GuardMode;
  icon: { width: number; height: number };
}

/** What of the site's own config the reading depends on. */
export interface SiteSettings {
  /** The site's `url` (`hexo.config.url`): its host picks the `domains` entry. */
  url?: unknown;
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
 * With `domains`, every entry is checked (the same config builds every host), and the
 * entry whose host is the host of `site.url` gives `icp` and `gongan`; the top-level
 * numbers are then not used.
 *
 * @param raw      `hexo.config.beian`; absent means "nothing configured", not an error.
 * @param language the language of the messages.
 * @param site     the site settings the block depends on (`url`, for `domains`).
 */
export function readConfig(raw: unknown, language: Language, site: SiteSettings = {}): ReadResult {
  const findings: Finding[] = [];
  const config: BeianConfig = {
    enable: DEFAULTS.enable,
    at: 'beian',
    extra: [],
    position: DEFAULTS.position,
    pages: DEFAULTS.pages,
    duplicates: DEFAULTS.duplicates,
    guard: DEFAULTS.guard,
    icon: { ...DEFAULTS.icon }
  };
  if (raw === undefined || raw === null) return { config, findings };
  if (!isPlain(raw)) {
    findings.push(notABlock(raw, language));
    return { config, findings };
  }

  findings.push(...unknownKeys(raw, TOP_KEYS, 'beian', language));

  if (raw.enable !== undefined && raw.enable !== null) {
    config.enable = readBoolean(raw.enable, 'beian.enable', DEFAULTS.enable, language, findings);
  }

  if (isAbsent(raw.domains)) {
    Object.assign(config, readFilings(raw, 'beian', language, findings));
  } else {
    for (const key of ['icp', 'gongan'] as const) {
      if (!isAbsent(raw[key])) findings.push(unusedBesideDomains(key, language));
    }
    const { choice, filings, at: entryPath } = readDomains(raw.domains, site.url, language, findings);
    config.domains = choice;
    Object.assign(config, filings);
    if (entryPath) config.at = entryPath;
  }

  if (!isAbsent(raw.online)) {
    const online = readDate(raw.online, 'beian.online', language, findings);
    if (online) config.online = online;
  }
  if (!isAbsent(raw.extra)) config.extra = readExtra(raw.extra, language, findings);
  config.position = readChoice(raw.position, 'beian.position', POSITIONS, DEFAULTS.position, language, findings);
  config.pages = readChoice(raw.pages, 'beian.pages', PAGES, DEFAULTS.pages, language, findings);
  config.duplicates = readChoice(raw.duplicates, 'beian.duplicates', DUPLICATES, DEFAULTS.duplicates, language, findings);
  config.guard = raw.guard === false ? 'off' : readChoice(raw.guard, 'beian.guard', GUARD_MODES, DEFAULTS.guard, language, findings);
  if (!isAbsent(raw.template)) {
    const template = readTemplate(raw.template, language, findings);
    if (template) config.template = template;
  }
  return { config, findings };
}

/** The numbers of one block (`beian`, or one `domains` entry), checked and compared. */
function readFilings(block: Plain, path: string, language: Language, findings: Finding[]): { icp?: IcpSetting; gongan?: GonganSetting; gonganApplied?: string } {
  const icp = readIcp(block.icp, `${path}.icp`, isAbsent(block.gongan), language, findings);
  const { gongan, applied: gonganApplied } = readGongan(block.gongan, `${path}.gongan`, isAbsent(block.icp), language, findings) ?? {};
  if (icp && gongan) {
    findings.push(...compareFilings(icp.result, gongan.result, { language }).map(d => at(path, d)));
  }
  return { ...(icp && { icp }), ...(gongan && { gongan }), ...(gonganApplied && { gonganApplied }) };
}

function readIcp(value: unknown, path: string, gonganFree: boolean, language: Language, findings: Finding[]): IcpSetting | undefined {
  if (isAbsent(value)) return undefined;
  let input: unknown = value;
  let approved: string | undefined;
  let numberPath = path;
  if (isPlain(value)) {
    findings.push(...unknownKeys(value, ICP_KEYS, path, language));
    input = value.number;
    numberPath = `${path}.number`;
    if (!isAbsent(value.approved)) approved = readDate(value.approved, `${path}.approved`, language, findings);
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
 * `gongan`: a number (short or long form), or a pending filing: the long form with `applied`
 * and no number yet. With a number, `applied` is history and plays no part.
 */
function readGongan(value: unknown, path: string, icpFree: boolean, language: Language, findings: Finding[]): { gongan?: GonganSetting; applied?: string } | undefined {
  if (isAbsent(value)) return undefined;
  let input: unknown = value;
  let icon: string | undefined;
  let numberPath = path;
  if (isPlain(value)) {
    findings.push(...unknownKeys(value, GONGAN_KEYS, path, language));
    input = value.number;
    numberPath = `${path}.number`;
    if (!isAbsent(value.icon)) icon = readIcon(value.icon, `${path}.icon`, language, findings);
    if (isAbsent(input)) {
      if (isAbsent(value.applied)) {
        findings.push(missingNumber(numberPath, 'gongan', language));
        return undefined;
      }
      return { applied: readDate(value.applied, `${path}.applied`, language, findings) };
    }
  }
  const result = parseGongan(input, { language });
  findings.push(...result.diagnostics.map(d => at(numberPath, movedTo('icp', icpFree, d))));
  return { gongan: { input, result, icon } };
}

/** A top-level number beside `domains` is never shown: say where it belongs. */
function unusedBesideDomains(key: 'icp' | 'gongan', language: Language): Finding {
  const path = `beian.${key}`;
  const example = `domains:\n  blog.example.cn:\n    ${key}: ${EXAMPLE[key]}`;
  return {
    code: 'config-unused',
    severity: 'warning',
    path,
    message: say(language, {
      zh: `${path} 未被使用：设置了 beian.domains 时，每个域名只显示它自己条目下的备案号。请把它移到所属域名下，例如：\n${example}`,
      en: `${path} is not used: with beian.domains set, each host shows the numbers under its own entry. Move it under the host it belongs to, for example:\n${example}`
    })
  };
}

/**
 * The host part of a URL or of a `domains` key, as browsers compare hosts: lower-case,
 * internationalised names in punycode (WHATWG URL), no trailing dot. Undefined for anything
 * that is not a bare host (a scheme, a path, a port, spaces) or not a URL.
 */
export function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const { protocol, hostname } = new URL(url.trim());
    if ((protocol !== 'http:' && protocol !== 'https:') || !hostname) return undefined;
    return hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

function hostKey(key: string): string | undefined {
  const text = key.trim();
  if (!text || /[\s/:?#@\\]/.test(text)) return undefined;
  return hostOf(`http://${text}`);
}

/** `beian.domains["blog.example.cn"]`: a key quoted, as it must be when it holds dots. */
function domainPath(key: string): string {
  return `beian.domains[${JSON.stringify(key)}]`;
}

interface DomainsRead {
  choice: DomainChoice;
  filings: { icp?: IcpSetting; gongan?: GonganSetting; gonganApplied?: string };
  /** The config path of the entry used, when one is. */
  at?: string;
}

/**
 * `domains`: host → `{icp, gongan}`. Every entry is checked; the one whose host is the host
 * of the site's `url` gives this build's numbers. A host not listed shows nothing (the
 * overseas mirror of a blog carries no filing line).
 */
function readDomains(value: unknown, url: unknown, language: Language, findings: Finding[]): DomainsRead {
  const host = hostOf(url);
  const choice: DomainChoice = { hosts: [], ...(host && { host }) };
  const read: DomainsRead = { choice, filings: {} };
  if (!isPlain(value)) {
    findings.push({
      code: 'config-shape',
      severity: 'error',
      path: 'beian.domains',
      message: say(language, {
        zh: `beian.domains 应为“域名: 该域名的备案号”的一组键（写的是 ${shown(value)}），例如：\ndomains:\n  blog.example.cn:\n    icp: ${EXAMPLE.icp}\n    gongan: ${EXAMPLE.gongan}`,
        en: `beian.domains must map each host to its numbers (it is ${shown(value)}); for example:\ndomains:\n  blog.example.cn:\n    icp: ${EXAMPLE.icp}\n    gongan: ${EXAMPLE.gongan}`
      })
    });
    return read;
  }
  const seen = new Map<string, string>();
  for (const [key, entry] of Object.entries(value)) {
    const path = domainPath(key);
    const entryHost = hostKey(key);
    if (!entryHost) {
      findings.push(notAHost(key, path, language));
      continue;
    }
    const first = seen.get(entryHost);
    if (first !== undefined) {
      findings.push({
        code: 'config-domain',
        severity: 'error',
        path,
        message: say(language, {
          zh: `${path} 与 ${domainPath(first)} 是同一个域名，此条目被忽略；请只保留一个。`,
          en: `${path} is the same host as ${domainPath(first)}; this entry is ignored. Keep one of them.`
        })
      });
      continue;
    }
    seen.set(entryHost, key);
    choice.hosts.push(entryHost);
    let filings: DomainsRead['filings'] = {};
    if (isPlain(entry)) {
      findings.push(...unknownKeys(entry, DOMAIN_KEYS, path, language));
      filings = readFilings(entry, path, language, findings);
    } else if (entry !== null && entry !== undefined) {
      findings.push(notAnEntry(entry, path, language));
    }
    if (entryHost === host) {
      choice.entry = key;
      read.filings = filings;
      read.at = path;
    }
  }
  return read;
}

function notAHost(key: string, path: string, language: Language): Finding {
  const finding: Finding = {
    code: 'config-domain',
    severity: 'error',
    path,
    message: say(language, {
      zh: `${path}：键应是网站的域名本身，例如 blog.example.cn（不带 https://、端口或路径）；此条目被忽略。`,
      en: `${path}: the key must be the site's host name alone, for example blog.example.cn (no https://, port or path); this entry is ignored.`
    })
  };
  const host = hostOf(key) ?? hostOf(`http://${key.trim()}`);
  if (host && host !== key) finding.suggestion = host;
  return finding;
}

function notAnEntry(entry: unknown, path: string, language: Language): Finding {
  const finding: Finding = {
    code: 'config-shape',
    severity: 'error',
    path,
    message: say(language, {
      zh: `${path} 应是一组键 icp、gongan（写的是 ${shown(entry)}），例如：\n  icp: ${EXAMPLE.icp}\n  gongan: ${EXAMPLE.gongan}`,
      en: `${path} must be a block with icp and gongan (it is ${shown(entry)}); for example:\n  icp: ${EXAMPLE.icp}\n  gongan: ${EXAMPLE.gongan}`
    })
  };
  const icp = parseIcp(entry);
  const gongan = parseGongan(entry);
  if (icp.ok) finding.suggestion = `icp: ${icp.canonical}`;
  else if (gongan.ok) finding.suggestion = `gongan: ${gongan.canonical}`;
  return finding;
}

/** What each choice means, for the message when the value is none of them. */
const CHOICES: Record<string, { zh: string; en: string }> = {
  'beian.position': {
    zh: 'footer（站点页脚内，没有页脚时放在 </body> 前）、body_end（</body> 前）或 none（只在主题调用 beian() 的地方显示）',
    en: 'footer (inside the site footer, else before </body>), body_end (just before </body>) or none (only where the theme calls beian())'
  },
  'beian.pages': {
    zh: 'all（每个页面）或 home（只在首页）',
    en: 'all (every page) or home (the home page only)'
  },
  'beian.duplicates': {
    zh: 'skip（页面已显示的备案号不再重复显示）或 keep（照样显示）',
    en: 'skip (leave out a number the page already shows) or keep (show it anyway)'
  },
  'beian.guard': {
    zh: 'off（不检查）、warn（生成和部署前检查并提示）或 block（有错误时停止生成和部署）',
    en: 'off (no audit), warn (audit before generate and deploy, and print) or block (stop generate and deploy on an error)'
  }
};

/** One of a few words; `Body-End` reads as `body_end`, with a warning saying so. */
function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[], fallback: T, language: Language, findings: Finding[]): T {
  if (isAbsent(value)) return fallback;
  const word = typeof value === 'string' ? value.trim().toLowerCase().replace(/-/g, '_') : undefined;
  const meant = choices.find(choice => choice === word);
  if (meant !== undefined) {
    if (meant !== value) {
      findings.push({
        code: 'config-choice',
        severity: 'warning',
        path,
        message: say(language, {
          zh: `${path} 写的是 ${shown(value)}，已按 ${meant} 处理；请写 ${meant}。`,
          en: `${path} is ${shown(value)}, read as ${meant}; write ${meant}.`
        }),
        suggestion: meant
      });
    }
    return meant;
  }
  const meaning = CHOICES[path];
  findings.push({
    code: 'config-choice',
    severity: 'error',
    path,
    message: say(language, {
      zh: `${path} 应为 ${meaning.zh}（写的是 ${shown(value)}），已按 ${fallback} 处理。`,
      en: `${path} must be ${meaning.en} (it is ${shown(value)}); treated as ${fallback}.`
    })
  });
  return fallback;
}

function readTemplate(value: unknown, language: Language, findings: Finding[]): string | undefined {
  if (typeof value === 'string') return value.trim();
  findings.push({
    code: 'config-template',
    severity: 'error',
    path: 'beian.template',
    message: say(language, {
      zh: `beian.template 应是 nunjucks 模板文件的路径（相对于站点目录），例如 beian.njk（写的是 ${shown(value)}）；已使用内置模板。`,
      en: `beian.template must be the path of a nunjucks file, relative to the site folder, for example beian.njk (it is ${shown(value)}); the built-in template is used.`
    })
  });
  return undefined;
}

const EXTRA_EXAMPLE = 'extra:\n  - text: 京ICP证030173号\n    link: https://dxzhgl.miit.gov.cn/';

/**
 * `extra`: further records, each `{text, link?}` (or just the text). A link must be an
 * absolute http(s) URL; any other link is refused with an error and the record is shown
 * without one. A single record written without the list is read as a list of one.
 */
function readExtra(value: unknown, language: Language, findings: Finding[]): ExtraRecord[] {
  let list: unknown[];
  if (Array.isArray(value)) {
    list = value;
  } else if (isPlain(value) || typeof value === 'string' || typeof value === 'number') {
    findings.push({
      code: 'config-shape',
      severity: 'warning',
      path: 'beian.extra',
      message: say(language, {
        zh: `beian.extra 应是列表（每条记录前写 - ），已按一条记录读取，例如：\n${EXTRA_EXAMPLE}`,
        en: `beian.extra should be a list (a - before each record); read as one record. For example:\n${EXTRA_EXAMPLE}`
      })
    });
    list = [value];
  } else {
    findings.push({
      code: 'config-shape',
      severity: 'error',
      path: 'beian.extra',
      message: say(language, {
        zh: `beian.extra 应是记录的列表（写的是 ${shown(value)}），例如：\n${EXTRA_EXAMPLE}`,
        en: `beian.extra must be a list of records (it is ${shown(value)}); for example:\n${EXTRA_EXAMPLE}`
      })
    });
    return [];
  }
  const records: ExtraRecord[] = [];
  list.forEach((item, index) => {
    const path = `beian.extra[${index}]`;
    const record = readRecord(item, path, language, findings);
    if (record) records.push(record);
  });
  return records;
}

function readRecord(item: unknown, path: string, language: Language, findings: Finding[]): ExtraRecord | undefined {
  let text: unknown = item;
  let textPath = path;
  let link: string | undefined;
  if (isPlain(item)) {
    findings.push(...unknownKeys(item, EXTRA_KEYS, path, language));
    text = item.text;
    textPath = `${path}.text`;
    if (!isAbsent(item.link)) link = readLink(item.link, `${path}.link`, language, findings);
  }
  if (typeof text === 'number') text = String(text);
  if (typeof text !== 'string' || text.trim() === '') {
    findings.push({
      code: isAbsent(text) ? 'empty' : 'not-text',
      severity: 'error',
      path: textPath,
      message: say(language, {
        zh: `${textPath} 应是要显示的文字（写的是 ${shown(text)}），此记录未显示；例如：\n${EXTRA_EXAMPLE}`,
        en: `${textPath} must be the text to show (it is ${shown(text)}); the record is not shown. For example:\n${EXTRA_EXAMPLE}`
      })
    });
    return undefined;
  }
  return { text: text.trim(), ...(link && { link }) };
}

/** Only absolute http(s) URLs: no `javascript:`, no `data:`, no line breaks inside. */
function readLink(value: unknown, path: string, language: Language, findings: Finding[]): string | undefined {
  if (typeof value === 'string' && !/\s/.test(value.trim())) {
    try {
      const url = new URL(value.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // not a URL: refused below
    }
  }
  findings.push({
    code: 'config-link',
    severity: 'error',
    path,
    message: say(language, {
      zh: `${path} 应是完整的 http(s) 地址，例如 https://dxzhgl.miit.gov.cn/（写的是 ${shown(value)}）；此记录显示为不带链接的文字。`,
      en: `${path} must be a full http(s) address, for example https://dxzhgl.miit.gov.cn/ (it is ${shown(value)}); the record is shown without a link.`
    })
  });
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as js-yaml gives it (an unquoted `2024-05-20` is a Date at UTC midnight;
 * a quoted one a string) → `YYYY-MM-DD`, or undefined with a finding.
 */
function readDate(value: unknown, path: string, language: Language, findings: Finding[]): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && isCalendarDate(value.trim())) return value.trim();
  const meant = typeof value === 'string' ? otherDateForm(value) : undefined;
  const finding: Finding = {
    code: 'config-date',
    severity: 'error',
    path,
    message: meant
      ? say(language, {
        zh: `${path} 要写成 年-月-日（写的是 ${shown(value)}），即 ${meant}。`,
        en: `${path} must be written year-month-day (it is ${shown(value)}): ${meant}.`
      })
      : say(language, {
        zh: `${path} 不是日期（写的是 ${shown(value)}），请写成 年-月-日，例如 2024-05-20。`,
        en: `${path} is not a date (it is ${shown(value)}); write it as year-month-day, for example 2024-05-20.`
      })
  };
  if (meant) finding.suggestion = meant;
  findings.push(finding);
  return undefined;
}

/**
 * The other ways a day is written in Chinese configs (`2024/6/1`, `2024.6.1`, `2024年6月1日`)
 * as `YYYY-MM-DD`, when the day exists; read only to suggest it, never taken silently.
 */
function otherDateForm(text: string): string | undefined {
  const m = /^(\d{4})\s*[/.年-]\s*(\d{1,2})\s*[/.月-]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
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
    const guess = home ? undefined : closestKey(key, known);
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
          zh: `未知的键 ${path}.${key}，已忽略；${guess ? `是不是 ${guess}？` : ''}${path} 下可用的键：${known.join('、')}。`,
          en: `Unknown key ${path}.${key} is ignored; ${guess ? `did you mean ${guess}? ` : ''}the keys under ${path} are ${known.join(', ')}.`
        }),
      ...(guess && { suggestion: guess })
    };
  });
}

/** The known key a typo most likely meant: at most two letters off (`positon` → `position`). */
function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
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

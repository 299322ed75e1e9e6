import type { Language } from '../engine/diagnostic';
import { compareFilings, parseGongan, parseIcp } from '../engine/filing';
import { checkExample, exampleInText, NUMBER_SHAPES as SHAPE } from '../engine/examples';
import { isBlank, isPlain, isWellFormed, printable, type Plain } from '../engine/text';
import { dayOf } from '../engine/date';
import { at, finding, type Finding } from '../finding';
import { hostOf, readDomains } from './domains';
import type { WrittenKeys, WrittenText } from './written';
import {
  configPaths, DEFAULTS, DUPLICATES, extraPath, GUARD_MODES, KEYS, PAGES, POSITIONS, ROOT,
  type BeianConfig, type ExtraRecord, type GonganSetting, type IcpSetting
} from './schema';
import {
  filingIn, missingNumber, movedTo, notABlock, readBoolean, readChoice, readDate, readIcon, readLink, readTemplate, shown, unknownKeys, withKey
} from './values';

/**
 * Reads the `beian` block into a {@link BeianConfig}: every value through its reader and the
 * filing engine, each problem a finding at its config path. Nothing else reads
 * `hexo.config.beian`.
 */

/** What of the site's own config the reading depends on. */
export interface SiteSettings {
  /** The site's `url` (`hexo.config.url`): its host picks the `domains` entry. */
  url?: unknown;
  /** `icp` and `gongan` at the top level of `_config.yml`, outside `beian:` (not indented under it). */
  topLevel?: { icp?: unknown; gongan?: unknown };
  /**
   * The text written at a key in the config file(s) Hexo read (lib/config/written.ts): dates
   * are read as written, not as js-yaml rolled them over. Without it, a Date is taken as it is.
   */
  written?: WrittenText;
  /** The keys written in a block of the config file(s): keys Hexo's merge dropped (`constructor:`) are still reported. */
  writtenKeys?: WrittenKeys;
  /**
   * A `beian` block written where hexo-beian never reads it: in the theme's config
   * (`_config.<theme>.yml`, or `theme_config:` in `_config.yml`), with where it was found.
   */
  themeBlock?: { where: string; value: unknown };
}

/** What reading produced: the config to act on and every problem found, with config paths. */
export interface ReadResult {
  config: BeianConfig;
  findings: Finding[];
}

/**
 * Reads the raw `beian` value of a site config (as js-yaml 4 gave it: strings, numbers,
 * Dates, nulls, objects).
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
    paths: configPaths(),
    misplaced: {},
    written: raw !== undefined && raw !== null,
    extra: [],
    position: DEFAULTS.position,
    pages: DEFAULTS.pages,
    duplicates: DEFAULTS.duplicates,
    guard: DEFAULTS.guard,
    icon: { ...DEFAULTS.icon }
  };
  const host = hostOf(site.url);
  if (host !== undefined) config.host = host;
  // `beian:` written in _config.yml (null when nothing follows it): a block to write goes under it, not beside it.
  const hasBlock = raw !== undefined;
  for (const found of topLevelNumbers(site.topLevel, config, hasBlock, language)) findings.push(found);
  if (raw === undefined || raw === null) {
    for (const found of themeBlockNumbers(site.themeBlock, config, hasBlock, language)) findings.push(found);
    return { config, findings };
  }
  if (!isPlain(raw)) {
    findings.push(notABlock(raw, ROOT, {
      zh: `beian 应是一组键（icp、gongan 等），而不是单个值，例如：\nbeian:\n  icp: ${SHAPE.icp.zh}\n  gongan: ${SHAPE.gongan.zh}`,
      en: `beian must be a block of keys (icp, gongan, …), not a single value; for example:\nbeian:\n  icp: ${SHAPE.icp.en}\n  gongan: ${SHAPE.gongan.en}`
    }, language, 'beian:\n  '));
    // `beian: 京ICP备…`: the number is reported there, with the line to write, not again as missing.
    const number = filingIn(raw);
    if (number) config.misplaced[number.key] = ROOT;
    return { config, findings };
  }
  const { paths } = config;
  // The text of a date as written, at its keys under `beian`.
  const dateAt = (keys: readonly string[]) => {
    try {
      return site.written?.([ROOT, ...keys]);
    } catch {
      return undefined;
    }
  };
  const dates: DateText = { at: dateAt };

  for (const found of unknownKeys(raw, KEYS.beian, ROOT, language)) findings.push(found);
  misplacedIn(raw, KEYS.beian, ROOT, config.misplaced);
  const applied = appliedOutside(raw, dates);
  if (applied) config.misplaced.applied = applied;

  if (raw.enable !== undefined && raw.enable !== null) {
    config.enable = readBoolean(raw.enable, paths.enable, DEFAULTS.enable, language, findings);
  }

  const take = (filings: Filings | undefined) => {
    if (!filings) return;
    const { misplaced, ...rest } = filings;
    Object.assign(config, rest);
    config.misplaced = { ...misplaced, ...config.misplaced };
  };
  if (isBlank(raw.domains)) {
    take(readFilings(raw, ROOT, [], host, language, findings, dates));
  } else {
    for (const key of ['icp', 'gongan'] as const) {
      if (!isBlank(raw[key])) findings.push(unusedBesideDomains(key, raw[key], host, language));
    }
    // Each entry's numbers are shown on its own host: that host decides whether an example number is one.
    const domains = readDomains(raw.domains, paths.domains, site.url, language, findings, site.writtenKeys?.([ROOT, 'domains']), (block, path, key, entryHost) => {
      const filings = readFilings(block, path, ['domains', key], entryHost, language, findings, dates);
      misplacedIn(block, KEYS.domain, path, filings.misplaced);
      return filings;
    });
    config.domains = domains.choice;
    if (domains.used) {
      config.paths = configPaths(domains.used.path);
      take(domains.used.read);
    }
  }

  if (!isBlank(raw.online)) {
    const online = readDate(raw.online, paths.online, language, findings, dates.at(['online']));
    if (online) config.online = online;
  }
  if (!isBlank(raw.extra)) config.extra = readExtra(raw.extra, paths.extra, host, language, findings);
  config.position = readChoice(raw.position, paths.position, POSITIONS, DEFAULTS.position, language, findings);
  config.pages = readChoice(raw.pages, paths.pages, PAGES, DEFAULTS.pages, language, findings);
  config.duplicates = readChoice(raw.duplicates, paths.duplicates, DUPLICATES, DEFAULTS.duplicates, language, findings);
  config.guard = raw.guard === false ? 'off' : readChoice(raw.guard, paths.guard, GUARD_MODES, DEFAULTS.guard, language, findings);
  if (!isBlank(raw.template)) {
    const template = readTemplate(raw.template, paths.template, language, findings);
    if (template) config.template = template;
  }
  return { config, findings };
}

type Filings = Pick<BeianConfig, 'icp' | 'gongan' | 'gonganApplied' | 'misplaced'>;

/** Where the dates' text is found: by keys under `beian`. */
interface DateText {
  at(keys: readonly string[]): string | undefined;
}

/**
 * The numbers of one block (`beian`, or one `domains` entry), checked and compared.
 * `blockKeys`: the block's keys under `beian` (`[]`, or `['domains', host]`).
 */
function readFilings(block: Plain, blockPath: string, blockKeys: readonly string[], host: string | undefined, language: Language, findings: Finding[], dates: DateText): Filings {
  const paths = configPaths(blockPath);
  const fields = { icp: paths.icp, gongan: paths.gongan };
  const inBlock: DateText = { at: keys => dates.at([...blockKeys, ...keys]) };
  // The other key takes the number when it is empty, or holds a number of this key's kind (the two swapped).
  const read: Reading = { host, language, findings, fields, dates: inBlock };
  const icp = readIcp(block.icp, paths.icp, isBlank(block.gongan) || filingIn(block.gongan)?.key === 'icp', read);
  const { gongan, applied: gonganApplied } = readGongan(block.gongan, paths.gongan, isBlank(block.icp) || filingIn(block.icp)?.key === 'gongan', read) ?? {};
  // A number in the other field is the other kind's, written in the wrong place.
  const misplaced: BeianConfig['misplaced'] = {};
  if (gongan?.result.diagnostics.some(d => d.code === 'wrong-kind')) misplaced.icp = gongan.path;
  if (icp?.result.diagnostics.some(d => d.code === 'wrong-kind')) misplaced.gongan = icp.path;
  if (icp && gongan) {
    for (const found of compareFilings(icp.result, gongan.result, { language, fields }).map(d => at(blockPath, d))) findings.push(found);
  }
  return { ...(icp && { icp }), ...(gongan && { gongan }), ...(gonganApplied && { gonganApplied }), misplaced };
}

/**
 * `applied:` written outside `gongan` (directly under `beian:`, or in the long form of `icp`):
 * where, and the day as written, for the deadline's message. Its own key reports it.
 */
function appliedOutside(raw: Plain, dates: DateText): BeianConfig['misplaced']['applied'] {
  const icp = isPlain(raw.icp) ? raw.icp : undefined;
  const [keys, value] = !isBlank(raw.applied) ? [['applied'], raw.applied] : icp && !isBlank(icp.applied) ? [['icp', 'applied'], icp.applied] : [];
  if (keys === undefined) return undefined;
  const written = dates.at(keys)?.trim();
  const day = written ?? (value instanceof Date ? dayOf(value) : typeof value === 'string' ? printable(value.trim()) : undefined);
  return { path: [ROOT, ...keys].join('.'), ...(day !== undefined && { day }) };
}

/** Unknown keys of a block that hold a filing number: where each kind is misplaced. */
function misplacedIn(block: Plain, known: readonly string[], path: string, misplaced: BeianConfig['misplaced']): void {
  for (const key of Object.keys(block)) {
    if (known.includes(key)) continue;
    const number = filingIn(block[key]);
    if (number) misplaced[number.key] ??= `${path}.${key}`;
  }
}

/**
 * `icp:`/`gongan:` at the top level of `_config.yml` (written outside `beian:`, or not indented
 * under it): never read, so the site would show nothing. An error naming the block to write, or,
 * when `_config.yml` has a `beian:` already, the line to add under it (never a second `beian:`).
 */
function topLevelNumbers(topLevel: SiteSettings['topLevel'], config: BeianConfig, hasBlock: boolean, language: Language): Finding[] {
  const found: Finding[] = [];
  for (const key of ['icp', 'gongan'] as const) {
    const value = topLevel?.[key];
    if (isBlank(value)) continue;
    const number = filingIn(value);
    if (number) config.misplaced[number.key] ??= key;
    // The long form moves whole: its date or icon with its number (it was left out).
    const rest = isPlain(value) ? Object.entries(value).filter(([k, v]) => k !== 'number' && !isBlank(v)).map(([k, v]) => `\n  ${k}: ${v instanceof Date ? dayOf(v) : shown(v).replace(/^"|"$/g, '')}`) : [];
    const written = number?.canonical ?? shown(isPlain(value) ? value.number : value).replace(/^"|"$/g, '');
    const line = rest.length > 0 ? `${number?.key ?? key}:\n  number: ${written}${rest.join('')}` : `${number?.key ?? key}: ${written}`;
    found.push(finding(language, 'config-misplaced', 'error', hasBlock ? {
      zh: `_config.yml 顶层的 ${key} 不在 beian: 下面，hexo-beian 不会读取它：请把这一行移到 _config.yml 里已有的 beian: 下面（缩进两个空格），不要再写一个 beian:。`,
      en: `${key} is at the top level of _config.yml, outside beian:, so hexo-beian never reads it: move this line under the beian: that _config.yml already has (indented by two spaces), not into a second beian:.`
    } : {
      zh: `_config.yml 顶层的 ${key} 不在 beian: 下面，hexo-beian 不会读取它：请把它移到 beian: 下面（缩进两个空格）。`,
      en: `${key} is at the top level of _config.yml, outside beian:, so hexo-beian never reads it: move it under beian: (indented by two spaces).`
    }, { path: key, suggestion: hasBlock ? line : `beian:\n  ${line.replace(/\n/g, '\n  ')}` }));
  }
  return found;
}

/**
 * A `beian:` block with filing numbers in the theme's config while the site's `_config.yml`
 * has none (or an empty `beian:`): never read (hexo-beian's settings are the site's), so the
 * site would show nothing. An error naming where it is and what to write in `_config.yml`.
 */
function themeBlockNumbers(block: SiteSettings['themeBlock'], config: BeianConfig, hasBlock: boolean, language: Language): Finding[] {
  if (!block || !isPlain(block.value)) return [];
  const numbers = (['icp', 'gongan'] as const).map(key => filingIn((block.value as Plain)[key])).filter(n => n !== undefined);
  if (numbers.length === 0) return [];
  for (const number of numbers) config.misplaced[number.key] ??= block.where;
  const lines = numbers.map(n => `${n.key}: ${n.canonical}`);
  return [finding(language, 'config-misplaced', 'error', hasBlock ? {
    zh: `这个 beian: 配置块写在主题的配置里（${block.where}），hexo-beian 只读取站点 _config.yml 里的 beian:：请把其中的键写到 _config.yml 里已有的 beian: 下面（缩进两个空格）。`,
    en: `This beian: block is in the theme's config (${block.where}), and hexo-beian reads beian: only from the site's _config.yml: write its keys under the beian: that _config.yml already has (indented by two spaces).`
  } : {
    zh: `这个 beian: 配置块写在主题的配置里（${block.where}），hexo-beian 只读取站点 _config.yml 里的 beian:：请把它移到站点的 _config.yml。`,
    en: `This beian: block is in the theme's config (${block.where}), and hexo-beian reads beian: only from the site's _config.yml: move it to the site's _config.yml.`
  }, { path: block.where, suggestion: hasBlock ? lines.join('\n') : `beian:\n${lines.map(l => `  ${l}`).join('\n')}` })];
}

interface Fields {
  icp: string;
  gongan: string;
}

/** What reading one block's numbers needs: the host they are shown on, where findings go. */
interface Reading {
  host: string | undefined;
  language: Language;
  findings: Finding[];
  fields: Fields;
  dates: DateText;
}

function readIcp(value: unknown, path: string, gonganFree: boolean, { host, language, findings, fields, dates }: Reading): IcpSetting | undefined {
  if (isBlank(value)) return undefined;
  let input: unknown = value;
  let approved: string | undefined;
  let numberPath = path;
  if (isPlain(value)) {
    for (const found of unknownKeys(value, KEYS.icp, path, language)) findings.push(found);
    input = value.number;
    numberPath = `${path}.number`;
    if (!isBlank(value.approved)) approved = readDate(value.approved, `${path}.approved`, language, findings, dates.at(['icp', 'approved']));
    if (isBlank(input)) {
      findings.push(missingNumber(numberPath, 'icp', language));
      return undefined;
    }
  }
  const result = checkExample(parseIcp(input, { language, fields }), host, language);
  for (const found of result.diagnostics.map(d => at(numberPath, withKey(numberPath, movedTo('gongan', gonganFree, d))))) findings.push(found);
  return { input, result, path: numberPath, ...(approved && { approved }) };
}

/**
 * `gongan`: a number (short or long form), or a pending filing: the long form with `applied`
 * and no number yet. With a number, `applied` is history and plays no part.
 */
function readGongan(value: unknown, path: string, icpFree: boolean, { host, language, findings, fields, dates }: Reading): { gongan?: GonganSetting; applied?: string } | undefined {
  if (isBlank(value)) return undefined;
  let input: unknown = value;
  let icon: string | undefined;
  let numberPath = path;
  if (isPlain(value)) {
    for (const found of unknownKeys(value, KEYS.gongan, path, language)) findings.push(found);
    input = value.number;
    numberPath = `${path}.number`;
    if (!isBlank(value.icon)) icon = readIcon(value.icon, `${path}.icon`, language, findings);
    if (isBlank(input)) {
      if (isBlank(value.applied)) {
        findings.push(missingNumber(numberPath, 'gongan', language));
        return undefined;
      }
      return { applied: readDate(value.applied, `${path}.applied`, language, findings, dates.at(['gongan', 'applied'])) };
    }
  }
  const result = checkExample(parseGongan(input, { language, fields }), host, language);
  for (const found of result.diagnostics.map(d => at(numberPath, withKey(numberPath, movedTo('icp', icpFree, d))))) findings.push(found);
  return { gongan: { input, result, path: numberPath, ...(icon && { icon }) } };
}

/** A top-level number beside `domains` is never shown: say where it belongs (with its own number, under the site's host). */
function unusedBesideDomains(key: 'icp' | 'gongan', value: unknown, host: string | undefined, language: Language): Finding {
  const path = configPaths()[key];
  const number = filingIn(value);
  const hostText = host ?? (language === 'zh' ? '‹域名›' : '‹host›');
  const example = `domains:\n  ${hostText}:\n    ${key}: ${number?.key === key ? number.canonical : SHAPE[key][language]}`;
  return finding(language, 'config-unused', 'warning', {
    zh: `${path} 未被使用：设置了 beian.domains 时，每个域名只显示它自己条目下的备案号。请把它移到所属域名下，例如：\n${example}`,
    en: `${path} is not used: with beian.domains set, each host shows the numbers under its own entry. Move it under the host it belongs to, for example:\n${example}`
  }, { path });
}

/** The shape of an `extra` record, with a licence's shape as its text. */
const EXTRA_EXAMPLE = { zh: `extra:\n  - text: ${SHAPE.licence.zh}\n    link: https://dxzhgl.miit.gov.cn/`, en: `extra:\n  - text: ${SHAPE.licence.en}\n    link: https://dxzhgl.miit.gov.cn/` };

/**
 * `extra`: further records, each `{text, link?}` (or just the text). A link must be an
 * absolute http(s) URL; any other link is refused with an error and the record is shown
 * without one. A single record written without the list is read as a list of one.
 */
function readExtra(value: unknown, path: string, host: string | undefined, language: Language, findings: Finding[]): ExtraRecord[] {
  let list: unknown[];
  if (Array.isArray(value)) {
    list = value;
  } else if (isPlain(value) || typeof value === 'string' || typeof value === 'number') {
    findings.push(finding(language, 'config-shape', 'warning', {
      zh: `${path} 应是列表（每条记录前写 - ），已按一条记录读取，例如：\n${EXTRA_EXAMPLE.zh}`,
      en: `${path} should be a list (a - before each record); read as one record. For example:\n${EXTRA_EXAMPLE.en}`
    }, { path }));
    list = [value];
  } else {
    findings.push(finding(language, 'config-shape', 'error', {
      zh: `${path} 应是记录的列表（写的是 ${shown(value)}），例如：\n${EXTRA_EXAMPLE.zh}`,
      en: `${path} must be a list of records (it is ${shown(value)}); for example:\n${EXTRA_EXAMPLE.en}`
    }, { path }));
    return [];
  }
  const records: ExtraRecord[] = [];
  list.forEach((item, index) => {
    const record = readRecord(item, extraPath(index), host, language, findings);
    if (record) records.push(record);
  });
  return records;
}

/** What text shown on a page may not hold: C0 and C1 controls but tab and line breaks, DEL, and the bidirectional controls (U+202A–U+202E, U+2066–U+2069). */
const UNSHOWABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function readRecord(item: unknown, path: string, host: string | undefined, language: Language, findings: Finding[]): ExtraRecord | undefined {
  let text: unknown = item;
  let textPath = path;
  let link: string | undefined;
  if (isPlain(item)) {
    for (const found of unknownKeys(item, KEYS.extra, path, language)) findings.push(found);
    text = item.text;
    textPath = `${path}.text`;
    if (!isBlank(item.link)) link = readLink(item.link, `${path}.link`, language, findings);
  }
  if (typeof text === 'number') text = String(text);
  if (typeof text !== 'string' || text.trim() === '') {
    findings.push(finding(language, isBlank(text) ? 'empty' : 'not-text', 'error', {
      zh: `${textPath} 应是要显示的文字（写的是 ${shown(text)}），此记录未显示；例如：\n${EXTRA_EXAMPLE.zh}`,
      en: `${textPath} must be the text to show (it is ${shown(text)}); the record is not shown. For example:\n${EXTRA_EXAMPLE.en}`
    }, { path: textPath }));
    return undefined;
  }
  // Shown as written: a control character, a bidirectional control or a broken character would reach the page as it is.
  if (!isWellFormed(text) || UNSHOWABLE.test(text)) {
    findings.push(finding(language, 'not-text', 'error', {
      zh: `${textPath} 含有控制字符、双向文字控制符或残缺字符（写的是 ${shown(text)}），此记录未显示：请只写要显示的文字。`,
      en: `${textPath} holds a control character, a bidirectional control or a broken character (it is ${shown(text)}); the record is not shown. Write only the text to show.`
    }, { path: textPath }));
    return undefined;
  }
  // The text is shown as written, never parsed as a filing; a known example number in it is still not the site's.
  const example = exampleInText(text, host, language);
  if (example) {
    findings.push(at(textPath, example));
    if (example.severity === 'error') return undefined;
  }
  return { text: text.trim(), ...(link && { link }), path };
}

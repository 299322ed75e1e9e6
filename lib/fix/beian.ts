import { isMap, isScalar, type Document, type Node } from 'yaml';
import { say, type Language, type Text } from '../engine/diagnostic';
import { parseGongan, parseIcp, type FilingResult } from '../engine/filing';
import { isCalendarDate, otherDateForm, timestampDay } from '../engine/date';
import { isBlank, isPlain, type Plain } from '../engine/text';
import { finding, type Finding } from '../finding';
import { readConfig } from '../config/read';
import { auditIcon } from '../audit/icon';
import { CHOICE_KEYS, KEYS, ROOT, domainPath } from '../config/schema';
import { filingIn, LONG_FORM, readBoolean, readChoice, readDate, readIcon } from '../config/values';
import { writtenText } from '../config/written';
import { applyEdits, handText, parseYaml, valuesOf, type Edit, type KeyPath, type Mapping, type Refusal, type Value } from './yaml';

/**
 * What `hexo beian fix` corrects in the `beian` block of `_config.yml`: every finding of the
 * reading whose correction is certain, made as edits of the file's text (./yaml.ts). A number
 * is written only in the engine's canonical form of a valid number; a key is renamed only when
 * the number it holds says which key it belongs under (or only its case is wrong); nothing is
 * moved onto a key that holds a value. What it cannot correct is left as it is and listed: the
 * reading's own findings on the corrected text, with what to write.
 *
 * The corrections are found one at a time on the text the last one left, until none is left:
 * one correction may make another possible (a number moved to its key, then written canonically),
 * and the last round finding nothing is what makes a second run find nothing.
 */

/** One correction: its edits, made together or not at all, and what it does, for the user. */
export interface Change {
  /** Names the correction, so that one made or refused is not offered again. */
  id: string;
  edits: Edit[];
  what: Text;
}

/** What fixing one file comes to. */
export interface FixResult {
  /** The file's text as it was, and as the corrections leave it (the same when there are none). */
  before: string;
  after: string;
  /** What each correction made does, in order, in the site's language. */
  changes: string[];
  /** What is left to the user: the corrections refused, then the reading's findings on the new text. */
  left: Finding[];
}

/** Rounds at most: each makes one correction, and a block has a dozen keys; what is left over is still listed. */
const MAX_ROUNDS = 64;

/** The findings a user has to act on: errors, and whatever says what to write. Notes (a legacy number, an app's number) are not. */
function actionable(found: Finding): boolean {
  return found.severity === 'error' || found.suggestion !== undefined || found.code.startsWith('config-');
}

/**
 * Finds the next correction of a file on its current text (the corrections made or refused so
 * far named in `skip`), or none: the beian block's planner below; a theme's, later, the same way.
 */
export type Planner = (doc: Document, text: string, skip: ReadonlySet<string>) => Change | undefined;

/** A file's corrections made: the new text, what each did, and those refused (with what to write by hand). */
export interface Corrected {
  after: string;
  changes: string[];
  refused: Finding[];
}

/**
 * Makes the corrections the planners find, one at a time on the text the last one left, until
 * none finds any. Should the result lose or add a filing number anywhere in the file (no
 * correction does: a number is only rewritten canonically or moved), nothing is changed.
 * `moves`: the numbers the corrections are to add to this file (`icp:京ICP备…号-1`, for
 * `init`, or moved in from another file) and to remove from it (moved out to another file,
 * which adds them).
 */
export function correct(text: string, file: string, language: Language, planners: readonly Planner[], moves: NumberMoves = {}, tolerant = false): Corrected {
  const changes: string[] = [];
  const refused: Finding[] = [];
  if (!parseYaml(text, tolerant)) return { after: text, changes, refused: [refusedFinding(file, [], 'syntax', undefined, language)] };
  const skip = new Set<string>();
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const doc = parseYaml(current, tolerant);
    if (!doc) break;
    let change: Change | undefined;
    for (const planner of planners) {
      const offered = change ? undefined : planner(doc, current, skip);
      if (offered && !skip.has(offered.id)) change = offered;
    }
    if (!change) break;
    // Each correction is tried once at most: offered again, it is passed over.
    skip.add(change.id);
    const outcome = applyEdits(current, change.edits, tolerant);
    if (!outcome.ok) refused.push(refusedFinding(file, outcome.at, outcome.reason, change, language));
    else if (outcome.text !== current) {
      current = outcome.text;
      changes.push(say(language, change.what));
    }
  }
  // The net under it all: every filing number written before is still written, once each.
  if (expectedNumbers(numbersIn(text, tolerant), moves).join('\n') !== numbersIn(current, tolerant).join('\n')) {
    return { after: text, changes: [], refused: [refusedFinding(file, [], 'unsafe', undefined, language)] };
  }
  return { after: current, changes, refused };
}

/** Filing numbers a file's corrections add and remove, as {@link numbersIn} names them. */
export interface NumberMoves {
  added?: readonly string[];
  removed?: readonly string[];
}

function expectedNumbers(before: readonly string[], { added = [], removed = [] }: NumberMoves): string[] {
  const left = [...before];
  for (const number of removed) {
    const at = left.indexOf(number);
    if (at >= 0) left.splice(at, 1);
  }
  return [...left, ...added].sort();
}

/**
 * Fixes the `beian` block (and the `icp`/`gongan` keys written outside it) of the site's config file.
 *
 * @param text the file as read (a BOM and CRLF included).
 * @param file how messages name it (`_config.yml`).
 */
export function fixBeian(text: string, file: string, language: Language, site: FixSite = {}): FixResult {
  const planner: Planner = (doc, current, skip) => nextChange(doc, current, skip, language);
  // The theme handover's corrections of this file (the numbers a theme showed, into beian:) come first.
  const { after, changes, refused } = correct(text, file, language, [...site.planners ?? [], planner], site.moves);
  return { before: text, after, changes, left: [...refused, ...(refused.some(f => f.path === file) ? [] : leftIn(after, language, site))] };
}

/** What of the site besides this file the listing depends on. */
export interface FixSite {
  /**
   * A `beian:` block in the theme's config file (`_config.next.yml`), with where it is: listed
   * (with the block to write) while `_config.yml` has none. Moving it is the theme handover's.
   */
  themeBlock?: { where: string; value: unknown };
  /** More corrections of this file, made before the block's own (the theme handover's), and the numbers they move in or out. */
  planners?: readonly Planner[];
  moves?: NumberMoves;
  /** Is a site-path icon a file the site serves (lib/audit/icon.ts `iconExists`)? Given, an icon that is none is left to the user (`icon-not-found`). */
  iconExists?: (src: string) => boolean | undefined;
}

/** The reading's findings on a text that are for the user to act on, the icon's file as the check finds it included. */
function leftIn(text: string, language: Language, site: FixSite): Finding[] {
  const doc = parseYaml(text);
  const values = doc ? valuesOf(doc) : undefined;
  if (!isPlain(values)) return [];
  const inline = isPlain(values.theme_config) && values.theme_config[ROOT] !== undefined
    ? { where: '_config.yml:theme_config.beian', value: values.theme_config[ROOT] }
    : undefined;
  const { config, findings } = readConfig(values[ROOT], language, {
    url: values.url,
    topLevel: { icp: values.icp, gongan: values.gongan },
    written: writtenText([text]),
    // As the build reads it (lib/hexo/site.ts): the theme's file first, else theme_config.
    themeBlock: site.themeBlock ?? inline
  });
  const icon = config.gongan?.icon;
  const icons = icon !== undefined && site.iconExists ? auditIcon(config, { language, siteUrl: values.url, found: site.iconExists(icon) }) : [];
  return [...findings, ...icons].filter(actionable);
}

/** Every filing number written anywhere in the file, canonical, sorted: `icp:京ICP备20000491号-1`. */
export function numbersIn(text: string, tolerant = false): string[] {
  const doc = parseYaml(text, tolerant);
  const found: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 64) return;
    if (Array.isArray(value)) value.forEach(v => visit(v, depth + 1));
    else if (isPlain(value)) Object.values(value).forEach(v => visit(v, depth + 1));
    else {
      const number = filingIn(value);
      if (number) found.push(`${number.key}:${number.canonical}`);
    }
  };
  visit(doc ? valuesOf(doc) : undefined, 0);
  return found.sort();
}

// ---------------------------------------------------------------------------------------
// The corrections
// ---------------------------------------------------------------------------------------

type Kind = 'icp' | 'gongan';
const OTHER: Record<Kind, Kind> = { icp: 'gongan', gongan: 'icp' };
const PARSE: Record<Kind, (input: unknown) => FilingResult> = { icp: v => parseIcp(v), gongan: v => parseGongan(v) };
const NAME: Record<Language, Record<Kind, string>> = {
  zh: { icp: 'ICP备案号', gongan: '公安联网备案号' },
  en: { icp: 'the ICP number', gongan: 'the public-security (公安) number' }
};

/** The file as written: a scalar's text (quotes included), and the comment on its line. */
interface FileText {
  source(path: KeyPath): string | undefined;
  comment(path: KeyPath): string;
}

/** The first correction not refused before, or none. */
function nextChange(doc: Document, text: string, skip: ReadonlySet<string>, language: Language): Change | undefined {
  const values = valuesOf(doc);
  if (!isPlain(values)) return undefined;
  const source = (path: KeyPath) => sourceAt(doc, text, path);
  const mapping = (path: KeyPath) => mappingAt(doc, text, path);
  const comment = (path: KeyPath) => commentAfter(doc, text, path);
  for (const change of candidates(values, { source, comment }, mapping, language)) {
    if (!skip.has(change.id)) return change;
  }
  return undefined;
}

/** The corrections the file calls for, in the order they are made. */
function* candidates(values: Plain, { source, comment }: FileText, mappingAt: (path: KeyPath) => Mapping | undefined, language: Language): Generator<Change> {
  const beian = values[ROOT];
  // `beian: 京ICP备…`: the number, under its key.
  const whole = typeof beian === 'string' || typeof beian === 'number' ? filingIn(beian) : undefined;
  if (whole) {
    yield {
      id: 'shape',
      edits: [{ op: 'set', path: [ROOT], value: { entries: [[whole.key, whole.canonical]] } }],
      what: { zh: `beian: 改为配置块，备案号写在 beian.${whole.key} 下`, en: `beian: made a block, the number under beian.${whole.key}` }
    };
  }
  // `icp:`/`gongan:` at the top level: under `beian:`, when it has no number of that kind.
  if (beian === undefined || beian === null || (isPlain(beian) && isBlank(beian.domains))) {
    for (const key of ['icp', 'gongan'] as const) {
      const value = values[key];
      const number = typeof value === 'string' || typeof value === 'number' ? filingIn(value) : undefined;
      if (!number || (isPlain(beian) && !isBlank(beian[number.key]))) continue;
      yield {
        id: `top:${key}`,
        edits: [{ op: 'delete', path: [key] }, { op: 'set', path: [ROOT, number.key], value: withComment(written(value, number.canonical, PARSE[number.key], source([key])), comment([key])) }],
        what: { zh: `顶层的 ${key} 移到 beian.${number.key}`, en: `${key} at the top level moved to beian.${number.key}` }
      };
    }
  }
  // `theme_config: {beian: …}`: hexo-beian reads beian: from the site's config only.
  const inline = isPlain(values.theme_config) ? values.theme_config[ROOT] : undefined;
  if ((beian === undefined || beian === null) && isPlain(inline)) {
    const block = mappingAt(['theme_config', ROOT]);
    if (block) {
      yield {
        id: 'theme_config',
        edits: [{ op: 'delete', path: ['theme_config', ROOT] }, { op: 'set', path: [ROOT], value: block }],
        what: { zh: 'theme_config.beian 移到顶层的 beian:（hexo-beian 只读取站点配置里的 beian:）', en: 'theme_config.beian moved to beian: at the top level (hexo-beian reads beian: from the site\'s config only)' }
      };
    }
  }
  if (!isPlain(beian)) return;
  if (isBlank(beian.domains)) yield* numberChanges(beian, [ROOT], source);
  else if (isPlain(beian.domains)) {
    for (const [host, entry] of Object.entries(beian.domains)) {
      if (!isPlain(entry)) continue;
      yield* numberChanges(entry, [ROOT, 'domains', host], source);
      yield* keyChanges(entry, [ROOT, 'domains', host], KEYS.domain, { source, comment });
    }
  }
  yield* keyChanges(beian, [ROOT], KEYS.beian, { source, comment });
  yield* longFormKeyChanges(beian);
  yield* dateChanges(beian, source);
  yield* wordChanges(beian, language);
}

/**
 * Unknown keys inside a long form whose meaning is certain: the filing number of its own kind
 * under a misspelt key (`numbr:`) when `number` is not written, or a key in the wrong case.
 */
function* longFormKeyChanges(beian: Plain): Generator<Change> {
  for (const kind of ['icp', 'gongan'] as const) {
    const block = beian[kind];
    if (!isPlain(block)) continue;
    const known: readonly string[] = KEYS[kind];
    for (const key of Object.keys(block)) {
      if (known.includes(key)) continue;
      const number = filingIn(block[key]);
      const target = number?.key === kind ? 'number' : known.find(k => k === key.toLowerCase());
      if (!target || !isBlank(block[target])) continue;
      const result = number ? PARSE[kind](block[key]) : undefined;
      const canonical = result && isNormalised(result) ? result.canonical : undefined;
      const path = [ROOT, kind, key];
      yield {
        id: `long-key:${kind}\u0000${key}`,
        edits: [{ op: 'rename', path, to: target, ...(canonical && { value: canonical }) }],
        what: { zh: `${pathText(path)} 改为 ${pathText([ROOT, kind, target])}${canonical ? `，写成规范写法 ${canonical}` : ''}`, en: `${pathText(path)} renamed ${pathText([ROOT, kind, target])}${canonical ? `, written canonically: ${canonical}` : ''}` }
      };
    }
  }
}

/** The keys that hold a day (config-date). */
const DAYS: readonly KeyPath[] = [[ROOT, 'online'], [ROOT, 'icp', 'approved'], [ROOT, 'gongan', 'applied']];

/**
 * A day written another way (`2024/6/1`, `2024.6.1`, `2024年6月1日`, `20240601`), year first and real: as
 * year-month-day, which is what the reading's config-date asks for. Unquoted it stays unquoted
 * (YAML then reads a date, as the README writes it); quoted, it keeps its quotes.
 */
function* dateChanges(beian: Plain, source: (path: KeyPath) => string | undefined): Generator<Change> {
  for (const path of DAYS) {
    const holder = path.length === 2 ? beian : beian[path[1]];
    const value = isPlain(holder) ? holder[path[path.length - 1]] : undefined;
    const text = source(path);
    // A day with a time of day is the reading's to take (the day written) or to ask about (a time that does not exist).
    if (typeof value === 'string' && timestampDay(value.trim())) continue;
    // `20240601` unquoted is a number to YAML; its text is the day.
    const day = typeof value === 'string' ? otherDateForm(value) : typeof value === 'number' && text !== undefined ? otherDateForm(text) : undefined;
    if (day === undefined || text === undefined) continue;
    yield {
      id: `date:${path.join('\u0000')}`,
      edits: [{ op: 'set', path, value: /^["']/.test(text) ? day : { written: day } }],
      what: { zh: `${pathText(path)} 写成 年-月-日：${day}`, en: `${pathText(path)} written year-month-day: ${day}` }
    };
  }
}

/** A scalar to write with the comment its line had (a canonical number needs no quotes). */
function withComment(value: Value, comment: string): Value {
  if (!comment) return value;
  if (typeof value === 'string') return { written: value + comment };
  return typeof value === 'object' && 'written' in value ? { written: value.written + comment } : value;
}

/** A number to write: as written when that is canonical already (a YAML integer stays one), else the canonical form. */
function written(value: unknown, canonical: string, parse: (input: unknown) => FilingResult, text: string | undefined): Value {
  return parse(value).diagnostics.some(d => d.code === 'normalised') || text === undefined ? canonical : { written: text };
}

function isNormalised(result: FilingResult): boolean {
  return result.ok && result.canonical !== undefined && result.diagnostics.some(d => d.code === 'normalised');
}

/** The numbers of one block (`beian`, or a `domains` entry): canonical forms, and numbers under the other kind's key. */
function* numberChanges(block: Plain, keys: KeyPath, source: (path: KeyPath) => string | undefined): Generator<Change> {
  const where = pathText(keys);
  for (const key of ['icp', 'gongan'] as const) {
    const value = block[key];
    const long = isPlain(value);
    const input = long ? value.number : value;
    if (isBlank(input) || (typeof input !== 'string' && typeof input !== 'number')) continue;
    const path = long ? [...keys, key, 'number'] : [...keys, key];
    const result = PARSE[key](input);
    if (isNormalised(result)) {
      yield {
        id: `canonical:${path.join('\u0000')}`,
        edits: [{ op: 'set', path, value: result.canonical! }],
        what: { zh: `${pathText(path)} 改为规范写法 ${result.canonical!}`, en: `${pathText(path)} written canonically: ${result.canonical!}` }
      };
      continue;
    }
    if (!result.diagnostics.some(d => d.code === 'wrong-kind')) continue;
    const other = OTHER[key];
    const moved = PARSE[other](input);
    if (!moved.ok || moved.canonical === undefined) continue;
    const there = block[other];
    if (isBlank(there)) {
      // The long form moves whole only when it holds nothing but the number (`approved` is the ICP's alone).
      if (long && Object.keys(value).some(k => k !== 'number')) continue;
      yield {
        id: `kind:${path.join('\u0000')}`,
        edits: [{ op: 'rename', path: [...keys, key], to: other, ...(!long && isNormalised(moved) && { value: moved.canonical }) }],
        what: { zh: `${where}.${key} 里是${NAME.zh[other]}，移到 ${where}.${other}`, en: `${where}.${key} holds ${NAME.en[other]}: moved to ${where}.${other}` }
      };
      continue;
    }
    // The two swapped: each number to the other key, in whichever form each key has (its
    // approved:, its icon: stay with the key: they belong to the filing the key names).
    const thereLong = isPlain(there);
    const thereInput = thereLong ? there.number : there;
    const back = typeof thereInput === 'string' || typeof thereInput === 'number' ? PARSE[key](thereInput) : undefined;
    if (key !== 'icp' || !back?.ok || back.canonical === undefined) continue;
    const otherPath = thereLong ? [...keys, other, 'number'] : [...keys, other];
    const mine = source(path);
    const theirs = source(otherPath);
    yield {
      id: `swap:${keys.join('\u0000')}`,
      edits: [
        { op: 'set', path, value: written(thereInput, back.canonical, PARSE[key], theirs) },
        { op: 'set', path: otherPath, value: written(input, moved.canonical, PARSE[other], mine) }
      ],
      what: { zh: `${where}.icp 和 ${where}.gongan 的备案号写反了：已互换`, en: `${where}.icp and ${where}.gongan held each other's numbers: swapped` }
    };
  }
}

/** Unknown keys whose meaning is certain: a number under a misspelt key, a key in the wrong case, `approved`/`icon` one level too high. */
function* keyChanges(block: Plain, keys: KeyPath, known: readonly string[], written: FileText): Generator<Change> {
  const where = pathText(keys);
  for (const key of Object.keys(block)) {
    if (known.includes(key)) continue;
    const value = block[key];
    const home = keys.length === 1 ? LONG_FORM.get(key) : undefined;
    if (home) {
      const change = longFormChange(block, keys, key, home, written);
      if (change) yield change;
      continue;
    }
    const number = filingIn(value);
    const target = number && known.includes(number.key) ? number.key : known.find(k => k === key.toLowerCase());
    if (!target || !isBlank(block[target])) continue;
    const input = isPlain(value) ? value.number : value;
    const result = number ? PARSE[number.key](input) : undefined;
    const canonical = result && !isPlain(value) && isNormalised(result) ? result.canonical : undefined;
    const also = canonical ? { zh: `，写成规范写法 ${canonical}`, en: `, written canonically: ${canonical}` } : { zh: '', en: '' };
    yield {
      id: `key:${[...keys, key].join('\u0000')}`,
      edits: [{ op: 'rename', path: [...keys, key], to: target, ...(canonical && { value: canonical }) }],
      what: number
        ? { zh: `${where}.${key} 里是${NAME.zh[number.key]}，改为 ${where}.${target}${also.zh}`, en: `${where}.${key} holds ${NAME.en[number.key]}: renamed ${where}.${target}${also.en}` }
        : { zh: `${where}.${key} 改为 ${where}.${target}`, en: `${where}.${key} renamed ${where}.${target}` }
    };
  }
}

/** `approved:` (or `icon:`, `applied:`) directly under `beian:`: into the long form of `icp` (`gongan`), when that holds a number and no such key yet (`applied:` also when there is no `gongan:`). */
function longFormChange(block: Plain, keys: KeyPath, key: string, home: Kind, { source, comment }: FileText): Change | undefined {
  const value = block[key];
  // A day written another way (`2024.5.20`) moves written year-month-day.
  const dated = key === 'approved' || key === 'applied';
  const day = dated && typeof value === 'string' && !isCalendarDate(value.trim()) ? otherDateForm(value) : undefined;
  const text = day ?? source([...keys, key]);
  const checked: Finding[] = [];
  const valid = day ?? (dated ? readDate(value, key, 'en', checked, text) : readIcon(value, key, 'en', checked));
  if (valid === undefined || checked.length > 0 || text === undefined) return undefined;
  const holder = block[home];
  const where = pathText(keys);
  const what = { zh: `${where}.${key} 移到 ${where}.${home}.${key}（${home} 的长格式）`, en: `${where}.${key} moved to ${where}.${home}.${key} (the long form of ${home})` };
  const id = `long:${[...keys, key].join('\u0000')}`;
  const remove: Edit = { op: 'delete', path: [...keys, key] };
  // The comment on the moved line goes with it.
  const moved = { written: text + comment([...keys, key]) };
  if (typeof holder === 'string' || typeof holder === 'number') {
    const number = source([...keys, home]);
    if (number === undefined || !PARSE[home](holder).ok) return undefined;
    return { id, what, edits: [remove, { op: 'set', path: [...keys, home], value: { entries: [['number', { written: number }], [key, moved]] } }] };
  }
  if (isPlain(holder) && !isBlank(holder.number) && isBlank(holder[key])) {
    return { id, what, edits: [remove, { op: 'set', path: [...keys, home, key], value: moved }] };
  }
  // `applied:` with no 公安 number yet: it is the whole of `gongan:`.
  if (key === 'applied' && isBlank(holder)) {
    return { id, what, edits: [remove, { op: 'set', path: [...keys, home], value: { entries: [[key, moved]] } }] };
  }
  return undefined;
}

/** Words the reading takes with a warning (`Body-End`, `enable: "no"`): written as it reads them. */
function* wordChanges(block: Plain, language: Language): Generator<Change> {
  for (const [key, words] of CHOICE_KEYS) {
    const value = block[key];
    if (typeof value !== 'string') continue;
    const findings: Finding[] = [];
    const meant = readChoice(value, key, words, '', language, findings);
    if (findings.length !== 1 || findings[0].severity !== 'warning') continue;
    yield { id: `word:${key}`, edits: [{ op: 'set', path: [ROOT, key], value: meant }], what: { zh: `beian.${key} 改为 ${meant}`, en: `beian.${key} written ${meant}` } };
  }
  if (typeof block.enable === 'string') {
    const findings: Finding[] = [];
    const meant = readBoolean(block.enable, 'enable', true, language, findings);
    if (findings.length === 1 && findings[0].severity === 'warning') {
      yield { id: 'word:enable', edits: [{ op: 'set', path: [ROOT, 'enable'], value: meant }], what: { zh: `beian.enable 改为 ${meant}`, en: `beian.enable written ${meant}` } };
    }
  }
}

// ---------------------------------------------------------------------------------------
// Places and messages
// ---------------------------------------------------------------------------------------

/** The comment on the line of the scalar at a path (` # 已提交`, with the space before it), or ''. */
function commentAfter(doc: Document, text: string, path: KeyPath): string {
  try {
    const node = doc.getIn(path, true) as Node | undefined;
    if (!isScalar(node) || !node.range) return '';
    const end = text.indexOf('\n', node.range[1]);
    const rest = text.slice(node.range[1], end < 0 ? text.length : end).replace(/\r$/, '');
    return /^[ \t]+#/.test(rest) ? rest : '';
  } catch {
    return '';
  }
}

/** The text of the scalar at a path as written (quotes included), or undefined. */
function sourceAt(doc: Document, text: string, path: KeyPath): string | undefined {
  try {
    const node = doc.getIn(path, true) as Node | undefined;
    if (!isScalar(node) || !node.range || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return undefined;
    const written = text.slice(node.range[0], node.range[1]);
    return written === '' || /[\r\n]/.test(written) ? undefined : written;
  } catch {
    return undefined;
  }
}

/**
 * The block at a path as written, to be written elsewhere: each scalar verbatim (its quotes
 * kept), each nested block likewise; undefined when it holds anything else (a list, a block
 * scalar, a comment inside), which is then left for the user to move.
 */
function mappingAt(doc: Document, text: string, path: KeyPath, depth = 0): Mapping | undefined {
  const node = doc.getIn(path, true) as Node | undefined;
  if (!isMap(node) || node.items.length === 0 || depth > 4) return undefined;
  // From its key on: a comment on the key's line or above the first entry belongs to it too.
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const pair = isMap(parent) ? parent.items.find(p => isScalar(p.key) && p.key.value === path[path.length - 1]) : undefined;
  const from = isScalar(pair?.key) && pair.key.range ? pair.key.range[1] : node.range?.[0];
  const inside = from !== undefined && node.range ? text.slice(from, node.range[1]) : '';
  if (/(^|\s)#/.test(inside.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'/g, ''))) return undefined;
  const entries: [string, Value][] = [];
  for (const pair of node.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') return undefined;
    const key = pair.key.value;
    const value = isMap(pair.value) ? mappingAt(doc, text, [...path, key], depth + 1) : sourceAt(doc, text, [...path, key]);
    if (value === undefined) return undefined;
    entries.push([key, typeof value === 'string' ? { written: value } : value]);
  }
  return { entries };
}

/** A key path as the findings name it: `beian.icp`, `beian.domains["blog.example.cn"].icp`. */
function pathText(path: KeyPath): string {
  if (path.length >= 3 && path[0] === ROOT && path[1] === 'domains') return [domainPath(path[2]), ...path.slice(3)].join('.');
  return path.join('.');
}

const REASONS: Record<Refusal, Text> = {
  syntax: { zh: '这个文件不是可以逐字编辑的 YAML（语法错误、多个文档，或用 Tab 缩进）', en: 'the file is not YAML it can edit in place (a syntax error, several documents, or tab indentation)' },
  anchor: { zh: '这里的值带锚点（&名称），别处可能通过别名引用它', en: 'the value there has an anchor (&name), which other places may read through an alias' },
  alias: { zh: '这里的值是别名（*名称），它写在别处', en: 'the value there is an alias (*name), written elsewhere' },
  tag: { zh: '这里的值带标签（!!str 之类）', en: 'the value there has a tag (!!str or the like)' },
  merge: { zh: '这个配置块有合并键（<<:），它的键有的来自别处', en: 'the block has a merge key (<<:), so some of its keys come from elsewhere' },
  duplicate: { zh: '同一个键写了两次', en: 'the same key is written twice' },
  shape: { zh: '这里的值不是预期的形式（列表、多行文本，或需要配置块的地方写了单个值）', en: 'the value there is not of the expected form (a list, a multi-line text, or a single value where a block is needed)' },
  layout: { zh: '这个键和别的内容写在同一行（例如列表里的 - icp:）', en: 'the key shares its line with something else (such as - icp: in a list)' },
  exists: { zh: '目标键已经存在', en: 'the key it would write exists already' },
  missing: { zh: '这个键已不存在', en: 'the key is no longer there' },
  unsafe: { zh: '修改后的文件读出来与预期不符，所以没有修改', en: 'the file, edited, would not read as intended, so it was not edited' }
};

function refusedFinding(file: string, at: KeyPath, reason: Refusal, change: Change | undefined, language: Language): Finding {
  const place = at.length > 0 ? `${file}:${pathText(at)}` : file;
  const what = change ? say(language, change.what) : undefined;
  const hand = change?.edits.filter(e => e.op !== 'delete').map(handText).join('\n');
  const removed = change?.edits.filter(e => e.op === 'delete').map(e => pathText(e.path));
  const also = removed && removed.length > 0 && hand ? { zh: `，并删除 ${removed.join('、')}`, en: `, and remove ${removed.join(', ')}` } : { zh: '', en: '' };
  return finding(language, 'fix-refused', 'error', {
    zh: `${place}：没有自动修改${what ? `（${what}）` : ''}，因为${/^[!-~]/.test(REASONS[reason].zh) ? ' ' : ''}${REASONS[reason].zh}。${hand ? `请手动写入下面的内容${also.zh}。` : '请手动修改。'}`,
    en: `${place}: not changed${what ? ` (${what})` : ''}, because ${REASONS[reason].en}. ${hand ? `Write this by hand${also.en}.` : 'Edit it by hand.'}`
  }, { path: place, ...(hand && { suggestion: hand }) });
}

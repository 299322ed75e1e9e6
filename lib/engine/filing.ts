/**
 * The filing-number engine: reads what a blog author wrote for the ICP number and the
 * public-security (公安) number, normalises it, checks it, and says what to write instead.
 *
 * Sources: `docs/filing-rules.md` for formats, provinces and what people
 * actually write; 《非经营性互联网信息服务备案管理办法》 (信息产业部令第33号) for the ICP
 * filing; 《计算机信息网络国际联网安全保护管理办法》 (公安部令第33号) for the 公安 filing;
 * 工信部信管〔2023〕105号 for APP / mini-program numbers.
 *
 * Diagnostic codes (stable ids, the same in every language):
 *
 * | code                | severity | meaning                                                        |
 * |---------------------|----------|----------------------------------------------------------------|
 * | `empty`             | error    | nothing written (undefined, null, '', only spaces)             |
 * | `not-text`          | error    | a list, mapping, true/false… instead of text                   |
 * | `too-long`          | error    | more than 200 characters: not a filing number                  |
 * | `unparseable`       | error    | not a filing number at all, or extra text around one           |
 * | `unknown-province`  | error    | the province character (or 公安 digits) names no filing province |
 * | `province-mismatch` | error    | 公安 province character ≠ the province of its first two digits  |
 * | `placeholder`       | error    | XXXXXXXX, 12345678, zeros, a theme default, template code       |
 * | `digit-count`       | error    | the serial has the wrong number of digits for its kind          |
 * | `serial-year`       | error    | a 10-digit ICP serial whose year (first 4 digits) no filing has |
 * | `wrong-kind`        | error    | an ICP number in the 公安 field, or the reverse                 |
 * | `several-numbers`   | error    | more than one number in one field                               |
 * | `legacy-gongan`     | warning  | a 12-digit 公安 number from before 2016                          |
 * | `short-serial`      | warning  | an ICP filing serial of 5–7 digits (very old filings)           |
 * | `app-number`        | warning  | …号-1A / -1X: the number of an APP / mini-program               |
 * | `normalised`        | warning  | written in a non-standard form; `suggestion` is the canonical   |
 * | `same-number`       | error    | (compareFilings) both fields hold the same number               |
 * | `provinces-differ`  | info     | (compareFilings) ICP and 公安 numbers from different provinces   |
 */

import { say, type Diagnostic, type Language, type Severity } from './diagnostic';
import { provinceByChar, provinceByCode, TRADITIONAL_PROVINCE_CHARS, type Province } from './province';
import { NUMBER_SHAPES as SHAPE } from './examples';
import { isIdeograph, printable } from './text';

/** What a filing number is. */
export type FilingKind = 'icp-filing' | 'icp-licence' | 'telecom-licence' | 'gongan';

/**
 * What the engine made of one value.
 * `canonical`, `kind`, `province`, `provinceCode`, `digits` and `site` are set only when
 * `ok`; `diagnostics` may hold warnings and info even then.
 */
export interface FilingResult {
  /** True exactly when no diagnostic has severity `error`. */
  ok: boolean;
  /** The number as it should be written, e.g. `京ICP备20000491号-1`; only when ok. */
  canonical?: string;
  kind?: FilingKind;
  /** The province character as written canonically (`京`, `蜀`); absent on cross-regional `B2-…`. */
  province?: string;
  /** The two-digit province code, e.g. `'11'`. */
  provinceCode?: string;
  /** The serial digits: 公安 → the 14 (or 12) digits of the MPS query link; ICP → the serial. */
  digits?: string;
  /** The `-N` website suffix, when present. */
  site?: number;
  diagnostics: Diagnostic[];
}

/** Options of the parse functions. */
export interface ParseOptions {
  /** The language of messages; default `'en'`. */
  language?: Language;
  /**
   * How messages name the two fields, where a message says to move a number or names both
   * (the config layer passes its keys, `beian.icp`); default "the ICP field" and "the
   * public-security field". The engine itself knows no config keys.
   */
  fields?: { icp?: string; gongan?: string };
}

const CODES = {
  'empty': 'error',
  'not-text': 'error',
  'too-long': 'error',
  'unparseable': 'error',
  'unknown-province': 'error',
  'province-mismatch': 'error',
  'placeholder': 'error',
  'digit-count': 'error',
  'serial-year': 'error',
  'wrong-kind': 'error',
  'several-numbers': 'error',
  'legacy-gongan': 'warning',
  'short-serial': 'warning',
  'app-number': 'warning',
  'normalised': 'warning',
  'same-number': 'error',
  'provinces-differ': 'info'
} as const satisfies Record<string, Severity>;

/** A diagnostic code of the filing engine. */
export type FilingCode = keyof typeof CODES;

/** Every diagnostic code the engine emits, with its (fixed) severity. */
export const FILING_CODES: Readonly<Record<FilingCode, Severity>> = Object.freeze(CODES);

type Code = FilingCode;
type Field = 'icp' | 'gongan';
interface Text { zh: string; en: string }

/** Longer input is refused unread: keeps every parse bounded (longest real value seen: ~40). */
const MAX_LENGTH = 200;


/** The fields' names in messages, unless the caller names them (see {@link ParseOptions.fields}). */
const FIELD_NAMES: Record<Language, Record<Field, string>> = {
  zh: { icp: 'ICP备案号一栏', gongan: '公安联网备案号一栏' },
  en: { icp: 'the ICP field', gongan: 'the public-security field' }
};

// ---------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------

/**
 * Parses an ICP number: a filing (`京ICP备20000491号-1`, 8 or 10 digits, 5–7 with a
 * warning), an ICP licence (`京ICP证030173号`) or a telecom licence (`沪B2-20080046`,
 * `粤B1.B2-20060628`, cross-regional `B2-20140501`). Formats: docs/filing-rules.md, "ICP numbers".
 *
 * @param input what `_config.yml` holds: normally a string; anything else is reported.
 * @returns a result whose `canonical` is the text to show; never throws; bounded time
 *   (input over 200 characters is refused with `too-long`).
 */
export function parseIcp(input: unknown, options?: ParseOptions): FilingResult {
  return parse('icp', input, options);
}

/**
 * Parses a public-security (公安) number: `京公网安备11010502030143号`, the 14 digits alone
 * (a string or a YAML integer; the province character follows from the first two digits),
 * or a legacy 12-digit number (warning). Format: docs/filing-rules.md, "Public-security numbers".
 *
 * @returns a result whose `digits` go into the MPS query link; never throws; bounded time.
 */
export function parseGongan(input: unknown, options?: ParseOptions): FilingResult {
  return parse('gongan', input, options);
}

/**
 * Cross-field rules, on the results of {@link parseIcp} and {@link parseGongan}:
 * - `same-number` (error): both fields hold the same number (a known theme bug copies the
 *   ICP values into the 公安 line; docs/filing-rules.md, "How existing themes do it");
 * - `provinces-differ` (info): both valid, from different provinces. The two filings are
 *   made with different authorities, so this can be right; it is worth a look only.
 *
 * @returns zero or more diagnostics; never throws, whatever it is given (a result of another
 *   shape, getters that throw, a Proxy): what is not a result's documented shape is ignored.
 */
export function compareFilings(icp: FilingResult, gongan: FilingResult, options?: ParseOptions): Diagnostic[] {
  try {
    return compare(facts(icp), facts(gongan), options);
  } catch {
    return []; // unreachable with facts() read defensively; the promise is kept regardless
  }
}

/** What compareFilings reads of a result: plain strings and booleans only, read once. */
interface Facts {
  ok: boolean;
  canonical?: string;
  province?: string;
  provinceCode?: string;
  /** The number it stands for: its canonical form, or the number it holds of the other kind. */
  number?: string;
}

function facts(result: unknown): Facts {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  try {
    if (typeof result !== 'object' || result === null) return { ok: false };
    const r = result as Record<string, unknown>;
    const ok = r.ok === true;
    const out: Facts = { ok, canonical: text(r.canonical), province: text(r.province), provinceCode: text(r.provinceCode) };
    if (ok) {
      out.number = out.canonical;
    } else {
      const diagnostics = r.diagnostics;
      const list: unknown[] = Array.isArray(diagnostics) ? Array.from(diagnostics as unknown[]) : [];
      const errors = list.filter(d => typeof d === 'object' && d !== null && (d as Diagnostic).severity === 'error') as Diagnostic[];
      // Only when the whole value is one number of the other kind (and nothing else is wrong).
      if (errors.length === 1 && errors[0].code === 'wrong-kind') out.number = text(errors[0].suggestion);
    }
    return out;
  } catch {
    return { ok: false }; // a getter or a proxy that throws: nothing known
  }
}

function compare(icp: Facts, gongan: Facts, options: unknown): Diagnostic[] {
  const language = optionsLanguage(options);
  const field = fieldNames(options, language);
  const out: Diagnostic[] = [];
  const a = icp.number;
  const b = gongan.number;
  if (a !== undefined && a === b) {
    out.push(make(language, 'same-number', {
      zh: `${field.icp} 与 ${field.gongan} 填的是同一个编号（${clip(a, 80)}）：两处应各填各的——ICP备案号（…ICP备…号）填在 ${field.icp}，公安联网备案号（…公网安备…号）填在 ${field.gongan}。`,
      en: `${capital(field.icp)} and ${field.gongan} hold the same number (${clip(a, 80)}): each needs its own, the ICP number (…ICP备…号) in ${field.icp} and the public-security (公安) number (…公网安备…号) in ${field.gongan}.`
    }));
  }
  if (icp.ok && gongan.ok && icp.provinceCode && gongan.provinceCode && icp.provinceCode !== gongan.provinceCode) {
    const p = provinceByCode(icp.provinceCode);
    const q = provinceByCode(gongan.provinceCode);
    if (p && q) {
      out.push(make(language, 'provinces-differ', {
        zh: `ICP备案号属于${p.name.zh}（${clip(icp.province ?? p.chars[0])}），公安联网备案号属于${q.name.zh}（${clip(gongan.province ?? q.chars[0])}）。两项备案由不同部门办理，这可能没问题；请确认两个编号都属于本站。`,
        en: `The ICP number is from ${clip(icp.province ?? p.chars[0])} (${p.name.en}) and the public-security (公安) number from ${clip(gongan.province ?? q.chars[0])} (${q.name.en}). The two are filed with different authorities, so this can be right; check that both numbers belong to this site.`
      }));
    }
  }
  return out;
}


// ---------------------------------------------------------------------------------------
// The parse
// ---------------------------------------------------------------------------------------

interface Ctx {
  language: Language;
  field: Field;
  /** How messages name the fields. */
  names: Record<Field, string>;
  /** What normalisation changed, in order, each once. */
  changes: Map<string, Text>;
}

/** One number found in the text: an optional province character, a kind marker and what follows. */
interface Token {
  kind: FilingKind;
  /** The character just before the marker, when it is a CJK character. */
  slot?: string;
  marker: string;
  body: string;
  /** The token as written (normalised), for messages. */
  text: string;
}

/** What one token turned out to be. */
interface Analysis {
  kind: FilingKind;
  diagnostics: Diagnostic[];
  /** Set when the token has no error. */
  canonical?: string;
  province?: string;
  provinceCode?: string;
  digits?: string;
  site?: number;
}

function optionsLanguage(options: unknown): Language {
  try {
    return typeof options === 'object' && options !== null && (options as ParseOptions).language === 'zh' ? 'zh' : 'en';
  } catch {
    return 'en'; // a getter or proxy that throws
  }
}

/** The caller's names for the fields (short text only), else the engine's own. */
function fieldNames(options: unknown, language: Language): Record<Field, string> {
  const names = { ...FIELD_NAMES[language] };
  try {
    const given = typeof options === 'object' && options !== null ? (options as ParseOptions).fields : undefined;
    for (const field of ['icp', 'gongan'] as const) {
      const name: unknown = given?.[field];
      if (typeof name === 'string' && name.length > 0 && name.length <= 80) names[field] = name;
    }
  } catch {
    // a getter or proxy that throws: the engine's own names
  }
  return names;
}

/** `the ICP field` → `The ICP field` at the start of an English sentence; keys stay as written. */
function capital(name: string): string {
  return name.startsWith('the ') ? `T${name.slice(1)}` : name;
}

function make(language: Language, code: Code, text: Text, suggestion?: string): Diagnostic {
  // Whatever of the user's text a message quotes reaches a terminal: no control character raw.
  const d: Diagnostic = { code, severity: FILING_CODES[code], message: printable(say(language, text), true) };
  if (suggestion !== undefined) d.suggestion = suggestion;
  return d;
}

/**
 * The parse, kept to its promise: it never throws. Every step reads plain strings it made
 * itself, so nothing should; should anything still throw, the value is reported unparseable.
 */
function parse(field: Field, input: unknown, options: unknown): FilingResult {
  try {
    return parseValue(field, input, options);
  } catch {
    const language = optionsLanguage(options);
    return finish([make(language, 'unparseable', {
      zh: `无法把这个值读成备案号：请直接写编号，形如 ${SHAPE[field].zh}。`,
      en: `This value cannot be read as a filing number: write the number itself, in the form ${SHAPE[field].en}.`
    })]);
  }
}

function parseValue(field: Field, input: unknown, options: unknown): FilingResult {
  const language = optionsLanguage(options);
  const ctx: Ctx = { language, field, names: fieldNames(options, language), changes: new Map() };
  const d = (code: Code, text: Text, suggestion?: string) => make(ctx.language, code, text, suggestion);

  if (input === undefined || input === null || input === '') return finish([emptyDiagnostic(ctx)]);
  let raw: string;
  if (typeof input === 'string') {
    raw = input;
  } else if (typeof input === 'number' || typeof input === 'bigint') {
    // A YAML integer (docs/filing-rules.md, "YAML traps"): leading zeros are already gone, which
    // is harmless for 公安 numbers (no province code starts with 0).
    const text = numberText(ctx, input);
    if (typeof text !== 'string') return finish([text]);
    raw = text;
  } else {
    return finish([notText(ctx, input)]);
  }
  if (raw.length > MAX_LENGTH) {
    return finish([d('too-long', {
      zh: `这段文字有 ${raw.length} 个字符，不可能是备案号：只填编号本身，形如 ${SHAPE[field].zh}。`,
      en: `This is ${raw.length} characters long, far too long for a filing number: write only the number, in the form ${SHAPE[field].en}.`
    })]);
  }

  // Leading and trailing spaces are dropped silently: YAML drops them anyway unless quoted.
  const trimmed = raw.trim();
  if (trimmed === '') return finish([emptyDiagnostic(ctx)]);
  if (TEMPLATE.test(trimmed)) {
    return finish([d('placeholder', {
      zh: `“${clip(trimmed)}”含有未展开的模板代码：_config.yml 不是模板，请直接填写真实的备案号，形如 ${SHAPE[field].zh}。`,
      en: `“${clip(trimmed)}” holds template code that is never filled in: _config.yml is not a template, so write your real number, in the form ${SHAPE[field].en}.`
    })]);
  }

  let text = normaliseChars(ctx, trimmed);
  if (text === '') return finish([emptyDiagnostic(ctx)]);
  text = normaliseWords(ctx, text, trimmed);
  if (text === '') return finish([notANumber(ctx, trimmed)]);

  const { prefix, tokens } = tokenize(text);
  if (tokens.length === 0) {
    if (BARE.test(text)) return finishBare(ctx, text);
    return finish([notANumber(ctx, trimmed)]);
  }

  const analyses = tokens.map(t => analyse(ctx, t));
  const accepts = (kind: FilingKind) => (field === 'gongan') === (kind === 'gongan');
  const right = analyses.filter(a => accepts(a.kind));
  const out: Diagnostic[] = [];

  if (tokens.length > 1) {
    const keep = right.length === 1 ? right[0].canonical : undefined;
    const list = tokens.map(t => t.text).join(ctx.language === 'zh' ? '、' : ', ');
    out.push(d('several-numbers', {
      zh: `这里写了 ${tokens.length} 个编号（${clip(list, 80)}）：每处只填一个编号${keep ? `，这里应只留 ${keep}` : ''}。`,
      en: `This holds ${tokens.length} numbers (${clip(list, 80)}): write one number per field${keep ? `, here only ${keep}` : ''}.`
    }, keep));
  }
  analyses.forEach((a, i) => {
    if (!accepts(a.kind)) out.push(wrongKind(ctx, tokens[i], a));
  });
  if (right.length === 0) {
    if (!analyses.some(a => a.canonical !== undefined)) out.push(notANumber(ctx, trimmed));
    return finish(out);
  }
  if (tokens.length > 1) return finish(out);

  const only = analyses[0];
  if (prefix !== '') {
    if (only.canonical === undefined) return finish([notANumber(ctx, trimmed)]);
    return finish([d('unparseable', {
      zh: `编号前面多了“${clip(prefix)}”：只填编号本身，即 ${only.canonical}。`,
      en: `There is extra text (“${clip(prefix)}”) before the number: write only the number, ${only.canonical}.`
    }, only.canonical)]);
  }
  return finish(only.diagnostics, only, ctx);
}

/**
 * Builds the result: `ok` from the severities; the description and a `normalised` warning
 * only when ok (an error's own suggestion already carries the corrected text).
 */
function finish(diagnostics: Diagnostic[], analysis?: Analysis, ctx?: Ctx): FilingResult {
  const ok = !diagnostics.some(x => x.severity === 'error');
  if (!ok || !analysis || analysis.canonical === undefined) return { ok: false, diagnostics };
  const result: FilingResult = { ok, canonical: analysis.canonical, kind: analysis.kind, diagnostics: [...diagnostics] };
  if (analysis.province !== undefined) result.province = analysis.province;
  if (analysis.provinceCode !== undefined) result.provinceCode = analysis.provinceCode;
  if (analysis.digits !== undefined) result.digits = analysis.digits;
  if (analysis.site !== undefined) result.site = analysis.site;
  if (ctx && ctx.changes.size > 0) {
    const what = CHANGE_ORDER.filter(key => ctx.changes.has(key))
      .map(key => say(ctx.language, ctx.changes.get(key) as Text))
      .join(ctx.language === 'zh' ? '；' : '; ');
    result.diagnostics.push(make(ctx.language, 'normalised', {
      zh: `写法不规范（${what}）：请改写为 ${analysis.canonical}。`,
      en: `Written in a non-standard form (${what}): write ${analysis.canonical} instead.`
    }, analysis.canonical));
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Input that is not a string
// ---------------------------------------------------------------------------------------

function emptyDiagnostic(ctx: Ctx): Diagnostic {
  return make(ctx.language, 'empty', ctx.field === 'icp'
    ? { zh: `没有填写 ICP备案号：请填写编号，形如 ${SHAPE.icp.zh}。`, en: `No ICP number is written: write the number, in the form ${SHAPE.icp.en}.` }
    : { zh: `没有填写公安联网备案号：请填写编号，形如 ${SHAPE.gongan.zh}。`, en: `No public-security (公安) number is written: write the number, in the form ${SHAPE.gongan.en}.` });
}

function notText(ctx: Ctx, input: unknown): Diagnostic {
  let list = false;
  try {
    list = Array.isArray(input);
  } catch {
    // A revoked proxy: described as an object below.
  }
  const what: Text = list ? { zh: '一个列表', en: 'a list' }
    : typeof input === 'boolean' ? { zh: String(input), en: String(input) }
    : typeof input === 'object' ? { zh: '一组键值', en: 'a group of keys' }
    : { zh: '非文本的值', en: 'something other than text' };
  return make(ctx.language, 'not-text', {
    zh: `这里是${what.zh}，不是文字：请直接写编号，形如 ${SHAPE[ctx.field].zh}。`,
    en: `This is ${what.en}, not text: write the number itself, in the form ${SHAPE[ctx.field].en}.`
  });
}

/** A YAML number as digits, or the diagnostic saying why it cannot be a filing number. */
function numberText(ctx: Ctx, input: number | bigint): string | Diagnostic {
  if (typeof input === 'bigint') {
    if (input >= BigInt(0)) return input.toString();
  } else if (Number.isInteger(input) && input >= 0) {
    if (Number.isSafeInteger(input)) return String(input);
    return make(ctx.language, 'digit-count', {
      zh: `这个数字太长，不可能是备案号（公安联网备案号为 14 位）：请把编号加引号写成文字，形如 ${SHAPE[ctx.field].zh}。`,
      en: `This number is far too long for a filing number (a public-security number has 14 digits): write the number as text in quotes, in the form ${SHAPE[ctx.field].en}.`
    });
  }
  const shown = typeof input === 'number' && Number.isNaN(input) ? 'NaN' : String(input);
  return make(ctx.language, 'unparseable', {
    zh: `${shown} 不是备案号（备案号不含小数点或负号）：请写真实的编号，形如 ${SHAPE[ctx.field].zh}。`,
    en: `${shown} is not a filing number (those have no sign or decimal point): write the real number, in the form ${SHAPE[ctx.field].en}.`
  });
}

// ---------------------------------------------------------------------------------------
// Normalisation (docs/filing-rules.md, "What people actually write")
// ---------------------------------------------------------------------------------------

const CHANGE = {
  spaces: { zh: '删除了空白（空格、换行）', en: 'removed white space' },
  invisible: { zh: '删除了不可见字符（零宽空格等）', en: 'removed invisible characters (zero-width spaces)' },
  fullwidth: { zh: '全角字符改为半角', en: 'full-width → half-width' },
  brackets: { zh: '去掉了全角括号', en: 'removed full-width brackets' },
  dash: { zh: '长横线改为 -', en: 'dash → hyphen' },
  traditional: { zh: '繁体改为简体', en: 'traditional → simplified' },
  icpCase: { zh: 'icp 改为大写 ICP', en: 'icp → ICP' },
  icpBeian: { zh: '“ICP备案”改为“ICP备”', en: 'ICP备案 → ICP备' },
  gonganOrder: { zh: '“公安网备”改为“公网安备”', en: '公安网备 → 公网安备' },
  gonganBeian: { zh: '“公网安备案”改为“公网安备”', en: '公网安备案 → 公网安备' },
  licenceCase: { zh: 'b 改为大写 B', en: 'b → B' },
  punctuation: { zh: '去掉了末尾的标点', en: 'removed trailing punctuation' },
  separator: { zh: '去掉了“备”后面的 - 或冒号', en: 'removed the - or : after 备' },
  suffixMoved: { zh: '把 -N 移到“号”后面', en: 'moved -N after 号' },
  extraHao: { zh: '去掉了多余的“号”', en: 'removed the extra 号' },
  addedHao: { zh: '补上了“号”', en: 'added 号' },
  removedHao: { zh: '去掉了“号”（许可证编号没有“号”）', en: 'removed 号 (licence numbers have none)' },
  addedHyphen: { zh: '补上了 -', en: 'added -' },
  suffixCase: { zh: 'A/X 改为大写', en: 'upper-cased A/X' },
  addedProvince: { zh: '按前两位数字补上了省份简称', en: 'added the province character from the first two digits' }
} satisfies Record<string, Text>;

type Change = keyof typeof CHANGE;

/** Changes are listed in this order, whatever order they were found in. */
const CHANGE_ORDER: readonly string[] = ['label', ...Object.keys(CHANGE)];

function note(ctx: Ctx, change: Change): void {
  ctx.changes.set(change, CHANGE[change]);
}

/**
 * `<%= … %>`, `{{ … }}`, `{% … %}`, `${…}`: template code pasted into YAML, never rendered
 * there (observed: `萌ICP备<%= theme.moe_icp.icpnumber %>号` in the fixture). A placeholder.
 */
const TEMPLATE = /<%|%>|\{\{|\}\}|\{%|%\}|\$\{/;
/** Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACE = /\s/;
/** Full-width brackets around or inside a number are dropped (docs/filing-rules.md: `［…］`). */
const BRACKETS = new Set(['（', '）', '［', '］', '｛', '｝', '【', '】', '〔', '〕']);
/** Long dashes and the minus sign, typed by input methods where `-` is meant, like `号－10` (docs/filing-rules.md). */
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63']);
/**
 * Traditional → simplified for every character that occurs in filing numbers and their
 * labels (observed: `京ICP備…號`, `粵公網安備…號`, docs/filing-rules.md), plus the provinces'.
 */
const TRADITIONAL: ReadonlyMap<string, string> = new Map([
  ['備', '备'], ['號', '号'], ['網', '网'], ['證', '证'], ['編', '编'], ['聯', '联'],
  ['許', '许'], ['雲', '云'], ['臺', '台'],
  ...TRADITIONAL_PROVINCE_CHARS
]);

/**
 * Text with the traditional characters of filing numbers in their simplified form and long
 * dashes as `-`, character for character: how the filter compares a page's text with a
 * number (`京ICP備20180491號－1` shows `京ICP备20180491号-1`), as the engine reads it.
 */
export function simplifiedChars(text: string): string {
  let out = '';
  for (const ch of text) out += DASHES.has(ch) ? '-' : TRADITIONAL.get(ch) ?? ch;
  return out;
}

/** Character-level clean-up, one pass: spaces, invisibles, width, brackets, dashes, script. */
function normaliseChars(ctx: Ctx, text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (INVISIBLE.test(ch)) { note(ctx, 'invisible'); continue; }
    if (SPACE.test(ch)) { note(ctx, 'spaces'); continue; }
    if (BRACKETS.has(ch)) { note(ctx, 'brackets'); continue; }
    if (code >= 0xff01 && code <= 0xff5e) { out += String.fromCharCode(code - 0xfee0); note(ctx, 'fullwidth'); continue; }
    if (DASHES.has(ch)) { out += '-'; note(ctx, 'dash'); continue; }
    const simple = TRADITIONAL.get(ch);
    if (simple !== undefined) { out += simple; note(ctx, 'traditional'); continue; }
    out += ch;
  }
  return out;
}

/**
 * A label in front of the number (observed: `备案号：`, `ICP备案号:`, `ICP:`,
 * `互联网ICP备案号:`, `公安备案号：`, `ICP证：沪B2-…`): followed by a colon, or directly by
 * something that starts a number. Never matches an empty label.
 */
const LABEL = /^(?:互联网|网站)?(?:ICP|公安|网安)?(?:备案|备)?(?:编号|号|证)?(?::(?=.)|(?=[\u3400-\u9fff]?(?:ICP[备证]|公网安备|公安网备|B[12])))/;
/** `沪ICP证：沪B2-…`: a licence label with its own province character (observed). */
const LICENCE_LABEL = /^[\u3400-\u9fff]ICP证:?(?=[\u3400-\u9fff]?B[12])/;
/** Junk after the number (observed: `…号-3|`, `…号-3：`). */
const TRAILING = /[|:;,.。，、；!/\\]+$/;

/**
 * The start of what the user wrote that cleans up to `label` (so a message quotes `备案号：`
 * with the user's own colon); the cleaned label when none does within a few characters.
 */
function asWritten(label: string, written: string): string {
  const scratch: Ctx = { language: 'en', field: 'icp', names: { icp: '', gongan: '' }, changes: new Map() };
  for (let k = 1; k <= Math.min(written.length, label.length + 16); k++) {
    if (normaliseChars(scratch, written.slice(0, k)).replace(/icp/gi, 'ICP') === label) return written.slice(0, k);
  }
  return label;
}

/** Word-level clean-up: case of ICP, trailing junk, a label in front, 备案, 公安网备. */
function normaliseWords(ctx: Ctx, text: string, written: string): string {
  let out = text.replace(/icp/gi, 'ICP');
  if (out !== text) note(ctx, 'icpCase');

  const trailing = out.replace(TRAILING, '');
  if (trailing !== out && trailing !== '') { note(ctx, 'punctuation'); out = trailing; }

  const label = LICENCE_LABEL.exec(out) ?? LABEL.exec(out);
  if (label && label[0] !== '') {
    const shown = asWritten(label[0], written);
    ctx.changes.set('label', { zh: `去掉了开头的“${shown}”`, en: `removed the label “${shown}”` });
    out = out.slice(label[0].length);
  }

  // `ICP备案` for `ICP备` (observed; docs/filing-rules.md).
  const beian = out.replace(/ICP备案/g, 'ICP备');
  if (beian !== out) { note(ctx, 'icpBeian'); out = beian; }
  // `公安网备` for `公网安备` (observed; docs/filing-rules.md).
  const gongan = out.replace(/公安网备/g, '公网安备');
  if (gongan !== out) { note(ctx, 'gonganOrder'); out = gongan; }
  // `公网安备案`, as `ICP备案` (docs/filing-rules.md).
  const gonganBeian = out.replace(/公网安备案/g, '公网安备');
  if (gonganBeian !== out) { note(ctx, 'gonganBeian'); out = gonganBeian; }
  // A telecom licence's `b2` in lower case, as `icp` (`浙b2-20080101`): after its province, at the start or after `B1.`.
  const licence = out.replace(/(^|[\u3400-\u9fff.])b([12])(?=[-.0-9Xx])/g, (_, before: string, digit: string) => `${before}B${digit}`);
  if (licence !== out) { note(ctx, 'licenceCase'); out = licence; }
  return out;
}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

/** The markers that say what kind of number follows. `B1.B2` before `B1`. */
const MARKER = /ICP备|ICP证|公网安备|B1\.B2|B[12](?=[-0-9Xx])/g;
/** Digits alone (X for placeholders), optionally with 号. */
const BARE = /^[0-9Xx]+号?$/;

function kindOf(marker: string): FilingKind {
  if (marker === 'ICP备') return 'icp-filing';
  if (marker === 'ICP证') return 'icp-licence';
  if (marker === '公网安备') return 'gongan';
  return 'telecom-licence';
}

/**
 * Splits normalised text into numbers: each starts at a marker (with the CJK character
 * before it as its province slot) and runs to the next one. `prefix` is what comes before
 * the first number.
 */
function tokenize(text: string): { prefix: string; tokens: Token[] } {
  const found: { index: number; marker: string }[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) found.push({ index: m.index, marker: m[0] });

  const starts: number[] = [];
  const slots: (string | undefined)[] = [];
  let previousEnd = 0;
  for (const { index, marker } of found) {
    const slot = index > previousEnd && isIdeograph(text[index - 1]) ? text[index - 1] : undefined;
    starts.push(slot === undefined ? index : index - 1);
    slots.push(slot);
    previousEnd = index + marker.length;
  }
  const tokens = found.map(({ index, marker }, i): Token => {
    const end = i + 1 < found.length ? starts[i + 1] : text.length;
    const token: Token = { kind: kindOf(marker), marker, body: text.slice(index + marker.length, end), text: text.slice(starts[i], end) };
    if (slots[i] !== undefined) token.slot = slots[i];
    return token;
  });
  return { prefix: found.length > 0 ? text.slice(0, starts[0]) : text, tokens };
}

function analyse(ctx: Ctx, token: Token): Analysis {
  switch (token.kind) {
    case 'icp-filing':
    case 'icp-licence':
      return analyseIcp(ctx, token);
    case 'telecom-licence':
      return analyseTelecom(ctx, token);
    case 'gongan':
      return analyseGongan(ctx, token.slot, token.body, token.text, false);
  }
}

// ---------------------------------------------------------------------------------------
// Serial checks shared by all kinds
// ---------------------------------------------------------------------------------------

const ASCENDING = '12345678901234567890';

/**
 * Why a serial is a placeholder, or undefined (docs/filing-rules.md, "Errors"; fixture rows
 * "placeholder serial"): X for digits; all zeros; 1234…; the sequence part (the last
 * `sequence` digits) all zeros, as in 公安 `31010602000000` or ICP `2024000000`.
 */
function placeholderKind(serial: string, sequence: number): 'x' | 'zeros' | 'ascending' | 'zero-tail' | undefined {
  if (/[Xx]/.test(serial)) return 'x';
  if (/^0+$/.test(serial)) return 'zeros';
  if (serial.length >= 4 && ASCENDING.startsWith(serial)) return 'ascending';
  if (serial.length > sequence && /^0+$/.test(serial.slice(-sequence))) return 'zero-tail';
  return undefined;
}

function placeholderDiagnostic(ctx: Ctx, shown: string, why: NonNullable<ReturnType<typeof placeholderKind>>, fluid: boolean): Diagnostic {
  const reason: Text = fluid ? { zh: 'Fluid 主题自带的示例编号', en: 'the Fluid theme\'s example number' }
    : why === 'x' ? { zh: '用 X 代替了数字', en: 'X stands in for the digits' }
    : why === 'zeros' ? { zh: '全是 0', en: 'all zeros' }
    : why === 'ascending' ? { zh: '1234… 顺序数字', en: 'the digits 1234…' }
    : { zh: '流水号全是 0', en: 'its serial part is all zeros' };
  return make(ctx.language, 'placeholder', {
    zh: `“${clip(shown)}”是占位符（${reason.zh}），不是真实的备案号：请填写备案通知上的编号。`,
    en: `“${clip(shown)}” is a placeholder (${reason.en}), not a real filing: write the number from your filing notice.`
  });
}

/**
 * The `-N` website number (per domain since 2019; `-66` seen, docs/filing-rules.md): 1–9999, no
 * leading zero. Undefined when absent, null when malformed.
 */
function parseSite(digits: string | undefined): number | undefined | null {
  if (digits === undefined) return undefined;
  return /^[1-9][0-9]{0,3}$/.test(digits) ? Number(digits) : null;
}

// ---------------------------------------------------------------------------------------
// ICP filing and ICP licence
// ---------------------------------------------------------------------------------------

/**
 * After `ICP备` / `ICP证`: serial, optional `-N` before 号 (moved after it), 号 (added when
 * missing), optional `-N` + `A`/`X`, a stray second 号 (observed: `号-2号`).
 */
const ICP_BODY = /^([0-9Xx]*)(?:-([0-9]+))?(号)?(?:-([0-9]+)([AaXx])?)?(号)?$/;

function analyseIcp(ctx: Ctx, token: Token): Analysis {
  const licence = token.kind === 'icp-licence';
  const kind: FilingKind = token.kind;
  const lang = ctx.language;
  const diagnostics: Diagnostic[] = [];
  const fail = (text: Text): Analysis => ({ kind, diagnostics: [make(lang, 'unparseable', text)] });

  let body = token.body;
  // A hyphen or colon after 备/证 (observed: `湘ICP备-2022369842号`, `粤ICP备案：10203080号`).
  if (body.startsWith('-') || body.startsWith(':')) { body = body.slice(1); note(ctx, 'separator'); }
  const m = ICP_BODY.exec(body);
  const head = `${token.slot ?? ''}${token.marker}`;
  if (!m || (m[2] !== undefined && m[4] !== undefined) || (m[6] !== undefined && m[4] === undefined) || (licence && m[5] !== undefined)) {
    return fail({
      zh: `“${clip(token.text)}”不是有效的${licence ? 'ICP许可证号' : 'ICP备案号'}：应写作 ${licence ? SHAPE.licence.zh : SHAPE.icp.zh}（网站序号 -N 可有可无）。`,
      en: `“${clip(token.text)}” is not a valid ${licence ? 'ICP licence' : 'ICP'} number: it is written ${licence ? SHAPE.licence.en : SHAPE.icp.en} (the -N website number is optional).`
    });
  }
  const serial = m[1];
  if (serial === '') {
    return fail({
      zh: `“${clip(token.text)}”中 ${head} 后面没有编号：请填写完整的备案号，形如 ${SHAPE.icp.zh}。`,
      en: `No number follows ${head} in “${clip(token.text)}”: write the whole number, in the form ${SHAPE.icp.en}.`
    });
  }
  const site = parseSite(m[2] ?? m[4]);
  if (site === null) {
    return fail({
      zh: `“${clip(token.text)}”的网站序号 -${m[2] ?? m[4]} 无效：应为 -1、-2 这样的数字。`,
      en: `The website number -${m[2] ?? m[4]} in “${clip(token.text)}” is not valid: it is -1, -2, and so on.`
    });
  }
  if (m[2] !== undefined && m[3] !== undefined) note(ctx, 'suffixMoved');
  if (m[3] === undefined) note(ctx, 'addedHao');
  if (m[6] !== undefined) note(ctx, 'extraHao');
  const app = m[5]?.toUpperCase();
  if (m[5] !== undefined && m[5] !== app) note(ctx, 'suffixCase');

  const suffix = site === undefined ? '' : `-${site}${app ?? ''}`;
  const written = (char: string, marker = token.marker) => `${char}${marker}${serial}号${suffix}`;
  const province = token.slot === undefined ? undefined : provinceByChar(token.slot);

  const fake = placeholderKind(serial, 6);
  if (fake) {
    diagnostics.push(placeholderDiagnostic(ctx, token.text, fake, licence && serial === '123456'));
  } else if (licence) {
    if (serial.length !== 6) {
      // 8 or 10 digits is a filing number's size: 证 written for 备 (observed mistake).
      const filingSized = serial.length === 8 || serial.length === 10;
      const guess = filingSized && province ? written(token.slot ?? '', 'ICP备') : undefined;
      diagnostics.push(make(lang, 'digit-count', filingSized ? {
        zh: `ICP许可证号（ICP证）是 6 位数字，这里有 ${serial.length} 位，是备案号的长度：应是 ${guess ?? '…ICP备…号'}。`,
        en: `An ICP licence number (ICP证) has 6 digits; this one has ${serial.length}, the size of a filing number: you probably mean ${guess ?? '…ICP备…号'}.`
      } : {
        zh: `ICP许可证号（ICP证）是 6 位数字，这里有 ${serial.length} 位：请对照许可证核对（形如 ${SHAPE.licence.zh}）。`,
        en: `An ICP licence number (ICP证) has 6 digits; this one has ${serial.length}: check it against the licence (${SHAPE.licence.en}).`
      }, guess));
    }
  } else if (serial.length === 10 && !plausibleYear(Number(serial.slice(0, 4)))) {
    // 4-digit year + 6 (docs/filing-rules.md, "Serial lengths"): the year is the filing's.
    const year = serial.slice(0, 4);
    diagnostics.push(make(lang, 'serial-year', {
      zh: `10 位的 ICP备案号以备案年份开头（如 粤ICP备2024…号 是 2024 年的），这里的年份 ${year} 不可能有备案（应在 2000 到 ${latestFilingYear()} 之间）：请对照备案通知核对。`,
      en: `A 10-digit ICP filing number starts with the year of filing (粤ICP备2024…号 is from 2024); ${year} is no year a filing can have (2000 to ${latestFilingYear()}): check it against your filing notice.`
    }));
  } else if (serial.length === 8 || serial.length === 10) {
    // 2-digit year + 6, or 4-digit year + 6 (docs/filing-rules.md).
  } else if (serial.length >= 5 && serial.length <= 7) {
    // Very old filings (docs/filing-rules.md): accepted, with a warning.
    diagnostics.push(make(lang, 'short-serial', {
      zh: `这个备案号只有 ${serial.length} 位数字；只有很早的备案如此，现在的是 8 位或 10 位：请到 beian.miit.gov.cn 核对${serial.length === 6 ? '（若是经营性许可证，应写 ICP证）' : ''}。`,
      en: `This ICP number has only ${serial.length} digits; only very old filings do, current ones have 8 or 10: check it at beian.miit.gov.cn${serial.length === 6 ? ' (if it is a licence, write ICP证)' : ''}.`
    }));
  } else {
    diagnostics.push(make(lang, 'digit-count', {
      zh: `ICP备案号是 8 位数字或 10 位（4 位年份 + 6 位），这里有 ${serial.length} 位：请对照备案通知核对。`,
      en: `An ICP filing number has 8 digits or 10 (a 4-digit year + 6); this one has ${serial.length}: check it against your filing notice.`
    }));
  }
  const serialOk = !diagnostics.some(x => x.severity === 'error');

  // The province character is required on ICP filings and licences (docs/filing-rules.md).
  if (token.slot === undefined) {
    diagnostics.unshift(make(lang, 'unparseable', {
      zh: `“${clip(token.text)}”前面缺少省份简称：应写作 京${token.marker}…号 这样的形式，用备案所在省份的简称。`,
      en: `The province character is missing before ${token.marker} in “${clip(token.text)}”: write it as 京${token.marker}…号, with the abbreviation of the province you filed in.`
    }));
  } else if (!province) {
    const implied = token.slot === '云' && serialOk ? written('滇') : undefined;
    diagnostics.unshift(unknownProvince(ctx, token.slot, token.marker, undefined, implied));
  }

  if (app !== undefined && !fake) {
    // 工信部信管〔2023〕105号: A = APP, X = mini-program; a website shows its own number.
    diagnostics.push(make(lang, 'app-number', app === 'A' ? {
      zh: `…号${suffix} 末尾的 A 表示这是 APP 的备案号，不是网站的：网站页脚应显示网站自己的编号（…号-N，不带字母）。`,
      en: `The A at the end of …号${suffix} marks the filing of an app, not of a website: a website's footer shows the site's own number (…号-N, no letter).`
    } : {
      zh: `…号${suffix} 末尾的 X 表示这是小程序的备案号，不是网站的：网站页脚应显示网站自己的编号（…号-N，不带字母）。`,
      en: `The X at the end of …号${suffix} marks the filing of a mini-program, not of a website: a website's footer shows the site's own number (…号-N, no letter).`
    }));
  }

  const result: Analysis = { kind, diagnostics, digits: serial };
  if (site !== undefined) result.site = site;
  if (province && token.slot !== undefined) {
    result.province = token.slot;
    result.provinceCode = province.code;
    if (!diagnostics.some(x => x.severity === 'error')) result.canonical = written(token.slot);
  }
  return result;
}

/**
 * The years a 10-digit serial can start with (docs/filing-rules.md, "Serial lengths"): the
 * 4-digit-year serials began after 2000, and no filing is dated after next year (a filing
 * made on 31 December may be numbered for the new year; one further is a typo).
 */
function plausibleYear(year: number): boolean {
  return year >= 2000 && year <= latestFilingYear();
}

function latestFilingYear(): number {
  return new Date().getUTCFullYear() + 1;
}

// ---------------------------------------------------------------------------------------
// Telecom licence (B1 / B2)
// ---------------------------------------------------------------------------------------

/** After `B2` etc.: `-`, 8 digits, optional `-N`; no 号 (docs/filing-rules.md). */
const TELECOM_BODY = /^(-)?([0-9Xx]*)(?:-([0-9]+))?(号)?$/;

function analyseTelecom(ctx: Ctx, token: Token): Analysis {
  const kind: FilingKind = 'telecom-licence';
  const lang = ctx.language;
  const m = TELECOM_BODY.exec(token.body);
  const site = m ? parseSite(m[3]) : null;
  if (!m || m[2] === '' || site === null) {
    return {
      kind,
      diagnostics: [make(lang, 'unparseable', {
        zh: `“${clip(token.text)}”不是有效的电信业务经营许可证号：应为 省份简称 + ${token.marker}- + 8 位数字。`,
        en: `“${clip(token.text)}” is not a valid telecom licence number: it is province character + ${token.marker}- + 8 digits.`
      })]
    };
  }
  if (m[1] === undefined) note(ctx, 'addedHyphen');
  if (m[4] !== undefined) note(ctx, 'removedHao');
  const serial = m[2];
  const diagnostics: Diagnostic[] = [];
  // Cross-regional licences carry no province character (docs/filing-rules.md).
  let province: Province | undefined;
  if (token.slot !== undefined) {
    province = provinceByChar(token.slot);
    if (!province) diagnostics.push(unknownProvince(ctx, token.slot, token.marker));
  }
  const fake = placeholderKind(serial, 4);
  if (fake) {
    diagnostics.push(placeholderDiagnostic(ctx, token.text, fake, false));
  } else if (serial.length !== 8) {
    diagnostics.push(make(lang, 'digit-count', {
      zh: `电信业务经营许可证号在 ${token.marker}- 后面是 8 位数字（年份 + 4 位），这里有 ${serial.length} 位：请对照许可证核对。`,
      en: `A telecom licence number has 8 digits after ${token.marker}- (year + 4); this one has ${serial.length}: check it against the licence.`
    }));
  }
  const result: Analysis = { kind, diagnostics, digits: serial };
  if (site !== undefined) result.site = site;
  if (province && token.slot !== undefined) {
    result.province = token.slot;
    result.provinceCode = province.code;
  }
  if (!diagnostics.some(x => x.severity === 'error')) {
    result.canonical = `${province ? token.slot : ''}${token.marker}-${serial}${site === undefined ? '' : `-${site}`}`;
  }
  return result;
}

// ---------------------------------------------------------------------------------------
// Public-security (公安) number
// ---------------------------------------------------------------------------------------

/** After `公网安备`: digits (X for placeholders) and 号 (added when missing). */
const GONGAN_BODY = /^[-:]?([0-9Xx]*)(号)?$/;

/**
 * A 公安 number: 14 digits, or 12 (legacy, before the national platform of 2016-01-01:
 * warning); the first two digits are the province code, which the character must match
 * (docs/filing-rules.md, "Public-security numbers"). `bare`: only digits were written.
 */
function analyseGongan(ctx: Ctx, slot: string | undefined, body: string, shown: string, bare: boolean): Analysis {
  const kind: FilingKind = 'gongan';
  const lang = ctx.language;
  const m = GONGAN_BODY.exec(body);
  if (!m || m[1] === '') {
    return {
      kind,
      diagnostics: [make(lang, 'unparseable', {
        zh: `“${clip(shown)}”不是完整的公安联网备案号：应为 省份简称 + 公网安备 + 14 位数字 + 号，或只写 14 位数字。`,
        en: `“${clip(shown)}” is not a whole public-security (公安) number: it is province character + 公网安备 + 14 digits + 号, or the 14 digits alone.`
      })]
    };
  }
  if (!bare && body.startsWith('-')) note(ctx, 'separator');
  if (!bare && body.startsWith(':')) note(ctx, 'separator');
  if (!bare && m[2] === undefined) note(ctx, 'addedHao');
  const serial = m[1];
  const diagnostics: Diagnostic[] = [];
  const fake = placeholderKind(serial, 6);
  if (fake) return { kind, diagnostics: [placeholderDiagnostic(ctx, shown, fake, false)] };

  if (serial.length !== 14 && serial.length !== 12) {
    return {
      kind,
      diagnostics: [make(lang, 'digit-count', {
        zh: `公安联网备案号是 14 位数字（${SHAPE.gongan.zh}），这里有 ${serial.length} 位：请对照公安备案通知核对。`,
        en: `A public-security (公安) number has 14 digits (${SHAPE.gongan.en}); this one has ${serial.length}: check it against your filing notice.`
      })]
    };
  }

  const byDigits = provinceByCode(serial.slice(0, 2));
  const byChar = slot === undefined ? undefined : provinceByChar(slot);
  const implied = byDigits ? `${byDigits.chars[0]}公网安备${serial}号` : undefined;
  if (slot !== undefined && !byChar) {
    diagnostics.push(unknownProvince(ctx, slot, '公网安备', byDigits, implied));
  } else if (!byDigits) {
    diagnostics.push(make(lang, 'unknown-province', {
      zh: `前两位数字 ${serial.slice(0, 2)} 不是任何省份的代码，这个公安联网备案号不可能正确：请到 beian.mps.gov.cn 核对。`,
      en: `The first two digits, ${serial.slice(0, 2)}, are no province's code, so this public-security (公安) number cannot be right: check it at beian.mps.gov.cn.`
    }));
  } else if (byChar && byChar !== byDigits) {
    diagnostics.push(make(lang, 'province-mismatch', {
      zh: `省份简称“${slot}”（${byChar.name.zh}）与前两位数字 ${byDigits.code}（${byDigits.name.zh}）不符：以数字为准应写作 ${implied}；也可能是数字抄错了，请到 beian.mps.gov.cn 核对。`,
      en: `The province character ${slot} (${byChar.name.en}) does not match the first two digits, ${byDigits.code} (${byDigits.name.en}): going by the digits, write ${implied}, or check the digits at beian.mps.gov.cn.`
    }, implied));
  }

  if (serial.length === 12) {
    diagnostics.push(make(lang, 'legacy-gongan', {
      zh: '这是 2016 年以前的 12 位旧版公安联网备案号，仍会显示；请到 beian.mps.gov.cn 查看是否已换发 14 位的新编号。',
      en: 'This is an old 12-digit public-security (公安) number from before 2016; it is still shown, but check at beian.mps.gov.cn whether it has been replaced by a 14-digit one.'
    }));
  }

  const result: Analysis = { kind, diagnostics, digits: serial };
  if (byDigits && (slot === undefined || byChar === byDigits)) {
    const char = slot ?? byDigits.chars[0];
    if (slot === undefined && !bare) note(ctx, 'addedProvince');
    result.province = char;
    result.provinceCode = byDigits.code;
    if (!diagnostics.some(x => x.severity === 'error')) result.canonical = `${char}公网安备${serial}号`;
  }
  return result;
}

/** Digits alone: a 公安 number in the 公安 field; in the ICP field, never a valid ICP number. */
function finishBare(ctx: Ctx, text: string): FilingResult {
  if (ctx.field === 'gongan') {
    const analysis = analyseGongan(ctx, undefined, text, text, true);
    return finish(analysis.diagnostics, analysis, ctx);
  }
  const serial = text.replace('号', '');
  const fake = placeholderKind(serial, 6);
  if (fake) return finish([placeholderDiagnostic(ctx, text, fake, false)]);
  const byDigits = provinceByCode(serial.slice(0, 2));
  if (byDigits && (serial.length === 14 || serial.length === 12)) {
    const canonical = `${byDigits.chars[0]}公网安备${serial}号`;
    return finish([wrongKind(ctx, { kind: 'gongan', marker: '公网安备', body: serial, text }, { kind: 'gongan', diagnostics: [], canonical })]);
  }
  return finish([make(ctx.language, 'unparseable', {
    zh: `只有数字“${clip(text)}”不构成 ICP备案号：应写作 ${SHAPE.icp.zh}。`,
    en: `Digits alone (“${clip(text)}”) are not an ICP number: write ${SHAPE.icp.en}.`
  })]);
}

// ---------------------------------------------------------------------------------------
// Shared diagnostics
// ---------------------------------------------------------------------------------------

/**
 * A character that is no filing province (docs/filing-rules.md, "Province characters"): 云 is the
 * car-plate form, Yunnan files as 滇; 港/澳/台 have no filings; 萌 is a joke registry.
 */
function unknownProvince(ctx: Ctx, char: string, marker: string, byDigits?: Province, implied?: string): Diagnostic {
  const lang = ctx.language;
  if (char === '云') {
    return make(lang, 'unknown-province', {
      zh: `备案号里云南的简称是“滇”，不是“云”：请写 ${implied ?? `滇${marker}…`}。`,
      en: `Filing numbers write Yunnan as 滇, not 云: write ${implied ?? `滇${marker}…`}.`
    }, implied);
  }
  const hint: Text = implied && byDigits
    ? { zh: `按前两位数字 ${byDigits.code} 应是“${byDigits.chars[0]}”（${byDigits.name.zh}），即 ${implied}`, en: `the first two digits, ${byDigits.code}, say ${byDigits.chars[0]} (${byDigits.name.en}): ${implied}` }
    : { zh: '请到 beian.miit.gov.cn 查询真实的编号', en: 'look the real number up at beian.miit.gov.cn' };
  if (char === '萌') {
    return make(lang, 'unknown-province', {
      zh: `“萌${marker}”是“萌国ICP备案”的玩笑编号，不是政府备案：请填写真实的备案号，或删去这一项。`,
      en: `萌${marker} is the “Moe ICP” joke registry, not a government filing: write your real number, or remove this one.`
    });
  }
  if (char === '港' || char === '澳' || char === '台') {
    return make(lang, 'unknown-province', {
      zh: `香港、澳门、台湾没有这类备案，“${char}”不会出现在备案号里：${hint.zh}。`,
      en: `Hong Kong, Macau and Taiwan have no such filings, so ${char} never starts a filing number: ${hint.en}.`
    }, implied);
  }
  return make(lang, 'unknown-province', {
    zh: `“${char}”不是备案号使用的省份简称（如 京、沪、粤）：${hint.zh}。`,
    en: `${char} is not a province character used in filing numbers (such as 京, 沪, 粤): ${hint.en}.`
  }, implied);
}

/** A number of the other kind: say where it belongs; suggest it in canonical form when valid. */
function wrongKind(ctx: Ctx, token: Token, analysis: Analysis): Diagnostic {
  const as = analysis.canonical;
  const show = as !== undefined && as !== token.text;
  if (token.kind === 'gongan') {
    return make(ctx.language, 'wrong-kind', {
      zh: `“${clip(token.text)}”是公安联网备案号，不是 ICP备案号：请移到 ${ctx.names.gongan}${show ? `（写作 ${as}）` : ''}；这里只填 ICP备案号（…ICP备…号）。`,
      en: `“${clip(token.text)}” is a public-security (公安) number, not an ICP number: move it to ${ctx.names.gongan}${show ? ` (as ${as})` : ''}; this field takes the ICP number (…ICP备…号).`
    }, as);
  }
  return make(ctx.language, 'wrong-kind', {
    zh: `“${clip(token.text)}”是 ICP备案号，不是公安联网备案号：请移到 ${ctx.names.icp}${show ? `（写作 ${as}）` : ''}；这里只填公安联网备案号（…公网安备…号）。`,
    en: `“${clip(token.text)}” is an ICP number, not a public-security (公安) one: move it to ${ctx.names.icp}${show ? ` (as ${as})` : ''}; this field takes the 公安 number (…公网安备…号).`
  }, as);
}

function notANumber(ctx: Ctx, shown: string): Diagnostic {
  return make(ctx.language, 'unparseable', ctx.field === 'icp' ? {
    zh: `“${clip(shown)}”不是 ICP备案号：应写作 ${SHAPE.icp.zh}（或许可证号：${SHAPE.licence.zh}、${SHAPE.telecom.zh}）。`,
    en: `“${clip(shown)}” is not an ICP number: write ${SHAPE.icp.en} (or a licence: ${SHAPE.licence.en} or ${SHAPE.telecom.en}).`
  } : {
    zh: `“${clip(shown)}”不是公安联网备案号：应为 省份简称 + 公网安备 + 14 位数字 + 号，或只写 14 位数字。`,
    en: `“${clip(shown)}” is not a public-security (公安) number: write province character + 公网安备 + 14 digits + 号, or the 14 digits alone.`
  });
}

/** Quotes at most `max` characters of the user's text in a message; control characters escaped (`\u001b`). */
function clip(text: string, max = 40): string {
  const cut = text.length > max ? max - (/[\ud800-\udbff]/.test(text[max - 1]) ? 1 : 0) : text.length;
  return printable(text.length > max ? `${text.slice(0, cut)}…` : text);
}

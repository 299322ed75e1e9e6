/**
 * Small facts about values and characters that every layer asks: is this a block of keys,
 * is it blank, is it a CJK ideograph.
 */

/** A block of keys as js-yaml gives it (not a list, not a date). */
export type Plain = Record<string, unknown>;

/** True for a block of keys: an object that is not a list and not a Date. */
export function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Nothing written: undefined, null, or text of only spaces. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A CJK ideograph (the unified block, extension A, the compatibility block): a province character's range. */
export function isIdeograph(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** A UTF-16 surrogate without its pair: not text (encodeURI, url_for and UTF-8 output fail or mangle it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the string is well-formed UTF-16 (no lone surrogate): only such text can be encoded into a URL or a page. */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** The bidirectional controls (U+061C, U+200E–F, U+202A–E, U+2066–9) and U+2028, U+2029, as a character class's body. */
const FORMAT = '\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069';

/**
 * What a terminal must not be sent raw from a user's text: C0 and C1 control characters and DEL
 * (ESC starts a terminal escape sequence, BEL rings), the bidirectional overrides and isolates
 * (they reorder what is shown), the line and paragraph separators U+2028 and U+2029 (they
 * break a message's line), and lone surrogates (not text at all).
 */
const UNPRINTABLE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${FORMAT}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`, 'g');

/**
 * A user's text as a message quotes it: every character of {@link UNPRINTABLE} written as its
 * `\uXXXX` escape (`\u001b`, `\ud800`), so what reaches the terminal, a log or a CI annotation is
 * exactly what was written, visibly. With `lines`, line breaks are kept (a whole message's own
 * lines); a quoted value has them escaped too.
 */
export function printable(text: string, lines = false): string {
  return text.replace(UNPRINTABLE, ch => (lines && ch === '\n' ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The characters a URL parser drops before reading a URL (WHATWG URL): C0 controls and spaces at either end, tabs and line breaks anywhere. */
const URL_STRIPPED_ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const URL_STRIPPED_INSIDE = /[\t\n\r]/g;

/**
 * The scheme a browser reads in a URL written as text, lower-case (`" java\tscript:…"` →
 * `javascript`), or undefined for a reference without one (`/images/gongan.png`,
 * `//cdn.example.cn/a.png`). The one scheme check of every URL the config gives the page: read
 * after stripping what URL parsers strip, so no control character, tab or line break hides one.
 */
export function urlScheme(text: string): string | undefined {
  const read = text.replace(URL_STRIPPED_ENDS, '').replace(URL_STRIPPED_INSIDE, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(read)?.[1].toLowerCase();
}

/** A control character (C0, DEL, C1): never part of a path, a URL or a date. */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The bidirectional controls and the line and paragraph separators: invisible, they make a path or a name read as another. */
export const FORMAT_CONTROL = new RegExp(`[${FORMAT}]`);

/** Dot segments as the URL parser reads them: a dot may be written `%2e` (WHATWG URL, "single-dot" and "double-dot" URL path segments). */
const SINGLE_DOT = /^(?:\.|%2e)$/i;
const DOUBLE_DOT = /^(?:\.|%2e){2}$/i;

/**
 * A site path as a browser asks for it: `.` and `..` segments resolved, a dot written `%2e` too
 * (`/../package.json` is `/package.json`, `/a/./b` and `/a/%2e/b` are `/a/b`), backslashes read
 * as `/`; the query and fragment kept.
 * The path itself when it has none of them.
 */
export function browserPath(src: string): string {
  const end = src.search(/[?#]/);
  const pathPart = end < 0 ? src : src.slice(0, end);
  const segments = pathPart.replace(/\\/g, '/').split('/');
  if (!pathPart.includes('\\') && !segments.some(segment => SINGLE_DOT.test(segment) || DOUBLE_DOT.test(segment))) return src;
  const out: string[] = [];
  for (const segment of segments) {
    if (DOUBLE_DOT.test(segment)) {
      if (out.length > 1 || (out.length === 1 && out[0] !== '')) out.pop();
    } else if (!SINGLE_DOT.test(segment)) out.push(segment);
  }
  return (out.join('/') || '/') + (end < 0 ? '' : src.slice(end));
}

import { Tokenizer } from 'htmlparser2';
import { MARK } from './render';
import type { Position } from '../config/schema';

/**
 * Where the filing line goes in a page. The page is read as htmlparser2's Tokenizer reads
 * it, so a `</footer>` or `</body>` inside `<script>`, `<style>`, `<template>`, a comment or
 * an attribute value is never taken for the real one; upper-case and minified markup read
 * the same. The Tokenizer itself is the reference; a scan by regular expressions that gives
 * the same answers, many times faster, reads the pages it can.
 */

/** Sectioning content (HTML § 4.3): a `<footer>` inside one belongs to it, not to the page. */
const SECTIONING = new Set(['article', 'aside', 'nav', 'section']);

/** Elements whose content is not text shown on the page (the tokenizer keeps it raw). */
const RAW_TEXT = new Set(['script', 'style']);

/** What a page offers the filing line, as offsets into the page (UTF-16 code units). */
export interface Slots {
  /** The `<` of the site footer's `</footer>`, or -1: the last footer outside sectioning content and `<template>`. */
  footerEnd: number;
  /** The `<` of the site footer's `<footer`, or -1. */
  footerStart: number;
  /** The `<` of `</body>`, or -1. */
  bodyEnd: number;
  /** The page already carries the filing line (an element with `data-hexo-beian`). */
  marked: boolean;
  /**
   * With `{text: true}`: the text the page shows where a filing line lives — the site
   * footer's text when there is one, else the whole page's — entities decoded, without
   * scripts, styles, templates or comments.
   */
  text?: string;
}

/**
 * Reads a page once and returns where the filing line can go. Never throws on bad HTML.
 *
 * Most pages are read by {@link scanSlots}, which is many times faster; a page it is unsure
 * of is read by {@link tokenizeSlots}, whose answer is the definition of the right one.
 */
export function findSlots(html: string, options: { text?: boolean } = {}): Slots {
  return scanSlots(html, options) ?? tokenizeSlots(html, options);
}

/**
 * The reference reading of a page, and the fallback of {@link findSlots}: the page is read
 * token by token (htmlparser2's Tokenizer, which keeps `<script>` and `<style>` content raw)
 * rather than as a tree: a tree builder closes the site footer at a `</footer>` inside a
 * `<template>` in it, while a template's content is inert. About 20 µs per kB of page.
 */
export function tokenizeSlots(html: string, options: { text?: boolean } = {}): Slots {
  return tokenize(html, options.text ? 'footer' : undefined);
}

/** {@link tokenizeSlots}; `text: 'all'` collects the text of the whole input (a site footer cut out of a page). */
function tokenize(html: string, text: 'footer' | 'all' | undefined): Slots {
  const slots: Slots = { footerEnd: -1, footerStart: -1, bodyEnd: -1, marked: false };
  let sectioning = 0;
  let template = 0;
  let raw = '';
  const footers: number[] = []; // per open <footer>: the `<` of its tag when it is the page's own, else -1
  const chunks: { at: number; text: string }[] = [];
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const noop = () => undefined;
  const tokenizer = new Tokenizer({ decodeEntities: true }, {
    onopentagname(start, end) {
      const tag = name(start, end);
      if (tag === 'template') template++;
      if (template > 0) return;
      if (SECTIONING.has(tag)) sectioning++;
      else if (RAW_TEXT.has(tag)) raw = tag;
      else if (tag === 'footer') footers.push(sectioning === 0 ? start - 1 : -1);
    },
    onattribname(start, end) {
      if (end - start === MARK.length && name(start, end) === MARK) slots.marked = true;
    },
    ontext(start, end) {
      if (text && !raw && template === 0) chunks.push({ at: start, text: html.slice(start, end) });
    },
    ontextentity(codepoint, end) {
      if (text && !raw && template === 0) chunks.push({ at: end - 1, text: String.fromCodePoint(codepoint) });
    },
    onclosetag(start, end) {
      const tag = name(start, end);
      const at = html.lastIndexOf('<', start); // the `<` of `</tag` (or of `</ tag`)
      if (template > 0) {
        if (tag === 'template') template--;
        return;
      }
      if (SECTIONING.has(tag)) sectioning = Math.max(0, sectioning - 1);
      else if (tag === raw) raw = '';
      else if (tag === 'footer' && footers.length > 0) {
        const open = footers.pop() ?? -1;
        if (open >= 0) {
          slots.footerStart = open;
          slots.footerEnd = at;
        }
      } else if (tag === 'body') slots.bodyEnd = at;
    },
    onattribdata: noop,
    onattribentity: noop,
    onattribend: noop,
    oncdata: noop,
    oncomment: noop,
    ondeclaration: noop,
    onend: noop,
    onopentagend: noop,
    onprocessinginstruction: noop,
    onselfclosingtag: noop
  });
  tokenizer.write(html);
  tokenizer.end();
  if (text) {
    const inFooter = slots.footerEnd >= 0 && text === 'footer' ? chunks.filter(c => c.at > slots.footerStart && c.at < slots.footerEnd) : chunks;
    slots.text = inFooter.map(c => c.text).join('');
  }
  return slots;
}

/*
 * The fast reading. The page is matched, in a few calls, by regular expressions (V8 compiles
 * them to machine code) that read markup exactly as htmlparser2's Tokenizer does, as far as
 * the slots depend on it: where each tag ends (quoted and unquoted attribute values, a name
 * that starts with `=` or a quote), where `<script>`, `<style>`, `<title>`, `<textarea>` and
 * `<xmp>` content ends, comments (`<!-->` and `<!--->` included), doctypes and processing
 * instructions. Every reading is forced to the longest match (the lookaheads), so a tag has
 * one reading: the tokenizer's. Whatever the expressions do not describe (CDATA, `<!>`,
 * `<script/>`, a tag cut off by the end of the page, htmlparser2's own quirks such as
 * `<xitle>`), the scan declines and the tokenizer reads the page.
 */

/** HTML's whitespace (htmlparser2's), not JavaScript's `\s`. */
const WS = ' \\t\\n\\f\\r';

/** The elements whose tags decide the slots (told apart by their first letter, see {@link scanSlots}). */
const SLOT_OPEN = 'footer|template|article|aside|nav|section';
const SLOT_CLOSE = 'footer|body|template|article|aside|nav|section';

/** Tags whose content htmlparser2 does not read as markup; `[tx]` as its Tokenizer matches them. */
const SPECIAL = 'script|style|title|textarea|xmp';
const SPECIAL_LIKE = 'script|style|[tx]itle|[tx]extarea|[tx]mp';

/** SLOT_OPEN and SPECIAL_LIKE, and SLOT_CLOSE, by first letter: checked at every tag, so one letter decides most. */
const NOT_PLAIN_OPEN = 'a(?:rticle|side)|footer|nav|s(?:ection|cript|tyle)|t(?:emplate|itle|extarea|mp)|x(?:itle|extarea|mp)';
const NOT_PLAIN_CLOSE = 'a(?:rticle|side)|body|footer|nav|section|template';

/**
 * Letters matched in either case, for the expression run over the whole page: without the
 * `i` flag V8 compiles it to faster code. Only for plain names (no classes or escapes).
 */
function anyCase(names: string): string {
  return names.replace(/[a-z]/g, letter => `[${letter}${letter.toUpperCase()}]`);
}

/** A tag name's end. */
const NAME_END = `(?=[${WS}/>])`;

/**
 * The attributes of a tag, up to (not including) its `>`: a name runs to whitespace, `/`,
 * `>` or `=` (and may start with `=` or a quote); `=` after a name (spaces around it
 * allowed) takes a value, quoted when it starts with a quote, else running to whitespace or
 * `>`. Every part is held to its longest match (the lookaheads), so the expression has one
 * reading of a tag, the tokenizer's, and a tag without its `>` fails in time linear in its
 * length instead of trying every way to split its names. With `mark: false` no attribute
 * may be named `data-hexo-beian`.
 */
function attributes(mark: boolean): string {
  const space = `[${WS}/]+(?![${WS}/])`;
  const name = `${mark ? '' : `(?!${anyCase(MARK)}[${WS}/>=])`}[^${WS}/>][^${WS}/>=]*(?=[${WS}/>=])`;
  const value = `(?:"[^"]*"|'[^']*'|[^${WS}>"'][^${WS}>]*(?=[${WS}>])|(?=>))`;
  return `(?:${space}|${name}(?:[${WS}]*=[${WS}]*${value}|(?![${WS}]*=)))*`;
}

/**
 * The usual tag, read twice as fast: names without quotes, `=` or `<`, each after whitespace
 * or `/`, and values right after `=`, quoted or without quotes, `=`, `<` or backticks. A tag
 * in this narrower form reads the same in {@link attributes}; one outside it is read there.
 */
const USUAL_ATTRIBUTES = `(?:[${WS}/]+(?!${anyCase(MARK)}[=${WS}/>])[^${WS}/>"'=<]+(?:=(?:"[^"]*"|'[^']*'|[^${WS}>"'=<\`]+))?)*[${WS}/]*`;

/** What may follow a `<` and leave the slots as they are: other tags, whole script/style/… elements, comments, a `<` that is text. */
const PLAIN_TAG = [
  `/(?![${WS}]*(?:${anyCase(NOT_PLAIN_CLOSE)})[${WS}>])[^>]*>`,
  `(?!(?:${anyCase(NOT_PLAIN_OPEN)})${NAME_END})[a-zA-Z](?:[^${WS}/>"'=<]*${USUAL_ATTRIBUTES}|[^${WS}/>]*${NAME_END}${attributes(false)})>`,
  // One alternative per element, without a capture: a capture inside the loop would be reset at every step.
  ...SPECIAL.split('|').map(anyCase).map(name => `${name}${NAME_END}${attributes(false)}(?<!/[${WS}]*)>[^<]*(?:<(?!/${name}[${WS}>])[^<]*)*</${name}(?=[${WS}>])[^>]*>`),
  '!--(?:>|->|[\\s\\S]*?-->)',
  '![a-zA-Z][^>]*>',
  '\\?[^>]*>',
  '(?![a-zA-Z!?/])'
].join('|');

/** A run of text and PLAIN_TAG (possibly empty), unrolled (`text (< tag text)*`): where it stops, a tag must be read. */
const PLAIN_RUN = new RegExp(`[^<]*(?:<(?:${PLAIN_TAG})[^<]*)*`, 'y');

/** An opening tag of SLOT_OPEN without the mark; a closing tag of SLOT_CLOSE. */
const SLOT_OPEN_TAG = new RegExp(`<(?:${SLOT_OPEN})${NAME_END}${attributes(false)}>`, 'iy');
const SLOT_CLOSE_TAG = new RegExp(`</(?:${SLOT_CLOSE})(?=[${WS}>])[^>]*>`, 'iy');

/** An opening tag with the mark: of SLOT_OPEN (1), or another (2). */
const MARKED_TAG = new RegExp(`<(?:(${SLOT_OPEN})|([a-zA-Z][^${WS}/>]*))${NAME_END}${attributes(true)}>`, 'iy');

const SPECIAL_NAME = new RegExp(`^(?:${SPECIAL_LIKE})$`, 'i');

const SLASH = 0x2f;
const B = 0x62; // body
const F = 0x66; // footer
const T = 0x74; // template

/**
 * The fast reading of a page: the same {@link Slots} as {@link tokenizeSlots}, or undefined
 * when the page holds markup it does not describe (then the tokenizer must read it). With
 * `{text: true}` it reads only the site footer with the tokenizer, and declines a page
 * without one. Costs about twice one `indexOf` over the page (BENCHMARKS.md).
 */
export function scanSlots(html: string, options: { text?: boolean } = {}): Slots | undefined {
  const slots: Slots = { footerEnd: -1, footerStart: -1, bodyEnd: -1, marked: false };
  let sectioning = 0;
  let template = 0;
  const footers: number[] = [];
  let at = 0;
  try {
    for (;;) {
      PLAIN_RUN.lastIndex = at;
      PLAIN_RUN.test(html);
      const tag = PLAIN_RUN.lastIndex;
      if (tag >= html.length) break;
      // The expressions have checked the name; its first letter tells which it is (see SLOT_*).
      if (html.charCodeAt(tag + 1) === SLASH) {
        SLOT_CLOSE_TAG.lastIndex = tag;
        if (!SLOT_CLOSE_TAG.test(html)) return undefined;
        at = SLOT_CLOSE_TAG.lastIndex;
        const letter = html.charCodeAt(tag + 2) | 0x20;
        if (template > 0) {
          if (letter === T) template--;
        } else if (letter === F) {
          const start = footers.pop() ?? -1;
          if (start >= 0) {
            slots.footerStart = start;
            slots.footerEnd = tag;
          }
        } else if (letter === B) {
          slots.bodyEnd = tag;
        } else if (letter !== T) {
          sectioning = Math.max(0, sectioning - 1);
        }
        continue;
      }
      SLOT_OPEN_TAG.lastIndex = tag;
      let letter: number;
      if (SLOT_OPEN_TAG.test(html)) {
        at = SLOT_OPEN_TAG.lastIndex;
        letter = html.charCodeAt(tag + 1) | 0x20;
      } else {
        MARKED_TAG.lastIndex = tag;
        const marked = MARKED_TAG.exec(html);
        if (!marked || (marked[2] !== undefined && SPECIAL_NAME.test(marked[2]))) return undefined;
        slots.marked = true;
        at = MARKED_TAG.lastIndex;
        letter = marked[1] === undefined ? 0 : html.charCodeAt(tag + 1) | 0x20;
      }
      if (letter === T) template++;
      else if (template > 0 || letter === 0) continue;
      else if (letter === F) footers.push(sectioning === 0 ? tag : -1);
      else sectioning++;
    }
  } catch {
    return undefined; // a page too large for the expressions' backtracking stack
  }
  if (options.text) {
    if (slots.footerEnd < 0) return undefined; // the text of the whole page: the tokenizer's job
    slots.text = footerText(html.slice(slots.footerStart, slots.footerEnd));
  }
  return slots;
}

/** The text of site footers already read: every page of a site has the same few. */
const footerTexts = new Map<string, string>();

/** The text a site footer (its markup, `<footer …>` to before `</footer>`) shows, as {@link tokenizeSlots} reads it. */
function footerText(footer: string): string {
  let text = footerTexts.get(footer);
  if (text === undefined) {
    text = tokenize(footer, 'all').text ?? '';
    if (footerTexts.size >= 16) footerTexts.clear(); // bounded, whatever the site holds
    footerTexts.set(footer, text);
  }
  return text;
}

/** Pages without either closing tag have no slot, whatever else they hold. */
const CLOSING = /<\/[ \t\n\f\r]*(?:footer|body)/i;

/** Where a line may go: the site footer (else before `</body>`), or before `</body>`. */
export type LinePosition = Exclude<Position, 'none'>;

/**
 * The page with the filing line inside the site footer (just before its `</footer>`), else
 * just before `</body>` (`body_end`: always there); the page itself when there is neither,
 * when the markup is empty, or when the page already has a filing line (so running it
 * twice changes nothing, and a page whose theme called `beian()` gets no second one).
 *
 * @param markup the line; or a function of the text the page already shows there (see
 *               {@link Slots.text}) returning the line, for leaving out what it shows.
 */
export function injectLine(html: string, markup: string | ((shown: string) => string), position: LinePosition = 'footer'): string {
  if (!markup) return html;
  const wanted = { text: typeof markup === 'function' };
  // A page the scan is unsure of is tokenized only when it has a closing tag to find.
  const slots = scanSlots(html, wanted) ?? (CLOSING.test(html) ? tokenizeSlots(html, wanted) : undefined);
  if (!slots || slots.marked) return html;
  const at = position === 'footer' && slots.footerEnd >= 0 ? slots.footerEnd : slots.bodyEnd;
  if (at < 0) return html;
  const line = typeof markup === 'function' ? markup(slots.text ?? '') : markup;
  return line ? html.slice(0, at) + line + html.slice(at) : html;
}

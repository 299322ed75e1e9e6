import { Tokenizer } from 'htmlparser2';
import { MARK } from './render';

/**
 * Where the filing line goes in a page. A real tokenizer (htmlparser2) reads the page, so a
 * `</footer>` or `</body>` inside `<script>`, `<style>`, `<template>`, a comment or an
 * attribute value is never taken for the real one; upper-case and minified markup parse
 * the same.
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
 * The page is read token by token (htmlparser2's Tokenizer, which keeps `<script>` and
 * `<style>` content raw) rather than as a tree: a tree builder closes the site footer at a
 * `</footer>` inside a `<template>` in it, while a template's content is inert.
 */
export function findSlots(html: string, options: { text?: boolean } = {}): Slots {
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
      if (options.text && !raw && template === 0) chunks.push({ at: start, text: html.slice(start, end) });
    },
    ontextentity(codepoint, end) {
      if (options.text && !raw && template === 0) chunks.push({ at: end - 1, text: String.fromCodePoint(codepoint) });
    },
    onclosetag(start, end) {
      const tag = name(start, end);
      const at = start - 2; // the `<` of `</tag`
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
  if (options.text) {
    const inFooter = slots.footerEnd >= 0 ? chunks.filter(c => c.at > slots.footerStart && c.at < slots.footerEnd) : chunks;
    slots.text = inFooter.map(c => c.text).join('');
  }
  return slots;
}

/** Where a line may go: the site footer (else before `</body>`), or before `</body>`. */
export type Placement = 'footer' | 'body_end';

/** Pages without either closing tag are left alone without being parsed. */
const CLOSING = /<\/(?:footer|body)/i;

/**
 * The page with the filing line inside the site footer (just before its `</footer>`), else
 * just before `</body>` (`body_end`: always there); the page itself when there is neither,
 * when the markup is empty, or when the page already has a filing line (so running it
 * twice changes nothing, and a page whose theme called `beian()` gets no second one).
 *
 * @param markup the line; or a function of the text the page already shows there (see
 *               {@link Slots.text}) returning the line, for leaving out what it shows.
 */
export function injectFooter(html: string, markup: string | ((shown: string) => string), placement: Placement = 'footer'): string {
  if (!markup || !CLOSING.test(html)) return html;
  const slots = findSlots(html, { text: typeof markup === 'function' });
  if (slots.marked) return html;
  const at = placement === 'footer' && slots.footerEnd >= 0 ? slots.footerEnd : slots.bodyEnd;
  if (at < 0) return html;
  const line = typeof markup === 'function' ? markup(slots.text ?? '') : markup;
  return line ? html.slice(0, at) + line + html.slice(at) : html;
}

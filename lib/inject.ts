import { Parser } from 'htmlparser2';

/**
 * Where the filing line goes in a page. A real tokenizer (htmlparser2) reads the page, so a
 * `</footer>` or `</body>` inside `<script>`, `<style>`, a comment or an attribute value is
 * never taken for the real one; upper-case and minified markup parse the same.
 */

/** Sectioning content (HTML § 4.3): a `<footer>` inside one belongs to it, not to the page. */
const SECTIONING = new Set(['article', 'aside', 'nav', 'section']);

/** What a page offers the filing line, as offsets into the page (UTF-16 code units). */
export interface Slots {
  /** The `<` of the site footer's `</footer>`, or -1: the last footer outside sectioning content and `<template>`. */
  footerEnd: number;
  /** The `<` of `</body>`, or -1. */
  bodyEnd: number;
  /** The page already carries the filing line (an element with `data-hexo-beian`). */
  marked: boolean;
}

/** Reads a page once and returns where the filing line can go. Never throws on bad HTML. */
export function findSlots(html: string): Slots {
  const slots: Slots = { footerEnd: -1, bodyEnd: -1, marked: false };
  let sectioning = 0;
  let template = 0;
  const footers: boolean[] = []; // per open <footer>: is it the page's own?
  const parser = new Parser({
    onopentag(name) {
      if (SECTIONING.has(name)) sectioning++;
      else if (name === 'template') template++;
      else if (name === 'footer') footers.push(sectioning === 0 && template === 0);
    },
    onattribute(name) {
      if (name === 'data-hexo-beian') slots.marked = true;
    },
    onclosetag(name, isImplied) {
      if (SECTIONING.has(name)) sectioning--;
      else if (name === 'template') template--;
      else if (name === 'footer') {
        if (footers.pop() && !isImplied) slots.footerEnd = parser.startIndex;
      } else if (name === 'body' && !isImplied && template === 0) slots.bodyEnd = parser.startIndex;
    }
  }, { decodeEntities: false });
  parser.end(html);
  return slots;
}

/** Pages without either closing tag are left alone without being parsed. */
const CLOSING = /<\/(?:footer|body)/i;

/**
 * The page with `markup` inside the site footer (just before its `</footer>`), else just
 * before `</body>`; the page itself when there is neither, when `markup` is empty, or when
 * the page already has the filing line (so running it twice changes nothing).
 */
export function injectFooter(html: string, markup: string): string {
  if (!markup || !CLOSING.test(html)) return html;
  const { footerEnd, bodyEnd, marked } = findSlots(html);
  if (marked) return html;
  const at = footerEnd >= 0 ? footerEnd : bodyEnd;
  if (at < 0) return html;
  return html.slice(0, at) + markup + html.slice(at);
}

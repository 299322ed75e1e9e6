import { unescapeHTML } from 'hexo-util';
import type { Language } from '../engine/diagnostic';
import { parseGongan, parseIcp } from '../engine/filing';
import { isIdeograph, printable } from '../engine/text';
import { finding, type Finding } from '../finding';
import type { BeianConfig, ConfigPaths } from '../config/schema';
import { findSlots, HIDING_TAGS, isLetter, linePlace, UNSHOWN, type Shown } from '../line/inject';
import { copyOf, type Copy } from '../line/shown';
import type { LineItem } from '../line/items';
import { crossed, exturlHref, linkRating, rightLink, targetOf, type Kind, type Target } from './links';
import { expectedItems, isHomePage, type PlacementSettings } from '../line/placement';

/**
 * The audit of one generated page: scanned for the filing line it must carry, for numbers
 * that are not the configured ones, and for links to retired or crossed query pages.
 *
 * One sweep over the page, forwards, and fast by design (it is benchmarked against
 * `grep -rLF`): the page stays a Buffer and is searched with `Buffer#indexOf` for a few byte
 * strings (`ICP`, `公网安备`, `beian.`, `</body`), in page order; only the few bytes around a
 * hit are decoded, and only a page without `</body>` is parsed (with the filter's own parser)
 * to see whether it has a site footer. What a hit needs to know of the page before it (is it
 * in a tag, in an `<a>`, in a `<footer>`, in the filing line?) is kept as the sweep goes
 * ({@link Latest}): each byte is looked at once for it, however many numbers the page
 * repeats, so the work grows with the page, never with the page times its numbers. What no
 * visitor sees is not read as shown: a number in a tag's attribute, or in a `<script>` (a
 * theme's config copied into the page), `<style>`, `<noscript>`, `<template>`, comment or
 * element carrying `hidden` ({@link Hidden}, found forwards once).
 *
 * Links (docs/filing-rules.md, "Links and the icon"): the ICP number goes to
 * `https://beian.miit.gov.cn/` (《非经营性互联网信息服务备案管理办法》 art. 13), the 公安 number
 * to `https://beian.mps.gov.cn/#/query/webSearch?code=<its digits>`; `www.miitbeian.gov.cn`,
 * `www.beian.miit.gov.cn` and `www.beian.gov.cn/portal/registerSystemInfo` are retired.
 */

/** What every page is measured against. */
export interface PagePlan {
  /** What hexo-beian shows (`lineItems` of the config): canonical numbers, links, icon. */
  items: readonly LineItem[];
  /** Where the filter puts them (`beian.pages`, `beian.position`). */
  placement: PlacementSettings;
  /** Where the config holds each kind of number, for the messages that say where to write one. */
  paths: Pick<ConfigPaths, 'icp' | 'gongan'>;
  /** Pages Hexo writes without a theme layout (`layout: false`, `skip_render`): the filter never sees them. */
  unthemed?: ReadonlySet<string>;
  /** A number the config holds and hexo-beian does not show (rejected, or an example on a real host; its own finding says why), as written. */
  unshown?: Partial<Record<Kind, string>>;
  /** The numbers the theme's own line shows: a page showing one is what the theme was told to show, and the theme's findings speak for it. */
  theme?: Partial<Record<Kind, string>>;
  /** How to turn the theme's own line off (`themeOff`), when it shows a number. */
  themeOff?: { zh: string; en: string };
  /** `beian.duplicates`: whether hexo-beian leaves out a number the page already shows. */
  duplicates?: BeianConfig['duplicates'];
  language: Language;
}

/** The plan of a site's pages: what its config shows (`items`, from `lineItems`), where, and what it leaves out. */
export function pagePlan(config: BeianConfig, items: readonly LineItem[], language: Language, site: Pick<PagePlan, 'unthemed' | 'theme' | 'themeOff'> = {}): PagePlan {
  const unshown: Partial<Record<Kind, string>> = {};
  for (const kind of ['icp', 'gongan'] as const) {
    const input = config[kind]?.input;
    if ((typeof input === 'string' || typeof input === 'number') && !items.some(item => item.kind === kind)) unshown[kind] = String(input);
  }
  return { items, placement: config, paths: config.paths, ...site, unshown, duplicates: config.duplicates, language };
}

const ICP = Buffer.from('ICP');
const GONGAN = Buffer.from('公网安备');
const BEIAN = Buffer.from('beian.');
const BODY_END = Buffer.from('</body');
const BODY_END_UPPER = Buffer.from('</BODY');
const FOOTER_OPEN = Buffer.from('<footer');
const FOOTER_CLOSE = Buffer.from('</footer');
const LINE = Buffer.from('data-hexo-beian');
const DIV_CLOSE = Buffer.from('</div');
const TAG_OPEN = Buffer.from('<');
const TAG_CLOSE = Buffer.from('>');
const A_OPEN = [Buffer.from('<a'), Buffer.from('<A')];
const A_CLOSE = [Buffer.from('</a'), Buffer.from('</A')];
const IMG = [Buffer.from('<img'), Buffer.from('<IMG')];
/**
 * NexT with `exturl: true` links through a span its script opens: `<span class="exturl"
 * data-url="<base64 of the address>">京ICP备…</span>` (hexo-theme-next `scripts/helpers/next-url.js`).
 */
export const EXTURL_OPEN = Buffer.from('<span class="exturl"');
const SPAN_CLOSE = Buffer.from('</span');
export const DATA_URL = /\sdata-url\s*=\s*"([^"]*)"/;
/**
 * How far back from a number its `<a>` may open: far more than any real filing link, an icon
 * inlined as base64 included (Yun's 公安 link holds a 5 KB `data:image/png;base64,…` before
 * its number).
 */
export const ANCHOR_REACH = 64 * 1024;
/** How much of an `<img …>` tag is read for its `src`. */
const TAG_REACH = 4096;
/** How many spaces may stand between a province character and its marker (`京 ICP备…`). */
export const PROVINCE_REACH = 32;

/**
 * A filing number's text as a theme or hexo-beian prints it, after its marker. Read from at
 * most 96 characters, and anchored: no input makes them backtrack beyond that. The theme audit
 * reads numbers in a theme's free text with the same ones (lib/audit/freetext.ts).
 */
export const AFTER_ICP = /^ICP\s*[备備证證]\s*[0-9]+\s*[号號]?(?:\s*[-－]\s*[0-9]+[AXax]?)?/;
export const AFTER_GONGAN = /^公网安备\s*[0-9]+\s*[号號]?/;
/** An `href` in one `<a …>` tag (at most {@link ANCHOR_REACH} bytes), an `src` in one `<img …>` tag. */
export const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
export const IMG_SRC = /^<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** The `<a>` a number is the text of. */
interface Anchor {
  href: string;
  target: Target;
  /** Offset of its `<a`. */
  open: number;
}

/** One filing number found on a page. */
interface Occurrence {
  kind: Kind;
  /** Canonical when the engine accepts it, else the text without spaces. */
  text: string;
  /** The 公安 digits, when the engine accepted a 公安 number. */
  digits?: string;
  /** Byte offset of the number (of its province character, when it has one). */
  start: number;
  /** Byte offset just after it, as written. */
  end: number;
  anchor?: Anchor;
  /** In a `<footer>` (any: {@link PageRead.inSiteFooter} tells whether the site's) or in the filing line (`data-hexo-beian` … `</div`). */
  framed?: boolean;
  /** In the filing line. */
  line?: boolean;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c;
}

/**
 * The latest occurrence so far of some byte strings, for questions asked in page order: each
 * question looks back only over the bytes no earlier one looked at (the window since the last
 * question), so however many questions a page asks, each byte is looked at once. Each string's
 * first occurrence in the window is found forwards (and kept until the questions pass it): a
 * window without one costs no search, and one with one is searched back to it, never further.
 */
class Latest {
  /** Start of the latest occurrence found, or -1. */
  private at = -1;
  /** Bytes before this offset have been looked at. */
  private seen = 0;
  private readonly longest: number;
  /** Per string, its first occurrence at or after the last window's start; -1: none; -2: not searched yet. */
  private readonly nexts: number[];
  /** Per string, what is searched for: one byte as a number (memchr, not a string search). */
  private readonly whats: (Buffer | number)[];

  constructor(private readonly needles: readonly Buffer[], private readonly accept: (page: Buffer, at: number) => boolean = () => true) {
    this.longest = Math.max(...needles.map(n => n.length));
    this.nexts = needles.map(() => -2);
    this.whats = needles.map(n => (n.length === 1 ? n[0] : n));
  }

  /**
   * The start of the latest occurrence that ends at or before `end` (which never decreases),
   * or -1. `first`, when given, is the latest offset where an occurrence could begin (the
   * latest `<`, for strings that begin with one): none after the window's start, no search.
   */
  before(page: Buffer, end: number, first = end): number {
    if (end <= this.seen) return this.at;
    // Back over the overlap too: an occurrence may straddle the last question's offset.
    const from = Math.max(0, this.seen - this.longest + 1);
    this.seen = end;
    if (first < from) return this.at;
    for (let i = 0; i < this.needles.length; i++) {
      const what = this.whats[i];
      const last = end - this.needles[i].length;
      let next = this.nexts[i];
      if (next === -2 || (next >= 0 && next < from)) {
        if (end - from > WIDE) {
          // A wide window (the first question of a page, in its footer): searched back in a view of it, which costs one view for all its bytes.
          this.latestIn(page, i, from, end);
          continue;
        }
        this.nexts[i] = next = page.indexOf(what, from);
      }
      if (next < 0 || next > last) continue;
      // Back from the window's end: the search stops at `next` at the latest.
      this.back(page, page, 0, i, last, next);
    }
    return this.at;
  }

  /** The latest accepted occurrence of string `i` in `[from, end)`, searched back in a view of the window. */
  private latestIn(page: Buffer, i: number, from: number, end: number): void {
    const window = page.subarray(from, end);
    this.back(page, window, from, i, window.length - this.needles[i].length, 0);
  }

  /**
   * Searches `within` (the page, or a view of it at `base`) back from `last` to `lowest` for
   * string `i`, and keeps the latest occurrence it accepts beyond the one kept.
   */
  private back(page: Buffer, within: Buffer, base: number, i: number, last: number, lowest: number): void {
    const what = this.whats[i];
    for (let at = last; at >= lowest;) {
      const found = within.lastIndexOf(what, at);
      if (found < 0 || base + found <= this.at) break;
      if (this.accept(page, base + found)) {
        this.at = base + found;
        break;
      }
      at = found - 1;
    }
  }
}

/**
 * A window wider than this is searched back in a view of it, a narrower one from its first
 * occurrence found forwards: a page's first question, from its footer, finds what is near it
 * without reading the page from its start; a page of many numbers makes no view per number.
 */
const WIDE = 4096;

/** The next occurrence of a byte string at or after an offset, for offsets asked in page order. */
class Next {
  private found = -1;
  private searched = false;

  constructor(private readonly needle: Buffer) {}

  from(page: Buffer, at: number): number {
    if (this.searched && (this.found < 0 || this.found >= at)) return this.found;
    this.searched = true;
    this.found = page.indexOf(this.needle.length === 1 ? this.needle[0] : this.needle, at);
    return this.found;
  }
}

/**
 * Where no visitor sees a number: the content of the elements the filter's reading does not
 * show either (lib/line/inject.ts UNSHOWN: `<script>` — a JSON blob, a theme's config copied
 * into the page: Keep, Redefine —, `<style>`, `<noscript>` with scripting on, a `<textarea>`'s
 * value, …), of `<template>` (inert, outside the tree that reading walks), and comments. Tag
 * names in any case, as the tokenizer reads them (a post may write `<TEXTAREA>`). And what an
 * element carrying `hidden` holds, as the filter reads it.
 */
export const HIDDEN: ReadonlySet<string> = new Set([...UNSHOWN, 'template']);

/** The longest name in {@link HIDDEN}. */
const HIDDEN_NAME = Math.max(...[...HIDDEN].map(name => name.length));

/** A tag name ends at a space, `/` or `>` (`<script>`, `<script src>`, `</style >`; not `<scripts`). */
function endsName(page: Buffer, at: number): boolean {
  const byte = page[at];
  return byte === 0x2f || byte === 0x3e || (byte !== undefined && isSpace(byte));
}

/** The lower-case ASCII name of a tag at `at` (just after `<` or `</`), at most `max` letters long; '' when none. */
function tagName(page: Buffer, at: number, max: number): string {
  let name = '';
  for (let i = at; i < page.length && name.length <= max; i++) {
    const byte = page[i] | 0x20;
    if (byte < 0x61 || byte > 0x7a) return endsName(page, i) ? name : '';
    name += String.fromCharCode(byte);
  }
  return '';
}

/**
 * Is an offset inside one of the {@link HIDDEN} elements or a comment? Asked in page order.
 * They are found forwards, as a browser's tokenizer meets them: the first opening at or after
 * the end of the last one, then its own end (a comment ends at the first `-->`, a script at
 * the first `</script`, `<plaintext>` never), so a `<script` inside a comment or a `<!--`
 * inside a script opens nothing. Each `<` is looked at once or twice.
 */
class Hidden {
  /** The latest hidden element found: its `<` and the offset just after its end (the page's end when unclosed). */
  private start = -1;
  private end = 0;
  /** Where the search for the next opening goes on. */
  private next = 0;
  /** The first of the filter's `hidden` ranges that may still hold an offset asked. */
  private range = 0;
  /** The next `<`, `>` and `=`: each searched for forwards once, whatever the tags hold. */
  private readonly lt = new Next(TAG_OPEN);
  private readonly gt = new Next(TAG_CLOSE);
  private readonly dashes = new Next(Buffer.from('-->'));
  /** The last tag read: its `<`, the offset after it, and its quoted values, as pairs [after the quote, the closing quote). */
  private tagStart = -1;
  private tagStop = -1;
  private readonly values: number[] = [];

  constructor(private readonly page: Buffer, private readonly reading: PageReading) {}

  /** Not shown: in a hidden element or a comment, or in a tag (`<span title='<a …>京ICP备…</a>'>`: an attribute's value, `>` and all). */
  has(at: number): boolean {
    return this.inElement(at) || this.inTag(at) || this.inHiddenElement(at);
  }

  /**
   * Is the address at `at`, which starts at `start` after `href=`, a link: the value of a tag's
   * own attribute, not text, nor in another attribute's quoted value (`title='<a href="…">'`),
   * nor hidden?
   */
  isLink(at: number, start: number): boolean {
    if (this.inElement(at) || !this.inTag(at) || this.inHiddenElement(at)) return false;
    const { values, page } = this;
    for (let i = 0; i < values.length; i += 2) {
      if (values[i] > at || at >= values[i + 1]) continue;
      for (let p = values[i]; p < start; p++) if (!isSpace(page[p])) return false;
      return true;
    }
    return true; // an unquoted value
  }

  /**
   * Is the tag at `at` read as one: not in a comment, raw text, a template or another tag's
   * value? (An element carrying `hidden` hides what it holds, and its tags are still tags.)
   */
  readsAsTag(at: number): boolean {
    return !this.inElement(at) && !this.inTag(at);
  }

  /** In the last tag read (ask after {@link inElement} has read up to `at`). */
  private inTag(at: number): boolean {
    return this.tagStart < at && at < this.tagStop;
  }

  /**
   * In an element carrying `hidden`, or held by one? Where one ends is the tree's to say: the
   * filter's reading has them, read only for a page that writes the attribute.
   */
  private inHiddenElement(at: number): boolean {
    if (!this.reading.mayHide()) return false;
    const { hidden } = this.reading.filter();
    while (this.range < hidden.length && hidden[this.range].end <= at) this.range++;
    return this.range < hidden.length && hidden[this.range].start < at;
  }

  private inElement(at: number): boolean {
    const { page } = this;
    for (;;) {
      if (at < this.end) return at > this.start && this.start >= 0;
      if (this.next < this.end) this.next = this.end;
      const open = this.lt.from(page, this.next);
      if (open < 0 || open >= at) return false;
      const after = page[open + 1];
      if (after === 0x21 && page[open + 2] === 0x2d && page[open + 3] === 0x2d) {
        [this.start, this.end] = [open, commentEnd(page, open)];
        continue;
      }
      if (after === 0x21 || after === 0x3f || (after === 0x2f && !isLetter(page[open + 2]))) {
        // A doctype or a bogus comment (`<?php …?>`, `<![CDATA[…` outside SVG, `</1>`): to its first `>`.
        this.next = this.skipTo(open + 2);
        continue;
      }
      if (!isLetter(after) && after !== 0x2f) {
        this.next = open + 1; // a `<` that is text
        continue;
      }
      // A tag: read to its end, past quoted values (`title="<script>"` opens nothing).
      let nameEnd = open + 1;
      while (nameEnd < page.length && !endsName(page, nameEnd)) nameEnd++;
      this.values.length = 0;
      const end = tagEnd(page, nameEnd, this.values);
      [this.tagStart, this.tagStop] = [open, end];
      this.next = end;
      if (after === 0x2f) continue;
      const name = tagName(page, open + 1, HIDDEN_NAME);
      if (!HIDDEN.has(name)) continue;
      [this.start, this.end] = [open, name === 'plaintext' ? page.length : name === 'script' ? scriptEnd(page, end, this.dashes) : endTag(page, name, end)];
    }
  }

  /** Just after the first `>` at or after `from` (the page's end when none). */
  private skipTo(from: number): number {
    const gt = this.gt.from(this.page, from);
    return gt < 0 ? this.page.length : gt + 1;
  }
}

/**
 * What may be the attribute `hidden` (or a value that reads like it: the filter's reading
 * tells): after a space, a `/` or a quote (`<div/hidden>`, `title="a"hidden`, as the tokenizer
 * reads them); or an element that hides what it holds (`<video>`, `<dialog>`, `<details>`, an SVG `<desc>`: HIDING_TAGS).
 */
const HIDDEN_ATTRIBUTE = new RegExp(`[\\t\\n\\f\\r "'/]hidden(?:[\\t\\n\\f\\r =/>]|$)|<(?:${HIDING_TAGS.join('|')})(?:[\\t\\n\\f\\r />]|$)`, 'i');

/** An SVG element and a `<title>` after it: an SVG `<title>` ends where the tree ends it, not at `</title>` as the audit reads a page's title. */
const SVG_OPEN = /<svg(?:[\t\n\f\r />]|$)/i;
const TITLE_OPEN = /<title(?:[\t\n\f\r />]|$)/gi;

/** May the page hide what it holds where the tree says ({@link HIDDEN_ATTRIBUTE}, an SVG `<title>`)? Each search linear. */
function hidesAny(page: string): boolean {
  if (HIDDEN_ATTRIBUTE.test(page)) return true;
  const svg = page.search(SVG_OPEN);
  if (svg < 0) return false;
  TITLE_OPEN.lastIndex = svg;
  return TITLE_OPEN.test(page);
}

/**
 * Just after the comment that opens at `open` (`<!--`), as the tokenizer ends it: the first
 * `-->` or `--!>`; `<!-->` and `<!--->` are empty. The page's end when unclosed.
 */
function commentEnd(page: Buffer, open: number): number {
  let p = open + 4;
  if (page[p] === 0x3e) return p + 1;
  if (page[p] === 0x2d && page[p + 1] === 0x3e) return p + 2;
  for (;;) {
    const dashes = page.indexOf('--', p);
    if (dashes < 0) return page.length;
    if (page[dashes + 2] === 0x3e) return dashes + 3;
    if (page[dashes + 2] === 0x21 && page[dashes + 3] === 0x3e) return dashes + 4;
    p = dashes + 1;
  }
}

/**
 * Just after a script's end tag, as the tokenizer finds it from `from` (after `<script…>`): the
 * first `</script`, unless a `<!--` before it opens an escape, where a `<script` starts a
 * double escape that a `</script` only ends (`<script><!--<script></script>…</script>`); `-->`
 * ends either. The page's end when there is none.
 */
function scriptEnd(page: Buffer, from: number, closes: Next): number {
  let state: 'data' | 'escaped' | 'double' = 'data';
  for (let lt = page.indexOf(0x3c, from); ;) {
    // The next `-->`, asked in page order across the page's scripts: each byte searched once.
    const dashes = state === 'data' ? -1 : closes.from(page, from);
    if (lt < 0 && (state === 'data' || dashes < 0)) return page.length;
    if (state !== 'data' && dashes >= 0 && (lt < 0 || dashes < lt)) {
      state = 'data';
      from = dashes + 3;
      lt = page.indexOf(0x3c, from);
      continue;
    }
    const next = lt + 1;
    if (page[next] === 0x2f && tagName(page, lt + 2, 6) === 'script') {
      if (state !== 'double') return lt + 8;
      state = 'escaped';
    } else if (state === 'data' && page[next] === 0x21 && page[next + 1] === 0x2d && page[next + 2] === 0x2d) {
      state = 'escaped';
      let p = lt + 4;
      while (page[p] === 0x2d) p++;
      if (page[p] === 0x3e) state = 'data'; // `<!-->`, `<!--->`: opened and closed
      from = p;
      lt = page.indexOf(0x3c, from);
      continue;
    } else if (state === 'escaped' && tagName(page, next, 6) === 'script') state = 'double';
    from = next;
    lt = page.indexOf(0x3c, from);
  }
}

/** Just after the end tag `</name` (any case) at or after `from`; the page's end when there is none. */
function endTag(page: Buffer, name: string, from: number): number {
  for (let lt = page.indexOf(0x3c, from); lt >= 0; lt = page.indexOf(0x3c, lt + 1)) {
    if (page[lt + 1] === 0x2f && tagName(page, lt + 2, name.length) === name) return lt + 2 + name.length;
  }
  return page.length;
}

/** The first of several {@link Next}s at or after `at`, or -1. */
function firstOf(page: Buffer, nexts: readonly Next[], at: number): number {
  let best = -1;
  for (const next of nexts) {
    const found = next.from(page, at);
    if (found >= 0 && (best < 0 || found < best)) best = found;
  }
  return best;
}

/** Reads the filing number whose marker starts at `at`; undefined for a label or stray text. */
function readNumber(page: Buffer, at: number, kind: Kind): Occurrence | undefined {
  const after = page.toString('utf8', at, Math.min(page.length, at + 96));
  const match = (kind === 'icp' ? AFTER_ICP : AFTER_GONGAN).exec(after);
  if (!match) return undefined;
  // The province character just before the marker (a few spaces allowed between).
  let from = at;
  while (from > 0 && at - from < PROVINCE_REACH && isSpace(page[from - 1])) from--;
  const before = page.toString('utf8', Math.max(0, from - 3), from);
  const province = isIdeograph(before.slice(-1)) ? before.slice(-1) : '';
  const start = province ? from - Buffer.byteLength(province) : at;
  const { text, digits } = identify(kind, province + match[0]);
  const occurrence: Occurrence = { kind, text, start, end: at + Buffer.byteLength(match[0]) };
  if (digits) occurrence.digits = digits;
  return occurrence;
}

/** The same few numbers recur on every page: each written form goes through the engine once. */
const identities = { icp: new Map<string, { text: string; digits?: string }>(), gongan: new Map<string, { text: string; digits?: string }>() };

/** A number as written → its canonical form (or the text without spaces) and its 公安 digits. */
function identify(kind: Kind, written: string): { text: string; digits?: string } {
  const known = identities[kind];
  let found = known.get(written);
  if (!found) {
    const result = kind === 'icp' ? parseIcp(written) : parseGongan(written);
    found = { text: result.ok && result.canonical ? result.canonical : written.replace(/\s+/g, '') };
    if (result.ok && kind === 'gongan' && result.digits) found.digits = result.digits;
    if (known.size >= 1024) known.clear(); // bounded, whatever the site holds
    known.set(written, found);
  }
  return found;
}

/**
 * What a number needs to know of the page before it, kept as the sweep goes: the latest `<`
 * and `>` (in a tag, not in the text: a number in an attribute, `aria-label`, `title`, `alt`,
 * is not shown to a visitor, so it neither counts as shown nor as another number), the latest
 * `<a …>` and `</a`, `<footer` and `</footer`, `data-hexo-beian` and `</div`.
 */
class Context {
  private readonly tagOpen = new Latest([TAG_OPEN]);
  private readonly tagClose = new Latest([TAG_CLOSE]);
  // `<a>` or `<a …`, not `<abbr`, `<article`.
  private readonly aOpen = new Latest(A_OPEN, (page, at) => isAnchorStart(page, at));
  private readonly aClose = new Latest(A_CLOSE);
  private readonly footerOpen = new Latest([FOOTER_OPEN]);
  private readonly footerClose = new Latest([FOOTER_CLOSE]);
  private readonly lineOpen = new Latest([LINE]);
  private readonly lineClose = new Latest([DIV_CLOSE]);
  private readonly exturlOpen = new Latest([EXTURL_OPEN]);
  private readonly spanClose = new Latest([SPAN_CLOSE]);
  /** The last `<a …>` read: its tag is read once however many numbers it holds. */
  private anchor?: Anchor;
  /** The last `data-hexo-beian` asked of, and whether it is a mark. */
  private mark?: { at: number; real: boolean };
  /** The last link's `<a` asked of, and whether no visitor sees it; read by a walk of its own (its offsets trail the numbers'). */
  private unseen?: { open: number; hidden: boolean };
  private readonly anchorWalk: Hidden;
  /** The `</a`s read after the last link's `<a`: up to where, and whether one ended it. */
  private closes?: { open: number; from: number; closed: boolean };
  private readonly closeWalk: Hidden;
  /** The next `</a` and `</A`, each searched for forwards once. */
  private readonly closeSearch = A_CLOSE.map(needle => new Next(needle));

  constructor(private readonly page: Buffer, private readonly reading: PageReading) {
    this.anchorWalk = new Hidden(page, reading);
    this.closeWalk = new Hidden(page, reading);
  }

  /** In a tag at `at` (every question's `at` at or after the last one's). */
  inTag(at: number): boolean {
    return this.tagOpen.before(this.page, at) > this.tagClose.before(this.page, at);
  }

  /** The latest `<` before `at`: where the latest of any string that begins with one can begin. */
  private lt(at: number): number {
    return this.tagOpen.before(this.page, at);
  }

  /**
   * Is the link opened at `open` ended before `at` by a `</a` the parser reads, not one in a
   * comment, a script or a tag's value (`<a href=…><!-- </a> -->京ICP备…</a>`)? The `</a`s
   * after `open` are read once each: asked again for the same link, it goes on from the last.
   */
  private closedBefore(open: number, at: number): boolean {
    if (this.closes?.open !== open) this.closes = { open, from: open, closed: false };
    const scan = this.closes;
    while (!scan.closed) {
      let next = -1;
      for (const search of this.closeSearch) {
        const c = search.from(this.page, scan.from);
        if (c >= 0 && c + A_CLOSE[0].length <= at && (next < 0 || c < next)) next = c;
      }
      if (next < 0) break;
      scan.from = next + 1;
      if (this.closeWalk.readsAsTag(next)) scan.closed = true;
    }
    return scan.closed;
  }

  /** Is the `<a` at `open` in a comment, a script, a tag or a hidden element (asked in page order: the sweep's anchors' opens only grow)? */
  unseenAnchor(open: number): boolean {
    if ((this.page[open + 1] | 0x20) !== 0x61) return false; // NexT's exturl span: read as it was
    if (this.unseen?.open !== open) this.unseen = { open, hidden: this.anchorWalk.has(open) };
    return this.unseen.hidden;
  }

  /** The `<a …>` whose text holds the number at `at` (starting at `start`, its province), with its href. */
  anchorOf(at: number, start: number): Anchor | undefined {
    const { page } = this;
    const lt = this.lt(at);
    const open = this.aOpen.before(page, at, lt);
    const close = this.aClose.before(page, at, lt);
    if (open < 0 || open < start - ANCHOR_REACH || (close > open && this.closedBefore(open, at))) return this.exturlOf(at, start, lt);
    if (this.anchor?.open === open) return this.anchor;
    // Its tag must have ended before the number: some `>` after the `<a`.
    if (this.tagClose.before(page, at) < open) return undefined;
    const href = unescapeHTML((hrefIn(page.toString('utf8', open, tagEnd(page, open + 2))) ?? '').trim());
    this.anchor = { href, target: targetOf(href), open };
    return this.anchor;
  }

  /** NexT's `<span class="exturl" data-url="…">` whose text holds the number: a link to the decoded address. */
  private exturlOf(at: number, start: number, lt: number): Anchor | undefined {
    const { page } = this;
    const open = this.exturlOpen.before(page, at, lt);
    if (open < 0 || open < start - ANCHOR_REACH || this.spanClose.before(page, at, lt) > open) return undefined;
    if (this.anchor?.open === open) return this.anchor;
    if (this.tagClose.before(page, at) < open) return undefined;
    const m = DATA_URL.exec(page.toString('utf8', open, page.indexOf(0x3e, open) + 1));
    const href = m ? exturlHref(unescapeHTML(m[1])) : '';
    this.anchor = { href, target: targetOf(href), open };
    return this.anchor;
  }

  /** In the filing line, in a `<footer>` (any: the offset of its `<footer`), or neither. */
  framed(at: number): 'line' | number | undefined {
    const { page } = this;
    const lt = this.lt(at);
    const footer = this.footerOpen.before(page, at, lt);
    const footerClose = this.footerClose.before(page, at, lt);
    const line = this.lineOpen.before(page, at);
    const lineClose = this.lineClose.before(page, at, lt);
    // Only the line as the filter sees one counts: the `data-hexo-beian` of a post's text, a
    // comment, a template or a script is not (they fooled the check, and the guard with it).
    if (line >= 0 && line > lineClose && this.isMark(line)) return 'line';
    return footer >= 0 && footer > footerClose ? footer : undefined;
  }

  /** Is the `data-hexo-beian` at `at` in a start tag the filter reads as a mark? Each one is asked once. */
  private isMark(at: number): boolean {
    if (this.mark?.at !== at) this.mark = { at, real: this.reading.filter().marks.has(this.page.lastIndexOf(0x3c, at)) };
    return this.mark.real;
  }
}

/**
 * Is the marker at `at` the same number as `found` (read at `was`), written with the same
 * bytes, in the same place, with nothing between them that could change what either is (the
 * caller checked: no `<`, `>` or `data-hexo-beian` between)? Then it says nothing new, and a
 * page that repeats one number costs a search and a comparison per repetition.
 */
function repeats(page: Buffer, was: number, found: Occurrence, at: number, literal: boolean): boolean {
  const shift = at - was;
  const start = found.start + shift;
  let end = found.end + shift;
  if (end > page.length) return false;
  if (found.anchor && found.anchor.open < start - ANCHOR_REACH) return false;
  if (!literal) {
    // What follows must stop the number as before: the same spaces, then the same byte, one
    // that no number goes on with (not a digit, `-`, a letter of a suffix, a space, nor the
    // first byte of `号`, `號`, `－` or a wide space).
    let spaces = 0;
    while (spaces < 16 && end + spaces < page.length && isSpace(page[end + spaces])) spaces++;
    const stop = page[end + spaces];
    if (stop !== undefined && (GOES_ON.has(stop) || isSpace(stop) || stop === 0x0b || (stop >= 0x30 && stop <= 0x39))) return false;
    end = Math.min(page.length, end + spaces + 1);
    // Before it, its province as before, or no character that could be one.
    if (found.start === was) {
      const previous = page[start - 1];
      if (previous === undefined || previous >= 0x80 || isSpace(previous) || previous === 0x0b) return false;
    }
  }
  return page.compare(page, found.start, found.start + (end - start), start, end) === 0;
}

/**
 * Bytes a filing number may go on with after its digits, besides ASCII digits and spaces:
 * `-`, `A`, `X`, `a`, `x`, and the lead bytes of `号` (E5), `號` (E8), `－` (EF) and of the
 * spaces past ASCII a regular expression's `\s` matches (C2, E1, E2, E3, EF).
 */
const GOES_ON = new Set([0x2d, 0x41, 0x58, 0x61, 0x78, 0xc2, 0xe1, 0xe2, 0xe3, 0xe5, 0xe8, 0xef]);

/** What the sweep looks for, in page order. */
interface Marker {
  needle: Buffer;
  kind: Kind;
  /** A configured number without a marker of its own (a telecom licence, 浙B2-20080101), looked for as it is. */
  literal?: string;
}

/**
 * Every filing number on the page, in one sweep: ICP numbers, then 公安 numbers, then the
 * literal ones, each in page order; an occurrence that says nothing new (the same number in
 * the same link and frame as one before) is left out.
 */
function occurrencesOf(page: Buffer, plan: PagePlan, reading: PageReading): Occurrence[] {
  const markers: Marker[] = [{ needle: ICP, kind: 'icp' }, { needle: GONGAN, kind: 'gongan' }];
  for (const item of plan.items) {
    if (item.kind === 'icp' && !item.text.includes('ICP') && item.text !== '') markers.push({ needle: Buffer.from(item.text), kind: 'icp', literal: item.text });
  }
  const lists: Occurrence[][] = markers.map(() => []);
  // Per marker and text, the places (link and frame) a number was already kept in: numbers, not strings made per number
  // (exact while (page length + 3)² < 2⁵³: pages of up to 90 MB; the audit reads at most PAGE_LIMIT of one).
  const seen = markers.map(() => new Map<string, Set<number>>());
  const place = (anchor: Anchor | undefined, frame: 'line' | number | undefined) => (anchor ? anchor.open + 1 : 0) * (page.length + 3) + (frame === undefined ? 0 : frame === 'line' ? 1 : frame + 2);
  const next = markers.map(m => page.indexOf(m.needle));
  const context = new Context(page, reading);
  const hidden = new Hidden(page, reading);
  // Per marker, the last number read, and where its context can change next (a `<`, a `>`,
  // the line's attribute: looked for when the marker comes again, each marker in page order).
  const changes = markers.map(() => [new Next(TAG_OPEN), new Next(TAG_CLOSE), new Next(LINE)]);
  const last: ({ at: number; found: Occurrence; quiet?: number } | undefined)[] = markers.map(() => undefined);
  for (;;) {
    let which = -1;
    for (let i = 0; i < markers.length; i++) if (next[i] >= 0 && (which < 0 || next[i] < next[which])) which = i;
    if (which < 0) break;
    const at = next[which];
    const marker = markers[which];
    next[which] = page.indexOf(marker.needle, at + marker.needle.length);
    const before = last[which];
    if (before) {
      if (before.quiet === undefined) {
        const quiet = firstOf(page, changes[which], before.at);
        before.quiet = quiet < 0 ? page.length : quiet;
      }
      if (at < before.quiet && repeats(page, before.at, before.found, at, marker.literal !== undefined)) continue;
    }
    if (context.inTag(at)) continue;
    const found: Occurrence | undefined = marker.literal !== undefined ? { kind: 'icp', text: marker.literal, start: at, end: at + marker.needle.length } : readNumber(page, at, marker.kind);
    if (!found) continue;
    let anchor = context.anchorOf(at, found.start);
    // A link to a query page shows the number wherever it is; is it in a footer or the line (where copies are counted)?
    // Copies in different footers are kept apart: only the site footer's count.
    const frame = context.framed(at);
    // In a script (a theme's config copied into the page), a style, a template or a comment: not displayed.
    // Asked of every number but the line's, whose element is the one a visitor sees: a page
    // whose only numbers are the line's is never searched for these.
    if (frame !== 'line' && hidden.has(at)) continue;
    // Nor is a link opened there (`<!-- <a href=…> -->京ICP备…`): the number after it is unlinked.
    if (frame !== 'line' && anchor && context.unseenAnchor(anchor.open)) anchor = undefined;
    if (anchor) found.anchor = anchor;
    if (frame !== undefined) found.framed = true;
    if (frame === 'line') found.line = true;
    last[which] = { at, found };
    let places = seen[which].get(found.text);
    if (!places) seen[which].set(found.text, places = new Set());
    const key = place(anchor, frame);
    if (places.has(key)) continue;
    places.add(key);
    lists[which].push(found);
  }
  return lists.flat();
}

export { targetOf };

/**
 * Is an `<img>` with this `src` in one of the `<a>`s opened at `opens` (in page order), from
 * its `<a` to the first `</a` after it? One sweep too: `<a>`s opened before the same `</a`
 * share their end, so what one of them holds after a later one's `<a` is looked at once.
 */
function iconInAnchors(page: Buffer, opens: readonly number[], src: string): boolean {
  const closes = A_CLOSE.map(n => new Next(n));
  const images = IMG.map(n => new Next(n));
  const ends = new Next(TAG_CLOSE);
  const starts = new Next(TAG_OPEN);
  let done = 0;
  for (const open of opens) {
    const from = Math.max(open, done);
    const close = firstOf(page, closes, open);
    const end = close < 0 ? page.length : close;
    for (let at = firstOf(page, images, from); at >= 0 && at < end; at = firstOf(page, images, at + 1)) {
      // The tag, up to its `>`, or to the next `<` when it has none (each byte read once).
      const tagEnd = ends.from(page, at);
      const next = starts.from(page, at + 1);
      const m = IMG_SRC.exec(page.toString('utf8', at, Math.min(end, at + TAG_REACH, tagEnd < 0 ? page.length : tagEnd + 1, next < 0 ? page.length : next)));
      if (m && unescapeHTML(m[1] ?? m[2] ?? m[3]) === src) return true;
    }
    done = Math.max(done, end);
  }
  return false;
}

/**
 * Is the tag right before the `<a` at `open` (spaces between) an `<img>` with this `src`? A
 * theme may put the 公安 icon beside its link rather than in it (NexT: `<img src="…"><a …>`):
 * the page shows it all the same. Each anchor looks back only to the `<` before its own.
 */
function iconBefore(page: Buffer, open: number, src: string): boolean {
  let at = open;
  while (at > 0 && isSpace(page[at - 1])) at--;
  if (page[at - 1] !== 0x3e) return false;
  const lt = page.lastIndexOf(0x3c, at - 1);
  if (lt < 0 || at - lt > TAG_REACH) return false;
  const m = IMG_SRC.exec(page.toString('utf8', lt, at));
  return m !== null && unescapeHTML(m[1] ?? m[2] ?? m[3]) === src;
}

/** The page has `</body>` or a site footer: a place for the line (as the filter sees it). */
export function hasSlot(page: Buffer): boolean {
  if (page.lastIndexOf(BODY_END) >= 0 || page.lastIndexOf(BODY_END_UPPER) >= 0) return true;
  const html = page.toString('utf8');
  if (!/<\/(?:body|footer)/i.test(html)) return false;
  const slots = findSlots(html);
  return slots.bodyEnd >= 0 || slots.footerEnd >= 0;
}

const MIIT = Buffer.from('miit');
/** `"`, `'`, the spaces and `>`: what ends an unquoted URL as the audit reads it. */
const URL_END = new Set([0x22, 0x27, 0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x3e]);
/** The same, with the other spaces (U+3000 …) a regular expression's `\s` knows. */
const URL_REST = /^[^"'\s>]*/;
const WWW = Buffer.from('www.');
const GOV_CN_PATH = Buffer.from('gov.cn/');

/**
 * Could the `beian.` at `at` belong to a retired host (`miitbeian.gov.cn`,
 * `www.beian.miit.gov.cn`, `beian.gov.cn/…`)? A byte comparison, so that the current hosts
 * on every page (`//beian.miit.gov.cn`, `//beian.mps.gov.cn`) cost nothing more.
 */
function maybeRetired(page: Buffer, at: number): boolean {
  const after = at + BEIAN.length;
  return (at >= 4 && (page.compare(MIIT, 0, 4, at - 4, at) === 0 || page.compare(WWW, 0, 4, at - 4, at) === 0))
    || (after + GOV_CN_PATH.length <= page.length && page.compare(GOV_CN_PATH, 0, GOV_CN_PATH.length, after, after + GOV_CN_PATH.length) === 0);
}

/** How many bytes of host name may stand before `beian.` (`www.miit`). */
export const HOST_REACH = 64;
/** How many spaces may stand between an `href`'s quote and its address: Redefine indents its ICP link's over three lines. */
export const HREF_SPACE_REACH = 256;

function isHostByte(byte: number): boolean {
  const lower = byte | 0x20;
  return (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7a) || byte === 0x2e || byte === 0x2d;
}

/**
 * Where the address that `beian.` at `at` is part of begins, when it is an `href`'s value
 * (`href="https://www.beian.`, `href="\n    http://www.beian.`), or -1. Read backwards over
 * the host, `//`, the scheme and the spaces, a bounded number of bytes each.
 */
function hrefStart(page: Buffer, at: number): number {
  let start = at;
  while (start > 0 && at - start < HOST_REACH && isHostByte(page[start - 1])) start--;
  if (start < 2 || page[start - 1] !== 0x2f || page[start - 2] !== 0x2f) return -1;
  start -= 2;
  const scheme = page.toString('latin1', Math.max(0, start - 6), start).toLowerCase();
  if (scheme.endsWith('https:')) start -= 6;
  else if (scheme.endsWith('http:')) start -= 5;
  let quote = start;
  while (quote > 0 && start - quote < HREF_SPACE_REACH && isSpace(page[quote - 1])) quote--;
  return /href\s*=\s*["']?$/i.test(page.toString('utf8', Math.max(0, quote - 16), quote)) ? start : -1;
}

/** Retired query addresses found as link targets (`href="…"`), one per address. */
function retiredLinks(page: Buffer, reading: PageReading): string[] {
  const found = new Set<string>();
  const hidden = new Hidden(page, reading);
  for (let at = page.indexOf(BEIAN); at >= 0; at = page.indexOf(BEIAN, at + BEIAN.length)) {
    if (!maybeRetired(page, at)) continue;
    const start = hrefStart(page, at);
    // An address in a script (a theme's config copied into the page), a comment, text or another attribute's value is no link.
    if (start < 0 || !hidden.isLink(at, start)) continue;
    // Forward to the end of the URL (at most 200 bytes): the first quote, space or `>`.
    let end = at;
    while (end < page.length && end < at + 200 && !URL_END.has(page[end])) end++;
    const rest = (URL_REST.exec(page.toString('utf8', at, end)) as RegExpExecArray)[0];
    const href = unescapeHTML(page.toString('utf8', start, at) + rest);
    if (targetOf(href).kind === 'retired') found.add(href);
  }
  return [...found];
}

const NUMBER_NAME = {
  icp: { zh: 'ICP备案号', en: 'The ICP number' },
  gongan: { zh: '公安联网备案号', en: 'The public-security (公安) number' }
} as const;

const REGENERATE = {
  zh: '请重新生成站点（hexo clean && hexo generate）',
  en: 'regenerate the site (hexo clean && hexo generate)'
};

/** Does the page write the item's longest run of digits (`20180491` of `京ICP备20180491号-1`) as it is? */
export function writesDigits(page: Buffer, item: LineItem): boolean {
  const digits = item.text.match(/[0-9]+/g)?.reduce((a, b) => (b.length > a.length ? b : a), '') ?? '';
  return digits !== '' && page.includes(digits);
}

/** `<a>`, `<a …`, `<a/…` at `at` (not `<abbr`, `<article`). */
export function isAnchorStart(page: Buffer, at: number): boolean {
  const next = page[at + 2];
  return next === 0x3e || next === 0x2f || isSpace(next);
}

/**
 * Just after the tag whose name ends at `from`: its first `>` outside a quoted attribute value
 * (`title="a>b"`, a value after `=` and spaces), the page's end when none. Each quoted value,
 * as [after the quote, the closing quote), is pushed on `values` when given. Every byte of the
 * tag is read once (one before a `>` in a value, twice).
 */
export function tagEnd(page: Buffer, from: number, values?: number[]): number {
  let gt = -1;
  for (let p = from; ;) {
    if (gt < p) gt = page.indexOf(0x3e, p);
    if (gt < 0) return page.length;
    let eq = p;
    while (eq < gt && page[eq] !== 0x3d) eq++;
    if (eq === gt) return gt + 1;
    let v = eq + 1;
    while (v < gt && isSpace(page[v])) v++;
    const quote = page[v];
    if (quote !== 0x22 && quote !== 0x27) {
      p = v;
      continue;
    }
    const close = page.indexOf(quote, v + 1);
    values?.push(v + 1, close < 0 ? page.length : close);
    if (close < 0) return page.length;
    p = close + 1;
  }
}

/**
 * The `href` of a tag's text (`<a …>`) as the tokenizer reads its attributes: each name, then
 * `=` and a value quoted or plain; the first `href` wins, and one inside another's value
 * (`title=" href=x"`) is none. Undefined without one.
 */
export function hrefIn(tag: string): string | undefined {
  const n = tag.length;
  let p = 1;
  while (p < n && !/[\t\n\f\r />]/.test(tag[p])) p++; // the tag's name
  while (p < n) {
    while (p < n && /[\t\n\f\r /]/.test(tag[p])) p++;
    if (p >= n || tag[p] === '>') return undefined;
    const start = p++; // a name may start with `=`
    while (p < n && !/[\t\n\f\r />=]/.test(tag[p])) p++;
    const name = tag.slice(start, p).toLowerCase();
    while (p < n && /[\t\n\f\r ]/.test(tag[p])) p++;
    let value = '';
    if (tag[p] === '=') {
      p++;
      while (p < n && /[\t\n\f\r ]/.test(tag[p])) p++;
      const quote = tag[p];
      if (quote === '"' || quote === "'") {
        const close = tag.indexOf(quote, p + 1);
        value = tag.slice(p + 1, close < 0 ? n : close);
        p = close < 0 ? n : close + 1;
      } else {
        const from = p;
        while (p < n && !/[\t\n\f\r >]/.test(tag[p])) p++;
        value = tag.slice(from, p);
      }
    }
    if (name === 'href') return value;
  }
  return undefined;
}

/** `page-unlinked`: the item is on the page, linked to `seen` (or not at all). */
function unlinkedText(label: { zh: string; en: string }, item: LineItem, seen: string | undefined): { zh: string; en: string } {
  return {
    zh: `${label.zh} ${item.text} 在这个页面上，但没有链接到 ${item.href}（${seen ? `链接到的是 ${seen}` : '没有链接'}）。若是主题自己显示的备案号，请在主题配置里关闭它（hexo-beian 就会显示正确链接的那一行）；否则${REGENERATE.zh}。`,
    en: `${label.en} ${item.text} is on this page but not linked to ${item.href} (${seen ? `its link goes to ${seen}` : 'it has no link'}). If the theme shows it with its own filing line, turn that off in the theme's config (hexo-beian then shows its correctly linked line); otherwise ${REGENERATE.en}.`
  };
}

/**
 * The message of `link-insecure`: a number linked to its own query system over plain http
 * (Fluid's `http://beian.miit.gov.cn/`). The same on every page, so the report says it once.
 */
export function insecureText(kind: Kind, text: string, href: string, digits?: string): { zh: string; en: string } {
  const label = NUMBER_NAME[kind];
  const right = rightLink(kind, digits);
  return {
    zh: `这个页面把${label.zh} ${text} 链接到 ${href}：是正确的查询系统，但用的是不加密的 http，浏览器会提示不安全，链接也可能被篡改。请把链接改为 ${right}；若是主题自己显示的备案号（如 Fluid 的 footer.beian），在主题配置里关闭它（footer.beian.enable: false），hexo-beian 就会显示使用 https 链接的那一行。`,
    en: `This page links ${label.en.replace(/^The/, 'the')} ${text} to ${href}: the right query system, but over plain http, which browsers flag as not secure and anyone on the way can alter. Change the link to ${right}; if the theme shows the number with its own filing line (Fluid's footer.beian), turn that off in the theme's config (footer.beian.enable: false), and hexo-beian shows it linked over https.`
  };
}

/**
 * Audits one generated page. Pure: `html` is the page's bytes, `path` its place relative to
 * `public_dir` (with `/`).
 *
 * Findings (each with `page`):
 * - `page-missing` (error): a number the page must show (see {@link expectedItems}) is not on it;
 * - `page-unlinked` (error): it is there, but not linked to its live query page (ICP:
 *   `https://beian.miit.gov.cn/`; 公安: the MPS query with its own digits; over http is
 *   `link-insecure`);
 * - `page-icon-missing` (warning): the 公安 link lacks the configured icon (in it, or the tag right before it);
 * - `page-shown-twice` (warning): the site footer and the line show it more than once;
 * - `page-other-number` (error): a filing number in a link to a query page, in the site
 *   footer or in the filing line, that is not the configured one (a stale build, or a number
 *   hard-coded by the theme); numbers elsewhere (a post quoting one) are left alone;
 * - `page-unconfigured-number` (warning): the same, of a kind the config has no number for
 *   (a number removed from the config and not regenerated, or only in the theme), or only one
 *   the line leaves out ({@link PagePlan.unshown}: the message names it);
 * - `link-crossed` (error): an ICP number linked to the MPS site, or the reverse;
 * - `link-wrong-code` (error): a 公安 number linked to the query of other digits;
 * - `link-insecure` (warning): a number linked to its own query system over plain http
 *   (`http://beian.miit.gov.cn/`): it works, so it counts as linked, but browsers flag it;
 * - `link-retired` (warning): a link to a retired query address.
 */
export function auditPage(path: string, html: Buffer, plan: PagePlan): Finding[] {
  let read: FilterReading | undefined;
  let hides: boolean | undefined;
  let shown: Shown | undefined;
  let nowhere: boolean | undefined;
  const filter = () => (read ??= filterReading(html));
  const reading: PageReading = { filter, mayHide: () => (hides ??= hidesAny(html.toString('latin1'))) };
  return judgePage(path, html, plan, {
    occurrences: occurrencesOf(html, plan, reading),
    iconIn: (anchors, src) => iconInAnchors(html, anchors.map(anchor => anchor.open), src) || anchors.some(anchor => iconBefore(html, anchor.open, src)),
    inSiteFooter: o => {
      const { footer } = filter();
      return footer === false || (o.start > footer.start && o.start < footer.end);
    },
    lineHidden: () => {
      const at = html.indexOf(LINE);
      return at >= 0 && filter().marks.size === 0 && filter().hidden.some(range => at > range.start && at < range.end);
    },
    nowhere: () => (nowhere ??= hasSlot(html) && linePlace(html.toString('utf8'), plan.placement.position === 'body_end' ? 'body_end' : 'footer') < 0),
    shownAs: item => {
      // Only a page that writes its digits (a page without the line has none): the tree's reading costs a parse.
      if (!writesDigits(html, item)) return undefined;
      shown ??= findSlots(html.toString('utf8'), { text: true }).text;
      return shown && copyOf(shown, item);
    },
    retired: retiredLinks(html, reading)
  });
}

/**
 * The page as the filter reads it (lib/line/inject.ts findSlots): the site footer's bytes (the
 * last `<footer>` outside sectioning content), and its marks. Read at most once per page, when
 * a number is in what looks like the line (is it the line, or a post's mention, a comment, a
 * template?), or outside the line and not linked to a query page (in some `<footer>`, or the
 * configured number in other text).
 */
function filterReading(page: Buffer): FilterReading {
  const html = page.toString('utf8');
  const { footerStart, footerEnd, marks, hidden } = findSlots(html);
  // Character offsets to byte offsets in one pass forwards: a page of many marks stays linear.
  const wanted = [...marks, footerStart, footerEnd, ...hidden.flat()].filter(at => at >= 0).sort((a, b) => a - b);
  const bytes = new Map<number, number>();
  let [char, byte] = [0, 0];
  for (const at of wanted) {
    byte += Buffer.byteLength(html.slice(char, at));
    char = at;
    bytes.set(at, byte);
  }
  const byteAt = (at: number) => bytes.get(at) ?? 0;
  return {
    footer: footerStart < 0 || footerEnd < 0 ? false : { start: byteAt(footerStart), end: byteAt(footerEnd) },
    marks: new Set(marks.map(byteAt)),
    hidden: hidden.map(([start, end]) => ({ start: byteAt(start), end: byteAt(end) }))
  };
}

/**
 * What is read of a page at most once, shared by the walks over it (its numbers', its links',
 * its retired addresses'): the filter's reading, and whether the page may hide what it holds
 * where the tree says ({@link hidesAny}: a whole page decoded and searched).
 */
interface PageReading {
  filter(): FilterReading;
  mayHide(): boolean;
}

/**
 * What the filter reads of a page, in bytes: its site footer (false: none), the `<` of each
 * element carrying `data-hexo-beian` a visitor can see, and the `hidden` elements, in page order.
 */
interface FilterReading {
  footer: { start: number; end: number } | false;
  marks: ReadonlySet<number>;
  hidden: readonly { start: number; end: number }[];
}

/** What the sweep read of a page: its numbers with their links and frames, its retired links, and whether links hold an icon. */
export interface PageRead<A extends { href: string; target: Target }> {
  occurrences: readonly (Pick<Occurrence, 'kind' | 'text' | 'digits' | 'framed' | 'line' | 'start'> & { anchor?: A })[];
  /** Is an `<img>` with this `src` in one of the links, or the tag right before one? */
  iconIn(anchors: readonly A[], src: string): boolean;
  /**
   * Is a number in the site footer, not in a post or a card? True on a page without one, whose
   * whole text the filter reads instead. Asked only when it matters.
   */
  inSiteFooter(occurrence: Pick<Occurrence, 'start'>): boolean;
  /** Does the page carry `data-hexo-beian` only in a `hidden` element (where a theme called `beian()`)? Asked only of a page that misses a number. */
  lineHidden(): boolean;
  /** Does the page write a site footer or `</body>` the filter finds no visible place at (a post's element left open takes them in)? Asked only of a page that misses a number. */
  nowhere(): boolean;
  /**
   * How the filter's reading (the tree's text of the site footer, or of the page) shows an
   * item the sweep did not find: written with character references (`京ICP&#22791;…`) or
   * split by inline markup (`京ICP备<span>…</span>号`), as a browser shows it, and as the
   * filter left it out of the line. Asked only of a page that would miss a number.
   */
  shownAs(item: LineItem): Copy | undefined;
  retired: readonly string[];
}

/**
 * The findings of a page from what was read of it: what must be shown and how it is linked.
 * Apart from the reading so that the tests' reference audit (test/audit/pages.reference.ts)
 * reads the page its own way and is judged by the same rules and words.
 */
export function judgePage<A extends { href: string; target: Target }>(path: string, html: Buffer, plan: PagePlan, read: PageRead<A>): Finding[] {
  const { language } = plan;
  const findings: Finding[] = [];
  const add = (code: string, severity: Finding['severity'], text: { zh: string; en: string }, suggestion?: string) => {
    findings.push(finding(language, code, severity, text, { page: path, suggestion }));
  };
  const { occurrences } = read;
  type Read = (typeof occurrences)[number];
  // Where a page shows a filing number: its site footer and the filing line. A number in a post
  // or a card (the previous / next post, NexT's post footer inside <article>) is the post's text.
  const framed = (o: Read) => o.line === true || (o.framed === true && read.inSiteFooter(o));
  // A link to a query page shows the number wherever it is.
  const queried = (o: Read) => o.anchor !== undefined && o.anchor.target.kind !== 'other';
  const displayed = (o: Read) => queried(o) || framed(o);

  // What the page must show.
  const home = isHomePage(path);
  const themed = !plan.unthemed?.has(path);
  const expected = plan.items.length === 0 ? [] : expectedItems(plan.items, { path, themed, hasSlot: hasSlot(html) }, plan.placement);
  for (const item of expected) {
    const label = NUMBER_NAME[item.kind];
    // Its own number counts where the filter looks for it: the site footer (the whole page without one).
    const shown = occurrences.filter(o => o.kind === item.kind && o.text === item.text && (queried(o) || o.line === true || read.inSiteFooter(o)));
    const right = shown.filter(o => o.anchor && linkRating(item.kind, o.anchor.target, item.digits) === 'right');
    // Its own live query page over plain http still works: a warning (link-insecure, below), not page-unlinked.
    const linked = right.length > 0 ? right : shown.filter(o => o.anchor && linkRating(item.kind, o.anchor.target, item.digits) === 'insecure');
    const elsewise = shown.length === 0 ? read.shownAs(item) : undefined;
    if (elsewise && elsewise.linked !== 'wrong') continue;
    if (elsewise) {
      add('page-unlinked', 'error', unlinkedText(label, item, elsewise.href));
    } else if (shown.length === 0) {
      const rule = home && item.kind === 'icp'
        ? { zh: '首页底部必须显示 ICP备案号（《非经营性互联网信息服务备案管理办法》第十三条）', en: 'the home page must show it at the bottom (MIIT Order No. 33, art. 13)' }
        : { zh: '这个页面应当显示它', en: 'this page should show it' };
      // With position: none only the theme's own beian() call puts the line on a page.
      const fix = read.lineHidden()
        ? { zh: '页面上有备案行，但它在带 hidden 属性的元素里（或 <video>、<canvas> 这类不显示内容的元素里，或没有 open 的 <details> 中 <summary> 以外的部分），访客看不到：去掉 hidden，或把主题布局里的 beian() 移到这个元素外面', en: 'the line is on the page, but inside an element with the hidden attribute (or one that shows nothing of what it holds, a <video> say, or a <details> without open beyond its <summary>), where no visitor sees it: remove hidden, or move the beian() call in the theme\'s layout out of that element' }
        : plan.placement.position === 'none'
        ? { zh: 'beian.position 是 none，只有主题调用 beian() 的地方才显示备案行：在主题的页脚布局里加上 <%- beian() %>（EJS）或 {{ beian() }}（Nunjucks），或把 position 改回 footer', en: 'with beian.position none, the line shows only where the theme calls beian(): add <%- beian() %> (EJS) or {{ beian() }} (Nunjucks) to the theme\'s footer layout, or set position back to footer' }
        : read.nowhere()
        ? { zh: '页面上有站点页脚或 </body>，但页面里的一篇文章留下了没有闭合的元素（<textarea>、<select>、<video>、注释之类），把页脚和 </body> 都包了进去，放在那里的备案行访客看不到，所以 hexo-beian 没有添加：在这篇文章里闭合这个元素（例如补上 </textarea>），再重新生成站点（hexo clean && hexo generate）', en: 'the page has a site footer or </body>, but a post on it leaves an element open (a <textarea>, <select>, <video>, a comment or the like) that takes them in, where no visitor would see the line, so hexo-beian added none: close that element in the post (write its </textarea>, say), then regenerate the site (hexo clean && hexo generate)' }
        : { zh: `${REGENERATE.zh}；若仍然没有，说明主题的布局既没有站点 <footer> 也没有 </body>`, en: `to fix it, ${REGENERATE.en}; if it is still missing, the theme's layout has neither a site <footer> nor </body>` };
      add('page-missing', 'error', {
        zh: `${label.zh} ${item.text} 不在这个页面上：${rule.zh}。${fix.zh}。`,
        en: `${label.en} ${item.text} is not on this page: ${rule.en}. ${fix.en[0].toUpperCase()}${fix.en.slice(1)}.`
      });
    } else if (linked.length === 0) {
      add('page-unlinked', 'error', unlinkedText(label, item, shown.map(o => o.anchor?.href).find(href => href)));
    } else {
      // Shown twice: hexo-beian's line beside the theme's (`duplicates: keep`), or a copy typed into the footer text.
      // (Counted only when two copies may be there: a page with one never reads its site footer for it.)
      const copies = shown.filter(o => o.line === true || o.framed === true);
      if (copies.length > 1 && copies.filter(framed).length > 1) {
        const ours = copies.some(o => o.line === true);
        // The theme's own switch when the audit knows the theme; `duplicates` only when it is keep.
        const off = plan.themeOff ?? { zh: '请关闭主题自带的备案栏，或从主题的页脚文字中删去这个号码。', en: 'Turn the theme\'s own filing line off, or delete the number from the theme\'s footer text.' };
        const keep = plan.duplicates === 'keep'
          ? { zh: 'beian.duplicates 是 keep：改为 skip，hexo-beian 就会略去主题已正确链接的号码。', en: ' beian.duplicates is keep: set it to skip, and hexo-beian leaves out a copy the theme links correctly.' }
          : { zh: '', en: '' };
        add('page-shown-twice', 'warning', {
          zh: `这个页面的站点页脚把${label.zh} ${item.text} 显示了不止一遍（${ours ? 'hexo-beian 的备案信息之外，还有主题自带的备案栏或写在页脚文字里的号码' : '主题自带的备案栏和页脚文字各有一份，或号码写了两遍'}）。只显示一次即可，由 hexo-beian 显示经过校验、带正确链接的那一份：${off.zh}${keep.zh}`,
          en: `This page's site footer shows ${label.en.replace(/^The/, 'the')} ${item.text} more than once (${ours ? 'hexo-beian\'s line, and the theme\'s own filing line or the number typed into its footer text' : 'the theme\'s own filing line and its footer text, or the number typed twice'}). Once is enough, and hexo-beian's checked, correctly linked line shows it: ${off.en}${keep.en}`
        });
      }
    }
    if (linked.length > 0 && item.icon) {
      const src = item.icon.src;
      if (!read.iconIn(linked.map(o => o.anchor as A), src)) {
        add('page-icon-missing', 'warning', {
          zh: `${label.zh} ${item.text} 的链接里没有配置的图标 ${src}：${REGENERATE.zh}。`,
          en: `${label.en} ${item.text} is linked without the configured icon ${src}: ${REGENERATE.en}.`
        });
      }
    }
  }

  // Numbers that are not the configured ones, and links of the wrong kind.
  const configured = { icp: plan.items.find(i => i.kind === 'icp')?.text, gongan: plan.items.find(i => i.kind === 'gongan')?.text };
  // The user's own records (`beian.extra`: an ICP licence, a telecom licence) are theirs too.
  const own = new Set(plan.items.map(i => i.text));
  const reported = new Set<string>();
  for (const o of occurrences) {
    const label = NUMBER_NAME[o.kind];
    const target = o.anchor?.target;
    const once = (code: string) => {
      const key = `${code}\u0000${o.text}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    const mine = configured[o.kind];
    if (mine !== undefined && !own.has(o.text) && displayed(o) && once('page-other-number')) {
      // The number the theme's own line was told to show: theme-disagrees names its setting; no stale build to suspect.
      const off = plan.themeOff ? { zh: plan.themeOff.zh, en: ` ${plan.themeOff.en}` } : { zh: '', en: '' };
      add('page-other-number', 'error', plan.theme?.[o.kind] === o.text
        ? {
          zh: `这个页面显示的是 ${o.text}，而配置里是 ${mine}（${plan.paths[o.kind]}）：这是主题自己的备案栏显示的编号（见 theme-disagrees）。请确认哪个才对，改正配置或主题的设置。${off.zh}`,
          en: `This page shows ${o.text}, but the config has ${mine} (${plan.paths[o.kind]}): it is the number the theme's own line shows (see theme-disagrees). Find out which is right, and correct the config or the theme's setting.${off.en}`
        }
        : {
          zh: `这个页面显示的是 ${o.text}，而配置里是 ${mine}（${plan.paths[o.kind]}）：可能是旧的构建，或主题里写死的编号。${REGENERATE.zh}；若仍然出现，在主题的布局和配置里搜索 ${o.text} 并删除。`,
          en: `This page shows ${o.text}, but the config has ${mine} (${plan.paths[o.kind]}): a stale build, or a number hard-coded in the theme. To fix it, ${REGENERATE.en}; if it stays, search the theme's layout and config for ${o.text} and remove it.`
        });
    }
    const held = plan.unshown?.[o.kind];
    // A number the theme was told to show is the theme audit's to speak of (theme-move, …).
    if (mine === undefined && !own.has(o.text) && plan.theme?.[o.kind] !== o.text && displayed(o) && once('page-unconfigured-number')) {
      // When the config has one the line leaves out, not "none": the fix is that number's.
      add('page-unconfigured-number', 'warning', held !== undefined ? {
        zh: `这个页面显示了${label.zh} ${o.text}，而配置里的 ${printable(held)}（${plan.paths[o.kind]}）hexo-beian 不显示（原因见它自己的那条提示）。若 ${o.text} 是本站的编号，把 ${plan.paths[o.kind]} 改为它；否则按那条提示改正配置，${REGENERATE.zh}，若 ${o.text} 仍然出现，在主题的布局和配置里搜索它并删除。`,
        en: `This page shows ${label.en.replace(/^The/, 'the')} ${o.text}, and the config's ${printable(held)} (${plan.paths[o.kind]}) is one hexo-beian does not show (its own finding says why). If ${o.text} is this site's number, write it in ${plan.paths[o.kind]}; otherwise correct the config as that finding says, ${REGENERATE.en}, and if ${o.text} stays, search the theme's layout and config for it and remove it.`
      } : {
        zh: `这个页面显示了${label.zh} ${o.text}，但配置里没有${label.zh}：可能是旧的构建（删掉编号后没有重新生成），或主题里写死的编号。若它是本站的编号，写进 ${plan.paths[o.kind]}；否则${REGENERATE.zh}，若仍然出现，在主题的布局和配置里搜索 ${o.text} 并删除。`,
        en: `This page shows ${label.en.replace(/^The/, 'the')} ${o.text}, but the config has none: a stale build (the number was removed and the site not regenerated), or a number hard-coded in the theme. If it is this site's number, write it in ${plan.paths[o.kind]}; otherwise ${REGENERATE.en}, and if it stays, search the theme's layout and config for ${o.text} and remove it.`
      });
    }
    if (o.anchor && target && crossed(o.kind, target) && once('link-crossed')) {
      const right = o.kind === 'icp' ? rightLink('icp') : `${rightLink('gongan')}…`;
      add('link-crossed', 'error', {
        zh: `这个页面把${label.zh} ${o.text} 链接到了另一种备案的查询网站（${o.anchor.href}）：它应链接到 ${right}。`,
        en: `This page links ${label.en.replace(/^The/, 'the')} ${o.text} to the other filing's query site (${o.anchor.href}): it belongs to ${right}.`
      });
    }
    const code = target && (target.kind === 'mps' || target.kind === 'retired') ? target.code : undefined;
    if (o.kind === 'gongan' && o.digits && code !== undefined && code !== o.digits && once('link-wrong-code')) {
      add('link-wrong-code', 'error', {
        zh: `这个页面上公安联网备案号 ${o.text} 的链接查询的是 ${code}：访客会查到别的编号或查不到。链接里应是它自己的数字 ${o.digits}。`,
        en: `This page links the public-security (公安) number ${o.text} to a query for ${code}: visitors find another filing or none. The link must carry its own digits, ${o.digits}.`
      });
    }
    if (o.anchor && target && linkRating(o.kind, target, o.digits) === 'insecure' && once('link-insecure')) {
      add('link-insecure', 'warning', insecureText(o.kind, o.text, o.anchor.href, o.digits), rightLink(o.kind, o.digits));
    }
  }

  for (const href of read.retired) {
    const target = targetOf(href);
    const mps = target.kind === 'retired' && target.host === 'mps';
    add('link-retired', 'warning', mps ? {
      zh: `这个页面链接到已停用的 ${href}：公安备案查询 2023 年底起改为 https://beian.mps.gov.cn/#/query/webSearch?code=…，旧地址自 2025 年起无法访问。它来自主题或文章：请替换，或交给 hexo-beian 显示。`,
      en: `This page links to the retired ${href}: the public-security query moved to https://beian.mps.gov.cn/#/query/webSearch?code=… in late 2023, and the old one is unreachable since 2025. It comes from the theme or a post: replace it, or let hexo-beian show the number.`
    } : {
      zh: `这个页面链接到已停用的 ${href}：工信部备案系统的地址是 https://beian.miit.gov.cn/（2019–2020 年起）。它来自主题或文章：请替换，或交给 hexo-beian 显示。`,
      en: `This page links to the retired ${href}: the MIIT filing system is at https://beian.miit.gov.cn/ (since 2019–2020). It comes from the theme or a post: replace it, or let hexo-beian show the number.`
    });
  }
  return findings;
}

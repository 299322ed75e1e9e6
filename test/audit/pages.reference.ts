import { unescapeHTML } from 'hexo-util';
import type { Language } from '../../lib/engine/diagnostic';
import { parseGongan, parseIcp } from '../../lib/engine/filing';
import { isIdeograph } from '../../lib/engine/text';
import type { Finding } from '../../lib/finding';
import type { ConfigPaths } from '../../lib/config/schema';
import type { LineItem } from '../../lib/line/items';
// What a link is (the query systems, the retired hosts, the right link of each kind) is one rule, not the sweep's.
import { targetOf, type Kind, type Target } from '../../lib/audit/links';
import { ANCHOR_REACH, DATA_URL, EXTURL_OPEN, HIDDEN, HOST_REACH, HREF_SPACE_REACH, hasSlot, hrefIn, isAnchorStart, judgePage, tagEnd, writesDigits } from '../../lib/audit/pages';
import { linePlace, treeSlots } from '../../lib/line/inject';
import { copyOf } from '../../lib/line/shown';
import type { PlacementSettings } from '../../lib/line/placement';

/**
 * The page audit as it was before it became one forward sweep (lib/audit/pages.ts at
 * 01bc2ba), kept for the tests only: what the sweep finds on a page must be what this finds
 * (test/audit/pages.test.ts), and on the adversarial pages this does quadratic work, which
 * the work counter of that test must see. Only its reading of the page (back from every number)
 * is its own; the findings are made by lib/audit/pages.ts judgePage, the rules the sweep uses.
 * Not used by lib/.
 */

/** What every page is measured against. */
interface PagePlan {
  /** What hexo-beian shows (`lineItems` of the config): canonical numbers, links, icon. */
  items: readonly LineItem[];
  /** Where the filter puts them (`beian.pages`, `beian.position`). */
  placement: PlacementSettings;
  /** Where the config holds each kind of number, for the messages that say where to write one. */
  paths: Pick<ConfigPaths, 'icp' | 'gongan'>;
  /** Pages Hexo writes without a theme layout (`layout: false`, `skip_render`): the filter never sees them. */
  unthemed?: ReadonlySet<string>;
  language: Language;
}

const ICP = Buffer.from('ICP');
const GONGAN = Buffer.from('公网安备');
const BEIAN = Buffer.from('beian.');
const FOOTER_OPEN = Buffer.from('<footer');
const FOOTER_CLOSE = Buffer.from('</footer');
const LINE = Buffer.from('data-hexo-beian');
const DIV_CLOSE = Buffer.from('</div');
const A_OPEN = [Buffer.from('<a'), Buffer.from('<A')];
const SPAN_CLOSE = Buffer.from('</span');
const A_CLOSE = [Buffer.from('</a'), Buffer.from('</A')];

/** A filing number's text as a theme or hexo-beian prints it, after its marker. */
const AFTER_ICP = /^ICP\s*[备備证證]\s*[0-9]+\s*[号號]?(?:\s*[-－]\s*[0-9]+[AXax]?)?/;
const AFTER_GONGAN = /^公网安备\s*[0-9]+\s*[号號]?/;

/** One filing number found on a page. */
interface Occurrence {
  kind: Kind;
  /** Canonical when the engine accepts it, else the text without spaces. */
  text: string;
  /** The 公安 digits, when the engine accepted a 公安 number. */
  digits?: string;
  /** Byte offset of the number (of its province character, when it has one). */
  start: number;
  /** The `<a>` it is the text of. */
  anchor?: { href: string; target: Target; open: number; close: number };
  /** In a `<footer>` or in the filing line. */
  framed?: boolean;
  /** In the filing line. */
  line?: boolean;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c;
}

/** Every offset of `needle` in `page`. */
function offsets(page: Buffer, needle: Buffer): number[] {
  const found: number[] = [];
  for (let at = page.indexOf(needle); at >= 0; at = page.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/** The last offset of any of `needles` before `end`, or -1. */
function lastBefore(page: Buffer, needles: readonly Buffer[], end: number): number {
  let best = -1;
  for (const needle of needles) {
    // A negative offset would count from the end of the page.
    if (end - needle.length >= 0) best = Math.max(best, page.lastIndexOf(needle, end - needle.length));
  }
  return best;
}

/** Reads the filing number whose marker starts at `at`; undefined for a label or stray text. */
function readNumber(page: Buffer, at: number, kind: Kind): Occurrence | undefined {
  const after = page.toString('utf8', at, Math.min(page.length, at + 96));
  const match = (kind === 'icp' ? AFTER_ICP : AFTER_GONGAN).exec(after);
  if (!match) return undefined;
  // The province character just before the marker (spaces allowed between).
  let from = at;
  while (from > 0 && isSpace(page[from - 1])) from--;
  const before = page.toString('utf8', Math.max(0, from - 3), from);
  const province = isIdeograph(before.slice(-1)) ? before.slice(-1) : '';
  const start = province ? from - Buffer.byteLength(province) : at;
  const { text, digits } = identify(kind, province + match[0]);
  const occurrence: Occurrence = { kind, text, start };
  if (digits) occurrence.digits = digits;
  return occurrence;
}

/** The same few numbers recur on every page: each written form goes through the engine once. */
const identities = new Map<string, { text: string; digits?: string }>();

/** A number as written → its canonical form (or the text without spaces) and its 公安 digits. */
function identify(kind: Kind, written: string): { text: string; digits?: string } {
  const key = `${kind}:${written}`;
  let found = identities.get(key);
  if (!found) {
    const result = kind === 'icp' ? parseIcp(written) : parseGongan(written);
    found = { text: result.ok && result.canonical ? result.canonical : written.replace(/\s+/g, '') };
    if (result.ok && kind === 'gongan' && result.digits) found.digits = result.digits;
    if (identities.size >= 1024) identities.clear(); // bounded, whatever the site holds
    identities.set(key, found);
  }
  return found;
}

/** The `<a …>` whose text holds the bytes at `at`, with its href; undefined outside any link. */
/**
 * In a tag, not in the text: a number in an attribute (`aria-label`, `title`, `alt`) is not
 * shown to a visitor, so it neither counts as shown nor as another number.
 */
function insideTag(page: Buffer, at: number): boolean {
  return page.lastIndexOf(0x3c, at) > page.lastIndexOf(0x3e, at);
}

/** NexT's `<span class="exturl" data-url="<base64>">` around the bytes at `at`: a link to the decoded address. */
function exturlAround(page: Buffer, at: number): Occurrence['anchor'] {
  const open = page.lastIndexOf(EXTURL_OPEN, at);
  if (open < 0 || open < at - ANCHOR_REACH) return undefined;
  const closed = page.lastIndexOf(SPAN_CLOSE, at);
  if (closed > open) return undefined;
  const tagEnd = page.indexOf(0x3e, open);
  if (tagEnd < 0 || tagEnd > at) return undefined;
  const m = DATA_URL.exec(page.toString('utf8', open, tagEnd + 1));
  const href = m ? Buffer.from(unescapeHTML(m[1]), 'base64').toString('utf8').trim() : '';
  const close = page.indexOf(SPAN_CLOSE, at);
  return { href, target: targetOf(href), open, close: close < 0 ? page.length : close };
}

/** `read(at)`: does the parser read the `</a` at `at` (not one in a comment, a script, a tag's value)? */
function anchorAround(page: Buffer, at: number, read: (at: number) => boolean): Occurrence['anchor'] {
  return anchorOnly(page, at, read) ?? exturlAround(page, at);
}

function anchorOnly(page: Buffer, at: number, read: (at: number) => boolean): Occurrence['anchor'] {
  let open = at;
  for (;;) {
    open = lastBefore(page, A_OPEN, open);
    if (open < 0 || open < at - ANCHOR_REACH) return undefined;
    if (isAnchorStart(page, open)) break; // `<a>`, `<a …` or `<a/…`, not `<abbr`, `<article`
  }
  // Ended by a `</a` between, one the parser reads.
  for (const needle of A_CLOSE) for (const c of offsets(page, needle)) if (c > open && c + needle.length <= at && read(c)) return undefined;
  const gt = page.indexOf(0x3e, open);
  if (gt < 0 || gt > at) return undefined;
  // Its attributes as the tokenizer reads them, quoted values whole (the sweep's reading: lib/audit/pages.ts hrefIn).
  const href = unescapeHTML((hrefIn(page.toString('utf8', open, tagEnd(page, open + 2))) ?? '').trim());
  let close = -1;
  for (const needle of A_CLOSE) {
    const c = page.indexOf(needle, at);
    if (c >= 0 && (close < 0 || c < close)) close = c;
  }
  return { href, target: targetOf(href), open, close: close < 0 ? page.length : close };
}

/** The `src` of every `<img>` between two offsets. */
function imageSources(page: Buffer, from: number, to: number): string[] {
  const inner = page.toString('utf8', from, to);
  return [...inner.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map(m => unescapeHTML(m[1] ?? m[2] ?? m[3]));
}

/** The src of the `<img>` that is the tag right before `open` (spaces between), if it is one. */
function imageBefore(page: Buffer, open: number): string | undefined {
  const before = page.toString('utf8', Math.max(0, open - 4096), open);
  const m = /<img\b[^<>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^<>]*>\s*$/i.exec(before);
  return m ? unescapeHTML(m[1] ?? m[2] ?? m[3]) : undefined;
}

const MIIT = Buffer.from('miit');
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

/** The address an `href` holds, as it ends at `beian.` (spaces between its quote and it: Redefine). */
const HREF_BEFORE = new RegExp(`href\\s*=\\s*["']?[\\t\\n\\f\\r ]{0,${HREF_SPACE_REACH}}((?:https?:)?\\/\\/[a-z0-9.-]{0,${HOST_REACH}})$`, 'i');

/** Retired query addresses found as link targets (`href="…"`), one per address. */
function retiredLinks(page: Buffer, hidden: readonly [number, number][], tags: readonly Tag[]): string[] {
  const found = new Set<string>();
  for (const at of offsets(page, BEIAN)) {
    if (!maybeRetired(page, at) || isHidden(hidden, at)) continue;
    // Back to the start of the URL: the host, `//`, the scheme, the spaces, `href="`.
    const from = Math.max(0, at - HOST_REACH - HREF_SPACE_REACH - 32);
    const before = page.toString('utf8', from, at);
    const m = HREF_BEFORE.exec(before);
    if (!m) continue;
    // A tag's own attribute: not text, nor in another attribute's quoted value.
    const tag = tagAround(tags, at);
    const value = tag?.values.find(([start, end]) => start <= at && at < end);
    const start = at - Buffer.byteLength(m[1]);
    if (!tag || (value && !/^[\t\n\f\r ]*$/.test(page.toString('latin1', value[0], start)))) continue;
    const rest = page.toString('utf8', at, Math.min(at + 200, page.length)).split(/["'\s>]/)[0];
    const href = unescapeHTML(m[1] + rest);
    if (targetOf(href).kind === 'retired') found.add(href);
  }
  return [...found];
}

/**
 * Audits one generated page. Pure: `html` is the page's bytes, `path` its place relative to
 * `public_dir` (with `/`).
 *
 * Findings (each with `page`):
 * - `page-missing` (error): a number the page must show (see {@link expectedItems}) is not on it;
 * - `page-unlinked` (error): it is there, but not linked to its query page (ICP:
 *   `https://beian.miit.gov.cn/`; 公安: the MPS query with its own digits);
 * - `page-icon-missing` (warning): the 公安 link lacks the configured icon;
 * - `page-other-number` (error): a filing number in a link to a query page, in a `<footer>`
 *   or in the filing line, that is not the configured one (a stale build, or a number
 *   hard-coded by the theme); numbers elsewhere (a post quoting one) are left alone;
 * - `page-unconfigured-number` (warning): the same, of a kind the config has no number for
 *   (a number removed from the config and not regenerated, or only in the theme);
 * - `link-crossed` (error): an ICP number linked to the MPS site, or the reverse;
 * - `link-wrong-code` (error): a 公安 number linked to the query of other digits;
 * - `link-retired` (warning): a link to a retired query address.
 */
export function referenceAuditPage(path: string, html: Buffer, plan: PagePlan): Finding[] {
  const occurrences: Occurrence[] = [];
  // The line is where the standard's tree has an element carrying data-hexo-beian a visitor sees (the filter's marks).
  const text = html.toString('utf8');
  const tree = treeSlots(text);
  const bytes = (at: number) => Buffer.byteLength(text.slice(0, at));
  const marks = new Set(tree.marks.map(bytes));
  const inLine = (at: number) => {
    const o = html.lastIndexOf(LINE, at);
    return o >= 0 && o > html.lastIndexOf(DIV_CLOSE, at) && marks.has(html.lastIndexOf(0x3c, o));
  };
  // Not displayed: a script (a theme's config copied into the page), a style, a template, a
  // comment; and what the tree has in an element carrying `hidden`.
  const tags: Tag[] = [];
  const own = hiddenRanges(html, tags);
  const hidden = [...own, ...tree.hidden.map(([start, end]): [number, number] => [bytes(start), bytes(end)])];
  // A tag in a hidden element is still a tag: only comments, raw text, templates and tags' values are not.
  const readClose = (at: number) => !isHidden(own, at) && tagAround(tags, at) === undefined;
  const unseenLink = (open: number) => (html[open + 1] | 0x20) === 0x61 && (isHidden(hidden, open) || tagAround(tags, open) !== undefined);
  for (const [needle, kind] of [[ICP, 'icp'], [GONGAN, 'gongan']] as const) {
    for (const at of offsets(html, needle)) {
      if (insideTag(html, at)) continue;
      const found = readNumber(html, at, kind);
      if (!found) continue;
      // Not displayed, unless it is in the line (the element a visitor sees).
      if (!inLine(found.start) && (isHidden(hidden, at) || tagAround(tags, at))) continue;
      found.anchor = anchorAround(html, found.start, readClose);
      // A link opened in a comment, a script, a tag or a hidden element is none of the page's.
      if (!inLine(found.start) && found.anchor && unseenLink(found.anchor.open)) found.anchor = undefined;
      occurrences.push(found);
    }
  }
  // A configured telecom licence (浙B2-20080101) has no marker of its own: look for it as it is.
  for (const item of plan.items) {
    if (item.kind !== 'icp' || item.text.includes('ICP')) continue;
    for (const at of offsets(html, Buffer.from(item.text))) {
      if (insideTag(html, at) || (!inLine(at) && (isHidden(hidden, at) || tagAround(tags, at)))) continue;
      const found: Occurrence = { kind: 'icp', text: item.text, start: at };
      found.anchor = anchorAround(html, at, readClose);
      if (!inLine(at) && found.anchor && unseenLink(found.anchor.open)) found.anchor = undefined;
      occurrences.push(found);
    }
  }

  // Judged by the same rules as the sweep's reading (lib/audit/pages.ts judgePage): only the reading differs.
  // A number is one copy per place it is shown in (its link, and the line or the footer it is
  // in): the same number twice in one link (`<a>京ICP备…号-1京ICP备…号-1</a>`) is one copy.
  const places = new Set<string>();
  const copies = occurrences.filter(o => {
    o.line = inLine(o.start);
    o.framed = o.line || inside(html, o.start, FOOTER_OPEN, FOOTER_CLOSE);
    const frame = o.line ? 'line' : o.framed ? html.lastIndexOf(FOOTER_OPEN, o.start) : '';
    const place = `${o.kind} ${o.text} ${o.anchor?.open ?? ''} ${frame}`;
    return !places.has(place) && places.add(place) !== undefined;
  });
  let footer: [number, number] | false | undefined;
  return judgePage(path, html, plan, {
    occurrences: copies,
    iconIn: (anchors, src) => anchors.some(anchor => imageSources(html, anchor.open, anchor.close).includes(src) || imageBefore(html, anchor.open) === src),
    // The site footer as the standard's tree has it (parse5, the filter's reference), not the filter's fast scan.
    inSiteFooter: o => {
      footer ??= (() => {
        const text = html.toString('utf8');
        const { footerStart, footerEnd } = treeSlots(text);
        return footerStart < 0 ? false : [Buffer.byteLength(text.slice(0, footerStart)), Buffer.byteLength(text.slice(0, footerEnd))];
      })();
      return footer === false || (o.start > footer[0] && o.start < footer[1]);
    },
    lineHidden: () => {
      const at = html.indexOf(LINE);
      return at >= 0 && marks.size === 0 && tree.hidden.some(([start, end]) => at > bytes(start) && at < bytes(end));
    },
    nowhere: () => hasSlot(html) && linePlace(text, plan.placement.position === 'body_end' ? 'body_end' : 'footer') < 0,
    // What the tree shows of it (character references decoded, inline markup joined): the filter's reading.
    shownAs: item => {
      if (!writesDigits(html, item)) return undefined;
      const shown = treeSlots(text, { text: true }).text;
      return shown && copyOf(shown, item);
    },
    retired: retiredLinks(html, hidden, tags)
  });
}

/**
 * The hidden elements of a page (lib/audit/pages.ts HIDDEN: scripts, styles, templates,
 * comments …) as [start, end) byte ranges, read with one expression of the tokenizer's tokens
 * (comments, bogus comments, tags with their quoted values whole), from the end of each hidden
 * one to the next, as a tokenizer meets them.
 */
function hiddenRanges(page: Buffer, tags: Tag[] = []): [number, number][] {
  // latin1: one character per byte, so offsets are the sweep's byte offsets.
  const text = page.toString('latin1');
  const token = /<!--(?:-?>|[\s\S]*?(?:--!?>|$))|<(?:[!?]|\/(?![a-zA-Z]))[^>]*>?|<(\/?)([a-zA-Z][^\t\n\f\r />]*)(?:[^>=]|=[\t\n\f\r ]*"[^"]*(?:"|$)|=[\t\n\f\r ]*'[^']*(?:'|$)|=)*>?/g;
  const ranges: [number, number][] = [];
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const after = m.index + m[0].length;
    if (m[0].startsWith('<!--')) {
      ranges.push([m.index, after]);
      continue;
    }
    if (m[2] !== undefined) tags.push({ start: m.index, end: after, values: quotedValues(text, m.index + 1 + m[1].length + m[2].length, after) });
    const name = (m[2] ?? '').toLowerCase();
    if (m[1] !== '' || !HIDDEN.has(name)) continue;
    const end = name === 'plaintext' ? text.length : name === 'script' ? scriptClose(text, after) : closeOf(text, name, after);
    ranges.push([m.index, end]);
    token.lastIndex = end;
  }
  return ranges;
}

/** A tag as the tokenizer reads it: [its `<`, after it), and its quoted values [after the quote, the closing quote). */
interface Tag {
  start: number;
  end: number;
  values: [number, number][];
}

/** The quoted values of the tag in `text` from `start` to `end`: after an `=` and spaces, a quote to the same quote (or the tag's end). */
function quotedValues(text: string, start: number, end: number): [number, number][] {
  const values: [number, number][] = [];
  for (let p = start; p < end; p++) {
    if (text[p] !== '=') continue;
    let v = p + 1;
    while (v < end && '\t\n\f\r '.includes(text[v])) v++;
    if (text[v] !== '"' && text[v] !== "'") continue;
    const close = text.indexOf(text[v], v + 1);
    values.push([v + 1, close < 0 || close >= end ? end : close]);
    p = close < 0 || close >= end ? end : close;
  }
  return values;
}

/** The tag `at` is in (strictly inside: after its `<`, before its end), if any. */
function tagAround(tags: readonly Tag[], at: number): Tag | undefined {
  return tags.find(tag => tag.start < at && at < tag.end);
}

/** Just after `</name` (any case) from `from`, or the text's end. */
function closeOf(text: string, name: string, from: number): number {
  const close = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi');
  close.lastIndex = from;
  const c = close.exec(text);
  return c ? c.index + c[0].length : text.length;
}

/** Just after a script's end tag, through the tokenizer's escape states (`<!--`, a `<script` in it, `-->`). */
function scriptClose(text: string, from: number): number {
  const part = /<!--+>|<!--|-->|<(\/?)script(?=[\t\n\f\r />])/gi;
  part.lastIndex = from;
  let state = 0; // 0: data, 1: escaped, 2: double escaped
  for (let m = part.exec(text); m; m = part.exec(text)) {
    const p = m[0].toLowerCase();
    if (p === '-->') {
      if (state !== 0) state = 0;
    } else if (p.startsWith('<!--')) {
      if (state === 0 && !p.endsWith('>')) state = 1;
      else if (state !== 0) part.lastIndex = m.index + 1;
    } else if (m[1] === '/') {
      if (state !== 2) return m.index + m[0].length;
      state = 1;
    } else if (state === 1) state = 2;
  }
  return text.length;
}

function isHidden(ranges: readonly [number, number][], at: number): boolean {
  return ranges.some(([start, end]) => at > start && at < end);
}

/** Is `at` after an opening `open` that no `close` has ended yet? */
function inside(html: Buffer, at: number, open: Buffer, close: Buffer): boolean {
  const o = html.lastIndexOf(open, at);
  return o >= 0 && o > html.lastIndexOf(close, at);
}

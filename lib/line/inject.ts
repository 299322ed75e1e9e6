import type { DefaultTreeAdapterMap, TreeAdapter } from 'parse5';
import { MARK } from './render';
import { exturlHref } from '../audit/links';
import type { Position } from '../config/schema';

/**
 * Where the filing line goes in a page, as a browser reads the page: the HTML standard's
 * tokenizer and tree construction decide which `<footer>` is the site's, where `</body>` is,
 * and whether the page already carries the line. parse5, which implements the standard (it is
 * jsdom's parser), is the reference ({@link treeSlots}); a hand-written scan that gives the same
 * answers, in one forward pass and many times faster, reads the pages it can ({@link scanSlots}).
 */

/** Sectioning content (HTML § 4.3): a `<footer>` inside one belongs to it, not to the page. */
const SECTIONING = new Set(['article', 'aside', 'nav', 'section']);

/**
 * Elements whose content no visitor sees as the page (raw text, with scripting on as in a
 * browser; a `<textarea>`'s value, and `<xmp>` and `<plaintext>`, which show markup as letters).
 */
export const UNSHOWN: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'iframe', 'noembed', 'noframes', 'textarea', 'title', 'xmp', 'plaintext']);

/**
 * Elements whose content a browser does not render, read as the tree holds them (not raw
 * text), like an element carrying `hidden`: the fallback of `<video>`, `<audio>` and
 * `<canvas>`, a `<datalist>`'s options, the label of `<meter>` and `<progress>`, `<rp>`
 * where ruby is shown, and a `<select>`, which shows its options' text in a list and drops
 * (or does not render) any other element (a post that leaves one open takes the footer in).
 */
export const UNRENDERED: ReadonlySet<string> = new Set(['audio', 'canvas', 'datalist', 'meter', 'progress', 'rp', 'select', 'video']);

/** Elements shown only with the attribute `open`: a `<dialog>` without it is on no screen. */
export const CLOSED: ReadonlySet<string> = new Set(['dialog']);

/** Elements shown folded without the attribute `open`: of a `<details>`, only its first `<summary>` child. */
export const FOLDED: ReadonlySet<string> = new Set(['details']);

/**
 * SVG and MathML elements that render nothing of what they hold, by namespace: an SVG icon's
 * `<title>` (a tooltip), `<desc>` and `<metadata>`; MathML's annotations. HTML written in a
 * `<desc>` or `<title>` is HTML to the parser (an integration point), and still on no screen.
 */
const FOREIGN_UNRENDERED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['http://www.w3.org/2000/svg', new Set(['title', 'desc', 'metadata'])],
  ['http://www.w3.org/1998/Math/MathML', new Set(['annotation', 'annotation-xml'])]
]);

/**
 * The names of the tags that may hide what follows them, for a search of a page's bytes (the
 * audit's pre-check): not those of {@link UNSHOWN} (an SVG `<title>`), which the audit reads itself.
 */
export const HIDING_TAGS: readonly string[] = [...UNRENDERED, ...CLOSED, ...FOLDED, ...[...FOREIGN_UNRENDERED.values()].flatMap(set => [...set]).filter(name => !UNSHOWN.has(name))];

/** What a page offers the filing line, as offsets into the page (UTF-16 code units). */
export interface Slots {
  /** The `<` of the site footer's `</footer>`, or -1: the last footer outside sectioning content and `<template>`, closed by its own end tag. */
  footerEnd: number;
  /** The `<` of the site footer's `<footer`, or -1. */
  footerStart: number;
  /** The `<` of `</body>`, or -1. */
  bodyEnd: number;
  /**
   * The `<` of every element carrying `data-hexo-beian` that a visitor could see outside
   * sectioning content: not in a `<template>`, `<noscript>`, SVG or MathML, nor in an
   * `<article>` (a post that shows the line's markup as an example is not the line), nor
   * `hidden` or in a `hidden` element.
   */
  marks: number[];
  /**
   * The elements carrying the `hidden` attribute, and the {@link UNRENDERED}, {@link CLOSED} and
   * foreign ones, outermost only, as [its `<`, the `<` of the token that ends it (the page's
   * length when none does)), and what a folded `<details>` holds besides its summary, each
   * node as [its `<`, its end]: no visitor sees what they hold. Not void elements, nor a
   * `<template>` or what it holds (inert anyway).
   */
  hidden: [number, number][];
  /**
   * With `{text: true}`: what the page shows where a filing line lives — the site footer
   * when there is one, else the whole page — see {@link Shown}.
   */
  text?: Shown;
}

/**
 * What a visitor sees in a part of a page: its text and its links, entities decoded, without
 * scripts, styles, templates or comments. Each element's start and end is a space in `text`
 * (collapsed with the spaces around it): `…号</a>2022`, `…号<br>2022` are two words, as a
 * reader sees them, so a number is never read together with the digits after it.
 */
export interface Shown {
  text: string;
  /** Every `<a>` in it, in page order: its `href` (as written, decoded, the spaces around it trimmed; '' without one) and its text, spaced as `text`. */
  links: { href: string; text: string }[];
}

/**
 * Reads a page once and returns where the filing line can go. Never throws on bad HTML.
 *
 * Most pages are read by {@link scanSlots}; a page it is unsure of is read by
 * {@link treeSlots}, whose answer is the definition of the right one.
 */
export function findSlots(html: string, options: { text?: boolean } = {}): Slots {
  return scanSlots(html, options) ?? treeSlots(html, options);
}

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'] | DefaultTreeAdapterMap['documentFragment'];
type Element = DefaultTreeAdapterMap['element'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';

let loaded: typeof import('parse5') | undefined;

/** parse5, loaded when first needed: a build whose pages the scan reads alone never pays for it. */
export function parse5(): typeof import('parse5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('parse5') as typeof import('parse5');
  return loaded;
}

/**
 * How many elements parse5 may hold open at once: far more than any theme nests (a few
 * dozen), and what bounds its work. Its tree builder walks the stack of open elements for
 * every scope check, so a post that leaves 40,000 `<div>`s open (beside an `<svg>`, which
 * sends the page to parse5) would cost it the whole stack per tag: 13 s a page, quadratic.
 */
export const MAX_OPEN = 512;

/**
 * How many elements parse5 may make of one page: some 30,000 a MiB of a real page, and what
 * bounds its memory. Misnested formatting in tables (`<table><b>x` repeated) makes it clone
 * formatting elements at every turn: 476,000 elements for 1 MiB, and a 32 MB page of it ran
 * `hexo beian check` out of heap.
 */
export const MAX_ELEMENTS = 200_000;

class TooDeep extends Error {}

/** The children the tree builder's lookups went past, for the tests ({@link treeWork}). */
let childrenSearched = 0;

/** How many children the tree reading of a page looks past to find where to insert or detach: linear in the page whatever it holds. */
export function treeWork(html: string): number {
  forgetTree();
  childrenSearched = 0;
  treeSlots(html);
  return childrenSearched;
}

/** parse5's tree builder, stopped ({@link TooDeep}) when more than {@link MAX_OPEN} elements are open or {@link MAX_ELEMENTS} made. */
function boundedAdapter(maxOpen = MAX_OPEN): TreeAdapter<DefaultTreeAdapterMap> {
  let open = 0;
  let made = 0;
  const base = parse5().defaultTreeAdapter;
  type Parent = DefaultTreeAdapterMap['parentNode'];
  type Child = DefaultTreeAdapterMap['childNode'];
  // Where a node is among its parent's children, looked for from the end, where the tree builder
  // inserts (before the table it fosters content out of) and detaches (the adoption agency's
  // nodes): parse5's own adapter looks from the start, and a page of many tables with text
  // fostered out of each took time quadratic in them (`<table>x` × 200,000: 30 s).
  const indexOf = (parent: Parent, node: Child) => {
    const children = parent.childNodes;
    for (let at = children.length - 1; at >= 0; at--) {
      childrenSearched++;
      if (children[at] === node) return at;
    }
    return -1;
  };
  const insertBefore = (parent: Parent, node: Child, reference: Child) => {
    parent.childNodes.splice(indexOf(parent, reference), 0, node);
    node.parentNode = parent;
  };
  return {
    ...base,
    createElement(tagName, namespaceURI, attrs) {
      if (++made > MAX_ELEMENTS) throw new TooDeep();
      return base.createElement(tagName, namespaceURI, attrs);
    },
    insertBefore,
    insertTextBefore(parent, text, reference) {
      const previous = parent.childNodes[indexOf(parent, reference) - 1];
      if (previous !== undefined && base.isTextNode(previous)) previous.value += text;
      else insertBefore(parent, base.createTextNode(text), reference);
    },
    detachNode(node) {
      const parent = node.parentNode;
      if (parent) {
        parent.childNodes.splice(indexOf(parent, node), 1);
        node.parentNode = null;
      }
    },
    onItemPush() {
      if (++open > maxOpen) throw new TooDeep();
    },
    onItemPop() {
      open--;
    }
  };
}

/**
 * The last page parsed and its tree (undefined: too deep), read only: a page the filter or the
 * audit asks the tree twice about (its slots, then its text or its ignored `</body>`) is parsed
 * once. Kept for pages of at most {@link TREE_KEPT} characters, so no large tree outlives its page for long.
 */
let lastTree: { html: string; maxOpen: number; document: DefaultTreeAdapterMap['document'] | undefined } | undefined;
const TREE_KEPT = 4 * 1024 * 1024;

/** Forgets the last page's tree: for the bench, whose runs read one page again and again, and must parse it each time. */
export function forgetTree(): void {
  lastTree = undefined;
}

/** The page's tree, or undefined when it holds more than `maxOpen` elements open at once. */
function parseTree(html: string, maxOpen: number): DefaultTreeAdapterMap['document'] | undefined {
  if (lastTree?.html === html && lastTree.maxOpen === maxOpen) return lastTree.document;
  let document: DefaultTreeAdapterMap['document'] | undefined;
  try {
    document = parse5().parse(html, { sourceCodeLocationInfo: true, treeAdapter: boundedAdapter(maxOpen) });
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
  }
  lastTree = html.length <= TREE_KEPT ? { html, maxOpen, document } : undefined;
  return document;
}

/** What nothing is read of: a page, or a site footer, too deep to be read as a tree. */
const NOTHING_SHOWN: Shown = { text: '', links: [] };

/**
 * The reference reading, and the fallback of {@link findSlots}: the page's tree as parse5
 * builds it (the standard's, with scripting on), with the source offsets of each element.
 * A `<template>`'s content is a fragment of its own, outside the tree walked here, as it is
 * inert in a browser. A page that holds more than {@link MAX_OPEN} elements open at once is
 * not read as a tree: it has no site footer then, its `</body>` is the last one written, it
 * carries no line but one right before that, and it shows nothing (so the line leaves nothing out).
 * (The tests' reference reading of pages the scan reads itself lifts the bound: `maxOpen`.)
 */
export function treeSlots(html: string, options: { text?: boolean; maxOpen?: number } = {}): Slots {
  const slots: Slots = { footerEnd: -1, footerStart: -1, bodyEnd: -1, marks: [], hidden: [] };
  const document = parseTree(html, options.maxOpen ?? MAX_OPEN);
  if (!document) {
    slots.bodyEnd = lastBodyEnd(html);
    if (options.text) slots.text = NOTHING_SHOWN;
    return slots;
  }
  let footer: Element | undefined;
  // Under a `hidden` element: its range covers what it holds; or, when it has no source (a
  // formatting element the adoption agency made), each node it holds that has one gives its own.
  const enum Cover { Shown, Covered, Uncovered }
  // `line`: the line element it is in (an index of `lines`), or -1.
  type Step = { node: Node; sectioning: boolean; hidden: Cover; line: number };
  const pending: Step[] = [{ node: document, sectioning: false, hidden: Cover.Shown, line: -1 }];
  // The line's elements; not shown, one that holds a hidden formatting element (a `<b hidden>`
  // a post left open, which the tree builder reopens around the line's links).
  const lines: { start: number; shown: boolean }[] = [];
  // Depth first without recursion: a page may nest elements deeper than the call stack.
  while (pending.length > 0) {
    const { node, sectioning, hidden, line } = pending.pop() as Step;
    let cover = hidden;
    let inLine = line;
    const location = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
    if (cover === Cover.Uncovered && location) {
      slots.hidden.push([location.startOffset, location.endOffset]);
      cover = Cover.Covered;
    }
    if (!('childNodes' in node)) continue;
    let inside = sectioning;
    if (cover === Cover.Shown && 'tagName' in node && isHidden(node)) {
      const at = node.sourceCodeLocation;
      cover = at ? Cover.Covered : Cover.Uncovered;
      const end = at ? endOf(at, html) : -1;
      if (at && end > at.startOffset) slots.hidden.push([at.startOffset, end]);
      if (line >= 0 && FORMATTING.has(node.tagName)) lines[line].shown = false;
    }
    if ('tagName' in node && node.namespaceURI === HTML_NS) {
      const end = node.sourceCodeLocation?.endTag?.startOffset ?? -1;
      if (SECTIONING.has(node.tagName)) inside = true;
      else if (node.tagName === 'footer' && !sectioning && end > slots.footerEnd) {
        footer = node;
        slots.footerStart = node.sourceCodeLocation?.startOffset ?? -1;
        slots.footerEnd = end;
      } else if (node.tagName === 'body') slots.bodyEnd = end;
      // (Not a folded `<details>`: it hides what it holds but its summary.)
      if (!sectioning && cover === Cover.Shown && !isFolded(node) && node.attrs.some(attr => attr.name === MARK)) {
        inLine = lines.length;
        lines.push({ start: node.sourceCodeLocation?.startOffset ?? -1, shown: true });
      }
    }
    // A folded `<details>` shows its summary alone: hidden from its `<` to the summary's, and
    // after the summary to the token that ends the details (from the `>` of `</summary>`: what
    // is inserted right after it is in the details; from the token that ends the summary
    // otherwise, where an insertion is still in it).
    const folded = cover === Cover.Shown && 'tagName' in node && isFolded(node) ? node.sourceCodeLocation : undefined;
    const summary = folded && 'tagName' in node ? summaryOf(node) : undefined;
    if (folded) {
      const end = endOf(folded, html);
      const shown = summary?.sourceCodeLocation;
      if (shown) {
        slots.hidden.push([folded.startOffset, shown.startOffset]);
        const after = shown.endTag ? shown.endTag.endOffset - 1 : shown.endOffset ?? html.length;
        if (after < end) slots.hidden.push([after, end]);
      } else slots.hidden.push([folded.startOffset, end]);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      const child = node.childNodes[i];
      pending.push({ node: child, sectioning: inside, hidden: folded && child !== summary ? Cover.Covered : cover, line: inLine });
    }
  }
  slots.hidden = merged(slots.hidden);
  // A formatting element reopened by the parser keeps its source: one mark, once.
  slots.marks = [...new Set(lines.filter(line => line.shown).map(line => line.start))].sort((a, b) => a - b);
  // A site footer no visitor sees (a post's <video> left open holds it) shows nothing: the page's text then, as the line goes before </body>.
  if (options.text) slots.text = shownOf(footer && !inHidden(slots, slots.footerEnd) ? footer : document);
  return slots;
}

/** Where an element ends, as a hidden range does: the `<` of its end tag, else of the token that ended it (the page's end). */
function endOf(at: NonNullable<Element['sourceCodeLocation']>, html: string): number {
  return at.endTag?.startOffset ?? at.endOffset ?? html.length;
}

/** Where a link's text ends: popped after its element's children. */
interface LinkEnd {
  href: string;
  start: number;
}

/** What a visitor sees in a tree ({@link Shown}): one walk, without recursion. */
function shownOf(root: Node): Shown {
  const parts: string[] = [];
  let length = 0;
  let spaced = true; // nothing yet, or whitespace last: an element boundary adds no space
  const add = (value: string) => {
    parts.push(value);
    length += value.length;
    spaced = /\s$/.test(value);
  };
  const gap = () => {
    if (!spaced) add(' ');
  };
  const spans: (LinkEnd & { end: number })[] = [];
  const pending: (Node | LinkEnd | null)[] = [root];
  while (pending.length > 0) {
    const step = pending.pop() as Node | LinkEnd | null;
    if (step === null || !('nodeName' in step)) {
      // An element ends: its link's text is what came since its start.
      if (step) spans.push({ ...step, end: length });
      gap();
      continue;
    }
    const node = step;
    if (node.nodeName === '#text' && 'value' in node && node.value) add(node.value);
    if (!('childNodes' in node) || ('tagName' in node && (UNSHOWN.has(node.tagName) || isHidden(node)))) continue;
    let children = node.childNodes;
    if ('tagName' in node) {
      gap();
      const href = linkOf(node);
      pending.push(href === undefined ? null : { href, start: length });
      if (isFolded(node)) {
        const summary = summaryOf(node);
        children = summary ? [summary] : [];
      }
    }
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  const text = parts.join('');
  return { text: text.trimEnd(), links: spans.sort((a, b) => a.start - b.start).map(span => ({ href: span.href, text: text.slice(span.start, span.end).trim() })) };
}

/**
 * Ranges in page order, those that overlap or touch made one (both hold the offset where they
 * meet): a formatting element the tree builder reopens (the adoption agency) has its first
 * tag's source, and ends elsewhere; a folded `<details>` ends where its hidden summary starts.
 */
function merged(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** The `hidden` attribute hides an element (and all it holds) as `display: none` does. */
function isHidden(node: Element): boolean {
  if (node.namespaceURI !== HTML_NS) return FOREIGN_UNRENDERED.get(node.namespaceURI)?.has(node.tagName) ?? false;
  const has = (name: string) => node.attrs.some(attr => attr.name === name);
  return hides(node.tagName, has('hidden'), has('open'));
}

/** A `<details>` without `open`: it shows its {@link summaryOf} alone. */
function isFolded(node: Element): boolean {
  return node.namespaceURI === HTML_NS && FOLDED.has(node.tagName) && !node.attrs.some(attr => attr.name === 'open');
}

/** The summary a `<details>` shows: its first `<summary>` child (none: the browser's own "Details"). */
function summaryOf(node: Element): Element | undefined {
  for (const child of node.childNodes) if ('tagName' in child && child.tagName === 'summary' && child.namespaceURI === HTML_NS) return child;
  return undefined;
}

/**
 * The one rule of what hides what it holds, for both readings: an element carrying `hidden`,
 * an {@link UNRENDERED} one, a {@link CLOSED} one without `open`; never a void element (it
 * holds nothing) nor a `<template>` (inert anyway).
 */
function hides(name: string, hidden: boolean, open: boolean): boolean {
  if (VOID.has(name) || name === 'template') return false;
  return hidden || UNRENDERED.has(name) || (CLOSED.has(name) && !open);
}

/** Where an element links to: an `<a>`'s `href` ('' without one), NexT's `exturl` span's decoded `data-url`; undefined for no link. */
function linkOf(node: Element): string | undefined {
  // As the URL parser reads it: without the spaces and control characters around it (the messages quote it).
  if (node.tagName === 'a') return (node.attrs.find(attr => attr.name === 'href')?.value ?? '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (node.tagName !== 'span') return undefined;
  const dataUrl = node.attrs.find(attr => attr.name === 'data-url')?.value;
  const exturl = node.attrs.some(attr => attr.name === 'class' && attr.value.split(/[\t\n\f\r ]+/).includes('exturl'));
  return exturl && dataUrl !== undefined ? exturlHref(dataUrl) : undefined;
}

/*
 * The fast reading: one pass forwards over the page, reading tokens as the standard's
 * tokenizer does (tags and their attributes, quoted or not; comments, `--!>` and `<!-->`
 * included; doctypes, bogus comments, CDATA outside foreign content; the raw text of
 * `<script>`, `<style>`, `<title>`, `<textarea>`, `<noscript>`, `<iframe>` and the rest), and
 * keeping the stack of open elements as the tree builder does where it decides the slots:
 * which end tags close what (the scopes, the elements a start tag closes implicitly, tables).
 * Every character is read once, and each question about the stack is answered in constant
 * time (per-kind stacks of positions), so the scan is linear in the page whatever it holds.
 * Whatever it does not describe — foreign content (SVG, MathML), `<select>`, framesets,
 * misnested formatting, nested forms, content that a table would move out of itself —
 * it declines, and parse5 reads the page.
 */

/** A page the scan does not describe: parse5 must read it. */
class Decline extends Error {}

const names = (text: string) => new Set(text.split(' '));

const VOID = names('area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr');
/** Raw text and RCDATA: the content ends only at the element's own end tag. */
const RAW = names('script style xmp iframe noembed noframes noscript title textarea');
const DECLINED = names('svg math select frameset plaintext search menuitem');
const FORMATTING = names('a b big code em font i nobr s small strike strong tt u');
/**
 * Elements whose tags cannot change the slots: formatting elements (the adoption agency and
 * their reopening move only formatting elements, never a sectioning element, a footer or a
 * scope's boundary) and the common phrasing elements that are neither special nor in a scope.
 * Their end tags pop only elements as plain as they are, so the scan keeps none of them.
 */
const INERT = new Set([...FORMATTING, ...names('span label time abbr cite dfn kbd mark q samp sub sup var bdi bdo ins del data')]);
const HEADING = names('h1 h2 h3 h4 h5 h6');
const SPECIAL = names('address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp');
/** Start tags that close an open `<p>` first. */
const CLOSES_P = names('address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p section summary ul h1 h2 h3 h4 h5 h6 pre listing li dd dt hr xmp table');
/** Start tags that may come before the body without starting it. */
const IN_HEAD = names('html head base basefont bgsound link meta title noscript noframes style script template');
const TABLE_PART = names('caption col colgroup tbody td tfoot th thead tr');
/** Where the tree builder is "in table" (or its body or row): other content would be moved out. */
const TABLE_MODE = names('table tbody thead tfoot tr');
const IMPLIED_END = names('dd dt li optgroup option p rb rp rt rtc');

/** What a name is, as bits: one lookup per tag instead of one per set. */
const F = { void: 1, raw: 2, declined: 4, closesP: 8, tablePart: 16, tableMode: 32, inHead: 64, inert: 128, heading: 256, special: 512, formatting: 1024 } as const;
const FLAG_SETS: [number, Set<string>][] = [[F.void, VOID], [F.raw, RAW], [F.declined, DECLINED], [F.closesP, CLOSES_P], [F.tablePart, TABLE_PART], [F.tableMode, TABLE_MODE], [F.inHead, IN_HEAD], [F.inert, INERT], [F.heading, HEADING], [F.special, SPECIAL], [F.formatting, FORMATTING]];

/** The kinds of open element the scan asks about, each kept as a stack of positions. */
const KINDS = {
  scope: names('applet caption html table td th marquee object template'),
  listScope: names('applet caption html table td th marquee object template ol ul'),
  buttonScope: names('applet caption html table td th marquee object template button'),
  tableScope: names('html table template'),
  special: SPECIAL,
  /** What stops `<li>`, `<dd>`, `<dt>` from closing an open one (with `<li>` for a `<dd>`, and the other way round). */
  listStop: new Set([...SPECIAL].filter(name => !['address', 'div', 'p', 'li', 'dd', 'dt'].includes(name))),
  heading: HEADING,
  table: names('table tbody thead tfoot tr td th caption template html'),
  sectioning: SECTIONING,
  template: names('template'),
  ruby: names('ruby')
} as const;
type Kind = keyof typeof KINDS;
const KIND_NAMES = Object.keys(KINDS) as Kind[];

/**
 * Each kind's positions on the stack of open elements, in the scan under way. Shared by every
 * scan (one runs at a time: a scan is synchronous and starts none), so that a page allocates
 * nothing per element name; {@link OpenElements} empties them when a scan starts.
 */
const BY_KIND = Object.fromEntries(KIND_NAMES.map(kind => [kind, [] as number[]])) as Record<Kind, number[]>;

/** What the scan knows of one element name: its {@link F} flags, its kinds' stacks, and its own positions in the scan under way. */
interface Entry {
  name: string;
  flags: number;
  kinds: number[][];
  at: number[];
  /** The scan {@link at} belongs to: an older one's positions are stale. */
  scan: number;
}

function newEntry(name: string): Entry {
  let flags = 0;
  for (const [bit, set] of FLAG_SETS) if (set.has(name)) flags |= bit;
  return { name, flags, kinds: KIND_NAMES.filter(kind => KINDS[kind].has(name)).map(kind => BY_KIND[kind]), at: [], scan: 0 };
}

/** The names the standard's tree builder treats apart, made once; any other name is made when a page uses it. */
const KNOWN = new Map([...FLAG_SETS.flatMap(([, set]) => [...set]), ...Object.values(KINDS).flatMap(set => [...set]), 'body', 'head', 'html', 'form', 'button', 'option', 'optgroup', 'ruby', 'rb', 'rtc', 'rp', 'rt'].map(name => [name, newEntry(name)]));
const OTHER = new Map<string, Entry>();

/** The entry of a name (lower case): one lookup per tag. */
function entryOf(name: string): Entry {
  let entry = KNOWN.get(name) ?? OTHER.get(name);
  if (entry === undefined) {
    // Bounded, whatever names a page makes up: emptied between scans only, so a scan's entries stay one per name.
    entry = newEntry(name);
    OTHER.set(name, entry);
  }
  return entry;
}

/** Names the scan asks about by name. */
const EL = Object.fromEntries(['p', 'li', 'dd', 'dt', 'button', 'ruby', 'form', 'body', 'footer', 'template', 'colgroup', 'option', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'html'].map(name => [name, entryOf(name)])) as Record<string, Entry>;

let scans = 0;

/** The stack of open elements, with each kind's positions for answers in constant time. */
class OpenElements {
  /** The tree builder's form element pointer is set: a `<form>` was opened and not ended by `</form>`. */
  form = false;
  /**
   * Whether the body element comes from a `<body>` tag: only then does the tree give `</body>`
   * a place (an element the parser implies has no source location).
   */
  body: 'before' | 'tag' | 'implied' = 'before';
  /** `</head>` came: a `<noscript>` now starts the body ("after head" takes fewer head elements). */
  afterHead = false;
  readonly starts: number[] = [];
  readonly entries: Entry[] = [];
  /** The positions of the open elements carrying `hidden`, and the `<` of the first; the ranges of those closed (see {@link Slots.hidden}). */
  private readonly hiddenAt: number[] = [];
  private hiddenFrom = -1;
  readonly hidden: [number, number][] = [];
  /**
   * The folded `<details>` open (see {@link FOLDED}): each one's position, and its summary's:
   * -1 before it, its position while it is open (what it holds is shown: the details' range
   * is cut there), -2 once it ended (the rest is hidden again).
   */
  private readonly folded: { at: number; summary: number }[] = [];
  /** While a `hidden` element or a folded `<details>` is open: the formatting elements opened since, per name, not yet ended. */
  readonly formatting = new Map<string, number>();
  /** The `<` of the token being read: where an element it closes ends. */
  offset = 0;
  /** The end tag being read ('' for a start tag), and the offset after it: the element it names ends after it. */
  closing = '';
  closingEnd = 0;
  private readonly scan = ++scans;
  /** The current node's entry (`html` when the stack is empty). */
  top: Entry = EL.html;

  constructor() {
    for (const kind of KIND_NAMES) BY_KIND[kind].length = 0;
    if (OTHER.size >= 4096) OTHER.clear();
  }

  get length(): number {
    return this.entries.length;
  }

  /** Pushes an element whose tag starts at `start` (-1 for a footer that is not the site's), `hidden` when its tag hides it, `folded` for a folded `<details>`. */
  push(entry: Entry, start: number, hidden = false, folded = false): void {
    const at = this.entries.length;
    if (hidden || folded) {
      if (this.hiddenAt.length === 0) this.hiddenFrom = this.offset;
      this.hiddenAt.push(at);
    }
    if (folded) this.folded.push({ at, summary: -1 });
    this.starts.push(start);
    this.entries.push(entry);
    this.top = entry;
    if (entry.scan !== this.scan) {
      entry.scan = this.scan;
      entry.at.length = 0;
    }
    entry.at.push(at);
    for (const kind of entry.kinds) kind.push(at);
  }

  /** Pops down to (and including) position `at`. */
  popTo(at: number): void {
    const { entries } = this;
    while (entries.length > at) {
      const entry = entries.pop() as Entry;
      this.starts.pop();
      entry.at.pop();
      for (const kind of entry.kinds) kind.pop();
      if (this.hiddenAt[this.hiddenAt.length - 1] === entries.length) {
        this.hiddenAt.pop();
        if (this.hiddenAt.length === 0 && this.hiddenFrom < this.offset) this.hidden.push([this.hiddenFrom, this.offset]);
      }
      const fold = this.folded[this.folded.length - 1];
      if (fold?.summary === entries.length) {
        // Its summary ends: the rest of the details is hidden again, from the `>` of `</summary>`
        // (what is inserted right after it is in the details), else from the token that ends it.
        this.hiddenAt.push(fold.at);
        this.hiddenFrom = this.closing === 'summary' ? this.closingEnd - 1 : this.offset;
        fold.summary = -2;
      } else if (fold?.at === entries.length) this.folded.pop();
      if (!this.tracking) this.formatting.clear();
    }
    this.top = entries.length > 0 ? entries[entries.length - 1] : EL.html;
  }

  /**
   * A `<summary>` about to be pushed: when the current node is a folded `<details>` that has
   * had none and that nothing else hides, it is the one shown (unless it is `hidden` itself),
   * and the details' range ends at its `<`. A formatting element opened since may be the current node instead: the tree's to say.
   */
  summarise(): void {
    const fold = this.folded[this.folded.length - 1];
    const top = this.entries.length - 1;
    if (fold?.at !== top || fold.summary !== -1 || this.hiddenAt.length !== 1 || this.hiddenAt[0] !== top) return;
    for (const opened of this.formatting.values()) if (opened > 0) throw new Decline();
    this.hidden.push([this.hiddenFrom, this.offset]);
    this.hiddenAt.pop();
    fold.summary = top + 1;
  }

  /** Are formatting elements counted ({@link formatting}): in a `hidden` element or a folded `<details>`, its summary included. */
  get tracking(): boolean {
    return this.hiddenAt.length > 0 || this.folded.length > 0;
  }

  /** The position of the topmost open element of this entry, or -1. */
  last(entry: Entry): number {
    const { at } = entry;
    return entry.scan === this.scan && at.length > 0 ? at[at.length - 1] : -1;
  }

  lastOf(kind: Kind): number {
    const at = BY_KIND[kind];
    return at.length > 0 ? at[at.length - 1] : -1;
  }

  has(kind: Kind): boolean {
    return BY_KIND[kind].length > 0;
  }

  /** The position of the first open `hidden` element, or -1. */
  get hiddenStart(): number {
    return this.hiddenAt.length > 0 ? this.hiddenAt[0] : -1;
  }

  /**
   * The position of the current node, for a rule that asks what it is: in a `hidden` element,
   * a formatting element opened there (which the scan does not keep) may be the current node,
   * and the tree's answer is the one to take.
   */
  topKnown(): number {
    if (this.tracking) for (const opened of this.formatting.values()) if (opened > 0) throw new Decline();
    return this.entries.length - 1;
  }

  /** Is a `hidden` element open? */
  get inHidden(): boolean {
    return this.hiddenAt.length > 0;
  }

  /** The ranges of the `hidden` elements, when the page ends at `end`. */
  hiddenRanges(end: number): [number, number][] {
    return merged(this.inHidden && this.hiddenFrom < end ? [...this.hidden, [this.hiddenFrom, end]] : this.hidden);
  }

  /** The position of the element when it is in the given scope (no boundary above it), else -1. */
  inScope(entry: Entry, scope: Kind = 'scope'): number {
    const at = this.last(entry);
    return at >= 0 && at >= this.lastOf(scope) ? at : -1;
  }
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
/** An ASCII letter (a byte past the end of a Buffer, undefined, is none). */
export const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, BANG = 0x21, QUESTION = 0x3f, EQUALS = 0x3d, DQ = 0x22, SQ = 0x27, DASH = 0x2d;

/** The end of a raw text element's content: its own end tag (any case), by element. */
const RAW_END = new Map([...RAW].map(name => [name, new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')]));

/** A token the scan read: a tag, or nothing to act on (a comment, a doctype, text). */
interface Tag {
  name: string;
  marked: boolean;
  /** It carries the `hidden` attribute; the `open` attribute (read of {@link CLOSED} and {@link FOLDED} elements only). */
  hidden: boolean;
  open: boolean;
  /** The offset after the token. */
  next: number;
}

/** Letters matched in either case, for the run's expression (faster without the `i` flag). */
function anyCase(text: string): string {
  return text.replace(/[a-z]/g, letter => `[${letter}${letter.toUpperCase()}]`);
}

/**
 * Names as one expression that branches on each character in turn (`a|abbr` → `a(?:bbr)?`),
 * letters in either case: the expression engine tries alternatives one by one, so a list of
 * forty names would be forty tries at every tag. Each name must be followed by what ends a
 * name (the caller's lookahead), which makes the greedy reading the only one.
 */
function nameTrie(names: readonly string[]): string {
  const next = new Map<string, string[]>();
  let ends = false;
  for (const name of names) {
    if (name === '') ends = true;
    else next.set(name[0], [...(next.get(name[0]) ?? []), name.slice(1)]);
  }
  if (next.size === 0) return '';
  const branches = [...next].map(([first, rest]) => anyCase(first) + nameTrie(rest));
  const body = branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  return ends ? `(?:${body})?` : body;
}

/** The inert and void elements {@link RUN} reads. */
const RUN_NAMES = [...INERT, 'img', 'br', 'wbr', 'source'];
/**
 * Elements {@link RUN_LEAVES} reads whole when they hold only what RUN reads (a list item of
 * links, a paragraph, a heading): start tag, content and own end tag push and pop one element,
 * which leaves the stack as it was, when the start tag closes nothing ({@link leavesAllowed}).
 */
const LEAVES = ['li', 'p', 'div', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** The void elements of the head, which change nothing there: {@link HEAD_RUN} reads them at once. */
const HEAD_VOID = ['meta', 'link', 'base', 'basefont', 'bgsound'];

/**
 * RUN: a run of text, inert and void tags in their usual form (as {@link USUAL_TAG}, no
 * attribute named data-hexo-beian) and comments, read at once by compiled code: where it
 * stops, a tag that may change the slots (or an unusual one) is read by hand. Every part has
 * one reading, so a run that stops early backtracks at most once per character (a leaf, row
 * or cell that turns out to hold more is read again after its start tag: twice at most).
 *
 * With it: RUN that also reads {@link LEAVES} whole; the head's void elements and comments, with
 * the whitespace between; and, in a table, rows (where the current node is a `<tbody>`,
 * `<thead>` or `<tfoot>`) or cells (in a `<tr>`) that hold what RUN_LEAVES reads (a highlighted
 * code block's line numbers and code, a post's table): each pushes and pops its own elements.
 */
const [RUN, RUN_LEAVES, HEAD_RUN, TABLE_ROWS, TABLE_CELLS] = (() => {
  const ws = '[\\t\\n\\f\\r ]';
  const names = nameTrie(RUN_NAMES);
  const attribute = `${ws}+(?!(?:${anyCase(MARK)}|${anyCase('hidden')})(?:[=/>]|${ws}))[^\\t\\n\\f\\r />="'<\`]+(?:="[^"]*"|='[^']*'|=[^\\t\\n\\f\\r >"'=<\`]+)?`;
  const start = (name: string) => `${name}(?=[\\t\\n\\f\\r />])(?:${attribute})*${ws}*\\/?>`;
  const tag = start(`(?:${names})`);
  const end = `\\/(?:${names})${ws}*>`;
  const comment = '!--(?!-?>)(?:[^-]|-(?!-!?>))*--!?>';
  const run = (more = '') => `[^<]*(?:<(?:${tag}|${end}|${comment}${more})[^<]*)*`;
  // An element: its start tag (the name captured as group `group`), what `content` reads, and its end tag in the same case
  // (another case is read by hand). One capture and its backreference keep the expression small (V8 optimises only
  // expressions of less than 20 kB), where one alternative per name would repeat the run in each.
  const element = (names: string[], group: number, content: string) => `${start(`(${nameTrie(names)})`)}${content}<\\/\\${group}${ws}*>`;
  // A leaf: it holds a run; one that holds anything else is not one (read again by RUN after its start tag).
  const leaves = (group: number) => `|${element(LEAVES, group, run())}`;
  const head = `(?:<(?:${start(nameTrie(HEAD_VOID))}|${comment})${ws}*)*`;
  // In a fresh cell (a scope's boundary, and a list item's), no leaf's start tag closes anything.
  const cells = (group: number) => `${ws}*(?:<${element(['td', 'th'], group, run(leaves(group + 1)))}${ws}*)*`;
  const rows = `${ws}*(?:<${start(anyCase('tr'))}${cells(1)}<\\/${anyCase('tr')}${ws}*>${ws}*)*`;
  return [run(), run(leaves(1)), head, rows, cells(1)].map(source => new RegExp(source, 'y'));
})();

/**
 * May {@link RUN_LEAVES} read here: would a leaf's start tag close nothing? (No `<p>` in button
 * scope, which each closes; no heading as the current node, which a heading closes; no list
 * item `<li>` would close.) Its content and end tag leave these as they were, so this holds
 * for the whole run.
 */
function leavesAllowed(open: OpenElements): boolean {
  return open.inScope(EL.p, 'buttonScope') < 0 && !(open.top.flags & F.heading) && listItemToClose('li', open) < 0;
}

/** Two characters as a key of {@link RUN_STARTS}, letters in either case alike (other characters may collide: a key in the table only costs a try). */
const pairKey = (a: number, b: number) => (((a | 0x20) & 0xff) << 8) | ((b | 0x20) & 0xff);

/** Bits of {@link RUN_STARTS}: what may start after `<`, after `</`, a leaf, and what HEAD_RUN reads. */
const AFTER_LT = 1, AFTER_END = 2, LEAF = 4, HEAD = 8;

/**
 * The first two characters after `<` (after `</` for an end tag) of everything {@link RUN}
 * and {@link RUN_LEAVES} read: at a tag whose pair is not here, they would read nothing, and are not tried.
 */
const RUN_STARTS = (() => {
  const table = new Uint8Array(1 << 16);
  const add = (name: string, bits: number) => {
    const c = name.charCodeAt(0);
    if (name.length > 1) table[pairKey(c, name.charCodeAt(1))] |= bits;
    else for (const end of '\t\n\f\r />') table[pairKey(c, end.charCodeAt(0))] |= bits;
  };
  for (const name of RUN_NAMES) add(name, AFTER_LT | AFTER_END);
  for (const name of LEAVES) add(name, LEAF);
  for (const name of HEAD_VOID) add(name, HEAD);
  table[pairKey(BANG, DASH)] |= AFTER_LT | HEAD; // a comment
  return table;
})();

/**
 * What reads whole elements where the current node is a table's body or row (its rows, its
 * cells), or before the body (the head's void elements and comments: after the first token,
 * which decides the mode, they change nothing); undefined elsewhere.
 */
function wholeRun(html: string, lt: number, open: OpenElements): RegExp | undefined {
  const { top } = open;
  if (top === EL.tbody || top === EL.thead || top === EL.tfoot) return TABLE_ROWS;
  if (top === EL.tr) return TABLE_CELLS;
  if (open.body === 'before' && (RUN_STARTS[pairKey(html.charCodeAt(lt + 1), html.charCodeAt(lt + 2))] & HEAD) !== 0) return HEAD_RUN;
  return undefined;
}

/** Could RUN (with `leaves`, RUN_LEAVES) read anything at the `<` at `lt`? */
function runMayStart(html: string, lt: number, leaves: boolean): boolean {
  const c = html.charCodeAt(lt + 1);
  if (c === SLASH) return (RUN_STARTS[pairKey(html.charCodeAt(lt + 2), html.charCodeAt(lt + 3))] & AFTER_END) !== 0;
  return (RUN_STARTS[pairKey(c, html.charCodeAt(lt + 2))] & (leaves ? AFTER_LT | LEAF : AFTER_LT)) !== 0;
}

/**
 * Does the sticky expression match at `at` (its `lastIndex` then after the match)? False too when
 * its backtracking stack overflows, as it does on a run of inline markup of some 10 MB: the
 * expressions only read faster what the scan reads by hand, which then reads it.
 */
function matches(expression: RegExp, html: string, at: number): boolean {
  expression.lastIndex = at;
  try {
    return expression.test(html);
  } catch (error) {
    if (error instanceof RangeError) return false; // "Maximum call stack size exceeded"
    throw error;
  }
}

/** ASCII letters to lower case, as the tokenizer does (and nothing else). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, letters => letters.toLowerCase());
}

/** The one tag being read: reused, as a page holds thousands. */
const TAG: Tag = { name: '', marked: false, hidden: false, open: false, next: 0 };

/**
 * The usual tag, matched at once by V8's compiled expressions: a name, then attributes each
 * after whitespace, with plain names and values quoted or plain, then `>` or `/>`. Each part
 * can be read in one way only (a name cannot take whitespace, `=` or a quote; whitespace
 * cannot start a name), so the expression backtracks at most once per character when a tag
 * is cut off. A tag it does not match is read character by character, as the tokenizer does.
 */
const USUAL_TAG = /[^\t\n\f\r />]+(?:[\t\n\f\r ]+[^\t\n\f\r />="'<`]+(?:="[^"]*"|='[^']*'|=[^\t\n\f\r >"'=<`]+)?)*[\t\n\f\r ]*\/?>/y;

/**
 * Where the page mentions the mark (in any case), for the tags read in page order: a tag is
 * read by hand only when one falls inside it, and the page is searched for it once.
 */
class Mentions {
  private readonly search: RegExp;
  /** The next mention at or after the last offset asked (Infinity: none), or -1 before the first question. */
  private at = -1;

  constructor(word: string) {
    this.search = new RegExp(word, 'gi');
  }

  /** A new page. */
  reset(): void {
    this.at = -1;
  }

  /** Is there a mention starting in `[from, to)`? (`from` never decreases between calls on one page.) */
  within(html: string, from: number, to: number): boolean {
    if (this.at < from) {
      this.search.lastIndex = from;
      this.at = this.search.exec(html)?.index ?? Infinity;
    }
    return this.at < to;
  }
}

const marks = new Mentions(MARK);
/** The same for `hidden`, the attribute that hides an element and all it holds. */
const hiddens = new Mentions('hidden');

/** Reads the tag whose name starts at `at` (after `<` or `</`); undefined when the page ends inside it. */
function readTag(html: string, at: number, end: boolean): Tag | undefined {
  const length = html.length;
  let p = at;
  let upper = false;
  while (p < length) {
    const c = html.charCodeAt(p);
    if (isSpace(c) || c === SLASH || c === GT) break;
    if (c >= 0x41 && c <= 0x5a) upper = true;
    p++;
  }
  // toLowerCase takes a slow path on a page with any non-Latin-1 text (a two-byte string): only when needed.
  const name = upper ? asciiLower(html.slice(at, p)) : html.slice(at, p);
  if (html.charCodeAt(p) === GT) {
    // `<div>`, `</p>`: most tags of a page, ended by their name (what USUAL_TAG would match).
    TAG.name = name;
    TAG.marked = false;
    TAG.hidden = false;
    TAG.open = false;
    TAG.next = done(at, p + 1);
    return TAG;
  }
  // A CLOSED or FOLDED element's attributes are read below: whether it is `open`.
  if (!CLOSED.has(name) && !FOLDED.has(name) && matches(USUAL_TAG, html, at)) {
    const next = USUAL_TAG.lastIndex;
    // A tag that mentions the mark or `hidden` anywhere (a value may) is read below, to tell a name from a value.
    if (end || (!marks.within(html, p, next) && !hiddens.within(html, p, next))) {
      TAG.name = name;
      TAG.marked = false;
      TAG.hidden = false;
      TAG.open = false;
      TAG.next = done(at, next);
      return TAG;
    }
  }
  if (html.indexOf('>', p) < 0) return void done(at, length); // cut off by the end of the page, however it goes on
  let marked = false;
  let hidden = false;
  let open = false;
  for (;;) {
    while (p < length && isSpace(html.charCodeAt(p))) p++;
    if (p >= length) return void done(at, p);
    let c = html.charCodeAt(p);
    if (c === GT) {
      TAG.name = name;
      TAG.marked = marked;
      TAG.hidden = hidden;
      TAG.open = open;
      TAG.next = done(at, p + 1);
      return TAG;
    }
    if (c === SLASH) {
      p++;
      continue;
    }
    const nameStart = p++; // the first character may be `=` or a quote
    p = skip(ATTRIBUTE_NAME, html, p);
    if (p - nameStart === MARK.length && asciiLower(html.slice(nameStart, p)) === MARK) marked = true;
    else if (p - nameStart === 6 && asciiLower(html.slice(nameStart, p)) === 'hidden') hidden = true;
    else if (p - nameStart === 4 && asciiLower(html.slice(nameStart, p)) === 'open') open = true;
    while (p < length && isSpace(html.charCodeAt(p))) p++;
    if (html.charCodeAt(p) !== EQUALS) continue;
    p++;
    while (p < length && isSpace(html.charCodeAt(p))) p++;
    c = html.charCodeAt(p);
    if (c === DQ || c === SQ) {
      const close = html.indexOf(c === DQ ? '"' : "'", p + 1);
      if (close < 0) return void done(at, length);
      p = close + 1;
    } else p = skip(UNQUOTED_VALUE, html, p);
  }
}

/** The rest of an attribute's name, an unquoted value: read by compiled code (a value may run for megabytes). */
const ATTRIBUTE_NAME = /[^\t\n\f\r />=]*/y;
const UNQUOTED_VALUE = /[^\t\n\f\r >]*/y;

/** The offset after the run of `run` (a sticky expression that always matches) at `at`. */
function skip(run: RegExp, html: string, at: number): number {
  run.lastIndex = at;
  run.test(html);
  return run.lastIndex;
}

/** Where a comment, a doctype or a bogus comment that starts at `lt` ends (the offset after it). */
function skipMarkup(html: string, lt: number): number {
  if (html.startsWith('!--', lt + 1)) {
    let p = lt + 4;
    if (html.charCodeAt(p) === GT) return p + 1;
    if (html.charCodeAt(p) === DASH && html.charCodeAt(p + 1) === GT) return p + 2;
    // Ends at `-->` or `--!>`: one search for `--`, forwards (two searches would each run to the page's end).
    for (;;) {
      const dashes = html.indexOf('--', p);
      if (dashes < 0) return done(lt, html.length);
      const c = html.charCodeAt(dashes + 2);
      if (c === GT) return done(lt, dashes + 3);
      if (c === BANG && html.charCodeAt(dashes + 3) === GT) return done(lt, dashes + 4);
      p = dashes + 1;
    }
  }
  const close = html.indexOf('>', lt + 1); // doctype, bogus comment, CDATA outside foreign content
  return done(lt, close < 0 ? html.length : close + 1);
}

/**
 * The characters the scan has read so far: it reads each once, which the tests check on
 * pages built to make a scan read them again (see {@link scanWork}).
 */
let work = 0;

/** Counts the characters from `from` to `to` as read, and returns `to`. */
function done(from: number, to: number): number {
  work += to - from;
  return to;
}

/** How many characters {@link scanSlots} reads on a page, counted once per reading: linear in the page whatever it holds. */
export function scanWork(html: string): number {
  work = 0;
  scanSlots(html);
  return work;
}

const DOCTYPE_HTML = /^<!doctype[\t\n\f\r ]+html[\t\n\f\r ]*>$/i;

/**
 * The fast reading of a page: the same {@link Slots} as {@link treeSlots}, or undefined when
 * the page holds markup it does not describe. With `{text: true}` it reads the text of the
 * site footer alone with parse5, and declines a page without one.
 */
export function scanSlots(html: string, options: { text?: boolean } = {}): Slots | undefined {
  try {
    const slots = scan(html);
    if (options.text) {
      if (!footerReadAlone(html, slots)) return undefined;
      slots.text = footerText(html.slice(slots.footerStart, slots.footerEnd));
    }
    return slots;
  } catch (err) {
    if (err instanceof Decline) return undefined;
    throw err;
  }
}

function scan(html: string): Slots {
  marks.reset();
  hiddens.reset();
  const slots: Slots = { footerEnd: -1, footerStart: -1, bodyEnd: -1, marks: [], hidden: [] };
  const open = new OpenElements();
  open.push(EL.html, -1);
  open.push(EL.body, -1); // `<html>`, `<head>` and `<body>` tags change nothing on the stack
  open.body = 'before';
  let quirks = true; // until a `<!DOCTYPE html>` comes first
  let runs = true; // RUN reads what it can
  let first = true;
  let text = 0; // where the text before the next token starts
  const length = html.length;
  let lt = html.indexOf('<');
  while (lt >= 0 && lt < length - 1) {
    // (Not in a `hidden` element, whose elements the scan keeps on its stack, inline ones included.)
    const leaves = runs && !first && !open.tracking && open.body !== 'before' && !(open.top.flags & F.tableMode) && open.top !== EL.colgroup ? leavesAllowed(open) : undefined;
    if (leaves !== undefined && runMayStart(html, lt, leaves)) {
      const run = leaves ? RUN_LEAVES : RUN;
      if (matches(run, html, lt)) lt = done(lt, run.lastIndex); // the text before `lt` was counted already
      else runs = false; // too long a run for the expression (it always matches): from here on, token by token
      text = lt;
      if (lt >= length - 1) break;
      if (html.charCodeAt(lt) !== LT) break;
    }
    if ((first || open.top.flags & F.tableMode || open.top === EL.colgroup) && /[^\t\n\f\r ]/.test(html.slice(text, lt))) {
      if (!first) throw new Decline(); // text a table moves out of itself
      first = false; // text before the doctype: quirks mode
    }
    if (open.body === 'before' && !open.has('template') && /[^\t\n\f\r ]/.test(html.slice(text, lt))) open.body = 'implied';
    const whole = runs && !first && !open.tracking ? wholeRun(html, lt, open) : undefined;
    if (whole) {
      if (!matches(whole, html, lt)) runs = false;
      else if (whole.lastIndex > lt) {
        text = done(lt, whole.lastIndex); // what follows is read as after any token
        lt = html.indexOf('<', text);
        done(text, lt < 0 ? length : lt);
        continue;
      }
    }
    const c = html.charCodeAt(lt + 1);
    let next: number;
    if (c === BANG || c === QUESTION) {
      next = skipMarkup(html, lt);
      if (first && DOCTYPE_HTML.test(html.slice(lt, next))) quirks = false;
      if (!html.startsWith('!--', lt + 1)) first = false;
    } else if (c === SLASH && isLetter(html.charCodeAt(lt + 2))) {
      const tag = readTag(html, lt + 2, true);
      if (!tag) break;
      first = false;
      endTag(tag.name, lt, tag.next, open, slots);
      next = tag.next;
    } else if (c === SLASH) {
      next = html.charCodeAt(lt + 2) === GT ? lt + 3 : skipMarkup(html, lt); // `</>` is nothing; `</1…>` a bogus comment
    } else if (isLetter(c)) {
      const tag = readTag(html, lt + 1, false);
      if (!tag) break;
      first = false;
      next = tag.next;
      if (startTag(tag, lt, open, slots, quirks) & F.raw) {
        const close = RAW_END.get(tag.name) as RegExp;
        close.lastIndex = next;
        const found = close.exec(html);
        done(next, found ? found.index : length);
        if (!found) break; // the rest of the page is its content
        if (tag.name === 'script' && html.slice(next, found.index).includes('<!--')) throw new Decline(); // script data escapes
        const endTagRead = readTag(html, found.index + 2, true);
        if (!endTagRead) break;
        next = endTagRead.next;
      }
    } else {
      const from = lt;
      lt = html.indexOf('<', lt + 1); // a `<` that is text
      done(from, lt < 0 ? length : lt);
      continue;
    }
    text = next;
    lt = html.indexOf('<', next);
    done(next, lt < 0 ? length : lt);
  }
  slots.hidden = open.hiddenRanges(length);
  return slots;
}

/** What a start tag does to the stack of open elements, and the slots; returns the name's {@link F} flags. */
function startTag(tag: Tag, at: number, open: OpenElements, slots: Slots, quirks: boolean): number {
  const { name } = tag;
  const entry = entryOf(name);
  const { flags } = entry;
  if (flags & F.declined) throw new Decline();
  if (open.body === 'before' && !open.has('template')) {
    if (name === 'body') open.body = 'tag';
    else if (!(flags & F.inHead) || (open.afterHead && name === 'noscript')) open.body = 'implied';
  }
  if (name === 'html' || name === 'body' || name === 'head') {
    if (tag.hidden) throw new Decline(); // the tree adds a later `<body hidden>`'s attribute to the one body
    return flags;
  }
  open.offset = at;
  open.closing = '';
  const template = open.has('template');
  if (tag.marked && flags & F.inert) throw new Decline(); // a formatting element may be reopened elsewhere, mark and all
  // A `hidden` element is kept on the stack, with what it holds, to know where it ends (not in a template: inert anyway).
  const hidden = !template && hides(name, tag.hidden, tag.open);
  // So is a folded `<details>`, all but its summary (only when nothing else hides it: then its summary is hidden too).
  const folded = !template && !hidden && FOLDED.has(name) && !tag.open;
  // Its mark counts where the tag makes an element (not a table part outside a table, nor a
  // form inside a form: both ignored), once what it closes is closed: not in a `hidden` one.
  const marked = tag.marked && !template && !open.has('sectioning') && !tag.hidden;
  const made = () => {
    if (marked && !open.inHidden) slots.marks.push(at);
    return flags;
  };
  if (open.top.flags & F.tableMode || open.top === EL.colgroup) {
    tableStart(entry, at, open, hidden);
    return made();
  }
  if (flags & F.tablePart) {
    const nearest = open.lastOf('table');
    const what = open.entries[nearest].name;
    if (what === 'template') throw new Decline(); // a template of table rows: its own insertion modes
    if (what !== 'td' && what !== 'th' && what !== 'caption') return flags; // outside a table: ignored
    open.popTo(nearest); // the cell (or caption) ends; the tag is read in the table
    tableStart(entry, at, open, hidden);
    return made();
  }
  if (name === 'form' && open.form && !template) return flags; // a form inside a form is ignored
  if (flags & F.void) {
    if (flags & F.closesP) closeP(open); // `<hr>`
    return made();
  }
  if (flags & F.inert) {
    if (!hidden && !open.tracking) return made();
    // In a `hidden` element: where it ends is the tree's to say when a formatting element may
    // carry it off (the adoption agency; `<a>` and `<nobr>` close an open one first).
    if (flags & F.formatting) {
      if (hidden || name === 'a' || name === 'nobr') throw new Decline();
      open.formatting.set(name, (open.formatting.get(name) ?? 0) + 1);
    } else open.push(entry, at, hidden);
    return made();
  }
  if (name === 'form') {
    closeP(open);
    open.push(entry, at, hidden);
    if (!template) open.form = true;
    return made();
  }
  if (flags & F.closesP) {
    if (name === 'table' && quirks && open.inScope(EL.p, 'buttonScope') >= 0) throw new Decline();
    if (name === 'li' || name === 'dd' || name === 'dt') closeListItem(name, open);
    closeP(open);
    if (flags & F.heading && open.top.flags & F.heading) open.popTo(open.topKnown());
  } else if (name === 'button') {
    const button = open.inScope(EL.button);
    if (button >= 0) open.popTo(button);
  } else if (name === 'option' || name === 'optgroup') {
    if (open.top === EL.option) open.popTo(open.topKnown());
  } else if (name === 'rb' || name === 'rtc' || name === 'rp' || name === 'rt') {
    if (open.inScope(EL.ruby) >= 0) {
      open.topKnown();
      while (IMPLIED_END.has(open.top.name) && !((name === 'rp' || name === 'rt') && open.top.name === 'rtc')) open.popTo(open.length - 1);
    }
  }
  if (flags & F.raw) return made(); // a raw text element is closed by the end tag the scan reads with it
  if (name === 'summary') open.summarise();
  if (name === 'footer' && !template && !open.has('sectioning')) open.push(entry, at, hidden);
  else open.push(entry, name === 'footer' ? -1 : at, hidden, folded);
  return made();
}

/** A start tag where the tree builder is "in table", "in table body", "in row" or "in column group". */
function tableStart(entry: Entry, at: number, open: OpenElements, hidden: boolean): void {
  const { name } = entry;
  if (open.top === EL.colgroup) {
    if (name === 'col') return;
    if (name === 'template') {
      open.push(entry, at, hidden);
      return;
    }
    open.popTo(open.length - 1); // the column group ends; the tag is read in the table
  }
  const back = (kinds: string[]) => {
    let top = open.length - 1;
    while (top > 0 && !kinds.includes(open.entries[top].name)) top--;
    open.popTo(top + 1);
  };
  if (name === 'script' || name === 'style') return;
  if (name === 'template') open.push(entry, at, hidden);
  else if (name === 'caption' || name === 'colgroup') {
    back(['table', 'template', 'html']);
    open.push(entry, at, hidden);
  } else if (name === 'col') {
    back(['table', 'template', 'html']);
    open.push(EL.colgroup, at);
  } else if (name === 'tbody' || name === 'thead' || name === 'tfoot') {
    back(['table', 'template', 'html']);
    open.push(entry, at, hidden);
  } else if (name === 'tr') {
    back(['tbody', 'thead', 'tfoot', 'table', 'template', 'html']);
    if (open.top === EL.table) open.push(EL.tbody, at);
    open.push(entry, at, hidden);
  } else if (name === 'td' || name === 'th') {
    back(['tr', 'tbody', 'thead', 'tfoot', 'table', 'template', 'html']);
    if (open.top === EL.table) open.push(EL.tbody, at);
    if (open.top !== EL.tr) open.push(EL.tr, at);
    open.push(entry, at, hidden);
  } else throw new Decline(); // content the table moves out of itself (foster parenting), or a nested table
}

/** `<li>`, `<dd>`, `<dt>`: an open one closes first, unless something special stands between. */
function closeListItem(name: string, open: OpenElements): void {
  const item = listItemToClose(name, open);
  if (item >= 0) open.popTo(item);
}

/** The position of the open list item a `<li>` (`<dd>`, `<dt>`) closes, or -1. */
function listItemToClose(name: string, open: OpenElements): number {
  const item = name === 'li' ? open.last(EL.li) : Math.max(open.last(EL.dd), open.last(EL.dt));
  const other = name === 'li' ? Math.max(open.last(EL.dd), open.last(EL.dt)) : open.last(EL.li);
  return item >= 0 && item > open.lastOf('listStop') && item > other ? item : -1;
}

function closeP(open: OpenElements): void {
  const p = open.inScope(EL.p, 'buttonScope');
  if (p >= 0) open.popTo(p);
}

/** What an end tag (from `at` to `next`) does to the stack of open elements, and the slots. */
function endTag(name: string, at: number, next: number, open: OpenElements, slots: Slots): void {
  const entry = entryOf(name);
  const { flags } = entry;
  if (flags & F.declined) throw new Decline();
  open.offset = at;
  open.closing = name;
  open.closingEnd = next;
  if (open.top === EL.colgroup && name !== 'colgroup' && name !== 'template') open.popTo(open.length - 1); // the column group ends
  if (open.top.flags & F.tableMode && !(flags & F.tablePart) && name !== 'table' && name !== 'template' && name !== 'body' && name !== 'html') throw new Decline();
  if (open.body === 'before' && name === 'head') open.afterHead = true;
  if (open.body === 'before' && !open.has('template') && (name === 'body' || name === 'html' || name === 'br')) open.body = 'implied';
  if (name === 'body') {
    if (open.body === 'tag' && open.inScope(EL.body) >= 0 && !open.has('template')) slots.bodyEnd = at;
    return;
  }
  if (name === 'html' || name === 'head' || name === 'br') return;
  if (name === 'form') {
    const template = open.has('template');
    const pointer = open.form;
    if (!template) open.form = false;
    const form = open.inScope(EL.form);
    if ((!template && !pointer) || form < 0) return;
    if (!template && form !== open.topKnown()) throw new Decline(); // only the form leaves the stack, the rest stays open
    open.popTo(form);
    return;
  }
  let target: number;
  if (name === 'p') target = open.inScope(EL.p, 'buttonScope');
  else if (name === 'li') target = open.inScope(EL.li, 'listScope');
  else if (flags & F.heading) target = open.lastOf('heading') >= open.lastOf('scope') ? open.lastOf('heading') : -1;
  else if (flags & F.tablePart || name === 'table') target = open.inScope(entry, 'tableScope');
  else if (name === 'template') target = open.last(EL.template);
  else if (flags & F.inert) {
    if (!open.tracking) return;
    if (flags & F.formatting) {
      // One opened in the `hidden` element ends in it; another may carry it off (see startTag).
      const opened = open.formatting.get(name) ?? 0;
      if (opened === 0) throw new Decline();
      open.formatting.set(name, opened - 1);
      return;
    }
    // Every inline element opened in it is on the stack: one that is not was opened before it, and may end it.
    target = open.last(entry);
    if (target < 0 && open.lastOf('special') < open.hiddenStart) throw new Decline();
    if (target < open.lastOf('special')) return;
  }
  else if (flags & F.special || name === 'dialog') target = open.inScope(entry); // `</dialog>` closes as the special ones do
  else target = open.last(entry) > open.lastOf('special') ? open.last(entry) : -1; // any other end tag
  if (target < 0) return;
  if (name === 'footer' && open.starts[target] >= 0 && target === open.last(EL.footer)) {
    slots.footerStart = open.starts[target];
    slots.footerEnd = at;
  }
  open.popTo(target);
}

/**
 * The offset of the last `<a` tag (`close`: `</a`) before `end`, in either case, or -1: not
 * `<abbr`, `<article`, `<aside`, `<audio`. Each byte before `end` is looked at once at most.
 */
function lastA(html: string, end: number, close: boolean): number {
  let best = -1;
  for (const needle of close ? ['</a', '</A'] : ['<a', '<A']) {
    let at = end;
    for (;;) {
      at = at > 0 ? html.lastIndexOf(needle, at - 1) : -1;
      if (at < 0) break;
      const c = html.charCodeAt(at + needle.length);
      if (isSpace(c) || c === GT || c === SLASH) break;
    }
    best = Math.max(best, at);
  }
  return best;
}

/**
 * May an `<a>` opened before the site footer still be open at its start? The tree builder then
 * reopens it inside the footer (its list of active formatting elements), and the footer's text
 * links to it: what the footer shows is the tree's to say, not its markup's alone. (Said
 * from the markup: an `<a` after the last `</a`; one in a comment or a script too, to be sure.)
 */
function linkMayBeOpen(html: string, footerStart: number): boolean {
  return lastA(html, footerStart, false) > lastA(html, footerStart, true);
}

/**
 * May the scan's site footer be read alone for what the page shows? Not without one, nor one no
 * visitor sees (the whole page's text then), nor one a link opened before it reaches into:
 * the tree's job.
 */
function footerReadAlone(html: string, slots: Slots): boolean {
  return slots.footerEnd >= 0 && !inHidden(slots, slots.footerEnd) && !linkMayBeOpen(html, slots.footerStart);
}

/** What site footers already read show: every page of a site has the same few. */
const footerTexts = new Map<string, Shown>();

/** What a site footer (its markup, `<footer …>` to before `</footer>`) shows, as {@link treeSlots} reads it. */
function footerText(footer: string): Shown {
  let text = footerTexts.get(footer);
  if (text === undefined) {
    let fragment: DefaultTreeAdapterMap['documentFragment'] | undefined;
    try {
      fragment = parse5().parseFragment(footer, { treeAdapter: boundedAdapter() });
    } catch (error) {
      if (!(error instanceof TooDeep)) throw error;
    }
    text = fragment ? shownOf(fragment) : NOTHING_SHOWN;
    if (footerTexts.size >= 16) footerTexts.clear(); // bounded, whatever the site holds
    footerTexts.set(footer, text);
  }
  return text;
}

/** Pages without either closing tag have no slot, whatever else they hold. */
const CLOSING = /<\/(?:footer|body)/i;

/**
 * Where the line goes on a page whose tree gives `</body>` no place, and that has no site
 * footer (or that is too deep to be read as a tree): before the last `</body>` written. The tree ignores it when an element it cannot close
 * is open there (a post's `<table>` or `<math>` left open takes the theme's footer in, and the
 * footer is then the post's); a browser shows what comes there, in that element, at the page's end.
 */
function lastBodyEnd(html: string): number {
  let at = -1;
  for (const m of html.matchAll(BODY_END_TAG)) at = m.index;
  return at;
}
const BODY_END_TAG = /<\/body/gi;

/** The smallest line: what {@link ignoredBodyEnd} tries where the line would go. */
const PROBE = `<div ${MARK}></div>`;

/**
 * The last `</body>` written ({@link lastBodyEnd}), when a line put there is an element a
 * visitor sees, as the tree reads the page with it: the tree ignores that `</body>` where a
 * post left open a table or math. -1 when the line would not be one: the `</body>` is text in
 * a comment, raw text (a post's `<textarea>`, `<!--` or `<plaintext>` left open), an
 * attribute's value or a doctype, or inert in a template, or dropped by a `<select>`.
 */
function ignoredBodyEnd(html: string): number {
  const at = lastBodyEnd(html);
  if (at < 0) return -1;
  const probed = html.slice(0, at) + PROBE + html.slice(at);
  const document = parseTree(probed, MAX_OPEN);
  if (!document) return at; // too deep for a tree: the last one written, as for the slots
  // Its element in the tree (a template's content is a fragment apart, not walked), where no hidden element holds it.
  const pending: Node[] = [document];
  while (pending.length > 0) {
    const node = pending.pop() as Node;
    if ('tagName' in node && node.sourceCodeLocation?.startOffset === at && node.attrs.some(attr => attr.name === MARK)) {
      return inHidden(treeSlots(probed), at + 1) ? -1 : at;
    }
    // One by one: a spread of a node's children overflows the call stack past some 100,000 of them.
    if ('childNodes' in node) for (const child of node.childNodes) pending.push(child);
  }
  return -1;
}

/** Where a line may go: the site footer (else before `</body>`), or before `</body>`. */
export type LinePosition = Exclude<Position, 'none'>;

/**
 * The page with the filing line inside the site footer (just before its `</footer>`), else
 * just before `</body>` (`body_end`: always there); the page itself when there is neither,
 * when the markup is empty, or when the page already carries one of the lines (so running it
 * twice changes nothing, and a page whose theme called `beian()` gets no second one).
 *
 * @param markup the line; or a function of what the page already shows there (see
 *               {@link Shown}: read once per distinct site footer) returning the line, for
 *               leaving out what it shows.
 * @param lines  the markup of every line this build writes (the line itself when it is a string):
 *               a page carries the line when one of them starts at one of its marks.
 */
export function injectLine(html: string, markup: string | ((shown: Shown) => string), position: LinePosition = 'footer', lines: Iterable<string> = typeof markup === 'string' ? [markup] : []): string {
  if (!markup) return html;
  // A page the scan is unsure of is read as a tree only when it has a closing tag to find.
  const fast = scanSlots(html);
  // (The tree's reading of what the page shows comes with it: parse5 reads a page once.)
  const slots = fast ?? (CLOSING.test(html) ? treeSlots(html, { text: typeof markup === 'function' }) : undefined);
  if (!slots) return html;
  const bodyEnd = bodyEndOf(html, slots);
  if (carries(html, slots, bodyEnd, lines)) return html;
  const at = placeOf(slots, bodyEnd, position);
  if (at < 0) return html;
  // What the page shows is read only when it gets a line: the site footer's text as the scan found it, else the tree's.
  const shown = () => (fast && footerReadAlone(html, fast) ? footerText(html.slice(fast.footerStart, fast.footerEnd)) : (fast ? treeSlots(html, { text: true }) : slots).text ?? NOTHING_SHOWN);
  const line = typeof markup === 'function' ? markup(shown()) : markup;
  return line ? html.slice(0, at) + line + html.slice(at) : html;
}

/**
 * Where the line goes: in the site footer, unless it is in a `hidden` element (or is one), else
 * before `</body>`; -1 when neither is where a visitor sees it (a post left open a `<select>`,
 * or a `<video>` that holds the footer and `</body>`): the page is left as it was then.
 */
function placeOf(slots: Slots, bodyEnd: number, position: LinePosition): number {
  const at = position === 'footer' && slots.footerEnd >= 0 && !inHidden(slots, slots.footerEnd) ? slots.footerEnd : bodyEnd;
  return at >= 0 && !inHidden(slots, at) ? at : -1;
}

/** Where {@link injectLine} would put a line on a page (-1: nowhere a visitor sees), for the audit to say why a page has none. */
export function linePlace(html: string, position: LinePosition = 'footer'): number {
  const slots = findSlots(html);
  return placeOf(slots, bodyEndOf(html, slots), position);
}

/** Where `</body>` is for the line: the tree's, else the last one written when the tree ignores it ({@link ignoredBodyEnd}). */
function bodyEndOf(html: string, slots: Slots): number {
  return slots.bodyEnd >= 0 ? slots.bodyEnd : ignoredBodyEnd(html);
}

/** Would markup inserted at `at` be in a `hidden` element ({@link Slots.hidden}: up to the token that ends it)? */
function inHidden(slots: Slots, at: number): boolean {
  return slots.hidden.some(([start, end]) => start < at && at <= end);
}

/**
 * Does the page carry one of the lines: where this filter puts it (right before the site
 * footer's end or `</body>`, whatever is open there), or anywhere outside sectioning content,
 * where a theme calls `beian()`? A post's example of the markup is neither.
 */
function carries(html: string, slots: Slots, bodyEnd: number, lines: Iterable<string>): boolean {
  for (const line of lines) {
    if (!line) continue;
    if (slots.marks.some(at => html.startsWith(line, at))) return true;
    for (const end of [slots.footerEnd, bodyEnd]) {
      if (end >= line.length && html.startsWith(line, end - line.length) && !inHidden(slots, end - line.length + 1)) return true;
    }
  }
  return false;
}

import { unescapeHTML } from 'hexo-util';
import { isIdeograph } from '../engine/text';
import type { Kind } from './links';
import { AFTER_GONGAN, AFTER_ICP, HREF, IMG_SRC, PROVINCE_REACH } from './pages';
import { parse5 } from '../line/inject';

/**
 * The filing numbers in a theme's free text (Butterfly `footer.custom_text`, Stellar
 * `footer.content`): HTML or Markdown as users write it there, read as it will be displayed —
 * tags, comments, `<script>` and `<style>` taken out, entities decoded (`&nbsp;`), `<a href>`
 * and `[text](url)` remembered as the link of the text inside them. One pass, forwards; each
 * character is looked at a bounded number of times, whatever the text.
 */

/** A number in the text, as displayed, and the link it is the text of. */
export interface TextNumber {
  kind: Kind;
  /** From its province character (when it has one) to its end, as displayed. */
  text: string;
  /** The link around it, decoded and trimmed; undefined when it is not linked. */
  href?: string;
  /** A 公安 number's icon: the src of an `<img>` in its link, or right before it (only spaces between). */
  icon?: string;
}

/** Free text longer than this is not a footer: only its start is read. */
export const TEXT_LIMIT = 64 * 1024;
/** How far a Markdown link's text and target may reach (`[…](…)`). */
const MD_TEXT = 256;
const MD_TARGET = 2048;
/** An entity is short (`&nbsp;`, `&#x3000;`). */
const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z]\w{0,31});/i;
/** Elements whose end is a line break or a new block: their tags stand for a space. */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'span', 'hr', 'tr', 'td', 'section', 'footer', 'img']);
const MARKER = /ICP|公网安备/g;

/**
 * A character reference as the HTML standard decodes it (parse5's tokenizer; a browser shows
 * `&#22791;` as 备, `&nbsp;` as a no-break space); one it does not know, as written.
 */
function decodedReference(reference: string): string {
  const [node] = parse5().parseFragment(reference).childNodes;
  return node && 'value' in node ? node.value : reference;
}

/** The end of the tag opening at `at` (just after its `>`), quotes respected; the text's end when it never closes. */
function tagEnd(text: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === '\'') quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

/** The text as displayed, the link of each stretch of it, and where each image stands in it. */
function displayed(source: string): { shown: string; links: { start: number; end: number; href: string }[]; images: { at: number; src: string }[] } {
  const text = source.slice(0, TEXT_LIMIT);
  const lower = text.toLowerCase();
  let shown = '';
  const links: { start: number; end: number; href: string }[] = [];
  const images: { at: number; src: string }[] = [];
  let open: { start: number; href: string } | undefined;
  const close = () => {
    if (open) links.push({ ...open, end: shown.length });
    open = undefined;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '<') {
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        i = end < 0 ? text.length : end + 3;
        continue;
      }
      const tag = /^<(\/?)([a-z][\w-]*)/i.exec(text.slice(i, i + 40));
      if (!tag) {
        shown += c;
        i++;
        continue;
      }
      const end = tagEnd(text, i);
      const name = tag[2].toLowerCase();
      if (!tag[1] && (name === 'script' || name === 'style')) {
        // Never displayed: up to its end tag.
        const closing = lower.indexOf(`</${name}`, end);
        i = closing < 0 ? text.length : tagEnd(text, closing);
        continue;
      }
      if (name === 'a') {
        close();
        const href = tag[1] ? undefined : HREF.exec(text.slice(i, end))?.slice(1).find(v => v !== undefined);
        if (href !== undefined) open = { start: shown.length, href: unescapeHTML(href).trim() };
      } else if (BREAKS.has(name)) {
        if (name === 'img' && !tag[1]) {
          const src = IMG_SRC.exec(text.slice(i, end))?.slice(1).find(v => v !== undefined);
          if (src !== undefined) images.push({ at: shown.length, src: unescapeHTML(src).trim() });
        }
        shown += ' ';
      }
      i = end;
      continue;
    }
    if (c === '&') {
      const entity = ENTITY.exec(text.slice(i, i + 40));
      shown += entity ? decodedReference(entity[0]) : c;
      i += entity ? entity[0].length : 1;
      continue;
    }
    if (c === '[') {
      const md = markdownLink(text, i);
      if (md) {
        close();
        const start = shown.length;
        shown += unescapeHTML(md.label);
        links.push({ start, end: shown.length, href: md.href });
        i = md.end;
        continue;
      }
    }
    // A run of plain text, up to the next character that may start something.
    let j = i + 1;
    while (j < text.length && text[j] !== '<' && text[j] !== '&' && text[j] !== '[') j++;
    shown += text.slice(i, j);
    i = j;
  }
  close();
  return { shown, links, images };
}

/** `[label](href "title")` at `at`, within bounded reach; undefined otherwise. */
function markdownLink(text: string, at: number): { label: string; href: string; end: number } | undefined {
  // Searched within their reach only: a text of unclosed brackets stays linear.
  const reach = text.slice(at + 1, at + 1 + MD_TEXT);
  const inner = reach.indexOf(']');
  if (inner < 0 || text[at + 2 + inner] !== '(') return undefined;
  const close = at + 1 + inner;
  const label = text.slice(at + 1, close);
  if (/[[\n]/.test(label)) return undefined;
  const target = text.slice(close + 2, close + 2 + MD_TARGET);
  const end = target.indexOf(')');
  if (end < 0) return undefined;
  const parts = /^\s*<?([^\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*$/.exec(target.slice(0, end));
  return parts ? { label, href: parts[1], end: close + 3 + end } : undefined;
}

/** Every filing number displayed by `text` (HTML or Markdown), in order, with its link. */
export function numbersInText(text: unknown): TextNumber[] {
  if (typeof text !== 'string') return [];
  const { shown, links, images } = displayed(text);
  const found: TextNumber[] = [];
  let after = 0;
  let k = 0; // links are in text order, and so are the numbers
  let g = 0; // and images
  for (const m of shown.matchAll(MARKER)) {
    if (m.index < after) continue;
    const kind: Kind = m[0] === 'ICP' ? 'icp' : 'gongan';
    const match = (kind === 'icp' ? AFTER_ICP : AFTER_GONGAN).exec(shown.slice(m.index, m.index + 96));
    if (!match) continue;
    let from = m.index;
    while (from > 0 && m.index - from < PROVINCE_REACH && /[\s\u3000]/.test(shown[from - 1])) from--;
    const start = from > 0 && isIdeograph(shown[from - 1]) ? from - 1 : m.index;
    after = m.index + match[0].length;
    while (k < links.length && links[k].end <= m.index) k++;
    const link = k < links.length && links[k].start <= m.index ? links[k] : undefined;
    // The last image before the number: in its link, or with nothing but spaces between.
    while (g + 1 < images.length && images[g + 1].at <= start) g++;
    const image = g < images.length && images[g].at <= start ? images[g] : undefined;
    const beside = image !== undefined && start - image.at <= PROVINCE_REACH && shown.slice(image.at, start).trim() === '';
    const icon = kind === 'gongan' && image && ((link && image.at >= link.start) || beside) ? image.src : undefined;
    found.push({ kind, text: shown.slice(start, after).trim(), ...(link ? { href: link.href } : {}), ...(icon !== undefined ? { icon } : {}) });
  }
  return found;
}

import type { Language } from '../engine/diagnostic';
import { finding, type Finding } from '../finding';
import type { LineItem } from './items';
import { parse5, treeSlots, type Shown } from './inject';
import { unescapeHTML } from 'hexo-util';
import { printable } from '../engine/text';
import { simplifiedChars } from '../engine/filing';
import { crossed, linkRating, rightLink, targetOf } from '../audit/links';
import { ownLineAdvice } from '../themes';

/**
 * What a page already shows: a number is shown when the text holds it as a whole number
 * (token boundaries, never text run together), and a copy of it is correctly linked when a
 * link whose text holds it goes to its own query system (lib/audit/links.ts, the one rule);
 * and the findings when the line leaves such a number out, or shows it beside a broken copy.
 */

/** Invisible characters people paste along with numbers. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Text as compared with a number: NFKC (full-width → half-width), traditional characters and
 * long dashes as the engine reads them (`號`, `備`, `–`), no invisible characters, each run
 * of whitespace one space.
 */
export function normalText(text: string): string {
  return simplifiedChars(text.normalize('NFKC')).replace(INVISIBLE, '').replace(/\s+/g, ' ');
}

const ALNUM = /[\dA-Za-z]/;

/** The expressions of the items' numbers, by text: a build has a few. */
const patterns = new Map<string, RegExp | null>();

/**
 * A number's text as an expression over {@link normalText}: a space may stand between its
 * parts (`京ICP备 20000491号`, `号 - 1`, as the page audit reads numbers), never inside a run
 * of digits or letters (`2000 0491` is two numbers). Each space is optional and followed by a
 * character that is not one, so the expression never backtracks.
 */
function patternOf(text: string): RegExp | null {
  let pattern = patterns.get(text);
  if (pattern === undefined) {
    const chars = [...normalText(text).replace(/ /g, '')];
    pattern = chars.length === 0 ? null : new RegExp(chars.map((char, i) => {
      const escaped = char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
      return i > 0 && !(ALNUM.test(chars[i - 1]) && ALNUM.test(char)) ? ` ?${escaped}` : escaped;
    }).join(''), 'g');
    if (patterns.size >= 256) patterns.clear(); // bounded, whatever the site holds
    patterns.set(text, pattern);
  }
  return pattern;
}

/**
 * True when `normal` (see {@link normalText}) shows `text` as a whole number: `京ICP备20000491号-1`
 * is not shown by `…号-10` nor `…号 -10`, nor `…号` by `…号-1`; `B2-20080101` is not the tail
 * of `1B2-20080101`; but `…号 2022-2026` (a year after a space, a `<br>`, `|`) shows `…号`.
 */
export function holds(normal: string, text: string): boolean {
  const pattern = patternOf(text);
  if (!pattern) return false;
  // A text that starts with a letter or digit (`B2-20080101`) must not be the tail of a longer one.
  const open = ALNUM.test(normalText(text).trimStart().charAt(0));
  pattern.lastIndex = 0;
  for (let m = pattern.exec(normal); m; m = pattern.exec(normal)) {
    const end = m.index + m[0].length;
    pattern.lastIndex = m.index + 1;
    // Digits straight after it, or `-N` (spaced or not), make it another, longer number.
    if (/^(?:\d| ?- ?\d)/.test(normal.slice(end, end + 4))) continue;
    if (open && ALNUM.test(normal.charAt(m.index - 1))) continue;
    return true;
  }
  return false;
}

/** What the site footer shows of an item: nothing, a copy linked to its own query system (over https or plain http), or a broken copy. */
export type Copy =
  | { linked: 'right' | 'insecure' }
  | { linked: 'wrong'; href?: string };

/**
 * How the site footer ({@link Shown}) shows an item, or undefined when it does not. A filing
 * number counts as linked when one of the links holding it goes to its own query system, as
 * {@link linkRating} rates it: plain http still works (the page audit warns, `link-insecure`).
 * An `extra` record has no query system: shown is enough.
 */
export function copyOf(shown: Shown, item: LineItem): Copy | undefined {
  if (!holds(normalText(shown.text), item.text)) return undefined;
  if (item.kind === 'extra') return { linked: 'right' };
  const { kind } = item;
  let best: Copy | undefined;
  for (const link of shown.links) {
    if (!holds(normalText(link.text), item.text)) continue;
    const linked = linkRating(kind, targetOf(link.href), item.digits);
    if (linked === 'right') return { linked };
    if (linked === 'insecure') best = { linked };
    else best ??= { linked, href: link.href };
  }
  return best ?? { linked: 'wrong' };
}

/** Why an item of a template's output is not shown as the line must show it. */
export type UnseenWhy = 'absent' | 'unseen' | 'unlinked' | 'no-icon';

/**
 * The items a line's markup does not show as the line must, read as a browser shows it inside a
 * page's footer, each with the first reason: not in the output at all (`absent`); written where
 * no visitor sees it (`unseen`: a comment, a `<template>`, `<noscript>`, `<textarea>` or a
 * `hidden` element); a filing number not linked to its own query system (`unlinked`); without
 * its configured icon (`no-icon`). Their texts escaped for a message.
 */
export function unseenItems(markup: string, items: readonly LineItem[]): { text: string; why: UnseenWhy }[] {
  const shown = treeSlots(`<!DOCTYPE html><html><body><footer>${markup}</footer></body></html>`, { text: true }).text;
  const images = items.some(item => item.icon) ? imageSources(markup) : new Set<string>();
  // Everything the output writes, seen or not, to tell a hidden number from a missing one.
  const written = normalText(unescapeHTML(markup));
  const unseen: { text: string; why: UnseenWhy }[] = [];
  for (const item of items) {
    const copy = shown && copyOf(shown, item);
    const why: UnseenWhy | undefined = copy === undefined ? (holds(written, item.text) ? 'unseen' : 'absent')
      : copy.linked === 'wrong' ? 'unlinked'
        : item.icon !== undefined && !images.has(item.icon.src) ? 'no-icon' : undefined;
    if (why) unseen.push({ text: printable(why === 'no-icon' && item.icon ? `${item.text} (${item.icon.src})` : item.text), why });
  }
  return unseen;
}

/** The `src` of every `<img>` in some markup, as a browser reads the attribute (entities decoded). */
function imageSources(markup: string): Set<string> {
  const sources = new Set<string>();
  const pending: object[] = [parse5().parseFragment(markup)];
  while (pending.length > 0) {
    const node = pending.pop() as { nodeName?: string; attrs?: { name: string; value: string }[]; childNodes?: object[] };
    if (node.nodeName === 'img') {
      const src = node.attrs?.find(attr => attr.name === 'src')?.value;
      if (src !== undefined) sources.add(src);
    }
    pending.push(...(node.childNodes ?? []));
  }
  return sources;
}

/** The theme setting that shows the number, where the theme audit found it turned on. */
export interface ThemeSwitch {
  /** The theme's name as people write it (`NexT`). */
  label: string;
  /** The file it is turned on in, relative to the site (`themes/next/_config.yml`). */
  file: string;
  /** The key path in that file (`footer.beian.enable`, `theme_config.footer.beian.enable`). */
  key: string;
}

const ANY_THEME = {
  zh: '请从主题的页脚设置中删去这个号码',
  en: 'Remove the number from the theme\'s footer settings'
};

/** What to change so that the theme no longer shows the number: its setting where the theme audit found it on, else its footer text. */
function handOver(setting: ThemeSwitch | undefined, theme: unknown): { zh: string; en: string } {
  return setting
    ? {
      zh: `这是 ${setting.label} 自带的备案栏：在 ${setting.file} 中设置 ${setting.key}: false`,
      en: `This is ${setting.label}'s own filing line: set ${setting.key}: false in ${setting.file}`
    }
    : ownLineAdvice(theme) ?? ANY_THEME;
}

/**
 * What the line leaves out: a number the page's site footer already shows, linked to its own
 * query system (`duplicates: skip`). Information, not a warning: no page shows it twice; the
 * page audit judges the theme's link (plain http: `link-insecure`).
 * It names the page, the number, and the theme setting to turn off, in the file it is on in.
 *
 * @param setting where the theme's own line is turned on, when the theme audit knows the theme.
 * @param theme   the site's `theme` (`butterfly`, …): a described theme's keys (lib/themes), when `setting` is unknown.
 */
export function alreadyShown(item: LineItem, page: string, setting: ThemeSwitch | undefined, theme: unknown, language: Language): Finding {
  const key = item.path;
  const change = handOver(setting, theme);
  return finding(language, 'already-shown', 'info', {
    zh: `页面已显示 ${item.text}（${key}），hexo-beian 没有再显示一遍（其他这样的页面同样处理）。${change.zh}，`
      + '由 hexo-beian 显示经过校验、带正确链接的号码；若要两者都显示，请设置 beian.duplicates: keep。',
    en: `The page already shows ${item.text} (${key}), so hexo-beian left it out of its line there (and on other such pages). ${change.en} `
      + 'so that hexo-beian shows it, checked and correctly linked; to show both, set beian.duplicates: keep.'
  }, { path: key, page });
}

/** How a broken copy is linked, in words. */
function brokenLink(item: LineItem, href: string | undefined): { zh: string; en: string } {
  if (href === undefined) return { zh: '没有链接到它的查询系统', en: 'without a link to its query system' };
  const target = targetOf(href);
  const kind = item.kind === 'gongan' ? 'gongan' : 'icp';
  if (target.kind === 'retired') return { zh: `链接到已停用的 ${href}`, en: `linked to the retired ${href}` };
  if (crossed(kind, target)) return { zh: `链接到另一种备案的查询网站（${href}）`, en: `linked to the other filing's query site (${href})` };
  if (target.kind === 'mps') return { zh: `链接到查询 ${target.code ?? '（无编号）'} 的页面（${href}），而不是它自己的数字 ${item.digits ?? ''}`, en: `linked to a query for ${target.code ?? 'no number'} (${href}), not for its own digits ${item.digits ?? ''}` };
  return { zh: `链接到 ${href}，而不是它的查询系统`, en: `linked to ${href}, not to its query system` };
}

/**
 * A number the page's site footer shows with a broken link (none, a retired host, the other
 * system's, another 公安 number's query, another site): with `duplicates: skip` the line still
 * shows it, so that visitors have a working link, and the page shows it twice until that copy
 * goes. A warning, once per build, naming where the copy comes from and the link to give it.
 */
export function shownWrongLink(item: LineItem, href: string | undefined, page: string, setting: ThemeSwitch | undefined, theme: unknown, language: Language): Finding {
  const key = item.path;
  const change = handOver(setting, theme);
  const how = brokenLink(item, href);
  const right = item.kind === 'extra' ? item.href ?? '' : rightLink(item.kind, item.digits);
  // A theme's own line has its links in its template: turning it off is the fix; free text can be corrected.
  const relink = setting ? { zh: '', en: '' } : { zh: `；或把那里的链接改为 ${right}`, en: `; or link that copy to ${right}` };
  return finding(language, 'already-shown-wrong-link', 'warning', {
    zh: `页面已显示 ${item.text}（${key}），但${how.zh}；hexo-beian 仍然显示了自己的备案信息（其他这样的页面同样处理），所以页面上这个号码出现两遍。${change.zh}，`
      + `由 hexo-beian 显示经过校验、带正确链接的号码${relink.zh}。`,
    en: `The page already shows ${item.text} (${key}) but ${how.en}, so hexo-beian still shows it in its line there (and on other such pages): the page shows it twice. ${change.en} `
      + `so that hexo-beian shows it once, checked and correctly linked${relink.en}.`
  }, { path: key, page });
}

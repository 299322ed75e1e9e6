import { unescapeHTML } from 'hexo-util';
import type { Language } from '../../lib/engine/diagnostic';
import { parseGongan, parseIcp } from '../../lib/engine/filing';
import { isIdeograph } from '../../lib/engine/text';
import { finding, type Finding } from '../../lib/finding';
import type { ConfigPaths } from '../../lib/config/schema';
import { findSlots } from '../../lib/line/inject';
import type { LineItem } from '../../lib/line/items';
// What a link is (the query systems, the retired hosts, the right link of each kind) is one rule, not the sweep's.
import { crossed, linkRating, rightLink, targetOf, type Kind, type Target } from '../../lib/audit/links';
import { insecureText } from '../../lib/audit/pages';
import { expectedItems, isHomePage, type PlacementSettings } from '../../lib/line/placement';

/**
 * The page audit as it was before it became one forward sweep (lib/audit/pages.ts at
 * 01bc2ba), kept for the tests only: what the sweep finds on a page must be what this finds
 * (test/audit/pages.test.ts), and on the adversarial pages this does quadratic work, which
 * the work counter of that test must see. Not used by lib/.
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
const BODY_END = Buffer.from('</body');
const BODY_END_UPPER = Buffer.from('</BODY');
const FOOTER_OPEN = Buffer.from('<footer');
const FOOTER_CLOSE = Buffer.from('</footer');
const LINE = Buffer.from('data-hexo-beian');
const DIV_CLOSE = Buffer.from('</div');
const A_OPEN = [Buffer.from('<a'), Buffer.from('<A')];
const A_CLOSE = [Buffer.from('</a'), Buffer.from('</A')];
/** How far back from a number its `<a>` may open: far more than any real filing link. */
const ANCHOR_REACH = 4096;

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

function anchorAround(page: Buffer, at: number): Occurrence['anchor'] {
  let open = at;
  for (;;) {
    open = lastBefore(page, A_OPEN, open);
    if (open < 0 || open < at - ANCHOR_REACH) return undefined;
    const next = page[open + 2];
    if (next === 0x3e || isSpace(next)) break; // `<a>` or `<a …`, not `<abbr`, `<article`
  }
  if (lastBefore(page, A_CLOSE, at) > open) return undefined;
  const tagEnd = page.indexOf(0x3e, open);
  if (tagEnd < 0 || tagEnd > at) return undefined;
  const tag = page.toString('utf8', open, tagEnd + 1);
  const m = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  const href = m ? unescapeHTML((m[1] ?? m[2] ?? m[3]).trim()) : '';
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

/** The page has `</body>` or a site footer: a place for the line (as the filter sees it). */
function hasSlot(page: Buffer): boolean {
  if (page.lastIndexOf(BODY_END) >= 0 || page.lastIndexOf(BODY_END_UPPER) >= 0) return true;
  const html = page.toString('utf8');
  if (!/<\/(?:body|footer)/i.test(html)) return false;
  const slots = findSlots(html);
  return slots.bodyEnd >= 0 || slots.footerEnd >= 0;
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

/** Retired query addresses found as link targets (`href="…"`), one per address. */
function retiredLinks(page: Buffer): string[] {
  const found = new Set<string>();
  for (const at of offsets(page, BEIAN)) {
    if (!maybeRetired(page, at)) continue;
    // Back to the start of the URL: at most `href="https://www.miit` before `beian.`.
    const from = Math.max(0, at - 48);
    const before = page.toString('utf8', from, at);
    const m = /href\s*=\s*["']?\s*((?:https?:)?\/\/[a-z0-9.-]*)$/i.exec(before);
    if (!m) continue;
    const rest = page.toString('utf8', at, Math.min(at + 200, page.length)).split(/["'\s>]/)[0];
    const href = unescapeHTML(m[1] + rest);
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
  const { language } = plan;
  const findings: Finding[] = [];
  const add = (code: string, severity: Finding['severity'], text: { zh: string; en: string }, suggestion?: string) => {
    findings.push(finding(language, code, severity, text, { page: path, suggestion }));
  };

  const occurrences: Occurrence[] = [];
  for (const [needle, kind] of [[ICP, 'icp'], [GONGAN, 'gongan']] as const) {
    for (const at of offsets(html, needle)) {
      if (insideTag(html, at)) continue;
      const found = readNumber(html, at, kind);
      if (!found) continue;
      found.anchor = anchorAround(html, found.start);
      occurrences.push(found);
    }
  }
  // A configured telecom licence (浙B2-20080101) has no marker of its own: look for it as it is.
  for (const item of plan.items) {
    if (item.kind !== 'icp' || item.text.includes('ICP')) continue;
    for (const at of offsets(html, Buffer.from(item.text))) {
      if (insideTag(html, at)) continue;
      const found: Occurrence = { kind: 'icp', text: item.text, start: at };
      found.anchor = anchorAround(html, at);
      occurrences.push(found);
    }
  }

  // What the page must show.
  const home = isHomePage(path);
  const themed = !plan.unthemed?.has(path);
  const expected = plan.items.length === 0 ? [] : expectedItems(plan.items, { path, themed, hasSlot: hasSlot(html) }, plan.placement);
  for (const item of expected) {
    const label = NUMBER_NAME[item.kind];
    const shown = occurrences.filter(o => o.kind === item.kind && o.text === item.text);
    const right = shown.filter(o => o.anchor && linkRating(item.kind, o.anchor.target, item.digits) === 'right');
    const linked = right.length > 0 ? right : shown.filter(o => o.anchor && linkRating(item.kind, o.anchor.target, item.digits) === 'insecure');
    if (shown.length === 0) {
      const rule = home && item.kind === 'icp'
        ? { zh: '首页底部必须显示 ICP 备案号（《非经营性互联网信息服务备案管理办法》第十三条）', en: 'the home page must show it at the bottom (MIIT Order No. 33, art. 13)' }
        : { zh: '这个页面应当显示它', en: 'this page should show it' };
      // With position: none only the theme's own beian() call puts the line on a page.
      const fix = plan.placement.position === 'none'
        ? { zh: 'beian.position 是 none，只有主题调用 beian() 的地方才显示备案行：在主题的页脚布局里加上 <%- beian() %>（EJS）或 {{ beian() }}（Nunjucks），或把 position 改回 footer', en: 'with beian.position none, the line shows only where the theme calls beian(): add <%- beian() %> (EJS) or {{ beian() }} (Nunjucks) to the theme\'s footer layout, or set position back to footer' }
        : { zh: `${REGENERATE.zh}；若仍然没有，说明主题的布局既没有站点 <footer> 也没有 </body>`, en: `to fix it, ${REGENERATE.en}; if it is still missing, the theme's layout has neither a site <footer> nor </body>` };
      add('page-missing', 'error', {
        zh: `${label.zh} ${item.text} 不在这个页面上：${rule.zh}。${fix.zh}。`,
        en: `${label.en} ${item.text} is not on this page: ${rule.en}. ${fix.en[0].toUpperCase()}${fix.en.slice(1)}.`
      });
    } else if (linked.length === 0) {
      const seen = shown.map(o => o.anchor?.href).find(href => href);
      add('page-unlinked', 'error', {
        zh: `${label.zh} ${item.text} 在这个页面上，但没有链接到 ${item.href}（${seen ? `链接到的是 ${seen}` : '没有链接'}）。若是主题自己显示的备案号，请在主题配置里关闭它（hexo-beian 就会显示正确链接的那一行）；否则${REGENERATE.zh}。`,
        en: `${label.en} ${item.text} is on this page but not linked to ${item.href} (${seen ? `its link goes to ${seen}` : 'it has no link'}). If the theme shows it with its own filing line, turn that off in the theme's config (hexo-beian then shows its correctly linked line); otherwise ${REGENERATE.en}.`
      });
    } else if (item.icon) {
      const src = item.icon.src;
      if (!linked.some(o => o.anchor && imageSources(html, o.anchor.open, o.anchor.close).includes(src))) {
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
    const displayed = (target !== undefined && target.kind !== 'other') || inside(html, o.start, FOOTER_OPEN, FOOTER_CLOSE) || inside(html, o.start, LINE, DIV_CLOSE);
    if (mine !== undefined && !own.has(o.text) && displayed && once('page-other-number')) {
      add('page-other-number', 'error', {
        zh: `这个页面显示的是 ${o.text}，而配置里是 ${mine}（${plan.paths[o.kind]}）：可能是旧的构建，或主题里写死的编号。${REGENERATE.zh}；若仍然出现，在主题的布局和配置里搜索 ${o.text} 并删除。`,
        en: `This page shows ${o.text}, but the config has ${mine} (${plan.paths[o.kind]}): a stale build, or a number hard-coded in the theme. To fix it, ${REGENERATE.en}; if it stays, search the theme's layout and config for ${o.text} and remove it.`
      });
    }
    if (mine === undefined && !own.has(o.text) && displayed && once('page-unconfigured-number')) {
      add('page-unconfigured-number', 'warning', {
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

  for (const href of retiredLinks(html)) {
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

/** Is `at` after an opening `open` that no `close` has ended yet? */
function inside(html: Buffer, at: number, open: Buffer, close: Buffer): boolean {
  const o = html.lastIndexOf(open, at);
  return o >= 0 && o > html.lastIndexOf(close, at);
}

import { readFileSync } from 'fs';
import { join } from 'path';
import nunjucks from 'nunjucks';
import type { LabelLanguage } from '../engine/diagnostic';
import type { BeianConfig } from '../config/read';

/**
 * The footer markup: from a read config to the items to show, and from the items to HTML
 * through a nunjucks template (`templates/beian.njk`, or the user's own), autoescape on.
 * Pure: no Hexo here.
 */

/** The MIIT query system: 《非经营性互联网信息服务备案管理办法》 art. 13 (filing-rules.md). */
export const ICP_QUERY_URL = 'https://beian.miit.gov.cn/';

/** The MPS query page, live since late 2023 (filing-rules.md, "Links and the icon"). */
export function gonganQueryUrl(digits: string): string {
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${encodeURIComponent(digits)}`;
}

/** The attribute every filing line carries: a page that has it gets no second one. */
export const MARK = 'data-hexo-beian';

/** One thing on the filing line. */
export interface LineItem {
  /** `extra` is a record from `beian.extra`. */
  kind: 'icp' | 'gongan' | 'extra';
  /** The canonical number, or the record's text, shown as it is (never translated). */
  text: string;
  /** The official query URL of a number; an extra record's own http(s) link, if any. */
  href?: string;
  /** `title` of the link: where it leads, in the site's language. */
  title?: string;
  /** `aria-label` of the link: what the number is, and the number. */
  label?: string;
  icon?: { src: string; alt: string; width: number; height: number };
}

/** The words on the page, by label language. The numbers are never translated. */
const WORDS: Record<LabelLanguage, { icp: string; icpTitle: string; gongan: string; gonganTitle: string; icon: string }> = {
  'zh-Hans': {
    icp: 'ICP备案号',
    icpTitle: '在工业和信息化部备案管理系统查询',
    gongan: '公安联网备案号',
    gonganTitle: '在全国互联网安全管理服务平台查询',
    icon: '公安备案图标'
  },
  'zh-Hant': {
    icp: 'ICP備案號',
    icpTitle: '在工業和信息化部備案管理系統查詢',
    gongan: '公安聯網備案號',
    gonganTitle: '在全國互聯網安全管理服務平台查詢',
    icon: '公安備案圖示'
  },
  'en': {
    icp: 'ICP filing number',
    icpTitle: 'Look it up in the MIIT filing system',
    gongan: 'Public security filing number',
    gonganTitle: 'Look it up on the MPS internet security platform',
    icon: 'Public security filing icon'
  }
};

/**
 * The items a config shows: ICP, then 公安, then each `extra` record in order; only valid
 * numbers, in canonical form, with their labels in the site's language.
 *
 * @param urlFor turns the user's icon path into a URL of the site (Hexo's `url_for`, which
 *               honours `root`); URLs pass through unchanged.
 */
export function lineItems(config: BeianConfig, language: LabelLanguage, urlFor: (path: string) => string): LineItem[] {
  if (!config.enable) return [];
  // With `domains`, a host that is not listed shows nothing at all, extra records included.
  if (config.domains && config.domains.entry === undefined) return [];
  const words = WORDS[language];
  const items: LineItem[] = [];
  const { icp, gongan } = config;
  if (icp?.result.ok && icp.result.canonical) {
    const text = icp.result.canonical;
    items.push({ kind: 'icp', text, href: ICP_QUERY_URL, title: words.icpTitle, label: `${words.icp} ${text}` });
  }
  if (gongan?.result.ok && gongan.result.canonical && gongan.result.digits) {
    const text = gongan.result.canonical;
    const item: LineItem = { kind: 'gongan', text, href: gonganQueryUrl(gongan.result.digits), title: words.gonganTitle, label: `${words.gongan} ${text}` };
    if (gongan.icon) item.icon = { src: urlFor(gongan.icon), alt: words.icon, ...config.icon };
    items.push(item);
  }
  for (const record of config.extra) {
    items.push({ kind: 'extra', text: record.text, ...(record.link && { href: record.link }) });
  }
  return items;
}

/** The built-in template's path: a file of the package, next to `dist/`. */
export const BUILTIN_TEMPLATE = join(__dirname, '..', '..', '..', 'templates', 'beian.njk');

/**
 * Compiles a filing-line template (autoescape on, so every value is escaped unless the
 * template says `| safe`). Throws nunjucks' error, with line and column, on a broken one.
 */
export function compileTemplate(source: string, path: string): nunjucks.Template {
  const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: false });
  return new nunjucks.Template(source, env, path, true);
}

let builtin: nunjucks.Template | undefined;

/** Compiled on first use and kept: the template is a file of the package, not of the site. */
function builtinTemplate(): nunjucks.Template {
  builtin ??= compileTemplate(readFileSync(BUILTIN_TEMPLATE, 'utf8'), BUILTIN_TEMPLATE);
  return builtin;
}

/** What a template is given. */
export interface TemplateVariables {
  items: readonly LineItem[];
  /** The label language: `zh-Hans`, `zh-Hant` or `en`. */
  language: LabelLanguage;
}

/**
 * The HTML of the filing line for these items; `''` when there are none (no empty wrapper).
 * Every value is escaped by nunjucks' autoescape. Throws what the template throws.
 *
 * @param template the user's compiled template; the built-in one when absent.
 */
export function renderLine(items: readonly LineItem[], language: LabelLanguage = 'en', template?: nunjucks.Template): string {
  if (items.length === 0) return '';
  const variables: TemplateVariables = { items, language };
  return (template ?? builtinTemplate()).render(variables).trim();
}

/** Invisible characters people paste along with numbers. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

/** Text as compared with a number: NFKC (full-width → half-width), no spaces or invisible characters. */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * True when `compact` (see {@link compactText}) shows the item's text as a whole number:
 * `京ICP备20000491号-1` is not shown by `…号-10`, nor `…号` by `…号-1`.
 */
export function shows(compact: string, item: LineItem): boolean {
  const text = compactText(item.text);
  if (!text) return false;
  // A text that starts with a letter or digit (`B2-20080101`) must not be the tail of a longer one.
  const open = /^[\dA-Za-z]/.test(text);
  for (let at = compact.indexOf(text); at >= 0; at = compact.indexOf(text, at + 1)) {
    const after = compact.slice(at + text.length, at + text.length + 2);
    if (/^(?:\d|-\d)/.test(after)) continue;
    if (open && /[\dA-Za-z]/.test(compact.charAt(at - 1))) continue;
    return true;
  }
  return false;
}

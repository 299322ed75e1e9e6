import type { LabelLanguage } from '../engine/diagnostic';
import type { BeianConfig } from '../config/schema';

/**
 * The items of the filing line: from a read config to what is shown, in order, with the links
 * and words of the site's language, and what later stages need of each (its config path, the
 * 公安 digits). Pure: no Hexo here.
 */

/** The MIIT query system: 《非经营性互联网信息服务备案管理办法》 art. 13 (docs/filing-rules.md, "Legal basis and deadlines"). */
export const ICP_QUERY_URL = 'https://beian.miit.gov.cn/';

/** The MPS query page, live since late 2023 (docs/filing-rules.md, "Links and the icon"). */
export function gonganQueryUrl(digits: string): string {
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${encodeURIComponent(digits)}`;
}

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
  /** Where the item is written in the config: `beian.icp`, `beian.domains["host"].gongan.number`, `beian.extra[0]`. */
  path: string;
  /** A 公安 number's 14 (or 12) digits, which its link queries. */
  digits?: string;
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
 *               honours `root`); URLs pass through unchanged. Undefined: no icon.
 */
export function lineItems(config: BeianConfig, language: LabelLanguage, urlFor: (path: string) => string | undefined): LineItem[] {
  if (!config.enable) return [];
  // With `domains`, a host that is not listed shows nothing at all, extra records included.
  if (config.domains && config.domains.entry === undefined) return [];
  const words = WORDS[language];
  const items: LineItem[] = [];
  const { icp, gongan } = config;
  if (icp?.result.ok && icp.result.canonical) {
    const text = icp.result.canonical;
    items.push({ kind: 'icp', text, href: ICP_QUERY_URL, title: words.icpTitle, label: `${words.icp} ${text}`, path: config.paths.icp });
  }
  if (gongan?.result.ok && gongan.result.canonical && gongan.result.digits) {
    const { canonical: text, digits } = gongan.result;
    const item: LineItem = { kind: 'gongan', text, href: gonganQueryUrl(digits), title: words.gonganTitle, label: `${words.gongan} ${text}`, path: config.paths.gongan, digits };
    const src = gongan.icon === undefined ? undefined : urlFor(gongan.icon);
    if (src !== undefined) item.icon = { src, alt: words.icon, ...config.icon };
    items.push(item);
  }
  for (const record of config.extra) {
    items.push({ kind: 'extra', text: record.text, ...(record.link && { href: record.link }), path: record.path });
  }
  return items;
}

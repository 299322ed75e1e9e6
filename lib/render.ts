import { readFileSync } from 'fs';
import { join } from 'path';
import nunjucks from 'nunjucks';
import { say, type Language } from './diagnostic';
import type { BeianConfig } from './config';

/**
 * The footer markup: from a read config to the items to show, and from the items to HTML
 * through `templates/beian.njk` (nunjucks, autoescape on). Pure: no Hexo here.
 */

/** The MIIT query system: 《非经营性互联网信息服务备案管理办法》 art. 13 (filing-rules.md). */
export const ICP_QUERY_URL = 'https://beian.miit.gov.cn/';

/** The MPS query page, live since late 2023 (filing-rules.md, "Links and the icon"). */
export function gonganQueryUrl(digits: string): string {
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${encodeURIComponent(digits)}`;
}

/** One thing on the filing line. */
export interface FooterItem {
  kind: 'icp' | 'gongan';
  /** The canonical number, shown as it is (never translated). */
  text: string;
  /** Always one of the two official query URLs. */
  href: string;
  icon?: { src: string; alt: string; width: number; height: number };
}

/**
 * The items a config shows, in order ICP then 公安: only valid numbers, in canonical form.
 *
 * @param urlFor turns the user's icon path into a URL of the site (Hexo's `url_for`, which
 *               honours `root`); URLs pass through unchanged.
 */
export function footerItems(config: BeianConfig, language: Language, urlFor: (path: string) => string): FooterItem[] {
  if (!config.enable) return [];
  const items: FooterItem[] = [];
  const { icp, gongan } = config;
  if (icp?.result.ok && icp.result.canonical) {
    items.push({ kind: 'icp', text: icp.result.canonical, href: ICP_QUERY_URL });
  }
  if (gongan?.result.ok && gongan.result.canonical && gongan.result.digits) {
    const item: FooterItem = { kind: 'gongan', text: gongan.result.canonical, href: gonganQueryUrl(gongan.result.digits) };
    if (gongan.icon) {
      item.icon = {
        src: urlFor(gongan.icon),
        alt: say(language, { zh: '公安备案图标', en: 'Public security filing icon' }),
        ...config.icon
      };
    }
    items.push(item);
  }
  return items;
}

let template: nunjucks.Template | undefined;

/** Compiled on first use and kept: the template is a file of the package, not of the site. */
function beianTemplate(): nunjucks.Template {
  if (!template) {
    const path = join(__dirname, '..', '..', 'templates', 'beian.njk');
    const env = new nunjucks.Environment(null, { autoescape: true });
    template = new nunjucks.Template(readFileSync(path, 'utf8'), env, path);
  }
  return template;
}

/**
 * The HTML of the filing line for these items; `''` when there are none (no empty wrapper).
 * Every value is escaped by nunjucks' autoescape.
 */
export function renderFooter(items: readonly FooterItem[]): string {
  if (items.length === 0) return '';
  return beianTemplate().render({ items }).trim();
}

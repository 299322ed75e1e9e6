import type { FooterItem } from './render';

/**
 * Which filing items each generated page must show: the one decision the page audit takes
 * from the placement rules, kept in one pure function so that placement options can change
 * it in one place.
 */

/** What the page audit knows of a page before deciding what it must show. */
export interface PageFacts {
  /** The page's path relative to `public_dir`, with `/` separators (`2024/05/21/hello/index.html`). */
  path: string;
  /** The site's home page: `index.html` at the top of `public_dir`. */
  home: boolean;
  /**
   * The page has a place for the line: a site footer or `</body>`, where the footer filter
   * puts it (lib/inject.ts). A page without either (a fragment, a verification file) is left
   * alone by the filter, so nothing is expected of it.
   */
  hasSlot: boolean;
}

/**
 * The items (what hexo-beian shows, from `footerItems`) that `page` must show: all of them on
 * the home page, always — 《非经营性互联网信息服务备案管理办法》 art. 13 puts the ICP number at
 * the bottom of the home page — and on every other page that has a place for them, where the
 * footer filter puts them; none elsewhere.
 */
export function expectedItems(items: readonly FooterItem[], page: PageFacts): readonly FooterItem[] {
  return page.home || page.hasSlot ? items : [];
}

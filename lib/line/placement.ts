import type { BeianConfig } from '../config/read';
import type { LineItem } from './render';

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

/** The placement settings that decide where the filter puts the line. */
export type PlacementSettings = Pick<BeianConfig, 'pages' | 'position'>;

/** An item the audit checks: a filing number (an `extra` record is the user's own text). */
export type FilingItem = LineItem & { kind: 'icp' | 'gongan'; href: string };

/**
 * The filing numbers (of what hexo-beian shows, from `lineItems`) that `page` must show.
 *
 * - The home page: all of them, always — 《非经营性互联网信息服务备案管理办法》 art. 13 puts
 *   the ICP number at the bottom of the home page — whatever the placement settings, so
 *   `position: none` with a theme that never calls `beian()` fails here, as it should.
 * - Any other page: all of them where the footer filter puts the line (`pages: all`, and
 *   `position` not `none`, on a page with a site footer or `</body>`); none elsewhere.
 *
 * `extra` records are not checked: they are the user's own text, not filings.
 */
export function expectedItems(items: readonly LineItem[], page: PageFacts, placement: PlacementSettings): readonly FilingItem[] {
  const filings = items.filter((item): item is FilingItem => item.kind !== 'extra' && item.href !== undefined);
  if (page.home) return filings;
  if (placement.pages === 'home' || placement.position === 'none') return [];
  return page.hasSlot ? filings : [];
}

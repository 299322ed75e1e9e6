import type { BeianConfig } from '../config/schema';
import type { LineItem } from './items';

/**
 * Which pages get the line: the one rule, used by the filter that puts it there and by the
 * page audit that expects it, so that the audit never expects a line the filter would not put.
 */

/** The placement settings the rule reads. */
export type PlacementSettings = Pick<BeianConfig, 'pages' | 'position'>;

/** What is known of a page where the line could go. */
export interface PageFacts {
  /**
   * The route path relative to `root`, with `/` separators (`index.html`, `page/2/index.html`,
   * `search.json`); undefined where Hexo gives none (then the page's own markup decides).
   */
  path?: unknown;
  /**
   * Rendered through a theme layout: only those pass through Hexo's `after_render:html`.
   * A `layout: false` page or a file copied as it is (`skip_render`) never gets the line.
   */
  themed: boolean;
}

/**
 * The home page: the route `index.html` at the site root (whatever `root` is); pagination
 * pages (`page/2/index.html`) and an index generator moved elsewhere are not.
 */
export function isHomePage(path: unknown): boolean {
  return path === 'index.html';
}

/**
 * Only HTML routes get the line: a route whose path ends in `.json`, `.xml`, … is served as
 * that type even when a layout rendered it.
 */
export function isHtmlRoute(path: unknown): boolean {
  return typeof path !== 'string' || /\.html?$/i.test(path);
}

/** `pages: home` keeps the line (and the `beian()` helper's output) to the home page. */
export function onShownPages(path: unknown, settings: Pick<PlacementSettings, 'pages'>): boolean {
  return settings.pages !== 'home' || isHomePage(path);
}

/**
 * Whether the filter puts the line on a page that has a place for it (a site footer or
 * `</body>`, see lib/line/inject.ts): a themed HTML route, on the pages `pages` names,
 * unless `position: none` leaves it to the theme's own `beian()` call.
 */
export function carriesLine(page: PageFacts, settings: PlacementSettings): boolean {
  return page.themed && settings.position !== 'none' && isHtmlRoute(page.path) && onShownPages(page.path, settings);
}

/** An item the audit checks: a filing number (an `extra` record is the user's own text). */
export type FilingItem = LineItem & { kind: 'icp' | 'gongan'; href: string };

/**
 * The filing numbers (of the line's items) that a generated page must show.
 *
 * - The home page: all of them, always — 《非经营性互联网信息服务备案管理办法》 art. 13 puts
 *   the ICP number at the bottom of the home page (docs/filing-rules.md, "Legal basis and
 *   deadlines") — whatever the placement settings, so `position: none` with a theme that never
 *   calls `beian()` fails here, as it should.
 * - Any other page: all of them where the filter puts the line ({@link carriesLine}, on a page
 *   with a place for it); none elsewhere.
 *
 * `extra` records are not checked: they are the user's own text, not filings.
 */
export function expectedItems(items: readonly LineItem[], page: PageFacts & { hasSlot: boolean }, settings: PlacementSettings): readonly FilingItem[] {
  const filings = items.filter((item): item is FilingItem => item.kind !== 'extra' && item.href !== undefined);
  if (isHomePage(page.path)) return filings;
  return page.hasSlot && carriesLine(page, settings) ? filings : [];
}

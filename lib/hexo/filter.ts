import type Hexo from 'hexo';
import { MARK, renderLine } from '../line/render';
import { findSlots, injectLine, type Shown } from '../line/inject';
import { carriesLine, onShownPages } from '../line/placement';
import { alreadyShown, copyOf, shownWrongLink, type ThemeSwitch } from '../line/shown';
import { themeSwitch } from '../audit/theme';
import { templateFailed, type BuildReading, type Site } from './site';

/**
 * The Hexo glue of the line: hands every page to {@link injectLine} with this build's line,
 * and gives the `beian()` helper its markup. The site is read once per build (lib/hexo/site.ts);
 * per page there is one parse, and the markup of each set of items is rendered once.
 */

/** The filter, the helper and the build's preparation of one Hexo instance. */
export interface LineFilter {
  /** `before_generate`: this build's reading, and the line rendered once (a broken template is reported here). */
  prepare(): Promise<void>;
  /** `after_render:html`: the page with the filing line, or undefined to keep it as it is. */
  inject(html: string, locals?: PageLocals): string | undefined;
  /** The `beian()` helper: the filing line, for a theme to place itself ('' when nothing is shown here). */
  helper(locals?: PageLocals): string;
}

/**
 * What Hexo passes with a final page (Hexo 6, 7 and 8 alike): its `Locals`, whose `path` is
 * the route path relative to `root` (`index.html`, `page/2/index.html`, `search.json`).
 * Helpers see the same object as `this`.
 */
export interface PageLocals {
  path?: unknown;
}

/** What the filter made of one reading: markup by the items it shows, and lines by the footer text. */
interface Made {
  reading: BuildReading;
  /** The user's template, until it fails once. */
  template?: BuildReading['template'];
  /** Markup by the indexes of the items it shows, rendered once each. */
  markup: Map<string, string>;
  /** The line by what the site footer already shows (`duplicates: skip`; injectLine reads each footer once); emptied each build. */
  lines: Map<Shown, string>;
  /** Items already reported as shown by the page, this build. */
  warned: Set<string>;
  /** Where the theme's own line is turned on, for the message that says how to turn it off. */
  themeSwitch?: ThemeSwitch;
}

/** Creates the line filter of one Hexo instance, on its site reading. */
export function lineFilter(hexo: Hexo, site: Site): LineFilter {
  let made: Made | undefined;

  /** The state of this build, new when the reading is. */
  function current(): Made {
    const reading = site.current();
    if (made?.reading !== reading) {
      made = { reading, template: reading.template, markup: new Map(), lines: new Map(), warned: new Set() };
    }
    return made;
  }

  /** The markup of some of the items (by index), rendered once per reading. */
  function render(state: Made, indexes: number[]): string {
    const id = indexes.join(',');
    let markup = state.markup.get(id);
    if (markup === undefined) {
      const { reading } = state;
      const items = indexes.map(i => reading.items[i]);
      try {
        markup = renderLine(items, reading.labels, state.template?.compiled);
      } catch (err) {
        // Only the user's template can throw (here on some of the items only: the reading tried
        // all of them); from here on this build uses the built-in one, and the audit knows.
        site.add(templateFailed(state.template?.file ?? '', err, reading.config.paths.template, reading.language));
        state.template = undefined;
        state.markup.clear();
        state.lines.clear();
        markup = renderLine(items, reading.labels);
      }
      // Without the mark (the reading warned of it: config-template), wrapped so it is added once.
      if (state.template && markup && findSlots(markup).marks.length === 0) markup = `<div ${MARK}>${markup}</div>`;
      state.markup.set(id, markup);
    }
    return markup;
  }

  const all = (state: Made) => state.reading.items.map((_, index) => index);

  return {
    async prepare() {
      // The build logs what reading the config found (the guard's audit repeats none of it).
      const reading = site.refresh();
      site.log(reading.findings);
      const state = current();
      state.lines.clear(); // so that each build says again which number a page already shows
      state.warned.clear();
      render(state, all(state));
      if (reading.config.duplicates === 'skip' && state.reading.items.length > 0) state.themeSwitch = themeSwitch(await reading.theme());
    },
    inject(html, locals) {
      const state = current();
      const { config, items, language } = state.reading;
      if (items.length === 0 || !carriesLine({ path: locals?.path, themed: true }, config)) return undefined;
      const line = config.duplicates === 'keep'
        ? render(state, all(state))
        : (shown: Shown) => {
          // Every page of a site shows the same few footers: each is compared once per build.
          const known = state.lines.get(shown);
          if (known !== undefined) return known;
          const left = all(state).filter(index => {
            const item = items[index];
            const copy = copyOf(shown, item);
            if (!copy) return true;
            // Only a copy that works is left alone; a broken one gets the line beside it, and a warning.
            const keep = copy.linked === 'wrong';
            const id = `${item.kind}:${item.text}:${copy.linked}`;
            if (!state.warned.has(id)) {
              state.warned.add(id);
              const page = typeof locals?.path === 'string' ? locals.path : '';
              const { themeSwitch } = state;
              const theme = hexo.config.theme;
              site.log([copy.linked === 'wrong' ? shownWrongLink(item, copy.href, page, themeSwitch, theme, language) : alreadyShown(item, page, themeSwitch, theme, language)]);
            }
            return keep;
          });
          const markup = left.length ? render(state, left) : '';
          if (state.lines.size >= 64) state.lines.clear();
          state.lines.set(shown, markup);
          return markup;
        };
      if (config.position === 'none') return undefined; // carriesLine said so already; this tells the type
      // Every line this build writes: a page that carries one (the helper's, or this filter's own) is left as it is.
      const page = injectLine(html, line, config.position, state.markup.values());
      return page === html ? undefined : page;
    },
    helper(locals) {
      const state = current();
      const { config, items } = state.reading;
      if (items.length === 0 || !onShownPages(locals?.path, config)) return '';
      return render(state, all(state));
    }
  };
}

import type Hexo from 'hexo';
import { url_for } from 'hexo-util';
import { describe, languageOf, type Finding, type Language } from './diagnostic';
import { readConfig } from './config';
import { footerItems, renderFooter } from './render';
import { injectFooter } from './inject';

/**
 * The Hexo glue of the footer: reads the config and renders the filing line once per build
 * (again only when the config changed, as under `hexo server`), logs each problem once, and
 * hands every page to {@link injectFooter}.
 */
export interface FooterFilter {
  /** `before_generate`: re-read the config if it changed since the last build. */
  prepare(): void;
  /** `after_render:html`: the page with the filing line, or undefined to keep it as it is. */
  inject(html: string): string | undefined;
}

/** Logs findings through Hexo's logger, each as one entry naming its config path. */
export function logFindings(log: Hexo['log'], findings: readonly Finding[], language: Language): void {
  for (const finding of findings) {
    const line = `hexo-beian: ${describe(finding, language)}`;
    if (finding.severity === 'error') log.error(line);
    else if (finding.severity === 'warning') log.warn(line);
    else log.info(line);
  }
}

/** Creates the footer filter of one Hexo instance. */
export function footerFilter(hexo: Hexo): FooterFilter {
  let key: string | undefined;
  let markup = '';

  function prepare(): void {
    const { beian, language, url, root } = hexo.config;
    // Dates stringify as ISO text, so the key changes whenever anything shown could.
    const nextKey = JSON.stringify([beian, language, url, root]);
    if (nextKey === key) return;
    key = nextKey;
    const lang = languageOf(language);
    const { config, findings } = readConfig(beian, lang);
    logFindings(hexo.log, findings, lang);
    markup = renderFooter(footerItems(config, lang, path => url_for.call(hexo, path)));
  }

  return {
    prepare,
    inject(html) {
      if (key === undefined) prepare();
      if (!markup) return undefined;
      const page = injectFooter(html, markup);
      return page === html ? undefined : page;
    }
  };
}

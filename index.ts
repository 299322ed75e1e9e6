/**
 * hexo-beian: shows and checks China's ICP and public-security (公安) filing numbers.
 *
 * Hexo runs this file wrapped in a function whose `hexo` parameter is the site; required
 * anywhere else (`require('hexo-beian')`) there is no `hexo`, and it only exports the
 * filing-number engine.
 */
import type Hexo from 'hexo';
import { footerFilter } from './lib/footer';
import { beianCommand, CHECK_COMMAND } from './lib/check';

export { parseIcp, parseGongan, compareFilings } from './lib/filing';
export type { FilingResult, FilingKind, ParseOptions } from './lib/filing';
export type { Diagnostic, Severity, Language } from './lib/diagnostic';

declare const hexo: Hexo | undefined;

if (typeof hexo !== 'undefined') {
  const footer = footerFilter(hexo);
  hexo.extend.filter.register('before_generate', () => footer.prepare());
  hexo.extend.filter.register('after_render:html', (html: string) => footer.inject(html));
  hexo.extend.console.register('beian', CHECK_COMMAND.desc, CHECK_COMMAND, function (this: Hexo, args) {
    return beianCommand(this, args);
  });
}

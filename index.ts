/**
 * hexo-beian: shows and checks China's ICP and public-security (公安) filing numbers.
 *
 * Hexo runs this file wrapped in a function whose `hexo` parameter is the site; required
 * anywhere else (`require('hexo-beian')`) there is no `hexo`, and it only exports the
 * filing-number engine.
 */
import type Hexo from 'hexo';
import { lineFilter, type PageLocals } from './lib/hexo/filter';
import { beianCommand, CHECK_COMMAND } from './lib/hexo/command';
import { publishGuard } from './lib/hexo/guard';

export { parseIcp, parseGongan, compareFilings } from './lib/engine/filing';
export type { FilingResult, FilingKind, ParseOptions } from './lib/engine/filing';
export type { Diagnostic, Severity, Language } from './lib/engine/diagnostic';

declare const hexo: Hexo | undefined;

if (typeof hexo !== 'undefined') {
  const footer = lineFilter(hexo);
  hexo.extend.filter.register('before_generate', () => footer.prepare());
  // Hexo runs `after_render:html` once per final page, with the page's locals.
  hexo.extend.filter.register('after_render:html', (html: string, locals?: PageLocals) => footer.inject(html, locals));
  // A helper's `this` is the page's locals (Hexo types it as the Hexo instance).
  hexo.extend.helper.register('beian', function (this: unknown) {
    return footer.helper(this as PageLocals);
  });
  // After the footer's own before_generate (priority 10), which logs the config's findings.
  const guard = publishGuard(hexo);
  hexo.extend.filter.register('before_generate', () => guard.beforeGenerate(), 20);
  hexo.on('deployBefore', () => guard.deployBefore());
  hexo.extend.console.register('beian', CHECK_COMMAND.desc, CHECK_COMMAND, function (this: Hexo, args) {
    return beianCommand(this, args);
  });
}

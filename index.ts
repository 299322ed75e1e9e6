/**
 * hexo-beian: shows and checks China's ICP and public-security (公安) filing numbers.
 *
 * Hexo runs this file wrapped in a function whose `hexo` parameter is the site; required
 * anywhere else (`require('hexo-beian')`) there is no `hexo`, and it only exports the
 * filing-number engine.
 */

import type Hexo from 'hexo';
import { siteOf } from './lib/hexo/site';
import { lineFilter, type PageLocals } from './lib/hexo/filter';
import { publishGuard } from './lib/hexo/guard';
import { beianCommand, CHECK_COMMAND } from './lib/hexo/command';

export { parseIcp, parseGongan, compareFilings } from './lib/engine/filing';
export type { FilingResult, FilingKind, ParseOptions } from './lib/engine/filing';
export type { Diagnostic, Severity, Language } from './lib/engine/diagnostic';

declare const hexo: Hexo | undefined;

if (typeof hexo !== 'undefined') {
  // The site is read once per build and handed to each part.
  const site = siteOf(hexo);
  const line = lineFilter(hexo, site);
  const guard = publishGuard(hexo, site);
  // Whatever name runs `generate` (`hexo gen`, `hexo.call`), the guard sees it; at `ready` again,
  // in case a plugin loaded after this one registered its own.
  guard.attach();
  hexo.on('ready', () => guard.attach());
  hexo.extend.filter.register('before_generate', () => line.prepare());
  // After the line's own before_generate (priority 10), which reads the site for this build.
  hexo.extend.filter.register('before_generate', () => guard.beforeGenerate(), 20);
  // Hexo runs `after_render:html` once per final page, with the page's locals. Late (after the
  // default 10), so that the theme's and other plugins' page filters see no line to rewrite
  // (Fluid's lazyload gave its icon a loading image for srcset) and the line sees their footer.
  hexo.extend.filter.register('after_render:html', (html: string, locals?: PageLocals) => line.inject(html, locals), 100);
  // A helper's `this` is the page's locals (Hexo types it as the Hexo instance).
  hexo.extend.helper.register('beian', function (this: unknown) {
    return line.helper(this as PageLocals);
  });
  hexo.on('deployBefore', () => guard.deployBefore());
  hexo.extend.console.register('beian', CHECK_COMMAND.desc, CHECK_COMMAND, function (this: Hexo, args) {
    // The check reports what it finds; the guard is not to stop its own `--generate`.
    return guard.aside(() => beianCommand(this, site, args));
  });
}

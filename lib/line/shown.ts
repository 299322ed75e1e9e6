import type { Language } from '../engine/diagnostic';
import { finding, type Finding } from '../finding';
import type { LineItem } from './items';
import { ownLineAdvice } from '../themes';

/**
 * What a page already shows: a number is shown when the text holds it as a whole number; and
 * the warning when the line leaves such a number out.
 */

/** Invisible characters people paste along with numbers. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

/** Text as compared with a number: NFKC (full-width → half-width), no spaces or invisible characters. */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * True when `compact` (see {@link compactText}) shows the item's text as a whole number:
 * `京ICP备20000491号-1` is not shown by `…号-10`, nor `…号` by `…号-1`.
 */
export function shows(compact: string, item: LineItem): boolean {
  const text = compactText(item.text);
  if (!text) return false;
  // A text that starts with a letter or digit (`B2-20080101`) must not be the tail of a longer one.
  const open = /^[\dA-Za-z]/.test(text);
  for (let at = compact.indexOf(text); at >= 0; at = compact.indexOf(text, at + 1)) {
    const after = compact.slice(at + text.length, at + text.length + 2);
    if (/^(?:\d|-\d)/.test(after)) continue;
    if (open && /[\dA-Za-z]/.test(compact.charAt(at - 1))) continue;
    return true;
  }
  return false;
}

/** The theme setting that shows the number, where the theme audit found it turned on. */
export interface ThemeSwitch {
  /** The theme's name as people write it (`NexT`). */
  label: string;
  /** The file it is turned on in, relative to the site (`themes/next/_config.yml`). */
  file: string;
  /** The key path in that file (`footer.beian.enable`, `theme_config.footer.beian.enable`). */
  key: string;
}

const ANY_THEME = {
  zh: '请从主题的页脚设置中删去这个号码',
  en: 'Remove the number from the theme\'s footer settings'
};

/**
 * What the line leaves out: a number the page's site footer already shows (`duplicates: skip`).
 * Information, not a warning: no page shows it twice; the page audit judges the theme's link.
 * It names the page, the number, and the theme setting to turn off, in the file it is on in.
 *
 * @param setting where the theme's own line is turned on, when the theme audit knows the theme.
 * @param theme   the site's `theme` (`butterfly`, …): a described theme's keys (lib/themes), when `setting` is unknown.
 */
export function alreadyShown(item: LineItem, page: string, setting: ThemeSwitch | undefined, theme: unknown, language: Language): Finding {
  const key = item.path;
  const change = setting
    ? {
      zh: `这是 ${setting.label} 自带的备案栏：在 ${setting.file} 中设置 ${setting.key}: false`,
      en: `This is ${setting.label}'s own filing line: set ${setting.key}: false in ${setting.file}`
    }
    : ownLineAdvice(theme) ?? ANY_THEME;
  return finding(language, 'already-shown', 'info', {
    zh: `页面已显示 ${item.text}（${key}），hexo-beian 没有再显示一遍（其他这样的页面同样处理）。${change.zh}，`
      + '由 hexo-beian 显示经过校验、带正确链接的号码；若要两者都显示，请设置 beian.duplicates: keep。',
    en: `The page already shows ${item.text} (${key}), so hexo-beian left it out of its line there (and on other such pages). ${change.en} `
      + 'so that hexo-beian shows it, checked and correctly linked; to show both, set beian.duplicates: keep.'
  }, { path: key, page });
}

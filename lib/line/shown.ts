import type { Language } from '../engine/diagnostic';
import { finding, type Finding } from '../finding';
import type { LineItem } from './items';

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

/** What to change in the themes whose own filing settings are known (docs/filing-rules.md, "How existing themes do it"). */
const THEME_SETTINGS: Record<string, { zh: string; en: string }> = {
  next: {
    zh: '这通常是 NexT 自带的备案栏：请在 _config.next.yml 中设置 footer.beian.enable: false',
    en: 'This is usually NexT\'s own filing line: set footer.beian.enable: false in _config.next.yml'
  },
  fluid: {
    zh: '这通常是 Fluid 自带的备案栏：请在 _config.fluid.yml 中设置 footer.beian.enable: false',
    en: 'This is usually Fluid\'s own filing line: set footer.beian.enable: false in _config.fluid.yml'
  },
  butterfly: {
    zh: '请从 _config.butterfly.yml 的 footer.custom_text 中删去这个号码',
    en: 'Remove the number from footer.custom_text in _config.butterfly.yml'
  }
};

const ANY_THEME = {
  zh: '请从主题的页脚设置中删去这个号码',
  en: 'Remove the number from the theme\'s footer settings'
};

/**
 * The warning for a number the page already shows: which page, which number, the theme
 * setting to change, and the option that keeps both.
 *
 * @param theme the site's `theme` (`next`, `fluid`, …).
 */
export function alreadyShown(item: LineItem, page: string, theme: unknown, language: Language): Finding {
  const key = item.path;
  const name = typeof theme === 'string' ? theme.replace(/^hexo-theme-/, '') : '';
  const change = THEME_SETTINGS[name] ?? ANY_THEME;
  return finding(language, 'already-shown', 'warning', {
    zh: `页面已显示 ${item.text}（${key}），hexo-beian 没有再显示一遍（其他这样的页面同样处理）。${change.zh}，`
      + '由 hexo-beian 显示经过校验、带正确链接的号码；若要两者都显示，请设置 beian.duplicates: keep。',
    en: `The page already shows ${item.text} (${key}), so hexo-beian left it out of its line there (and on other such pages). ${change.en} `
      + 'so that hexo-beian shows it, checked and correctly linked; to show both, set beian.duplicates: keep.'
  }, { path: key, page });
}

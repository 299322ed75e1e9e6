import type { ThemeDescription } from './types';

/** Arknights: described, not built here (only with --ignore-scripts and an old sass renderer). */
export const arknights: ThemeDescription = {
  id: 'arknights',
  label: 'Arknights',
  packages: ['hexo-theme-arknights'],
  version: '1.2.3',
  text: ['aside.copyright.*'],
  shownIn: 'sidebar',
  wrong: { zh: '号码在侧栏的 `<footer>` 里，不带链接', en: 'the number is in the sidebar\'s `<footer>`, not linked' }
};

import type { ThemeDescription } from './types';

export const volantis: ThemeDescription = {
  id: 'volantis',
  label: 'Volantis',
  packages: ['hexo-theme-volantis'],
  version: '6.8.3',
  text: ['site_footer.*'],
  wrong: { zh: '号码写在 `site_footer` 某一项的 Markdown 里', en: 'the number goes in Markdown in a `site_footer` item' }
};

import type { ThemeDescription } from './types';

export const stellar: ThemeDescription = {
  id: 'stellar',
  label: 'Stellar',
  packages: ['hexo-theme-stellar'],
  version: '1.44.0',
  text: ['footer.content'],
  wrong: { zh: '号码写在 `footer.content` 的 Markdown 里', en: 'the number goes in Markdown in `footer.content`' }
};

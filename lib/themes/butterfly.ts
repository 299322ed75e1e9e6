import type { ThemeDescription } from './types';

export const butterfly: ThemeDescription = {
  id: 'butterfly',
  label: 'Butterfly',
  packages: ['hexo-theme-butterfly'],
  version: '5.7.0',
  text: ['footer.custom_text'],
  wrong: {
    zh: '没有备案设置（`footer.ICP` 在 3.4.0 删除）：号码和链接写在 `footer.custom_text` 的 HTML 里，怎么写都行',
    en: 'no filing setting (`footer.ICP` was removed in 3.4.0): numbers and links go in raw HTML in `footer.custom_text`, however written'
  }
};

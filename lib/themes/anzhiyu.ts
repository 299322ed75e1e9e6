import type { ThemeDescription } from './types';

export const anzhiyu: ThemeDescription = {
  id: 'anzhiyu',
  label: 'AnZhiYu',
  packages: ['hexo-theme-anzhiyu'],
  version: '1.7.0',
  enable: 'footer.footerBar.enable',
  enableHidesMore: true,
  list: { key: 'footer.footerBar.linkList', text: 'text', link: 'link' },
  wrong: {
    zh: '号码写在页脚链接列表里（注释示例 `湘ICP备-xxxxxxx号`）',
    en: 'the number goes in the footer\'s link list (commented sample `湘ICP备-xxxxxxx号`)'
  }
};

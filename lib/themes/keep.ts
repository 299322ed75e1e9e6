import type { ThemeDescription } from './types';

export const keep: ThemeDescription = {
  id: 'keep',
  label: 'Keep',
  packages: ['hexo-theme-keep'],
  version: '4.3.0',
  enable: 'footer.record.enable',
  list: { key: 'footer.record.list', text: 'code', link: 'link' },
  wrong: {
    zh: '链接照写什么用什么（可以没有）；主题配置连同号码还会写进页面里的一段 JSON 脚本',
    en: 'each link as given (or none); the theme config, numbers included, is also written into an inline JSON script'
  }
};

import type { ThemeDescription } from './types';

/** Nexmoe: described, not built here (it fails on its first run). */
export const nexmoe: ThemeDescription = {
  id: 'nexmoe',
  label: 'Nexmoe',
  packages: ['hexo-theme-nexmoe'],
  version: '4.2.2',
  text: ['slotSidebar'],
  shownIn: 'sidebar',
  wrong: {
    zh: '号码在侧栏而不在页脚；生成的默认配置带着作者自己的真实号码（还有统计 id）',
    en: 'the number is in the sidebar, not the footer; its generated default config carries its author\'s real number (and analytics ids)'
  }
};

import type { ThemeDescription } from './types';

/** Aurora: described, not built here (it needs hexo-plugin-aurora, not on npm). */
export const aurora: ThemeDescription = {
  id: 'aurora',
  label: 'Aurora',
  packages: ['hexo-theme-aurora'],
  version: '2.5.3',
  icp: { number: 'site.beian.number', link: 'site.beian.link' },
  gongan: { number: 'site.police_beian.number', link: 'site.police_beian.link' },
  shownIn: 'script',
  wrong: {
    zh: 'Vue 应用：生成的 HTML 里没有号码，只在浏览器里显示；链接照写',
    en: 'a Vue app: the numbers are not in the generated HTML, only drawn in the browser; links as given'
  }
};

import type { ThemeDescription } from './types';

export const redefine: ThemeDescription = {
  id: 'redefine',
  label: 'Redefine',
  packages: ['hexo-theme-redefine'],
  version: '2.9.0',
  enable: 'footer.icp.enable',
  icp: { number: 'footer.icp.number', link: 'footer.icp.url', href: 'https://beian.miit.gov.cn' },
  wrong: {
    zh: '只有 ICP；`url` 可以写成任何地址；`href` 里带换行和空格',
    en: 'ICP only; `url` may be any address; the `href` holds newlines and spaces'
  }
};

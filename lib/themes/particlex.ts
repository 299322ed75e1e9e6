import type { ThemeDescription } from './types';

export const particlex: ThemeDescription = {
  id: 'particlex',
  label: 'Particlex',
  packages: ['hexo-theme-particlex'],
  version: '2.8.1',
  enable: 'footer.ICP.enable',
  icp: { number: 'footer.ICP.code', link: 'footer.ICP.link', always: true },
  wrong: {
    zh: '只有 ICP；`link` 为空时号码不带链接，`link` 可以写成任何地址',
    en: 'ICP only; no link when `link` is empty, and `link` may be any address'
  }
};

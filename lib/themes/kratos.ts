import type { ThemeDescription } from './types';

/** Kratos-Rebirth 2.x (git): 3.x on npm has no filing keys. */
export const kratos: ThemeDescription = {
  id: 'kratos-rebirth',
  label: 'Kratos-Rebirth',
  packages: [],
  folders: ['kratos', 'hexo-theme-kratos-rebirth'],
  version: '2.1.0',
  before: 3,
  icp: { number: 'icp', href: 'https://beian.miit.gov.cn' },
  gongan: { number: 'psr', href: 'http://www.beian.gov.cn' },
  wrong: {
    zh: '公安号码链接到 `http://www.beian.gov.cn`，不带 code',
    en: 'links the 公安 number to `http://www.beian.gov.cn`, without the code'
  }
};

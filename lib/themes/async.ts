import type { ThemeDescription } from './types';

export const async: ThemeDescription = {
  id: 'async',
  label: 'Async',
  packages: ['hexo-theme-async'],
  version: '2.2.7',
  enable: 'footer.beian.enable',
  icp: { number: 'footer.beian.icp', href: 'https://beian.miit.gov.cn/', always: true },
  wrong: { zh: '只有 ICP', en: 'ICP only' }
};

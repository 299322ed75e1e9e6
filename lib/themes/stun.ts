import type { ThemeDescription } from './types';

export const stun: ThemeDescription = {
  id: 'stun',
  label: 'Stun',
  packages: ['hexo-theme-stun'],
  version: '2.8.0',
  enable: 'footer.beian.enable',
  icp: { number: 'footer.beian.icp' },
  wrong: { zh: '号码不带链接（一个 `<span>`），作为 HTML 输出', en: 'the number is not linked (a plain `<span>`), output as raw HTML' }
};

import type { ThemeDescription } from './types';
import { MPS_QUERY } from './links';

/** ShokaX (npm, but builds only with effort): a description alone. */
export const shokax: ThemeDescription = {
  id: 'shokax',
  label: 'ShokaX',
  packages: ['hexo-theme-shokax'],
  version: '0.5.4',
  enable: 'footer.icp.enable',
  icp: { number: 'footer.icp.icpnumber', href: 'https://beian.miit.gov.cn' },
  gongan: { number: 'footer.icp.beian', href: MPS_QUERY, code: 'footer.icp.recordcode', icon: 'footer.icp.icon', iconSrc: '/assets/' },
  wrong: {
    zh: '占位号码 `xxx`；`recordcode` 可以和号码不一致；`icon` 为空时显示坏图 `/assets/`',
    en: 'placeholders `xxx`; `recordcode` may disagree with the number; a broken `<img src="/assets/">` when `icon` is empty'
  }
};

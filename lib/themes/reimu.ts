import type { ThemeDescription } from './types';
import { MPS_QUERY } from './links';

export const reimu: ThemeDescription = {
  id: 'reimu',
  label: 'Reimu',
  packages: ['hexo-theme-reimu'],
  version: '1.12.6',
  icp: { number: 'icp.icpnumber', href: 'https://beian.miit.gov.cn' },
  gongan: { number: 'icp.beian', href: MPS_QUERY, code: 'icp.recordcode', needs: 'code' },
  wrong: {
    zh: '没有开关，写了号码就显示；`recordcode` 可以和号码不一致',
    en: 'no switch: a number set is shown; `recordcode` may disagree with the number'
  }
};

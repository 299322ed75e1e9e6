import type { ThemeDescription } from './types';
import { OLD_MPS_QUERY } from './links';

export const fluid: ThemeDescription = {
  id: 'fluid',
  label: 'Fluid',
  packages: ['hexo-theme-fluid'],
  version: '1.9.9',
  enable: 'footer.beian.enable',
  icp: { number: 'footer.beian.icp_text', href: 'http://beian.miit.gov.cn/', always: true },
  gongan: { number: 'footer.beian.police_text', href: OLD_MPS_QUERY, code: 'footer.beian.police_code', icon: 'footer.beian.police_icon' },
  wrong: {
    zh: '占位号码（`京ICP证123456号`、`京公网安备12345678号`）；ICP 链接是 http，公安链接到已停用的旧 MPS 地址',
    en: 'placeholder numbers (`京ICP证123456号`, `京公网安备12345678号`); the ICP link is plain http, the 公安 link the retired MPS portal'
  }
};

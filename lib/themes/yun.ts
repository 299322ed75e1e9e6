import type { ThemeDescription } from './types';
import { OLD_MPS_QUERY } from './links';

export const yun: ThemeDescription = {
  id: 'yun',
  label: 'Yun',
  packages: ['hexo-theme-yun'],
  version: '1.10.11',
  icp: { enable: 'footer.beian.enable', number: 'footer.beian.icp', href: 'https://beian.miit.gov.cn/', always: true },
  gongan: { enable: 'footer.beian.gongan.enable', number: 'footer.beian.gongan.text', href: OLD_MPS_QUERY, code: 'footer.beian.gongan.id' },
  wrong: {
    zh: '占位号码 `京公网安备 XXXXXXXX 号`、`id: XXXXXXXX`；公安链接到已停用的旧 MPS 地址，`id` 可以和号码不一致',
    en: 'placeholders `京公网安备 XXXXXXXX 号`, `id: XXXXXXXX`; the 公安 link is the retired MPS portal, and `id` may disagree with the number'
  }
};

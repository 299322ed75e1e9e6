import type { ThemeDescription } from './types';
import { OLD_MPS_QUERY } from './links';

/** theme-next 7.x (git only): NexT's keys, with the links of its time. */
export const next7: ThemeDescription = {
  id: 'next7',
  label: 'NexT 7',
  packages: [],
  folders: ['next', 'theme-next', 'hexo-theme-next'],
  version: '7.8.0',
  before: 8,
  enable: 'footer.beian.enable',
  icp: { number: 'footer.beian.icp', href: 'http://www.beian.miit.gov.cn', always: true },
  gongan: { number: 'footer.beian.gongan_num', href: OLD_MPS_QUERY, code: 'footer.beian.gongan_id', needs: 'code', icon: 'footer.beian.gongan_icon_url' },
  wrong: {
    zh: 'ICP 链接到已停用的 `http://www.beian.miit.gov.cn`，公安链接到已停用的旧 MPS 地址',
    en: 'links the ICP number to the dead `http://www.beian.miit.gov.cn` and the 公安 number to the retired MPS portal'
  }
};

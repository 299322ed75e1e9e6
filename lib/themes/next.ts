import type { ThemeDescription } from './types';
import { MPS_QUERY } from './links';

export const next: ThemeDescription = {
  id: 'next',
  label: 'NexT',
  packages: ['hexo-theme-next'],
  version: '8.29.0',
  since: 8,
  enable: 'footer.beian.enable',
  icp: { number: 'footer.beian.icp', href: 'https://beian.miit.gov.cn', always: true },
  gongan: { number: 'footer.beian.gongan_num', href: MPS_QUERY, code: 'footer.beian.gongan_id', needs: 'code', icon: 'footer.beian.gongan_icon_url' },
  wrong: {
    zh: '`gongan_id`（链接里的数字）可以和 `gongan_num` 不一致；`exturl: true` 时链接变成 base64 的 `data-url`',
    en: '`gongan_id` (the link\'s digits) may disagree with `gongan_num`; with `exturl: true` the links become base64 `data-url` spans'
  }
};

import type { ThemeDescription } from './types';

export const ayer: ThemeDescription = {
  id: 'ayer',
  label: 'Ayer',
  packages: ['hexo-theme-ayer'],
  version: '1.9.7-0',
  icp: { enable: 'icp.enable', number: 'icp.text', link: 'icp.url' },
  gongan: { enable: 'gongan.enable', number: 'gongan.text', link: 'gongan.url', icon: 'gongan.img' },
  wrong: {
    zh: '附带示例号码，公安链接是已停用的旧 MPS 地址；默认开着作者的 cnzz 统计',
    en: 'ships sample numbers, the 公安 link the retired MPS portal; ships its author\'s cnzz tracking on'
  }
};

import type { ThemeDescription } from './types';

export const ayer: ThemeDescription = {
  id: 'ayer',
  label: 'Ayer',
  packages: ['hexo-theme-ayer'],
  version: '1.9.7-0',
  icp: { enable: 'icp.enable', number: 'icp.text', link: 'icp.url' },
  gongan: { enable: 'gongan.enable', number: 'gongan.text', link: 'gongan.url', icon: 'gongan.img' },
  shipped: ['浙ICP备88888888', '浙公网安备01234567890123号'],
  wrong: {
    zh: '示例号码 `浙ICP备88888888`、`浙公网安备01234567890123号`，公安链接是已停用的旧 MPS 地址；默认开着作者的 cnzz 统计',
    en: 'sample numbers `浙ICP备88888888`, `浙公网安备01234567890123号`, the 公安 link the retired MPS portal; ships its author\'s cnzz tracking on'
  }
};

import type { ThemeDescription } from './types';

export const solitude: ThemeDescription = {
  id: 'solitude',
  label: 'Solitude',
  packages: ['hexo-theme-solitude'],
  version: '2.1.10',
  list: { key: 'footer.beian', text: 'name', link: 'url', icon: 'icon' },
  wrong: {
    zh: '注释里的示例是别人的真实号码；示例的 MPS 链接没有 code，图标盗链 beian.mps.gov.cn',
    en: 'its commented sample holds someone\'s real numbers, an MPS link without the code and an icon hot-linked from beian.mps.gov.cn'
  }
};

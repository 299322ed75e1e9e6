import type { ThemeDescription } from './types';

export const kaze: ThemeDescription = {
  id: 'kaze',
  label: 'Kaze',
  packages: ['hexo-theme-kaze'],
  version: '1.0.5',
  icp: { number: 'footer.RecordInfo', href: 'http://www.beian.miit.gov.cn/' },
  gongan: { number: 'footer.govRecordInfo', link: 'footer.govRecordUrl', iconSrc: '/img/beian.png' },
  wrong: {
    zh: 'ICP 链接到已停用的 `http://www.beian.miit.gov.cn/`；公安链接照写（`href` 末尾多一个空格）；图标 `/img/beian.png` 主题没有带',
    en: 'links the ICP number to the dead `http://www.beian.miit.gov.cn/`; the 公安 link as given (a trailing space in `href`); its icon `/img/beian.png` is not shipped'
  }
};

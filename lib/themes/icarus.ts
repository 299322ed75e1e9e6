import type { ThemeDescription } from './types';

export const icarus: ThemeDescription = {
  id: 'icarus',
  label: 'Icarus',
  packages: ['hexo-theme-icarus'],
  version: '6.1.1',
  text: ['footer.copyright'],
  wrong: {
    zh: '号码写在 `footer.copyright` 的 HTML 里；配置说明的示例是 `粤ICP备12345678号`；首次运行时生成 `_config.icarus.yml`',
    en: 'the number goes in raw HTML in `footer.copyright`; its schema\'s example is `粤ICP备12345678号`; writes `_config.icarus.yml` on first run'
  }
};

import type { ThemeDescription } from './types';

/** Melody (git): described, not built here. */
export const melody: ThemeDescription = {
  id: 'melody',
  label: 'Melody',
  packages: [],
  folders: ['hexo-theme-melody'],
  version: '1.9.1',
  icp: { enable: 'ICP.enable', number: 'ICP.text', link: 'ICP.url' },
  wrong: { zh: '只有 ICP；链接照写', en: 'ICP only; the link as given' }
};

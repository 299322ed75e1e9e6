import type { ThemeDescription } from './types';

/** Matery (git only): described, not built here. */
export const matery: ThemeDescription = {
  id: 'matery',
  label: 'Matery',
  packages: [],
  folders: ['hexo-theme-matery'],
  version: '2.0.0',
  icp: { enable: 'icp.enable', number: 'icp.text', link: 'icp.url' },
  wrong: {
    zh: 'ICP 号码旁边放的是公安的徽标；链接照写',
    en: 'shows the public-security emblem next to the ICP number; the link as given'
  }
};

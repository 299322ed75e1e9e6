/**
 * What hexo-beian knows of a theme's own filing line: where its config keeps the numbers and
 * links, what its layout makes of them, what it gets wrong and how to turn it off. One
 * description per theme (lib/themes/<name>.ts, listed in lib/themes/index.ts); the theme
 * audit (lib/audit/theme.ts) reads and judges every theme through these alone.
 *
 * Key paths are dotted paths inside the theme's config (`footer.beian.icp`), as written in
 * the theme's `_config.yml`, `_config.<theme>.yml` or `theme_config`.
 *
 * How its own line is turned off follows from the description: `enable` (or the number's own
 * `enable`) set to false; with no switch, the number's key emptied; in a list or free text,
 * the number removed from it.
 */

/** A number with a key of its own (NexT `footer.beian.icp`), and how the layout links it. */
export interface DedicatedKey {
  /** The key holding the displayed number text. */
  number: string;
  /** A switch for this number alone (Ayer `gongan.enable`); the line's `enable` applies too. */
  enable?: string;
  /**
   * The link the layout gives it: fixed (NexT `https://beian.miit.gov.cn`), or, with `code`,
   * the address the code is appended to.
   */
  href?: string;
  /** The key holding the 公安 code appended to `href` (NexT `gongan_id`): it may disagree with the number. */
  code?: string;
  /** The key holding the whole link as the user writes it (Ayer `gongan.url`). */
  link?: string;
  /** The layout shows the number only when this key is set too (NexT needs `gongan_id`). */
  needs?: 'code';
  /** The layout prints the item even with no number (an empty link): NexT's and Fluid's ICP. */
  always?: boolean;
  /** The key holding the icon shown with it. */
  icon?: string;
  /** The icon the layout shows when `icon` is blank or there is no such key (Kaze's `/img/beian.png`). */
  iconSrc?: string;
}

/** A list of records (Keep `footer.record.list: [{code, link}]`): each item's text may hold a number. */
export interface ListKey {
  key: string;
  /** The item's field holding the displayed text. */
  text: string;
  /** The item's field holding its link (unlinked when empty). */
  link?: string;
  /** The item's field holding its icon. */
  icon?: string;
}

/** Where the layout puts the numbers. */
export type ShownIn = 'footer' | 'sidebar' | 'script';

export interface ThemeDescription {
  /** The name hexo-beian knows it by: its folder name without `hexo-theme-` (`next`). */
  id: string;
  /** As people write it (`NexT`). */
  label: string;
  /** Its npm packages (`hexo-theme-next`); empty when it installs from git only. */
  packages: readonly string[];
  /** Other `theme:` values and `themes/<folder>` names it goes by (`hexo-theme-next` is always known). */
  folders?: readonly string[];
  /** The version the description was read from. */
  version: string;
  /**
   * The major versions it describes, when one folder name means different themes (`next`
   * is NexT 8 from npm, or theme-next 7 from git): from `since`, below `before`.
   */
  since?: number;
  before?: number;
  /** The switch of the whole line (`footer.beian.enable`); none when setting a number shows it. */
  enable?: string;
  /**
   * The switch hides more than the filing line (AnZhiYu's `footer.footerBar.enable`, its whole
   * footer bar): it gates the line, but the handover takes the number out instead.
   */
  enableHidesMore?: boolean;
  icp?: DedicatedKey;
  gongan?: DedicatedKey;
  list?: ListKey;
  /**
   * Free-text fields (HTML or Markdown) where users write the numbers (Butterfly
   * `footer.custom_text`); `key.*` is each text under `key` (Volantis `site_footer.*`).
   */
  text?: readonly string[];
  /** Where its layout shows them (default: the site footer). */
  shownIn?: ShownIn;
  /** What it gets wrong, for the README's table: one short phrase each language. */
  wrong: { zh: string; en: string };
}

import type { FilingResult } from '../engine/filing';
import { printable } from '../engine/text';

/**
 * The `beian` block of a site's `_config.yml`: its shape, its defaults, and the config path of
 * every key. The one place that spells a key's path; everything else takes the paths the read
 * config carries (`config.paths`).
 *
 * ```yaml
 * beian:
 *   enable: true                       # false turns everything off
 *   icp: 京ICP备20000491号-1            # or {number, approved: 2024-05-20}
 *   gongan: 京公网安备11010502030143号    # or bare digits, a YAML integer, or {number, icon};
 *                                      # while pending: {applied: 2024-06-10} (no number yet)
 *   online: 2024-06-01                 # optional: the day the site went online
 *   guard: warn                        # off | warn | block: the audit before generate and deploy
 *   extra:                             # further records, after the two filings
 *     - {text: 京ICP证030173号, link: https://dxzhgl.miit.gov.cn/}
 *   position: footer                   # footer | body_end | none
 *   pages: all                         # all | home
 *   duplicates: skip                   # skip | keep: a number the page already shows, linked to its query system
 *   template: beian.njk                # the user's own nunjucks template
 *   domains:                           # per host of `url`: that host's numbers
 *     blog.example.cn: {icp: 京ICP备20000491号-1, gongan: 11010502030143}
 * ```
 */

/** Where the filing line goes: in the site footer (else before `</body>`), before `</body>`, or only where the theme calls `beian()`. */
export type Position = 'footer' | 'body_end' | 'none';
/** Which pages get it: every page, or the home page only (the MIIT rule names the home page). */
export type Pages = 'all' | 'home';
/** A number the page already shows (the theme's own filing line): leave it out of ours when that copy is linked to its query system, or show it twice. */
export type Duplicates = 'skip' | 'keep';
/** What the publish guard does with the audit's findings (lib/hexo/guard.ts): nothing, print them, or stop on an error. */
export type GuardMode = 'off' | 'warn' | 'block';

/** The defaults, frozen: reading a config copies, never mutates, them. */
export const DEFAULTS = Object.freeze({
  enable: true,
  position: 'footer' as Position,
  pages: 'all' as Pages,
  duplicates: 'skip' as Duplicates,
  guard: 'warn' as GuardMode,
  icon: Object.freeze({ width: 16, height: 16 })
});

export const POSITIONS: readonly Position[] = ['footer', 'body_end', 'none'];
export const PAGES: readonly Pages[] = ['all', 'home'];
export const DUPLICATES: readonly Duplicates[] = ['skip', 'keep'];
export const GUARD_MODES: readonly GuardMode[] = ['off', 'warn', 'block'];

/** The keys of `beian` that take one of a few words, with their words. */
export const CHOICE_KEYS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['position', POSITIONS], ['pages', PAGES], ['duplicates', DUPLICATES], ['guard', GUARD_MODES]
]);

/** The keys of each block, in the order the README lists them. */
export const KEYS = Object.freeze({
  beian: ['enable', 'icp', 'gongan', 'online', 'extra', 'position', 'pages', 'duplicates', 'template', 'domains', 'guard'],
  icp: ['number', 'approved'],
  gongan: ['number', 'icon', 'applied'],
  extra: ['text', 'link'],
  domain: ['icp', 'gongan']
} as const);

/** The block's own name in `_config.yml`. */
export const ROOT = 'beian';

/** The config paths of one build's keys: where each value is, or would be, written. */
export interface ConfigPaths {
  /** The block that holds `icp` and `gongan`: `beian`, or `beian.domains["host"]`. */
  block: string;
  icp: string;
  icpApproved: string;
  gongan: string;
  gonganIcon: string;
  gonganApplied: string;
  enable: string;
  online: string;
  extra: string;
  position: string;
  pages: string;
  duplicates: string;
  template: string;
  domains: string;
  guard: string;
}

/** The paths of a build whose numbers are in `block` (`beian`, or a `domains` entry's path). */
export function configPaths(block: string = ROOT): ConfigPaths {
  const top = (key: string) => `${ROOT}.${key}`;
  return {
    block,
    icp: `${block}.icp`,
    icpApproved: `${block}.icp.approved`,
    gongan: `${block}.gongan`,
    gonganIcon: `${block}.gongan.icon`,
    gonganApplied: `${block}.gongan.applied`,
    enable: top('enable'),
    online: top('online'),
    extra: top('extra'),
    position: top('position'),
    pages: top('pages'),
    duplicates: top('duplicates'),
    template: top('template'),
    domains: top('domains'),
    guard: top('guard')
  };
}

/** `beian.domains["blog.example.cn"]`: a key quoted, as it must be when it holds dots. */
export function domainPath(key: string): string {
  // JSON escapes C0 controls and lone surrogates; printable the rest (C1, bidirectional controls).
  return `${ROOT}.domains[${printable(JSON.stringify(key))}]`;
}

/** `beian.extra[2]`. */
export function extraPath(index: number): string {
  return `${ROOT}.extra[${index}]`;
}

/** A filing as configured: the user's value, what the engine made of it, and where it is written. */
export interface FilingSetting {
  /** The number as the user wrote it (string or number), kept for messages. */
  input: unknown;
  result: FilingResult;
  /** Where the number is written: `beian.icp`, or `beian.icp.number` in the long form. */
  path: string;
}

export interface IcpSetting extends FilingSetting {
  /** The ICP approval date, YYYY-MM-DD, when given. */
  approved?: string;
}

export interface GonganSetting extends FilingSetting {
  /** The icon's src as written (a site path or an http(s) URL), when given and usable. */
  icon?: string;
}

/** A further record shown after the two filings (an ICP licence, 网络文化经营许可证, …). */
export interface ExtraRecord {
  /** Shown as written (trimmed); never checked as a filing number. */
  text: string;
  /** An absolute http(s) URL, when given and acceptable. */
  link?: string;
  /** `beian.extra[i]`. */
  path: string;
}

/**
 * Which `domains` entry this build uses: the host of the site's `url`, and the entry for it
 * (its key as written), or none when the host is not listed (nothing is shown then).
 */
export interface DomainChoice {
  /** The host of the site's `url`, lower-case; undefined when `url` is not a URL. */
  host?: string;
  /** The key of the entry used, as written in `_config.yml`. */
  entry?: string;
  /** Every listed host, normalised, in the order written. */
  hosts: string[];
}

/** The `beian` block once read: every value checked, nothing of the user's changed. */
export interface BeianConfig {
  enable: boolean;
  /** The numbers of this build (from the `domains` entry for this host, when `domains` is set). */
  icp?: IcpSetting;
  gongan?: GonganSetting;
  /**
   * The day the public-security (公安) filing was applied for, YYYY-MM-DD, while it is
   * pending: `gongan: {applied: 2024-06-10}` with no number yet. Absent once a number is set.
   */
  gonganApplied?: string;
  /** Where each key of this build is written. */
  paths: ConfigPaths;
  /**
   * Where a number of each kind is written instead of its key (a misspelt key, NexT's
   * `gongan_num`, the other field, the top level of `_config.yml`): it is reported there, and
   * not again as missing; and where the day the 公安 filing was applied for is written outside
   * `gongan` (`beian.applied`), with that day as written, so the deadline does not ask for it.
   */
  misplaced: { icp?: string; gongan?: string; applied?: { path: string; day?: string } };
  /** The block is written in `_config.yml` (absent, nothing is asked of the site). */
  written: boolean;
  /** The day the site went online, YYYY-MM-DD, when given. */
  online?: string;
  extra: ExtraRecord[];
  position: Position;
  pages: Pages;
  duplicates: Duplicates;
  /** The user's template path as written (relative to the site folder). */
  template?: string;
  /** Present when `domains` is set. */
  domains?: DomainChoice;
  /** The host of the site's `url`, when it is a URL: a known example number is an error on a real host only. */
  host?: string;
  /** `off`: no audit at generate or deploy; `warn`: print its findings; `block`: stop on an error. */
  guard: GuardMode;
  icon: { width: number; height: number };
}

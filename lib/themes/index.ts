import type { ThemeDescription } from './types';
import { anzhiyu } from './anzhiyu';
import { arknights } from './arknights';
import { async } from './async';
import { aurora } from './aurora';
import { ayer } from './ayer';
import { butterfly } from './butterfly';
import { fluid } from './fluid';
import { icarus } from './icarus';
import { kaze } from './kaze';
import { keep } from './keep';
import { kratos } from './kratos';
import { matery } from './matery';
import { melody } from './melody';
import { next } from './next';
import { next7 } from './next7';
import { nexmoe } from './nexmoe';
import { particlex } from './particlex';
import { redefine } from './redefine';
import { reimu } from './reimu';
import { shokax } from './shokax';
import { solitude } from './solitude';
import { stellar } from './stellar';
import { stun } from './stun';
import { volantis } from './volantis';
import { yun } from './yun';

export type { DedicatedKey, ListKey, ShownIn, ThemeDescription } from './types';

/**
 * Every theme whose own filing line hexo-beian reads, in the order of the README's table.
 * Adding a theme is adding its description here (and its test).
 */
export const THEMES: readonly ThemeDescription[] = Object.freeze([
  next, fluid, butterfly, redefine, keep, yun, reimu, icarus, stellar, volantis, ayer, kaze, stun,
  anzhiyu, solitude, async, particlex, shokax, matery, next7, melody, nexmoe, arknights, aurora, kratos
]);

/** A theme name as `theme:` or a folder writes it: lower case, without `hexo-theme-`. */
function bare(name: string): string {
  return name.trim().toLowerCase().replace(/^hexo-theme-/, '');
}

/**
 * The description of the theme a site's `theme` names (`next`, `hexo-theme-fluid`, `Fluid`),
 * at the theme's version when one folder name means several themes; undefined for a theme
 * hexo-beian does not know.
 */
export function describeTheme(theme: unknown, version?: unknown): ThemeDescription | undefined {
  if (typeof theme !== 'string' || !theme.trim()) return undefined;
  const name = bare(theme);
  const major = typeof version === 'string' ? Number(/^\s*v?(\d+)\./.exec(version)?.[1] ?? NaN) : NaN;
  const named = THEMES.filter(t => t.id === name || t.packages.some(p => bare(p) === name) || (t.folders ?? []).some(f => bare(f) === name));
  if (named.length <= 1) return named[0];
  // Several by that name: the one whose versions hold this one; unknown, the one from npm.
  const fits = (t: ThemeDescription) => (t.since === undefined || major >= t.since) && (t.before === undefined || major < t.before);
  return (Number.isNaN(major) ? undefined : named.find(fits)) ?? named.find(t => t.packages.length > 0) ?? named[0];
}

/** The theme's own description by id (`next`). */
export function themeById(id: string): ThemeDescription | undefined {
  return THEMES.find(t => t.id === id);
}

/**
 * What to change in the theme's config to stop it showing a number, when which file holds
 * it is not known: the keys, and the files Hexo reads them from. Undefined for a theme not
 * described.
 */
export function ownLineAdvice(theme: unknown): { zh: string; en: string } | undefined {
  const description = describeTheme(theme);
  if (!description) return undefined;
  const { id, label } = description;
  const files = { zh: `_config.${id}.yml、_config.yml 的 theme_config，或 themes/${id}/_config.yml`, en: `_config.${id}.yml, theme_config in _config.yml, or themes/${id}/_config.yml` };
  const switches = [description.enableHidesMore ? undefined : description.enable, description.icp?.enable, description.gongan?.enable].filter((k): k is string => k !== undefined);
  if (switches.length > 0) {
    const keys = [...new Set(switches)].join(' / ');
    return { zh: `请在 ${label} 配置（${files.zh}）中设置 ${keys}: false`, en: `Set ${keys}: false in ${label}'s config (${files.en})` };
  }
  const texts = [...description.text ?? [], ...description.list ? [description.list.key] : []];
  if (texts.length > 0) {
    const keys = texts.join(' / ');
    return { zh: `请从 ${label} 配置（${files.zh}）的 ${keys} 中删去这个号码`, en: `Remove the number from ${keys} in ${label}'s config (${files.en})` };
  }
  const keys = [description.icp?.number, description.gongan?.number].filter((k): k is string => k !== undefined).join(' / ');
  return { zh: `请在 ${label} 配置（${files.zh}）中把 ${keys} 设为 ""`, en: `Set ${keys}: "" in ${label}'s config (${files.en})` };
}

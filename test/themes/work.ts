import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { readConfig } from '../../lib/config/read';
import { lineItems } from '../../lib/line/items';
import { auditTheme, readThemeBeian, themeIcon, themeSwitch, type ThemeBeian, type ThemeLayer } from '../../lib/audit/theme';
import { themeById } from '../../lib/themes';
import type { Finding } from '../../lib/finding';
import { repoRoot } from '../paths';

/** YAML read as Hexo reads it (js-yaml: Volantis's config is not YAML to the stricter \`yaml\`). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parse = (text: string): unknown => (require('js-yaml') as { load(text: string): unknown }).load(text);

/**
 * A theme's settings audited without Hexo: the layers Hexo merges, written as YAML — the
 * theme's own `_config.yml` (as installed from npm, when it is), `_config.<theme>.yml`, and
 * `theme_config` in `_config.yml` with the site's `beian` block.
 */
export interface Written {
  /** The theme's `_config.yml`: the installed one unless given. */
  theme?: string;
  /** `_config.<id>.yml`. */
  alternate?: string;
  /** The site's `_config.yml` (its `theme_config` and `beian`). */
  site?: string;
}

export interface Audited {
  settings: ThemeBeian;
  findings: Finding[];
  /** [code, severity, path] of each finding. */
  summary: string[][];
}

/** The installed theme's own `_config.yml`, when it is installed from npm. */
export function shippedConfig(id: string): string | undefined {
  const description = themeById(id);
  const file = description?.packages[0] && join(repoRoot, 'node_modules', description.packages[0], '_config.yml');
  return file && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function layersOf(id: string, written: Written): ThemeLayer[] {
  const layers: ThemeLayer[] = [];
  const description = themeById(id);
  const installed = shippedConfig(id);
  const themeFile = written.theme ?? installed;
  // The installed theme's folder, or a theme committed under themes/ (git-only themes, or one given here).
  const folder = installed !== undefined && description ? `node_modules/${description.packages[0]}` : `themes/${id}`;
  if (themeFile !== undefined) layers.push({ file: `${folder}/_config.yml`, prefix: '', data: parse(themeFile) });
  if (written.alternate !== undefined) layers.push({ file: `_config.${id}.yml`, prefix: '', data: parse(written.alternate) });
  const site = (parse(written.site ?? '') ?? {}) as { theme_config?: unknown };
  layers.push({ file: '_config.yml', prefix: 'theme_config.', data: site.theme_config });
  return layers;
}

export function audit(id: string, written: Written, language: 'en' | 'zh' = 'en', iconFound?: boolean): Audited {
  const layers = layersOf(id, written);
  const settings = readThemeBeian(id, layers);
  const site = (parse(written.site ?? '') ?? {}) as { beian?: unknown };
  const { config } = readConfig(site.beian, language);
  const findings = auditTheme(settings, lineItems(config, 'en', path => path), config, language, iconFound);
  return { settings, findings, summary: findings.map(f => [f.code, f.severity, f.path ?? '']) };
}

export { themeIcon, themeSwitch };

import { existsSync, readdirSync } from 'fs';
import { basename, extname, join, relative, sep } from 'path';
import type { Diagnostic, Language } from '../engine/diagnostic';
import { parseGongan, parseIcp, type FilingResult } from '../engine/filing';
import { checkExample } from '../engine/examples';
import { isBlank, isPlain } from '../engine/text';
import { provinceByChar } from '../engine/province';
import { finding, type Finding } from '../finding';
import type { BeianConfig } from '../config/schema';
import type { LineItem } from '../line/items';
import type { ThemeSwitch } from '../line/shown';
import { linkRating, rightLink, targetOf } from './links';

/**
 * The filing line that themes print themselves: NexT's and Fluid's `footer.beian` settings,
 * read from the three places Hexo merges them, and audited against hexo-beian's own line.
 *
 * What the themes' templates emit (read from hexo-theme-next 8.x
 * `layout/_partials/footer.njk` and hexo-theme-fluid 1.9.x
 * `layout/_partials/footer/beian.ejs`; docs/filing-rules.md, "How existing themes do it"):
 * - NexT `footer.beian: {enable, icp, gongan_id, gongan_num, gongan_icon_url}`: the ICP link
 *   whenever enabled (an empty link when `icp` is empty); the 公安 line only with both
 *   `gongan_id` and `gongan_num`, linked to the MPS query with `gongan_id`, not the digits
 *   of the number it shows.
 * - Fluid `footer.beian: {enable, icp_text, police_text, police_code, police_icon}`: the ICP
 *   link to plain-http `http://beian.miit.gov.cn/`; the 公安 line when `police_text` is set,
 *   linked (only with `police_code`) to the retired
 *   `http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=`.
 */

/** The themes whose filing settings are read. */
export type ThemeName = 'next' | 'fluid';

interface ThemeModel {
  label: string;
  keys: { icp: string; gongan: string; code: string; icon: string };
  /** Where the template links the ICP number. */
  icpHref: string;
  /** Where the template links the 公安 number; the code follows. */
  gonganHref: string;
  /** NexT shows the 公安 line only with the code too; Fluid with the number alone. */
  gonganNeedsCode: boolean;
}

const THEMES: Record<ThemeName, ThemeModel> = {
  next: {
    label: 'NexT',
    keys: { icp: 'icp', gongan: 'gongan_num', code: 'gongan_id', icon: 'gongan_icon_url' },
    icpHref: 'https://beian.miit.gov.cn',
    gonganHref: 'https://beian.mps.gov.cn/#/query/webSearch?code=',
    gonganNeedsCode: true
  },
  fluid: {
    label: 'Fluid',
    keys: { icp: 'icp_text', gongan: 'police_text', code: 'police_code', icon: 'police_icon' },
    icpHref: 'http://beian.miit.gov.cn/',
    gonganHref: 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=',
    gonganNeedsCode: false
  }
};

/** The theme a site's `theme` setting names, when hexo-beian reads its filing settings. */
export function themeOf(theme: unknown): ThemeName | undefined {
  const name = String(theme ?? '').trim().toLowerCase().replace(/^hexo-theme-/, '');
  return name === 'next' || name === 'fluid' ? name : undefined;
}

/**
 * One source of theme settings, lowest priority first as Hexo merges them: the theme's own
 * `_config.yml`, then the site's `_config.<theme>.yml`, then `theme_config` in the site's
 * `_config.yml`.
 */
export interface ThemeLayer {
  /** The file, relative to the site (`_config.next.yml`). */
  file: string;
  /** The key path of the settings inside the file: `''`, or `'theme_config.'`. */
  prefix: string;
  /** The parsed file (or its `theme_config`). */
  data: unknown;
}

/** A setting as Hexo will use it, and where it was written (`_config.next.yml:footer.beian.icp`). */
export interface ThemeSetting {
  value: unknown;
  path: string;
}

/** A theme's filing settings, merged as Hexo merges them. */
export interface ThemeBeian {
  theme: ThemeName;
  enable?: ThemeSetting;
  icp?: ThemeSetting;
  gongan?: ThemeSetting;
  code?: ThemeSetting;
  icon?: ThemeSetting;
}

/**
 * Merges `footer.beian` of the layers (the highest layer that sets a key wins, as in Hexo's
 * deepMerge) and remembers which file each setting came from. Pure.
 */
export function readThemeBeian(theme: ThemeName, layers: readonly ThemeLayer[]): ThemeBeian {
  const model = THEMES[theme];
  const result: ThemeBeian = { theme };
  const fields = { enable: 'enable', ...model.keys } as const;
  for (const layer of layers) {
    const footer = isPlain(layer.data) ? layer.data.footer : undefined;
    const beian = isPlain(footer) ? footer.beian : undefined;
    if (!isPlain(beian)) continue;
    for (const [field, key] of Object.entries(fields) as [keyof typeof fields, string][]) {
      if (beian[key] !== undefined) {
        result[field] = { value: beian[key], path: `${layer.file}:${layer.prefix}footer.beian.${key}` };
      }
    }
  }
  return result;
}

/** Where a number may start: a character and a filing marker, as written (full-width and traditional too). */
const NUMBER_START = /([\u3400-\u9fff])[\s\u3000]*(?:ICP|ＩＣＰ|公网安备|公網安備|公安网备|B[12]|Ｂ[１２])/gi;

/**
 * A theme's display text from the number on: a label before it (`备案号：`, `ICP备案号:`) is
 * meant to be shown there, so it is not the number's to report. Cut at the first province
 * character followed by a filing marker; the text itself when there is none.
 */
export function fromNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  for (const m of value.matchAll(NUMBER_START)) {
    if (provinceByChar(m[1]) && m.index > 0) return value.slice(m.index);
    if (provinceByChar(m[1])) break;
  }
  return value;
}

/** The file part of a setting's path, and the key path inside it. */
function whereOf(setting: ThemeSetting): { file: string; key: string } {
  const at = setting.path.lastIndexOf(':');
  return { file: setting.path.slice(0, at), key: setting.path.slice(at + 1) };
}

/** What the theme puts on every page: the numbers its template prints, and their links. */
interface Shown {
  icp?: { setting: ThemeSetting; result: FilingResult };
  gongan?: { setting: ThemeSetting; result: FilingResult };
}

/**
 * Audits a theme's own filing line, against hexo-beian's line (`items`, from
 * `lineItems`: what hexo-beian shows). Only when the theme shows it (`enable` truthy, as
 * its template tests it):
 *
 * - the theme's numbers through the engine, at their theme config paths;
 * - `theme-empty-icp` (warning): enabled with no ICP number, so it prints an empty link;
 * - `theme-gongan-code` (error): the code in the 公安 link is not the number shown;
 * - `theme-stale-link` (warning): links to retired or plain-http query pages (Fluid);
 * - `theme-shows` (info): the theme shows a number hexo-beian has too, and the line leaves it
 *   out (`duplicates: skip`): what is true, and how to hand over;
 * - `theme-double-display` (warning): the same with `duplicates: keep`: every page shows it twice;
 * - `theme-disagrees` (error): the theme shows another number than hexo-beian;
 * - `theme-move` (info): the theme shows a number hexo-beian does not have: the `beian:` block
 *   to write (the suggestion), with the config's own numbers where it has them.
 *
 * @returns findings with `path` = `<file>:<key path>`; none when the theme shows nothing.
 */
export function auditTheme(settings: ThemeBeian, items: readonly LineItem[], config: Pick<BeianConfig, 'paths' | 'duplicates' | 'host'>, language: Language): Finding[] {
  const { paths } = config;
  const model = THEMES[settings.theme];
  const { enable } = settings;
  if (!enable || !enable.value) return [];
  const findings: Finding[] = [];
  const { label } = model;
  const off = offAdvice(label, enable, language);
  const place = (setting: ThemeSetting, d: Diagnostic): Finding => ({ ...d, path: setting.path });
  const shown: Shown = {};

  // ICP: always printed once enabled. Unset anywhere, it belongs next to `enable`.
  const icpSetting = settings.icp ?? { value: undefined, path: enable.path.replace(/enable$/, model.keys.icp) };
  if (isBlank(icpSetting.value)) {
    findings.push(finding(language, 'theme-empty-icp', 'warning', {
      zh: `${label} 的 footer.beian 已开启，但没有 ICP 备案号（${model.keys.icp}）：页脚会出现一个指向 beian.miit.gov.cn 的空链接。请把备案号写进 _config.yml 的 beian: 块，交给 hexo-beian 显示。${off.zh}`,
      en: `${label}'s footer.beian is on but has no ICP number (${model.keys.icp}): the footer shows an empty link to beian.miit.gov.cn. Put your numbers in the beian: block of _config.yml instead, for hexo-beian to show. ${off.en}`
    }, { path: icpSetting.path }));
  } else {
    const result = checkExample(parseIcp(fromNumber(icpSetting.value), { language }), config.host, language, label);
    findings.push(...result.diagnostics.map(d => place(icpSetting, d)));
    shown.icp = { setting: icpSetting, result };
    // Rated as the page audit rates it (lib/audit/links.ts): plain http is stale, and a warning.
    if (linkRating('icp', targetOf(model.icpHref)) !== 'right') {
      findings.push(finding(language, 'theme-stale-link', 'warning', {
        zh: `${label} 把 ICP 备案号链接到 ${model.icpHref}（http，而非 ${rightLink('icp')}）。hexo-beian 链接到现行地址：把编号写在 ${paths.icp}。${off.zh}`,
        en: `${label} links the ICP number to ${model.icpHref} (plain http, not ${rightLink('icp')}). hexo-beian links to the current address: write the number in ${paths.icp}. ${off.en}`
      }, { path: icpSetting.path }));
    }
  }

  // 公安: printed with its number (and, for NexT, its code).
  const { gongan, code } = settings;
  const codeText = code && !isBlank(code.value) ? String(code.value).trim() : undefined;
  if (gongan && !isBlank(gongan.value) && (codeText !== undefined || !model.gonganNeedsCode)) {
    const result = checkExample(parseGongan(fromNumber(gongan.value), { language }), config.host, language, label);
    findings.push(...result.diagnostics.map(d => place(gongan, d)));
    shown.gongan = { setting: gongan, result };
    if (codeText !== undefined && code) {
      if (result.ok && result.digits && codeText !== result.digits) {
        findings.push(finding(language, 'theme-gongan-code', 'error', {
          zh: `${label} 显示的公安备案号是 ${result.canonical}，链接查询的却是 ${codeText}（${whereOf(code).key}）：点开会查到别的编号或查不到。两处本应是同一串数字；hexo-beian 只需写一次编号，链接由数字生成。`,
          en: `${label} shows the public-security (公安) number ${result.canonical} but its link queries ${codeText} (${whereOf(code).key}): visitors find another filing or none. Both must be the same digits; hexo-beian takes the number once and builds the link from it.`
        }, { path: code.path, suggestion: `${model.keys.code}: ${result.digits}` }));
      }
      if (targetOf(`${model.gonganHref}${codeText}`).kind === 'retired') {
        findings.push(finding(language, 'theme-stale-link', 'warning', {
          zh: `${label} 把公安备案号链接到已停用的 ${model.gonganHref}…（2023 年底起改为 ${rightLink('gongan')}…，旧地址自 2025 年起无法访问）。hexo-beian 链接到新地址：把编号写在 ${paths.gongan}。${off.zh}`,
          en: `${label} links the public-security (公安) number to the retired ${model.gonganHref}… (replaced by ${rightLink('gongan')}… in late 2023, unreachable since 2025). hexo-beian links to the new one: write the number in ${paths.gongan}. ${off.en}`
        }, { path: code.path }));
      }
    }
  }
  if (!shown.icp && !shown.gongan) return findings;

  // Against hexo-beian's own line.
  const ours = { icp: items.find(i => i.kind === 'icp')?.text, gongan: items.find(i => i.kind === 'gongan')?.text };
  const theirs = (kind: 'icp' | 'gongan') => {
    const one = shown[kind];
    return one && (one.result.canonical ?? String(one.setting.value).trim());
  };
  const same = (['icp', 'gongan'] as const).filter(kind => ours[kind] !== undefined && theirs(kind) === ours[kind]);
  // What the filter leaves out with duplicates: skip: only a copy linked to its own query system (lib/line/shown.ts copyOf).
  const works = (kind: 'icp' | 'gongan') => (kind === 'icp'
    ? linkRating('icp', targetOf(model.icpHref)) !== 'wrong'
    : codeText !== undefined && linkRating('gongan', targetOf(`${model.gonganHref}${codeText}`), items.find(i => i.kind === 'gongan')?.digits) !== 'wrong');
  const left = same.filter(works);
  const { key, file } = whereOf(enable);
  if (same.length > 0) {
    const numbers = same.map(kind => ours[kind]).join(language === 'zh' ? '、' : ', ');
    if (config.duplicates === 'keep') {
      // The user asked for both: the pages really show these numbers twice.
      findings.push(finding(language, 'theme-double-display', 'warning', {
        zh: `${label} 自己也显示 ${numbers}（${key}: true，在 ${file}），而 beian.duplicates 是 keep：每个页面会显示两遍。${off.zh}`,
        en: `${label} shows ${numbers} itself (${key}: true in ${file}) and beian.duplicates is keep: every page shows ${same.length > 1 ? 'them' : 'it'} twice. ${off.en}`
      }, { path: enable.path, suggestion: 'footer:\n  beian:\n    enable: false' }));
    } else if (left.length > 0) {
      // duplicates: skip — the line leaves them out, so no page shows them twice (a broken copy
      // is not left out: the build's already-shown-wrong-link and the page audit say so).
      const numbers = left.map(kind => ours[kind]).join(language === 'zh' ? '、' : ', ');
      findings.push(finding(language, 'theme-shows', 'info', {
        zh: `${label} 自己显示 ${numbers}（${key}: true，在 ${file}），hexo-beian 不再重复显示，因此不对 ${label} 的链接负责。要交给 hexo-beian 显示（校验编号、链接到现行查询页面）：${off.zh}`,
        en: `${label} shows ${numbers} itself (${key}: true in ${file}); hexo-beian leaves ${left.length > 1 ? 'them' : 'it'} out of its line, so it cannot vouch for ${label}'s link. To hand over to hexo-beian (checked numbers, current query pages): ${off.en}`
      }, { path: enable.path, suggestion: 'footer:\n  beian:\n    enable: false' }));
    }
  }
  for (const kind of ['icp', 'gongan'] as const) {
    const text = theirs(kind);
    const mine = ours[kind];
    if (text === undefined || mine === undefined || text === mine) continue;
    findings.push(finding(language, 'theme-disagrees', 'error', {
      zh: `${label} 显示 ${text}，hexo-beian 显示 ${mine}（${paths[kind]}）：页面上会出现两个不同的编号。把正确的编号写在 ${paths[kind]}。${off.zh}`,
      en: `${label} shows ${text} and hexo-beian shows ${mine} (${paths[kind]}): pages show two different numbers. Keep the right one in ${paths[kind]}. ${off.en}`
    }, { path: shown[kind]?.setting.path }));
  }

  // The beian: block to write, when the theme shows a number hexo-beian does not have yet:
  // the config's own numbers where it has them (never the theme's other one), the theme's for the rest.
  const valid = (kind: 'icp' | 'gongan') => (shown[kind]?.result.ok ? shown[kind]?.result.canonical : undefined);
  const missing = (['icp', 'gongan'] as const).filter(kind => ours[kind] === undefined && valid(kind) !== undefined);
  if (missing.length > 0) {
    const icp = ours.icp ?? valid('icp');
    const gonganNumber = ours.gongan ?? valid('gongan');
    const icon = settings.icon && !isBlank(settings.icon.value) && ours.gongan === undefined && gonganNumber ? String(settings.icon.value).trim() : undefined;
    const lines = ['beian:'];
    if (icp) lines.push(`  icp: ${icp}`);
    if (gonganNumber) lines.push(...(icon ? ['  gongan:', `    number: ${gonganNumber}`, `    icon: ${icon}`] : [`  gongan: ${gonganNumber}`]));
    findings.push(finding(language, 'theme-move', 'info', {
      zh: `${label} 的备案号可以交给 hexo-beian 显示：它会校验编号、链接到现行的查询页面，并放进任何主题的页脚。把下面的 beian: 块写进 _config.yml（已有的日期等键请保留）。${off.zh}`,
      en: `${label}'s filing numbers can move to hexo-beian, which validates them, links them to the current query pages and puts them in any theme's footer. Write this beian: block in _config.yml (keep any dates you already have there). ${off.en}`
    }, { path: enable.path, suggestion: lines.join('\n') }));
  }
  return findings;
}

/** The theme's own 公安 icon, when its line is on and the icon is set: its src and where it is written. */
export function themeIcon(settings: ThemeBeian): { src: string; path: string } | undefined {
  const { enable, icon } = settings;
  if (!enable?.value || !icon || typeof icon.value !== 'string' || isBlank(icon.value)) return undefined;
  return { src: icon.value.trim(), path: icon.path };
}

/** Where the theme's own line is turned on, when it is (for the filter's `already-shown`). */
export function themeSwitch(settings: ThemeBeian | undefined): ThemeSwitch | undefined {
  if (!settings?.enable?.value) return undefined;
  return { label: THEMES[settings.theme].label, ...whereOf(settings.enable) };
}

/** "Set footer.beian.enable: false in <the file that turned it on>.", a whole sentence. */
function offAdvice(label: string, enable: ThemeSetting, language: Language): { zh: string; en: string } {
  const { file, key } = whereOf(enable);
  return {
    zh: `在 ${file} 中设置 ${key}: false，关闭 ${label} 自己的备案显示。`,
    en: `Set ${key}: false in ${file} to turn ${label}'s own line off.`
  };
}

/** Reads a YAML file of the site as Hexo does (`hexo.render.render({path})`). */
export type ConfigReader = (path: string) => Promise<unknown>;

/** Where a site keeps its configs. */
export interface ThemePlaces {
  /** The site's folder (`hexo.base_dir`). */
  baseDir: string;
  /** The theme's folder (`hexo.theme_dir`), when Hexo found one. */
  themeDir?: string;
  /** The site config file (`hexo.config_path`). */
  configPath: string;
  /** The `theme` setting. */
  theme: string;
}

/**
 * Reads the layers of theme settings from disk, lowest priority first (see
 * {@link ThemeLayer}). A file that is missing or does not parse is left out: Hexo itself
 * reports those.
 */
export async function loadThemeLayers(read: ConfigReader, places: ThemePlaces): Promise<ThemeLayer[]> {
  const layers: ThemeLayer[] = [];
  const label = (path: string) => relative(places.baseDir, path).split(sep).join('/');
  const add = async (path: string | undefined, pick: (data: unknown) => unknown, prefix = '') => {
    if (!path || !existsSync(path)) return;
    try {
      layers.push({ file: label(path), prefix, data: pick(await read(path)) });
    } catch {
      // Hexo reports a config it cannot read; the audit goes on without it.
    }
  };
  await add(places.themeDir ? join(places.themeDir, '_config.yml') : undefined, data => data);
  await add(alternateConfig(places.baseDir, places.theme), data => data);
  await add(places.configPath, data => (isPlain(data) ? data.theme_config : undefined), 'theme_config.');
  return layers;
}

/** `_config.<theme>.yml`, or any `_config.<theme>.*`, as Hexo's load_theme_config finds it. */
function alternateConfig(baseDir: string, theme: string): string | undefined {
  const name = `_config.${theme}`;
  const yml = join(baseDir, `${name}.yml`);
  if (existsSync(yml)) return yml;
  const found = readdirSync(baseDir).find(file => basename(file, extname(file)) === name);
  return found ? join(baseDir, found) : undefined;
}

import { existsSync, readdirSync } from 'fs';
import { basename, extname, join, relative, sep } from 'path';
import type { Diagnostic, Language } from '../engine/diagnostic';
import { parseGongan, parseIcp, type FilingResult } from '../engine/filing';
import { checkExample } from '../engine/examples';
import { isBlank, isPlain } from '../engine/text';
import { provinceByChar } from '../engine/province';
import { finding, type Finding } from '../finding';
import type { BeianConfig } from '../config/schema';
import { withKey } from '../config/values';
import type { LineItem } from '../line/items';
import type { ThemeSwitch } from '../line/shown';
import { describeTheme, themeById, type DedicatedKey, type ThemeDescription } from '../themes';
import { crossed, linkRating, rightLink, targetOf, type Kind } from './links';
import { numbersInText } from './freetext';

/**
 * The filing line that themes print themselves, read from the three places Hexo merges a
 * theme's config and audited against hexo-beian's own line. What each theme keeps where, and
 * what its layout makes of it, is its description in lib/themes/ (from its shipped
 * `_config.yml` and layouts; the README's theme table lists them); nothing here knows a theme by name.
 */

/** A theme hexo-beian describes: its id in lib/themes (`next`, `fluid`, `butterfly`, …). */
export type ThemeName = string;

/** The theme a site's `theme` setting names, when hexo-beian reads its filing settings (`version`: the theme's, when known). */
export function themeOf(theme: unknown, version?: unknown): ThemeName | undefined {
  return describeTheme(theme, version)?.id;
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

/** One record of a theme's list (Keep `footer.record.list[0]`): its fields, merged as Hexo merges arrays. */
export interface ThemeListItem {
  text?: ThemeSetting;
  link?: ThemeSetting;
  icon?: ThemeSetting;
}

/** A theme's filing settings, merged as Hexo merges them; which keys they are is the theme's description. */
export interface ThemeBeian {
  theme: ThemeName;
  /** The whole line's switch. */
  enable?: ThemeSetting;
  icp?: ThemeSetting;
  icpEnable?: ThemeSetting;
  icpLink?: ThemeSetting;
  gongan?: ThemeSetting;
  gonganEnable?: ThemeSetting;
  gonganLink?: ThemeSetting;
  /** The 公安 code the layout appends to its link. */
  code?: ThemeSetting;
  /** The 公安 icon. */
  icon?: ThemeSetting;
  list?: ThemeListItem[];
  /** The free-text fields that are set. */
  texts?: ThemeSetting[];
}

/** The value at a dotted key path, or undefined. */
function valueAt(data: unknown, key: string): unknown {
  let at = data;
  for (const part of key.split('.')) {
    if (!isPlain(at)) return undefined;
    at = at[part];
  }
  return at;
}

/** The setting of `key` as Hexo merges the layers: the highest layer that sets it wins. */
function settingOf(layers: readonly ThemeLayer[], key: string): ThemeSetting | undefined {
  let found: ThemeSetting | undefined;
  for (const layer of layers) {
    const value = valueAt(layer.data, key);
    if (value !== undefined) found = { value, path: `${layer.file}:${layer.prefix}${key}` };
  }
  return found;
}

/** `key.*`: every text under `key`, in any layer; `key`: that one, when it is text. */
function textSettings(layers: readonly ThemeLayer[], key: string): ThemeSetting[] {
  if (!key.endsWith('.*')) {
    const one = settingOf(layers, key);
    return one && typeof one.value === 'string' ? [one] : [];
  }
  const parent = key.slice(0, -2);
  const names = new Set<string>();
  for (const layer of layers) {
    const value = valueAt(layer.data, parent);
    if (isPlain(value)) Object.keys(value).forEach(name => names.add(name));
  }
  return [...names].flatMap(name => textSettings(layers, `${parent}.${name}`));
}

/** A list as Hexo's deepMerge merges arrays: item by item, field by field; anything but a list replaces it. */
function listOf(layers: readonly ThemeLayer[], list: NonNullable<ThemeDescription['list']>): ThemeListItem[] {
  let items: ThemeListItem[] = [];
  for (const layer of layers) {
    const value = valueAt(layer.data, list.key);
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      items = [];
      continue;
    }
    value.forEach((item: unknown, i) => {
      if (!isPlain(item)) return;
      const merged = items[i] ?? {};
      for (const role of ['text', 'link', 'icon'] as const) {
        const field = list[role];
        if (field !== undefined && item[field] !== undefined) merged[role] = { value: item[field], path: `${layer.file}:${layer.prefix}${list.key}[${i}].${field}` };
      }
      items[i] = merged;
    });
  }
  return items.filter(item => item !== undefined);
}

/**
 * Reads a theme's filing settings from the layers (the highest layer that sets a key wins, as
 * in Hexo's deepMerge) and remembers which file each came from. Pure.
 */
export function readThemeBeian(theme: ThemeName, layers: readonly ThemeLayer[]): ThemeBeian {
  const description = themeById(theme);
  const result: ThemeBeian = { theme };
  if (!description) return result;
  const set = (role: Exclude<keyof ThemeBeian, 'theme' | 'list' | 'texts'>, key: string | undefined) => {
    const setting = key === undefined ? undefined : settingOf(layers, key);
    if (setting) result[role] = setting;
  };
  set('enable', description.enable);
  const { icp, gongan } = description;
  set('icp', icp?.number);
  set('icpEnable', icp?.enable);
  set('icpLink', icp?.link);
  set('gongan', gongan?.number);
  set('gonganEnable', gongan?.enable);
  set('gonganLink', gongan?.link);
  set('code', gongan?.code);
  set('icon', gongan?.icon);
  if (description.list) result.list = listOf(layers, description.list);
  const texts = (description.text ?? []).flatMap(key => textSettings(layers, key));
  if (texts.length > 0) result.texts = texts;
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
export function whereOf(setting: ThemeSetting): { file: string; key: string } {
  const at = setting.path.lastIndexOf(':');
  return { file: setting.path.slice(0, at), key: setting.path.slice(at + 1) };
}

/** How the theme's line showing a number is turned off: a switch, a key to empty, or text to take the number out of. */
export interface Off {
  how: 'false' | 'empty' | 'remove';
  setting: ThemeSetting;
}

/** One number the theme's layout prints, from its settings. */
export interface Entry {
  kind: Kind;
  /** Where the number is written. */
  setting: ThemeSetting;
  /** The text to check as the number. */
  text: unknown;
  /** Its link on the page; undefined when the layout prints it unlinked. */
  link?: { href: string; setting: ThemeSetting; code?: ThemeSetting };
  icon?: ThemeSetting;
  off: Off;
}

/** Truthy as the theme's template tests it. */
function on(setting: ThemeSetting | undefined): boolean {
  return Boolean(setting?.value);
}

/** A setting's text, trimmed; undefined when it is unset, blank, or a list or mapping. */
function text(setting: ThemeSetting | undefined): string | undefined {
  return setting && !isBlank(setting.value) && typeof setting.value !== 'object' ? String(setting.value).trim() : undefined;
}

/** A finding that the layout prints an empty ICP link (NexT, Fluid with `enable` on and no number). */
interface Empty {
  setting: ThemeSetting;
  /** The switch that printed it. */
  toggle: ThemeSetting;
  parent: string;
  number: string;
  href: string;
}

/** What the theme's layout prints, read off its settings through its description. */
function entriesOf(description: ThemeDescription, settings: ThemeBeian): { entries: Entry[]; empty?: Empty } {
  const master = description.enable === undefined ? undefined : settings.enable;
  if (description.enable !== undefined && !on(master)) return { entries: [] };
  const entries: Entry[] = [];
  let empty: Empty | undefined;
  /** The switch that hands the line over, when it is no more than the line's. */
  const handover = description.enableHidesMore ? undefined : master;
  const dedicated = (kind: Kind, d: DedicatedKey | undefined) => {
    if (!d) return;
    const own = kind === 'icp' ? settings.icpEnable : settings.gonganEnable;
    if (d.enable !== undefined && !on(own)) return;
    const toggle = master ?? (d.enable === undefined ? undefined : own);
    const number = kind === 'icp' ? settings.icp : settings.gongan;
    if (!number || isBlank(number.value)) {
      if (d.always && toggle && d.href) {
        // Unset anywhere, the number belongs next to the switch that printed it.
        const { file, key } = whereOf(toggle);
        const switchKey = d.enable ?? description.enable ?? '';
        const prefix = key.slice(0, key.length - switchKey.length);
        const parent = switchKey.replace(/\.enable$/, '');
        empty = { toggle, setting: number ?? { value: undefined, path: `${file}:${prefix}${d.number}` }, parent, number: d.number.startsWith(`${parent}.`) ? d.number.slice(parent.length + 1) : d.number, href: d.href };
      }
      return;
    }
    const code = d.code === undefined ? undefined : settings.code;
    if (d.needs === 'code' && text(code) === undefined) return;
    const linkSetting = kind === 'icp' ? settings.icpLink : settings.gonganLink;
    let link: Entry['link'];
    const written = text(linkSetting);
    if (d.link !== undefined && written !== undefined && linkSetting) link = { href: written, setting: linkSetting };
    else if (d.code !== undefined) {
      const digits = text(code);
      if (digits !== undefined && code) link = { href: `${d.href ?? ''}${digits}`, setting: code, code };
    } else if (d.href !== undefined) link = { href: d.href, setting: number };
    // The 公安 icon: its key's value, or the one the layout shows by itself (Kaze), said at the number.
    let icon: ThemeSetting | undefined;
    if (kind === 'gongan') icon = text(settings.icon) !== undefined ? settings.icon : d.iconSrc ? { value: d.iconSrc, path: number.path } : undefined;
    entries.push({ kind, setting: number, text: fromNumber(number.value), link, icon, off: toggle ? { how: 'false', setting: toggle } : { how: 'empty', setting: number } });
  };
  dedicated('icp', description.icp);
  dedicated('gongan', description.gongan);
  for (const item of settings.list ?? []) {
    if (!item.text || typeof item.text.value !== 'string') continue;
    const itemLink = text(item.link);
    for (const found of numbersInText(item.text.value)) {
      const href = found.href ?? itemLink;
      const link = href === undefined ? undefined : { href, setting: found.href !== undefined || !item.link ? item.text : item.link };
      const icon = found.kind === 'gongan' && text(item.icon) !== undefined ? item.icon : found.icon !== undefined ? { value: found.icon, path: item.text.path } : undefined;
      entries.push({ kind: found.kind, setting: item.text, text: found.text, link, icon, off: handover ? { how: 'false', setting: handover } : { how: 'remove', setting: item.text } });
    }
  }
  for (const setting of settings.texts ?? []) {
    for (const found of numbersInText(setting.value)) {
      const link = found.href === undefined ? undefined : { href: found.href, setting };
      // An <img> in the text beside the 公安 number is its icon (Butterfly's custom_text).
      const icon = found.icon === undefined ? undefined : { value: found.icon, path: setting.path };
      entries.push({ kind: found.kind, setting, text: found.text, link, icon, off: handover ? { how: 'false', setting: handover } : { how: 'remove', setting } });
    }
  }
  return { entries, empty };
}

/** "Set footer.beian.enable: false in <the file that turned it on>.", a whole sentence. */
export function offAdvice(label: string, entries: readonly Entry[]): { zh: string; en: string } {
  const offs = [...new Map(entries.map(e => [e.off.setting.path, e.off])).values()];
  const zh = offs.map(({ how, setting }) => {
    const { file, key } = whereOf(setting);
    return how === 'remove' ? `从 ${file} 的 ${key} 中删去号码` : `在 ${file} 中设置 ${key}: ${how === 'false' ? 'false' : '""'}`;
  });
  const en = offs.map(({ how, setting }, i) => {
    const { file, key } = whereOf(setting);
    const verb = (word: string) => (i === 0 ? word : word.toLowerCase());
    return how === 'remove' ? `${verb('Remove')} the number from ${key} in ${file}` : `${verb('Set')} ${key}: ${how === 'false' ? 'false' : '""'} in ${file}`;
  });
  return {
    zh: `${zh.join('，')}，关闭 ${label} 自己的备案显示。`,
    en: `${en.join('; ')} to turn ${label}'s own line off.`
  };
}

/** The YAML that turns the line off at a key of the theme's config (`footer:\n  beian:\n    enable: false`); none for free text. */
function offYaml(description: ThemeDescription, off: Off): string | undefined {
  if (off.how === 'remove') return undefined;
  const { key } = whereOf(off.setting);
  const own = [description.enable, description.icp?.enable, description.gongan?.enable, description.icp?.number, description.gongan?.number].find(k => k !== undefined && key.endsWith(k)) ?? key;
  // Set under theme_config: in _config.yml, the block to paste there starts with it.
  const parts = (key.startsWith('theme_config.') && !own.startsWith('theme_config.') ? `theme_config.${own}` : own).split('.');
  return parts.map((part, i) => `${'  '.repeat(i)}${part}:${i === parts.length - 1 ? ` ${off.how === 'false' ? 'false' : '""'}` : ''}`).join('\n');
}

/** The handover statement's last words: the command that makes it. */
const BY_FIX = {
  zh: '运行 hexo beian fix 可以看到这些修改，hexo beian fix --write 会写入（请先提交到 git）。',
  en: 'hexo beian fix shows these changes, and hexo beian fix --write makes them (commit first).'
};

/** The retired address as the messages show it: up to its code (`…?recordcode=`). */
function shownAddress(href: string): string {
  const at = href.search(/(?:recordcode|code)=/);
  return at < 0 ? href : href.slice(0, href.indexOf('=', at) + 1);
}

/**
 * Audits a theme's own filing line, against hexo-beian's line (`items`, from
 * `lineItems`: what hexo-beian shows). Only what the theme shows (its switch on, as its
 * template tests it; its numbers set; numbers found in its free text):
 *
 * - the theme's numbers through the engine, at their theme config paths;
 * - `example-number` (lib/engine/examples.ts): a number the theme ships, a sample or someone else's;
 * - `theme-empty-icp` (warning): enabled with no ICP number, so it prints an empty link;
 * - `theme-unlinked` (error): the layout prints a number with no link;
 * - `theme-gongan-code` (error): the code in the 公安 link is not the number shown;
 * - `theme-stale-link` (warning): links to retired or plain-http query pages (Fluid);
 * - `theme-wrong-link` (error): links to no query page of its kind (an MPS link without code, another site);
 * - `theme-not-footer` (warning): the theme shows it in a sidebar, or only in the browser;
 * - `theme-shows` (info): the theme shows a number hexo-beian has too, and the line leaves it
 *   out (`duplicates: skip`): what is true, and how to hand over;
 * - `theme-double-display` (warning): the same with `duplicates: keep`: every page shows it twice;
 * - `theme-disagrees` (error): the theme shows another number than hexo-beian;
 * - `theme-move` (info): the theme shows a number hexo-beian does not have: the `beian:` block
 *   to write (the suggestion), with the config's own numbers where it has them.
 *
 * @param iconFound whether the site serves the theme's 公安 icon (`themeIcon`); false leaves it out of that block.
 * @returns findings with `path` = `<file>:<key path>`; none when the theme shows nothing.
 */
export function auditTheme(settings: ThemeBeian, items: readonly LineItem[], config: Pick<BeianConfig, 'paths' | 'duplicates' | 'host'>, language: Language, iconFound?: boolean): Finding[] {
  const { paths } = config;
  const description = themeById(settings.theme);
  if (!description) return [];
  const { entries, empty } = entriesOf(description, settings);
  const findings: Finding[] = [];
  const { label } = description;
  const off = offAdvice(label, entries);
  const place = (setting: ThemeSetting, d: Diagnostic): Finding => ({ ...d, path: setting.path });

  if (empty) {
    const offEmpty = offAdvice(label, [{ kind: 'icp', setting: empty.setting, text: '', off: { how: 'false', setting: empty.toggle } }]);
    const host = targetOf(empty.href).kind === 'other' ? empty.href : new URL(empty.href).host;
    findings.push(finding(language, 'theme-empty-icp', 'warning', {
      zh: `${label} 的 ${empty.parent} 已开启，但没有 ICP备案号（${empty.number}）：页脚会出现一个指向 ${host} 的空链接。请把备案号写进 _config.yml 的 beian: 块，交给 hexo-beian 显示。${offEmpty.zh}`,
      en: `${label}'s ${empty.parent} is on but has no ICP number (${empty.number}): the footer shows an empty link to ${host}. Put your numbers in the beian: block of _config.yml instead, for hexo-beian to show. ${offEmpty.en}`
    }, { path: empty.setting.path }));
  }

  /** The first number of each kind the theme shows, parsed. */
  const shown: Partial<Record<Kind, { entry: Entry; result: FilingResult }>> = {};
  for (const entry of entries) {
    const { kind } = entry;
    const result = checkExample((kind === 'icp' ? parseIcp : parseGongan)(entry.text, { language }), config.host, language, label);
    // A key that holds the number alone gets the line to write; free text, the number to put in it.
    // Not a number merely written otherwise (`京ICP备 20180491号`): it is read as meant, and the
    // handover writes it canonically; asking to rewrite what the handover removes contradicted it.
    const whole = entry.text === entry.setting.value;
    findings.push(...result.diagnostics.filter(d => d.code !== 'normalised').map(d => place(entry.setting, whole ? withKey(whereOf(entry.setting).key, d) : d)));
    shown[kind] ??= { entry, result };
    const itsOff = offAdvice(label, [entry]);
    const number = result.canonical ?? String(entry.text).trim();
    findings.push(...linkFindings(entry, result, number, label, paths, itsOff, language));
  }
  const kinds = (['icp', 'gongan'] as const).filter(kind => shown[kind]);
  if (kinds.length === 0) return findings;

  if (description.shownIn === 'sidebar' || description.shownIn === 'script') {
    const first = entries[0].setting;
    const where = description.shownIn === 'sidebar'
      ? { zh: `${label} 把备案号显示在侧栏里`, en: 'in its sidebar' }
      : { zh: `${label} 只在浏览器里显示备案号（由脚本绘制，生成的 HTML 里没有）`, en: 'only in the browser (drawn by a script; the generated HTML has none)' };
    findings.push(finding(language, 'theme-not-footer', 'warning', {
      zh: `${where.zh}，而不是在页面底部：ICP备案号应在网站首页底部标明（《非经营性互联网信息服务备案管理办法》第十三条）。hexo-beian 把号码放进页脚：把编号写在 ${paths.icp}。${off.zh}`,
      en: `${label} shows the filing number ${where.en}, not at the bottom of the page: the ICP number belongs at the bottom of the home page (MIIT Order No. 33, art. 13). hexo-beian puts it in the footer: write the number in ${paths.icp}. ${off.en}`
    }, { path: first.path }));
  }

  // Against hexo-beian's own line.
  const ours = { icp: items.find(i => i.kind === 'icp')?.text, gongan: items.find(i => i.kind === 'gongan')?.text };
  const theirs = (kind: Kind) => {
    const one = shown[kind];
    return one && (one.result.canonical ?? String(one.entry.text).trim());
  };
  const same = kinds.filter(kind => ours[kind] !== undefined && theirs(kind) === ours[kind]);
  // What the filter leaves out with duplicates: skip: only a copy linked to its own query system (lib/line/shown.ts copyOf).
  const works = (kind: Kind) => {
    const link = shown[kind]?.entry.link;
    return link !== undefined && linkRating(kind, targetOf(link.href), items.find(i => i.kind === kind)?.digits) !== 'wrong';
  };
  const left = same.filter(works);
  const handover = shown[kinds[0]]?.entry.off ?? entries[0].off;
  const { key, file } = whereOf(handover.setting);
  const at = handover.how === 'false' ? { zh: `${key}: true，在 ${file}`, en: `${key}: true in ${file}` } : { zh: `${key}，在 ${file}`, en: `${key} in ${file}` };
  const suggestion = offYaml(description, handover);
  if (same.length > 0) {
    const numbers = same.map(kind => ours[kind]).join(language === 'zh' ? '、' : ', ');
    if (config.duplicates === 'keep') {
      // The user asked for both: the pages really show these numbers twice.
      findings.push(finding(language, 'theme-double-display', 'warning', {
        zh: `${label} 自己也显示 ${numbers}（${at.zh}），而 beian.duplicates 是 keep：每个页面会显示两遍。${off.zh}${BY_FIX.zh}`,
        en: `${label} shows ${numbers} itself (${at.en}) and beian.duplicates is keep: every page shows ${same.length > 1 ? 'them' : 'it'} twice. ${off.en} ${BY_FIX.en}`
      }, { path: handover.setting.path, suggestion }));
    } else if (left.length > 0) {
      // duplicates: skip — the line leaves them out, so no page shows them twice (a broken copy
      // is not left out: the build's already-shown-wrong-link and the page audit say so).
      const leftNumbers = left.map(kind => ours[kind]).join(language === 'zh' ? '、' : ', ');
      findings.push(finding(language, 'theme-shows', 'info', {
        zh: `${label} 自己显示 ${leftNumbers}（${at.zh}），hexo-beian 不再重复显示，因此不对 ${label} 的链接负责。要交给 hexo-beian 显示（校验编号、链接到现行查询页面）：${off.zh}${BY_FIX.zh}`,
        en: `${label} shows ${leftNumbers} itself (${at.en}); hexo-beian leaves ${left.length > 1 ? 'them' : 'it'} out of its line, so it cannot vouch for ${label}'s link. To hand over to hexo-beian (checked numbers, current query pages): ${off.en} ${BY_FIX.en}`
      }, { path: handover.setting.path, suggestion }));
    }
  }
  for (const kind of kinds) {
    const shownText = theirs(kind);
    const mine = ours[kind];
    const entry = shown[kind]?.entry;
    if (shownText === undefined || mine === undefined || shownText === mine || !entry) continue;
    const itsOff = offAdvice(label, [entry]);
    findings.push(finding(language, 'theme-disagrees', 'error', {
      zh: `${label} 显示 ${shownText}，hexo-beian 显示 ${mine}（${paths[kind]}）：页面上会出现两个不同的编号。把正确的编号写在 ${paths[kind]}。${itsOff.zh}`,
      en: `${label} shows ${shownText} and hexo-beian shows ${mine} (${paths[kind]}): pages show two different numbers. Keep the right one in ${paths[kind]}. ${itsOff.en}`
    }, { path: entry.setting.path }));
  }

  // The beian: block to write, when the theme shows a number hexo-beian does not have yet:
  // the config's own numbers where it has them (never the theme's other one), the theme's for the rest.
  const valid = (kind: Kind) => (shown[kind]?.result.ok ? shown[kind]?.result.canonical : undefined);
  const missing = kinds.filter(kind => ours[kind] === undefined && valid(kind) !== undefined);
  if (missing.length > 0) {
    const icp = ours.icp ?? valid('icp');
    const gonganNumber = ours.gongan ?? valid('gongan');
    const iconSetting = shown.gongan?.entry.icon;
    // An icon the site does not serve (icon-not-found says so) is not written into beian:, as fix leaves it out.
    const icon = iconSetting && ours.gongan === undefined && gonganNumber && iconFound !== false ? text(iconSetting) : undefined;
    const lines = ['beian:'];
    if (icp) lines.push(`  icp: ${icp}`);
    if (gonganNumber) lines.push(...(icon ? ['  gongan:', `    number: ${gonganNumber}`, `    icon: ${icon}`] : [`  gongan: ${gonganNumber}`]));
    findings.push(finding(language, 'theme-move', 'info', {
      zh: `${label} 的备案号可以交给 hexo-beian 显示：它会校验编号、链接到现行的查询页面，并放进任何主题的页脚。把下面的 beian: 块写进 _config.yml（已有的日期等键请保留）。${off.zh}${BY_FIX.zh}`,
      en: `${label}'s filing numbers can move to hexo-beian, which validates them, links them to the current query pages and puts them in any theme's footer. Write this beian: block in _config.yml (keep any dates you already have there). ${off.en} ${BY_FIX.en}`
    }, { path: handover.setting.path, suggestion: lines.join('\n') }));
  }
  return findings;
}

/** What is wrong with the link the theme gives one of its numbers, rated as the page audit rates links (lib/audit/links.ts). */
function linkFindings(entry: Entry, result: FilingResult, number: string, label: string, paths: Pick<BeianConfig['paths'], 'icp' | 'gongan'>, off: { zh: string; en: string }, language: Language): Finding[] {
  const { kind, link } = entry;
  const digits = result.ok ? result.digits : undefined;
  // A number withheld (invalid, or a known example) has no digits to query: the link's shape.
  const right = kind === 'gongan' && !digits ? `${rightLink('gongan')}…` : rightLink(kind, digits);
  const names = kind === 'icp' ? { zh: 'ICP备案号', en: 'the ICP number' } : { zh: '公安备案号', en: 'the public-security (公安) number' };
  const to = kind === 'icp' ? ` ${names.zh}` : names.zh; // 把 ICP备案号, 把公安备案号
  if (!link) {
    return [finding(language, 'theme-unlinked', 'error', {
      zh: `${label} 显示 ${number}，但没有链接：${names.zh}应链接到 ${right}。hexo-beian 显示的号码带着这个链接：把编号写在 ${paths[kind]}。${off.zh}`,
      en: `${label} shows ${number} with no link: ${names.en} must link to ${right}. hexo-beian shows it with that link: write the number in ${paths[kind]}. ${off.en}`
    }, { path: entry.setting.path })];
  }
  const target = targetOf(link.href);
  const { href } = link;
  const out: Finding[] = [];
  const code = link.code ? text(link.code) : target.kind === 'mps' || (target.kind === 'retired' && target.host === 'mps') ? target.code : undefined;
  if (kind === 'gongan' && code !== undefined && code !== '' && digits && code !== digits && !crossed(kind, target)) {
    const where = link.code ? whereOf(link.code).key : whereOf(link.setting).key;
    const leaf = where.split('.').pop() ?? where;
    out.push(finding(language, 'theme-gongan-code', 'error', {
      zh: `${label} 显示的公安备案号是 ${result.canonical}，链接查询的却是 ${code}（${where}）：点开会查到别的编号或查不到。两处本应是同一串数字；hexo-beian 只需写一次编号，链接由数字生成。`,
      en: `${label} shows the public-security (公安) number ${result.canonical} but its link queries ${code} (${where}): visitors find another filing or none. Both must be the same digits; hexo-beian takes the number once and builds the link from it.`
    }, { path: link.setting.path, suggestion: link.code ? `${leaf}: ${digits}` : `${leaf}: ${rightLink('gongan', digits)}` }));
  }
  const rating = linkRating(kind, target, code ?? digits);
  if (target.kind === 'retired') {
    const shownHref = link.code ? `${shownAddress(href)}…` : shownAddress(href) === href ? href : `${shownAddress(href)}…`;
    const since = target.host === 'mps'
      ? { zh: `（2023 年底起改为 ${rightLink('gongan')}…，旧地址自 2025 年起无法访问）`, en: ` (replaced by ${rightLink('gongan')}… in late 2023, unreachable since 2025)` }
      : { zh: `（2019–2020 年起改为 ${rightLink('icp')}）`, en: ` (replaced by ${rightLink('icp')} in 2019–2020)` };
    out.push(finding(language, 'theme-stale-link', 'warning', {
      zh: `${label} 把${to}链接到已停用的 ${shownHref}${since.zh}。hexo-beian 链接到新地址：把编号写在 ${paths[kind]}。${off.zh}`,
      en: `${label} links ${names.en} to the retired ${shownHref}${since.en}. hexo-beian links to the new one: write the number in ${paths[kind]}. ${off.en}`
    }, { path: link.setting.path }));
  } else if (rating === 'insecure') {
    out.push(finding(language, 'theme-stale-link', 'warning', {
      zh: `${label} 把${to}链接到 ${href}（http，而非 ${kind === 'icp' ? right : rightLink('gongan')}）。hexo-beian 链接到现行地址：把编号写在 ${paths[kind]}。${off.zh}`,
      en: `${label} links ${names.en} to ${href} (plain http, not ${kind === 'icp' ? right : rightLink('gongan')}). hexo-beian links to the current address: write the number in ${paths[kind]}. ${off.en}`
    }, { path: link.setting.path }));
  } else if (rating === 'wrong' && !(out.length > 0 && target.kind === 'mps')) {
    const why = target.kind === 'mps' && !code
      ? { zh: '公安平台的地址，但没有带 code：点开是查询表单，不是这个备案', en: 'the MPS platform without the code: it opens the search form, not this filing' }
      : { zh: '不是它的查询页面', en: 'not its query page' };
    out.push(finding(language, 'theme-wrong-link', 'error', {
      zh: `${label} 把 ${number} 链接到 ${href}：${why.zh}。应链接到 ${right}；hexo-beian 显示的号码带着这个链接：把编号写在 ${paths[kind]}。${off.zh}`,
      en: `${label} links ${number} to ${href}: ${why.en}. It must link to ${right}; hexo-beian shows it with that link: write the number in ${paths[kind]}. ${off.en}`
    }, { path: link.setting.path }));
  }
  return out;
}

/** The numbers the theme's own line shows, each with where it is written and how that line is turned off (for `hexo beian fix`). */
export function themeEntries(settings: ThemeBeian): Entry[] {
  const description = themeById(settings.theme);
  return description ? entriesOf(description, settings).entries : [];
}

/**
 * The first number of each kind the theme's own line shows, as a page shows it (canonical when
 * valid): where the theme shows the site's number, the theme's findings (`theme-move`, …) say
 * what to write, and the site is not missing one.
 */
export function themeNumbers(settings: ThemeBeian): Partial<Record<Kind, string>> {
  const numbers: Partial<Record<Kind, string>> = {};
  for (const entry of themeEntries(settings)) {
    numbers[entry.kind] ??= (entry.kind === 'icp' ? parseIcp : parseGongan)(entry.text).canonical ?? String(entry.text).trim();
  }
  return numbers;
}

/** How to turn the theme's own line off, a whole sentence; undefined when its line shows nothing. */
export function themeOff(settings: ThemeBeian): { zh: string; en: string } | undefined {
  const description = themeById(settings.theme);
  const entries = themeEntries(settings);
  return description && entries.length > 0 ? offAdvice(description.label, entries) : undefined;
}

/** The theme's own 公安 icon, when its line shows the 公安 number with one: its src and where it is written. */
export function themeIcon(settings: ThemeBeian): { src: string; path: string } | undefined {
  const description = themeById(settings.theme);
  if (!description) return undefined;
  const icon = entriesOf(description, settings).entries.find(e => e.kind === 'gongan' && e.icon)?.icon;
  const src = text(icon);
  return icon && src !== undefined ? { src, path: icon.path } : undefined;
}

/** Where the theme's own line is turned on, when it is and a switch turns it off (for the filter's `already-shown`). */
export function themeSwitch(settings: ThemeBeian | undefined): ThemeSwitch | undefined {
  const description = settings && themeById(settings.theme);
  if (!settings || !description) return undefined;
  if (description.enable !== undefined && !description.enableHidesMore) return on(settings.enable) && settings.enable ? { label: description.label, ...whereOf(settings.enable) } : undefined;
  const off = entriesOf(description, settings).entries.find(e => e.off.how === 'false')?.off;
  return off ? { label: description.label, ...whereOf(off.setting) } : undefined;
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

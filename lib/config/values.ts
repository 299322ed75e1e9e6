import { distance } from 'fastest-levenshtein';
import type { Diagnostic, Language } from '../engine/diagnostic';
import { parseGongan, parseIcp } from '../engine/filing';
import { NUMBER_SHAPES as SHAPE } from '../engine/examples';
import { dayOf, isCalendarDate, otherDateForm, timestampDay, yamlTimestamp } from '../engine/date';
import { browserPath, CONTROL, FORMAT_CONTROL, isBlank, isPlain, isWellFormed, printable, urlScheme, type Plain } from '../engine/text';
import { finding, type Finding } from '../finding';
import { CHOICE_KEYS, ROOT } from './schema';

/**
 * The readers of single values of the `beian` block: a word among a few, a boolean, a date, a
 * link, an icon, a template path; the keys of a block. Each returns what it could read and
 * pushes one finding per problem, naming the path it is given.
 */

/** What each choice means, for the message when the value is none of them (by the key's own name). */
const CHOICES: ReadonlyMap<string, { zh: string; en: string }> = new Map(Object.entries({
  position: {
    zh: 'footer（站点页脚内，没有页脚时放在 </body> 前）、body_end（</body> 前）或 none（只在主题调用 beian() 的地方显示）',
    en: 'footer (inside the site footer, else before </body>), body_end (just before </body>) or none (only where the theme calls beian())'
  },
  pages: {
    zh: 'all（每个页面）或 home（只在首页）',
    en: 'all (every page) or home (the home page only)'
  },
  duplicates: {
    zh: 'skip（页面已显示且链接正确的备案号不再重复显示）或 keep（照样显示）',
    en: 'skip (leave out a number the page already shows, correctly linked) or keep (show it anyway)'
  },
  guard: {
    zh: 'off（不检查）、warn（生成和部署前检查并提示）或 block（有错误时停止生成和部署）',
    en: 'off (no audit), warn (audit before generate and deploy, and print) or block (stop generate and deploy on an error)'
  }
}));

/**
 * What Chinese configs write for those words, and for a switch: read as meant, with a warning
 * and the line to write. Maps, so that `constructor` or `__proto__` is no word.
 */
const CHINESE_WORDS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['position', words({ footer: '页脚 頁腳 底部 页尾 頁尾 页面底部 頁面底部', none: '不显示 不顯示 无 無' })],
  ['pages', words({ home: '首页 首頁 主页 主頁', all: '全部 所有 所有页面 所有頁面 全部页面 全部頁面 全站 每页 每頁' })],
  ['duplicates', words({ skip: '跳过 跳過 不重复 不重複', keep: '保留 重复 重複' })],
  ['guard', words({ off: '关 關 关闭 關閉', warn: '警告 提示', block: '阻止 拦截 攔截 中止 停止' })]
]);

/** Each word (simplified and traditional, space-separated) → what it means. */
function words(meanings: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(meanings).flatMap(([meant, list]) => list.split(' ').map(word => [word, meant] as const)));
}

/**
 * YAML 1.2 (js-yaml 4) reads `no`, `off`, `yes`, `on` as text: honour what they mean, and the
 * Chinese words for a switch.
 */
const SWITCH_WORDS: ReadonlyMap<string, boolean> = new Map(
  [...words({ true: 'true yes on 是 开 開 开启 開啟 启用 啟用 打开 打開 真', false: 'false no off 否 关 關 关闭 關閉 禁用 停用 假' })].map(([word, meant]) => [word, meant === 'true'] as const)
);

/** Full-width letters (`ｆｏｏｔｅｒ`, `ＴＲＵＥ`) as the letters they are. */
const plainWord = (value: string) => value.normalize('NFKC').trim();

/** The word a choice key's value means: as written, `Body-End` for `body_end`, or its Chinese word. */
function choiceMeant(key: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const word = plainWord(value).toLowerCase().replace(/-/g, '_');
  return CHOICE_KEYS.get(key)?.find(choice => choice === word) ?? CHINESE_WORDS.get(key)?.get(plainWord(value));
}

/** A switch as text: what it means. */
function switchMeant(value: unknown): boolean | undefined {
  return typeof value === 'string' ? SWITCH_WORDS.get(plainWord(value).toLowerCase()) : undefined;
}

/**
 * What a value means for a key, as it should be written (`footer` for `页脚`, `true` for `是`):
 * for the line a misspelt key's message gives. Undefined when the key takes no such words.
 */
function valueMeant(key: string, value: unknown): string | undefined {
  if (key === 'enable') return typeof value === 'boolean' ? String(value) : switchMeant(value)?.toString();
  return choiceMeant(key, value);
}

/** One of a few words; `Body-End` reads as `body_end`, and `页脚` as `footer`, with a warning saying so. */
export function readChoice<T extends string>(value: unknown, path: string, choices: readonly T[], fallback: T, language: Language, findings: Finding[]): T {
  if (isBlank(value)) return fallback;
  const key = path.slice(path.lastIndexOf('.') + 1);
  const word = typeof value === 'string' ? value.trim().toLowerCase().replace(/-/g, '_') : undefined;
  const meant = choices.find(choice => choice === choiceMeant(key, value));
  if (meant !== undefined) {
    if (meant !== value) {
      findings.push(finding(language, 'config-choice', 'warning', {
        zh: `${path} 写的是 ${shown(value)}，已按 ${meant} 处理；请写 ${key}: ${meant}。`,
        en: `${path} is ${shown(value)}, read as ${meant}; write ${key}: ${meant}.`
      }, { path, suggestion: `${key}: ${meant}` }));
    }
    return meant;
  }
  const meaning = CHOICES.get(key) ?? { zh: choices.join('、'), en: choices.join(', ') };
  const guess = word === undefined ? undefined : closestKey(word, choices);
  findings.push(finding(language, 'config-choice', 'error', {
    zh: `${path} 应为 ${meaning.zh}（写的是 ${shown(value)}），已按 ${fallback} 处理${guess ? `；是不是 ${guess}？请写 ${key}: ${guess}` : ''}。`,
    en: `${path} must be ${meaning.en} (it is ${shown(value)}); treated as ${fallback}${guess ? `. Did you mean ${guess}? Write ${key}: ${guess}` : ''}.`
  }, { path, suggestion: guess ? `${key}: ${guess}` : undefined }));
  return fallback;
}

export function readBoolean(value: unknown, path: string, fallback: boolean, language: Language, findings: Finding[]): boolean {
  if (typeof value === 'boolean') return value;
  const meant = switchMeant(value);
  if (meant !== undefined) {
    const key = path.slice(path.lastIndexOf('.') + 1);
    // `"true"` was quoted; `yes`, `on`, `no`, `off` (and `是`, `关`) need no quotes to be text in YAML 1.2.
    const quoted = /^(?:true|false)$/i.test((value as string).trim());
    findings.push(finding(language, 'config-boolean', 'warning', quoted
      ? {
        zh: `${path} 写的是带引号的文本 ${shown(value)}，已按 ${meant} 处理；请去掉引号：${key}: ${meant}。`,
        en: `${path} is the quoted text ${shown(value)}, read as ${meant}; drop the quotes: ${key}: ${meant}.`
      }
      : {
        zh: `${path} 写的是 ${shown(value)}：Hexo 的 YAML 只把 true 和 false 当作开关，${shown(value)} 是文本；已按 ${meant} 处理，请写 ${key}: ${meant}。`,
        en: `${path} is ${shown(value)}: Hexo's YAML takes only true and false as a switch, and ${shown(value)} is text; read as ${meant}. Write ${key}: ${meant}.`
      }, { path, suggestion: `${key}: ${meant}` }));
    return meant;
  }
  findings.push(finding(language, 'config-boolean', 'error', {
    zh: `${path} 应为 true 或 false（写的是 ${shown(value)}），已按 ${fallback} 处理。`,
    en: `${path} must be true or false (it is ${shown(value)}); treated as ${fallback}.`
  }, { path }));
  return fallback;
}

export function readTemplate(value: unknown, path: string, language: Language, findings: Finding[]): string | undefined {
  if (typeof value === 'string' && isWellFormed(value) && !CONTROL.test(value)) return value.trim();
  findings.push(finding(language, 'config-template', 'error', {
    zh: `${path} 应是 nunjucks 模板文件的路径（相对于站点目录），例如 beian.njk（写的是 ${shown(value)}）；已使用内置模板。`,
    en: `${path} must be the path of a nunjucks file, relative to the site folder, for example beian.njk (it is ${shown(value)}); the built-in template is used.`
  }, { path }));
  return undefined;
}

/**
 * Only absolute http(s) URLs: no `javascript:`, no `data:`, no spaces, line breaks or control
 * characters inside, no broken character (a lone surrogate, which `new URL` would turn into
 * U+FFFD: another address than the one written).
 */
export function readLink(value: unknown, path: string, language: Language, findings: Finding[]): string | undefined {
  const link = typeof value === 'string' ? httpAddress(value) : undefined;
  if (link?.href !== undefined) return link.href;
  const meant = link?.meant ?? (typeof value === 'string' ? hostOnly(value) : undefined);
  findings.push(finding(language, 'config-link', 'error', {
    zh: `${path} 应是完整的 http(s) 地址，例如 ${meant ?? 'https://dxzhgl.miit.gov.cn/'}（写的是 ${shown(value)}）；此记录显示为不带链接的文字。`,
    en: `${path} must be a full http(s) address, for example ${meant ?? 'https://dxzhgl.miit.gov.cn/'} (it is ${shown(value)}); the record is shown without a link.`
  }, { path, suggestion: meant && `link: ${meant}` }));
  return undefined;
}

/**
 * An http(s) address as the URL standard reads it, taken only when it is written in full:
 * `scheme://host`, no backslash. Browsers also read `https:a.cn` and `https:\\a.cn` as
 * https://a.cn/, but on a page of the same scheme the first is a path on the site; such text is
 * refused, with the full form as `meant`. Undefined for what is no http(s) URL at all.
 */
function httpAddress(value: string): { href?: string; meant?: string } | undefined {
  const text = value.trim();
  if (!isWellFormed(text) || /[\s\u0000-\u001f\u007f-\u009f]/.test(text)) return undefined;
  const scheme = urlScheme(text);
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  let href: string;
  try {
    const url = new URL(text);
    if (url.protocol !== `${scheme}:` || !url.hostname) return undefined;
    href = url.href;
  } catch {
    return undefined;
  }
  return /^https?:\/\/[^/\\]/i.test(text) && !text.includes('\\') ? { href } : { meant: printable(href) };
}

/** A host written without its scheme (`www.a.cn`, `a.cn/about`): the https address meant. */
function hostOnly(value: string): string | undefined {
  const text = value.trim();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/[^\s\\]*)?$/i.test(text)) return undefined;
  return httpAddress(`https://${text}`)?.href;
}

/**
 * A calendar date as js-yaml gives it (an unquoted `2024-05-20` is a Date at UTC midnight;
 * a quoted one a string) → `YYYY-MM-DD`, or undefined with a finding.
 *
 * @param written the value's text in the config file (lib/config/written.ts), when known: an
 *   unquoted date is read as written, so `2024-02-30`, which js-yaml rolled over to a Date of
 *   2024-03-01, is an error quoting 2024-02-30, and `2024-06-01 00:30:00+08:00` is 2024-06-01.
 *   Text that is not the timestamp of this Date (another file's, a stale one) is not used.
 */
export function readDate(value: unknown, path: string, language: Language, findings: Finding[], written?: string): string | undefined {
  const day = readDay(value, path, language, findings, written);
  if (day === undefined || (day >= FIRST_DAY && day <= LAST_DAY)) return day;
  // 9999-12-31 is a real day, but no filing's, and 30 days after it is no YYYY-MM-DD.
  findings.push(finding(language, 'config-date', 'error', {
    zh: `${path} 是 ${day}，不是备案或上线的日期（应在 ${FIRST_DAY.slice(0, 4)} 到 ${LAST_DAY.slice(0, 4)} 年之间）；请写真实的日期，例如 2024-05-20。`,
    en: `${path} is ${day}, which is no filing or go-live date (those are in the years ${FIRST_DAY.slice(0, 4)} to ${LAST_DAY.slice(0, 4)}); write the real day, for example 2024-05-20.`
  }, { path }));
  return undefined;
}

/** The days a filing or go-live date may be: from the first Chinese web sites to the end of the century. */
const FIRST_DAY = '1990-01-01';
const LAST_DAY = '2099-12-31';

function readDay(value: unknown, path: string, language: Language, findings: Finding[], written?: string): string | undefined {
  if (value instanceof Date) {
    const stamp = written === undefined ? undefined : yamlTimestamp(written.trim());
    if (stamp && stamp.instant === value.getTime()) return stampDay(stamp, printable((written ?? '').trim()), value, path, language, findings);
    const day = dayOf(value);
    if (day) return day;
  }
  if (typeof value === 'string') {
    if (isCalendarDate(value.trim())) return value.trim();
    // Quoted or not, a date with a time is the day written (`"2024-06-01 00:30:00+08:00"`).
    const stamp = timestampDay(value.trim());
    if (stamp) return stampDay(stamp, shown(value), undefined, path, language, findings);
  }
  // A number, `null` or `.inf` is quoted as it was written, not as JSON shows the value.
  const asWritten = written !== undefined && (typeof value === 'number' || typeof value === 'boolean' || value === null) ? printable(written.trim()) : undefined;
  const meant = typeof value === 'string' ? otherDateForm(value) : typeof value === 'number' ? otherDateForm(asWritten ?? String(value)) : oneDay(value);
  findings.push(finding(language, 'config-date', 'error', meant
    ? {
      zh: `${path} 要写成 年-月-日（写的是 ${asWritten ?? shown(value)}），即 ${meant}。`,
      en: `${path} must be written year-month-day (it is ${asWritten ?? shown(value)}): ${meant}.`
    }
    : {
      zh: `${path} 不是日期（写的是 ${asWritten ?? shown(value)}），请写成 年-月-日，例如 2024-05-20。`,
      en: `${path} is not a date (it is ${asWritten ?? shown(value)}); write it as year-month-day, for example 2024-05-20.`
    }, { path, suggestion: meant && `${path.slice(path.lastIndexOf('.') + 1)}: ${meant}` }));
  return undefined;
}

/**
 * The day of a YAML timestamp as written (`text`, quoted or not): the day, or undefined with a
 * config-date when the day or the time of day does not exist. `rolled` is the Date js-yaml made
 * of an unquoted one, which the message names.
 */
function stampDay(stamp: { day: string; realTime: boolean }, text: string, rolled: Date | undefined, path: string, language: Language, findings: Finding[]): string | undefined {
  const realDay = isCalendarDate(stamp.day);
  if (realDay && stamp.realTime) return stamp.day;
  const yaml = rolled === undefined
    ? { zh: '', en: '' }
    : { zh: `（YAML 会把它读成 ${dayOf(rolled) ?? '无效日期'}）`, en: ` (YAML would read it as ${dayOf(rolled) ?? 'an invalid date'})` };
  findings.push(finding(language, 'config-date', 'error', realDay
    ? {
      zh: `${path} 写的是 ${text}，没有这个时刻${yaml.zh}；只写日期即可：${stamp.day}。`,
      en: `${path} is ${text}, which is no real time of day${yaml.en}; write the day alone: ${stamp.day}.`
    }
    : {
      zh: `${path} 写的是 ${text}，没有这一天${yaml.zh}；请写真实的日期，年-月-日，例如 2024-05-20。`,
      en: `${path} is ${text}, which is not a real day${yaml.en}; write the real day, year-month-day, for example 2024-05-20.`
    }, { path, suggestion: realDay ? `${path.slice(path.lastIndexOf('.') + 1)}: ${stamp.day}` : undefined }));
  return undefined;
}

/** A list of one day (`[2024-06-01]`, `- 2024-06-01`): the day, to suggest writing it alone. */
function oneDay(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length !== 1) return undefined;
  const [only] = value as unknown[];
  if (only instanceof Date) return dayOf(only);
  return typeof only === 'string' ? (isCalendarDate(only.trim()) ? only.trim() : otherDateForm(only)) : undefined;
}

/**
 * The icon must be served from the site or over http(s): no `javascript:`, no `data:`, read as
 * a browser reads the scheme (`"\u0000javascript:…"`, `"java\tscript:…"` are `javascript:`); no
 * control character, no bidirectional control or line separator (`/images/\u202eg.png`), and no
 * broken character (a lone surrogate, on which url_for throws).
 */
export function readIcon(value: unknown, path: string, language: Language, findings: Finding[]): string | undefined {
  if (typeof value === 'string' && isWellFormed(value) && !CONTROL.test(value) && !FORMAT_CONTROL.test(value)) {
    const src = value.trim();
    const scheme = urlScheme(src);
    // `//host/x.png` (or `/\host`, `\\host`, read by a browser as `//`) is another host's image, not a site path.
    if (scheme === undefined && /^[/\\]{2}/.test(src)) {
      const https = src.startsWith('//') && !src.includes('\\') ? `https:${src}` : undefined;
      findings.push(finding(language, 'config-icon', 'error', {
        zh: `${path} 写的是 ${shown(value)}：以 // 开头的地址指向另一个网站，不是站点内的路径，图标未显示。图标应放进 source/images/ 并写 /images/gongan.png；确实要用那个网站的图片，就写完整的 https 地址。`,
        en: `${path} is ${shown(value)}: an address starting with // is another site's, not a path on yours; the icon is not shown. Put the icon in source/images/ and write /images/gongan.png, or, to use that site's image, write its full https address.`
      }, { path, suggestion: https && `icon: ${printable(https)}` }));
      return undefined;
    }
    const asked = scheme === undefined ? browserPath(src) : src;
    const resolved = asked === src ? undefined : asked;
    if (resolved !== undefined) {
      findings.push(finding(language, 'config-icon', 'error', {
        zh: `${path} 写的是 ${shown(value)}：浏览器会先解析其中的 .、.. 和反斜杠，请求的不是写出的这个路径（也可能是 source/ 之外的文件），图标未显示。请写图片在站点里的路径本身，例如 ${printable(resolved)}。`,
        en: `${path} is ${shown(value)}: a browser resolves its ., .. and backslashes first and asks for another path than the one written (perhaps a file outside source/); the icon is not shown. Write the image's own path on the site, for example ${printable(resolved)}.`
      }, { path, suggestion: `icon: ${printable(resolved)}` }));
      return undefined;
    }
    if (scheme === undefined) return src;
    const address = scheme === 'http' || scheme === 'https' ? httpAddress(src) : undefined;
    if (address?.href !== undefined) return src;
    if (address?.meant !== undefined) {
      findings.push(finding(language, 'config-icon', 'error', {
        zh: `${path} 写的是 ${shown(value)}，不是完整写出的地址（https:// 加主机名，不用反斜杠），浏览器会读成别的地址或站点内的路径，图标未显示：请写 ${address.meant}。`,
        en: `${path} is ${shown(value)}, which is not an address written in full (https:// then the host, no backslash): browsers read it as another address or a path on your site. The icon is not shown; write ${address.meant}.`
      }, { path, suggestion: `icon: ${address.meant}` }));
      return undefined;
    }
  }
  findings.push(finding(language, 'config-icon', 'error', {
    zh: `${path} 应是站点内的图片路径或 http(s) 地址，例如 /images/gongan.png（写的是 ${shown(value)}），图标未显示。`,
    en: `${path} must be an image path on your site or an http(s) URL, for example /images/gongan.png (it is ${shown(value)}); the icon is not shown.`
  }, { path }));
  return undefined;
}

/**
 * Keys that belong one level down, in the long form of `icp` or `gongan`: written directly
 * under `beian`, the message shows the long form to write instead.
 */
export const LONG_FORM: ReadonlyMap<string, 'icp' | 'gongan'> = new Map([['approved', 'icp'], ['icon', 'gongan'], ['applied', 'gongan']]);

/**
 * A `config-unknown-key` finding for each key of `block` not in `known`: an error when it is
 * likely a misspelling of a known key or holds a filing number (what was meant is lost
 * otherwise: `gonan`, NexT's `gongan_num`, `ICP`), with the line to write; a warning for
 * anything else.
 */
export function unknownKeys(block: Plain, known: readonly string[], path: string, language: Language): Finding[] {
  return Object.keys(block).filter(key => !known.includes(key)).map(key => {
    const home = path === ROOT ? LONG_FORM.get(key) : undefined;
    // The long form with the block's own number when it has one (under a misspelt key too: `ICP:`), else the number's shape.
    const own = home ? filingIn(block[home]) ?? numberOfKind(block, home) : undefined;
    // The value as the user wrote it (a date js-yaml read as a Date, as its day), never an example of ours.
    const value = block[key];
    const asWritten = value instanceof Date ? dayOf(value) : typeof value === 'string' || typeof value === 'number' ? printable(String(value)) : undefined;
    if (home) {
      // A day written another way (`2024年5月20日`) goes into the long form year-month-day, as the reading asks.
      const day = key !== 'icon' && typeof value === 'string' && !isCalendarDate(value.trim()) ? otherDateForm(value) : undefined;
      const longForm = `${home}:${numberLine(home, own?.key === home ? own.canonical : undefined, key, language)}\n  ${key}: ${day ?? asWritten ?? (key === 'icon' ? '‹/path/to/icon.png›' : '‹YYYY-MM-DD›')}`;
      return finding(language, 'config-unknown-key', 'warning', {
        zh: `${path}.${key} 应写在 ${home} 下面，已忽略：把 ${home} 改成长格式。`,
        en: `${path}.${key} belongs under ${home} and is ignored: write ${home} in its long form.`
      }, { path: `${path}.${key}`, suggestion: longForm });
    }
    const number = filingIn(block[key]);
    const guess = number && known.includes(number.key) ? number.key : closestKey(key, known);
    const written = scalarText(block[key]);
    // The value as it should be written under the key meant (`Position: 页脚` → `position: footer`).
    const meantValue = guess === undefined ? undefined : valueMeant(guess, block[key]) ?? written;
    // The key meant is written already (`Position:` beside `position:`): this line is to delete, not to paste.
    const taken = guess !== undefined && guess !== key && Object.prototype.hasOwnProperty.call(block, guess);
    const nested = guess !== undefined && isPlain(value) ? blockText(guess, value, number) ?? `${guess}:` : undefined;
    const line = taken ? undefined : nested ?? (number && guess === number.key ? `${guess}: ${number.canonical}` : guess && meantValue !== undefined ? `${guess}: ${meantValue}` : guess);
    const held = number ? { zh: `它写的是${number.key === 'icp' ? ' ICP备案号' : '公安联网备案号'} ${number.canonical}，但没有被使用`, en: `it holds ${number.key === 'icp' ? 'the ICP number' : 'the public-security (公安) number'} ${number.canonical}, which is not used` } : undefined;
    return finding(language, 'config-unknown-key', guess || number ? 'error' : 'warning', {
      zh: `未知的键 ${path}.${key}，已忽略${held ? `：${held.zh}` : ''}；${taken ? `${path}.${guess} 已经写了：删去这一行，或把值合并到 ${guess}。` : `${guess ? `是不是 ${guess}？` : ''}${path} 下可用的键：${known.join('、')}。`}`,
      en: `Unknown key ${path}.${key} is ignored${held ? `: ${held.en}` : ''}; ${taken ? `${path}.${guess} is written already: delete this line, or merge its value into ${guess}.` : `${guess ? `did you mean ${guess}? ` : ''}${guess ? 'The' : 'the'} keys under ${path} are ${known.join(', ')}.`}`
    }, { path: `${path}.${key}`, suggestion: line });
  });
}

/**
 * A block under a misspelt key, written under the key meant with all it holds (`ICP:` with its
 * `number` and `approved` → `icp:` and both): the number canonical; undefined when it holds
 * more than plain values (the key line alone is the suggestion then).
 */
function blockText(key: string, value: Plain, number: { key: string; canonical: string } | undefined): string | undefined {
  const lines = [`${key}:`];
  for (const [name, inner] of Object.entries(value)) {
    const text = name === 'number' && number?.key === key ? number.canonical : scalarText(inner);
    if (text === undefined || !/^[a-z_]+$/i.test(name)) return undefined;
    lines.push(`  ${name}: ${text}`);
  }
  return lines.length > 1 ? lines.join('\n') : undefined;
}

/** The first number of this kind the block holds under any key (`ICP:` misspelt), read up to it. */
function numberOfKind(block: Plain, kind: 'icp' | 'gongan'): { key: 'icp' | 'gongan'; canonical: string } | undefined {
  for (const value of Object.values(block)) {
    const found = filingIn(value);
    if (found?.key === kind) return found;
  }
  return undefined;
}

/** The `number:` line of a long form: the block's own number, its shape, or none for `applied` (the number still to come). */
function numberLine(home: 'icp' | 'gongan', own: string | undefined, key: string, language: Language): string {
  if (key === 'applied' && own === undefined) return '';
  return `\n  number: ${own ?? SHAPE[home][language]}`;
}

/** The filing number a value holds (a string, a YAML integer, or the long form's `number`), with the key it belongs under. */
export function filingIn(value: unknown): { key: 'icp' | 'gongan'; canonical: string } | undefined {
  const input = isPlain(value) ? value.number : value;
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  const gongan = parseGongan(input);
  if (gongan.ok && gongan.canonical) return { key: 'gongan', canonical: gongan.canonical };
  const icp = parseIcp(input);
  if (icp.ok && icp.canonical) return { key: 'icp', canonical: icp.canonical };
  return undefined;
}

/** A plain value as it would be written back after its key (`2024-06-01`, `body_end`, `true`); undefined for a block or list. */
function scalarText(value: unknown): string | undefined {
  if (value instanceof Date) return dayOf(value);
  if (typeof value === 'string') return /^[^\s#:'"{}[\],&*!|>%@`][^#]*$/.test(value) && !/:\s/.test(value) ? printable(value) : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The known key a typo most likely meant: at most two letters off (`positon` → `position`). */
function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/**
 * A value that should be a block of keys. When it is itself a filing number (a common slip:
 * `beian: 京ICP备…`), the suggestion is the line that holds it, under `lead` when given.
 */
export function notABlock(value: unknown, path: string, example: { zh: string; en: string }, language: Language, lead = ''): Finding {
  const icp = parseIcp(value);
  const gongan = parseGongan(value);
  const line = icp.ok ? `icp: ${icp.canonical}` : gongan.ok ? `gongan: ${gongan.canonical}` : undefined;
  return finding(language, 'config-shape', 'error', example, { path, suggestion: line && `${lead}${line}` });
}

/**
 * A number found in the wrong field: what to write is a line under the other key, when
 * that key is free; when it holds a number already, only the user can say which is right.
 */
export function movedTo(key: 'icp' | 'gongan', free: boolean, diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.code !== 'wrong-kind' || !diagnostic.suggestion) return diagnostic;
  const { suggestion, ...rest } = diagnostic;
  return free ? { ...rest, suggestion: `${key}: ${suggestion}` } : rest;
}

/**
 * A number the engine suggests (`normalised`, `unknown-province`, `province-mismatch`, …) is the
 * number alone; at a config key it is the whole line to write, with the key (`icp: 京ICP备…`),
 * as every other suggestion is.
 */
export function withKey(path: string, diagnostic: Diagnostic): Diagnostic {
  // A number to write (normalised, unknown-province, province-mismatch, digit-count, …) is given as the line to write.
  if (diagnostic.suggestion === undefined || (diagnostic.code !== 'normalised' && filingIn(diagnostic.suggestion)?.canonical !== diagnostic.suggestion)) return diagnostic;
  return { ...diagnostic, suggestion: `${path.slice(path.lastIndexOf('.') + 1)}: ${diagnostic.suggestion}` };
}

/** `empty`: the long form of a filing without its number. */
export function missingNumber(path: string, key: 'icp' | 'gongan', language: Language): Finding {
  const pending = key === 'gongan'
    ? { zh: '；若公安备案还在审核中，改写 applied: 2024-06-10（提交申请的日期）', en: '; while the filing is still pending, write applied: 2024-06-10 (the day you applied) instead' }
    : { zh: '', en: '' };
  return finding(language, 'empty', 'error', {
    zh: `${path} 缺少备案号，请填写，形如 ${SHAPE[key].zh}${pending.zh}。`,
    en: `${path} is missing: write the filing number there, in the form ${SHAPE[key].en}${pending.en}.`
  }, { path });
}

/** A Date js-yaml made: its day when it is midnight UTC (a day written alone), else the instant. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? (dayOf(date) ?? iso) : iso;
}

/**
 * A user's value as text for a message, short and on one line, with control characters and
 * broken characters escaped (`\u001b`): never throws, whatever the value.
 */
export function shown(value: unknown): string {
  let text: string;
  try {
    if (value instanceof Date) text = dateText(value);
    else if (typeof value === 'string') text = `"${value}"`;
    else if (typeof value === 'number') text = String(value); // JSON writes Infinity as null
    else text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, inner: unknown) {
      // A day inside a list is shown as the day it was written, not as an ISO instant.
      const raw = this[key];
      return raw instanceof Date ? dateText(raw) : inner;
    }) ?? String(value);
  } catch {
    try {
      text = String(value);
    } catch {
      text = typeof value; // a proxy or an object that cannot be shown at all
    }
  }
  // Tabs and line breaks are escaped below, spaces kept: the message quotes what was written.
  if (text.length > 60) {
    // Cut between characters, never inside a surrogate pair; escaped after cutting.
    const cut = /[\ud800-\udbff]/.test(text[56]) ? 56 : 57;
    text = `${text.slice(0, cut)}...`;
  }
  return printable(text);
}

import type { Language, Text } from '../engine/diagnostic';
import { checkExample } from '../engine/examples';
import { parseGongan, parseIcp } from '../engine/filing';
import { isBlank, isPlain } from '../engine/text';
import { finding, type Finding } from '../finding';
import { ROOT } from '../config/schema';
import { filingIn, readBoolean } from '../config/values';
import { numbersInText } from '../audit/freetext';
import type { Kind } from '../audit/links';
import { offAdvice, themeEntries, whereOf, type Entry, type Off, type ThemeBeian } from '../audit/theme';
import { themeById } from '../themes';
import type { Change, NumberMoves, Planner } from './beian';
import { valuesOf, type Edit, type KeyPath } from './yaml';

/**
 * The theme handover of `hexo beian fix`: the numbers a theme's own filing line shows (read
 * through its description, lib/audit/theme.ts) are written into the site's `beian:` block, and
 * the theme's line is turned off in the file where it was turned on — its switch set to false,
 * its number's key emptied, or the filing markup taken out of its free text, the rest kept.
 *
 * All or nothing: a number that is not valid, two numbers of one kind, a config number that
 * disagrees, a list or a text it cannot take the number out of safely — then nothing is
 * handed over, and the user gets what to write by hand. A number is turned off only where it
 * is moved (or the config already has it).
 */

/** What the handover changes in one file (named as the theme's layers name it). */
export interface FilePlan {
  planners: Planner[];
  moves: { added: string[]; removed: string[] } & NumberMoves;
}

export interface Handover {
  files: Map<string, FilePlan>;
  /** Why nothing is handed over, with what to do by hand (`fix-refused`). */
  left: Finding[];
}

export interface HandoverSite {
  /** The site's config file, as messages name it (`_config.yml`). */
  configFile: string;
  /** The `beian:` block as written there (before any correction). */
  beian: unknown;
  /** The site's host (`url`): an example number on a real host is not moved. */
  host?: string;
  /** Whether the site serves this path (an icon the theme shows, kept when it does). */
  iconExists(src: string): boolean;
  /** Whether the user's file may be edited (a theme installed from npm is not the user's). */
  editable(file: string): boolean;
}

const NAME: Record<Kind, Text> = { icp: { zh: 'ICP备案号', en: 'ICP number' }, gongan: { zh: '公安联网备案号', en: 'public-security (公安) number' } };

/** The key path of a setting inside its file; undefined when it goes through a list (`list[0].code`), which is not edited. */
function keyPath(key: string): KeyPath | undefined {
  return /[[\]]/.test(key) ? undefined : key.split('.');
}

/** The file's numbers a value holds, as `numbersIn` (lib/fix/beian.ts) names them. */
function held(value: unknown): string[] {
  const number = filingIn(value);
  return number ? [`${number.key}:${number.canonical}`] : [];
}

/** A planner that offers one change, once. */
function once(change: Change): Planner {
  return (_doc, _text, skip) => (skip.has(change.id) ? undefined : change);
}

/** Plans the handover of the theme's own line; an empty plan when the theme shows nothing. */
export function planHandover(settings: ThemeBeian, site: HandoverSite, language: Language): Handover {
  const description = themeById(settings.theme);
  const entries = themeEntries(settings);
  const files = new Map<string, FilePlan>();
  if (!description || entries.length === 0) return { files, left: [] };
  const { label } = description;
  const advice = offAdvice(label, entries);
  const refusals: Finding[] = [];
  const refuse = (path: string, why: Text) => {
    refusals.push(finding(language, 'fix-refused', 'error', {
      zh: `${path}：没有把 ${label} 的备案号交给 hexo-beian（写进 _config.yml 的 beian: 并关闭主题自己的备案显示），因为${/^[!-~]/.test(why.zh) ? ' ' : ''}${why.zh}。请改正后再运行，或手动把编号写进 ${site.configFile} 的 beian: 块；${advice.zh}`,
      en: `${path}: ${label}'s filing line was not handed over to hexo-beian (its numbers into beian: in ${site.configFile}, its own line off), because ${why.en}. Correct it and run again, or write the numbers in the beian: block of ${site.configFile} by hand; ${advice.en[0].toLowerCase()}${advice.en.slice(1)}`
    }, { path }));
  };

  // The numbers, each kind once, valid, and agreeing with the config.
  const numbers: Partial<Record<Kind, { canonical: string; digits?: string; entry: Entry }>> = {};
  for (const entry of entries) {
    const result = checkExample((entry.kind === 'icp' ? parseIcp : parseGongan)(entry.text, { language }), site.host, language, label);
    const shown = typeof entry.text === 'string' ? entry.text.trim() : String(entry.text);
    if (!result.ok || result.canonical === undefined) {
      refuse(entry.setting.path, { zh: `${shown} 不是可以使用的编号（hexo beian check 说明原因）`, en: `${shown} is not a number it can use (hexo beian check says why)` });
      continue;
    }
    const before = numbers[entry.kind];
    if (before && before.canonical !== result.canonical) {
      refuse(entry.setting.path, { zh: `${label} 显示了两个不同的${NAME[entry.kind].zh}（${before.canonical}、${result.canonical}），不知道哪个是本站的`, en: `${label} shows two different ${NAME[entry.kind].en}s (${before.canonical}, ${result.canonical}), and which is this site's is not for it to guess` });
      continue;
    }
    numbers[entry.kind] = { canonical: result.canonical, digits: result.digits, entry };
  }
  const block = isPlain(site.beian) ? site.beian : undefined;
  // The theme's line is what shows the numbers while hexo-beian shows none, or shows them per host.
  if (block && !readBoolean(block.enable, 'beian.enable', true, language, [])) {
    refuse(entries[0].setting.path, { zh: `${site.configFile} 里 beian.enable 是 false：hexo-beian 不显示备案信息，关掉主题的备案显示会让页面失去备案号（先改为 beian.enable: true）`, en: `beian.enable is false in ${site.configFile}: hexo-beian shows nothing, so turning the theme's line off would leave the pages without the numbers (set beian.enable: true first)` });
  } else if (block && !isBlank(block.domains)) {
    refuse(entries[0].setting.path, { zh: `${site.configFile} 的 beian: 按域名分别配置（domains），主题的号码该归哪个域名需要你来定`, en: `beian: in ${site.configFile} is set per host (domains), and which host the theme's numbers belong to is for you to say` });
  }
  const plan = (file: string): FilePlan => {
    let found = files.get(file);
    if (!found) files.set(file, found = { planners: [], moves: { added: [], removed: [] } });
    return found;
  };
  // Each number into beian: when the config does not have it yet (an icon the site serves kept
  // with the 公安 number); where it has one, it must be the theme's.
  for (const kind of ['icp', 'gongan'] as const) {
    const theirs = numbers[kind];
    const written = block?.[kind];
    const ours = isPlain(written) ? written.number : written;
    if (!theirs) continue;
    if (!isBlank(ours)) {
      const mine = filingIn(ours);
      if (mine?.key !== kind || mine.canonical !== theirs.canonical) {
        refuse(theirs.entry.setting.path, { zh: `${site.configFile} 的 beian.${kind} 是 ${String(ours)}，而 ${label} 显示 ${theirs.canonical}`, en: `beian.${kind} in ${site.configFile} is ${String(ours)} while ${label} shows ${theirs.canonical}` });
      }
      continue;
    }
    const icon = kind === 'gongan' && typeof theirs.entry.icon?.value === 'string' ? theirs.entry.icon.value.trim() : undefined;
    const kept = icon !== undefined && icon.startsWith('/') && !icon.startsWith('//') && site.iconExists(icon) ? icon : undefined;
    const config = plan(site.configFile);
    config.planners.push(numberPlanner(kind, theirs.canonical, kept, label));
    config.moves.added.push(`${kind}:${theirs.canonical}`);
  }

  // The theme's line off, where it was turned on; a 公安 code field that disagrees, dropped.
  const offs = [...new Map(entries.map(e => [e.off.setting.path, e.off])).values()];
  for (const off of offs) {
    let { file, key } = whereOf(off.setting);
    // A switch on by the theme's own default (its config in node_modules): set false where the
    // user wrote the numbers (`_config.<theme>.yml`, or `theme_config:`), which Hexo merges over it.
    const mine = off.how === 'false' && !site.editable(file) ? entries.map(e => whereOf(e.setting)).find(at => site.editable(at.file)) : undefined;
    if (mine) {
      file = mine.file;
      key = mine.key.startsWith('theme_config.') ? `theme_config.${key}` : key;
    }
    const path = keyPath(key);
    if (!path || !site.editable(file)) {
      refuse(off.setting.path, path
        ? { zh: `${file} 不是你的文件（主题从 npm 安装），不能修改`, en: `${file} is not yours to edit (the theme installed from npm)` }
        : { zh: `它在一个列表里，hexo beian fix 不修改列表`, en: 'it is in a list, which hexo beian fix does not edit' });
      continue;
    }
    const edit = offEdit(off, path, entries.filter(e => e.off.setting.path === off.setting.path));
    if (!edit) {
      refuse(off.setting.path, { zh: '无法把编号从这段文字里安全地分离出来', en: 'the number cannot be taken out of that text safely' });
      continue;
    }
    const target = plan(file);
    target.planners.push(once({ id: `handover-off:${off.setting.path}`, edits: [edit.edit], what: edit.what }));
    target.moves.removed.push(...edit.removed);
  }
  const gongan = numbers.gongan;
  const code = gongan?.entry.link?.code;
  const codeText = typeof code?.value === 'string' || typeof code?.value === 'number' ? String(code.value).trim() : undefined;
  if (code && gongan?.digits && codeText !== undefined && codeText !== gongan.digits) {
    const { file, key } = whereOf(code);
    const path = keyPath(key);
    if (path && site.editable(file)) {
      const target = plan(file);
      target.planners.push(once({
        id: `handover-code:${code.path}`,
        edits: [{ op: 'delete', path }],
        what: { zh: `删除 ${key}（${codeText}，与公安备案号 ${gongan.canonical} 不符；hexo-beian 由编号生成链接）`, en: `${key} removed (${codeText}, not the digits of ${gongan.canonical}; hexo-beian builds the link from the number)` }
      }));
      target.moves.removed.push(...held(code.value));
    }
  }
  return refusals.length > 0 ? { files: new Map(), left: refusals } : { files, left: [] };
}

/** The planner writing one number into beian: (inside its long form when it has one). */
function numberPlanner(kind: Kind, canonical: string, icon: string | undefined, label: string): Planner {
  const id = `handover:${kind}`;
  return (doc, _text, skip) => {
    if (skip.has(id)) return undefined;
    const values = valuesOf(doc);
    const beian = isPlain(values) ? values[ROOT] : undefined;
    const long = isPlain(beian) && isPlain(beian[kind]);
    const edits: Edit[] = long
      ? [{ op: 'set', path: [ROOT, kind, 'number'], value: canonical }, ...(icon && isBlank((beian[kind] as Record<string, unknown>).icon) ? [{ op: 'set' as const, path: [ROOT, kind, 'icon'], value: icon }] : [])]
      : [{ op: 'set', path: [ROOT, kind], value: icon ? { entries: [['number', canonical], ['icon', icon]] } : canonical }];
    return {
      id,
      edits,
      what: { zh: `${label} 显示的${kind === 'icp' ? ' ' : ''}${NAME[kind].zh} ${canonical} 写进 beian.${kind}${icon ? `（图标 ${icon}）` : ''}`, en: `${label}'s ${NAME[kind].en} ${canonical} written in beian.${kind}${icon ? ` (icon ${icon})` : ''}` }
    };
  };
}

/** The edit turning one of the theme's settings off, what it does, and the numbers it takes out of the file. */
function offEdit(off: Off, path: KeyPath, entries: readonly Entry[]): { edit: Edit; what: Text; removed: string[] } | undefined {
  const key = path.join('.');
  if (off.how === 'false') return { edit: { op: 'set', path, value: false }, what: { zh: `${key}: false，关闭主题自己的备案显示`, en: `${key}: false, the theme's own line off` }, removed: [] };
  if (off.how === 'empty') return { edit: { op: 'set', path, value: '' }, what: { zh: `${key} 清空（编号已交给 hexo-beian）`, en: `${key} emptied (the number is hexo-beian's now)` }, removed: held(off.setting.value) };
  const value = off.setting.value;
  if (typeof value !== 'string') return undefined;
  const rest = withoutNumbers(value, entries.map(e => String(e.text)));
  if (rest === undefined) return undefined;
  return { edit: { op: 'set', path, value: rest }, what: { zh: `从 ${key} 中删去备案号（其余文字保留）`, en: `the filing numbers taken out of ${key} (the rest of the text kept)` }, removed: held(value) };
}

/**
 * The text without the filing markup of these numbers (as displayed): each number, with the
 * `<a>` around it when that holds nothing else but an icon, and one separator beside it.
 * Undefined when a number is not written literally, or its link holds other text too: then
 * the text is not split.
 */
/** How far before a 公安 number (or its link) its icon's tag may start. */
const ICON_REACH = 512;

export function withoutNumbers(text: string, numbers: readonly string[]): string | undefined {
  let rest = text;
  for (const number of numbers) {
    const at = rest.indexOf(number);
    if (at < 0 || rest.indexOf(number, at + number.length) >= 0) return undefined;
    let start = at;
    let end = at + number.length;
    // Inside an <a>…</a>: the whole link goes, when it shows nothing but the number (and an icon).
    const open = rest.lastIndexOf('<a', start);
    const closeBefore = rest.lastIndexOf('</a', start);
    if (open >= 0 && open > closeBefore && /^<a[\s>]/i.test(rest.slice(open, open + 3))) {
      const close = rest.indexOf('</a>', end);
      const tagEnd = rest.indexOf('>', open);
      if (close < 0 || tagEnd < 0 || tagEnd > start) return undefined;
      const inner = rest.slice(tagEnd + 1, start) + rest.slice(end, close);
      if (inner.replace(/<img\b[^<>]*>/gi, '').replace(/<\/?(?:span|i|b|strong)\b[^<>]*>/gi, '').trim() !== '') return undefined;
      start = open;
      end = close + '</a>'.length;
    }
    // The icon the audit reads as this number's (numbersInText: in its link, or right before it) goes with it.
    // Only tags and spaces between them: nothing displayed goes with it.
    const img = rest.lastIndexOf('<img', start);
    const between = img < 0 || start - img > ICON_REACH ? undefined : rest.slice(img, start).replace(/<[^<>]*>/g, '').replace(/&nbsp;/gi, ' ');
    if (between?.trim() === '' && numbersInText(rest).some(found => found.icon !== undefined && found.text.includes(number))) start = img;
    // One separator beside it goes too: the one after it, else the one before it.
    const after = /^(?:\s|&nbsp;|<br\s*\/?>)*(?:[|｜·•/]|&#124;|&middot;)(?:\s|&nbsp;)*/i.exec(rest.slice(end));
    const before = /(?:\s|&nbsp;)*(?:[|｜·•/]|&#124;|&middot;)(?:\s|&nbsp;|<br\s*\/?>)*$/i.exec(rest.slice(Math.max(0, start - 64), start));
    if (after) end += after[0].length;
    else if (before) start -= before[0].length;
    const removedToEnd = end === rest.length;
    rest = rest.slice(0, start) + rest.slice(end);
    // Taken from the start or the end of the text: no line break or space is left hanging there.
    if (start === 0) rest = rest.replace(/^(?:\s|&nbsp;|<br\s*\/?>)+/i, '');
    if (removedToEnd) rest = rest.replace(/(?:\s|&nbsp;|<br\s*\/?>)+$/i, '');
  }
  // Nothing of a number left: what is displayed holds none of them.
  if (numbersInText(rest).some(found => numbers.some(number => found.text.includes(number) || number.includes(found.text)))) return undefined;
  return /^\s*$/.test(rest) ? '' : rest;
}

import { closeSync, existsSync, fstatSync, readSync } from 'fs';
import { isUtf8 } from 'buffer';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'path';
import type Hexo from 'hexo';
import { url_for } from 'hexo-util';
import { labelLanguageOf, languageOf, say, type LabelLanguage, type Language } from '../engine/diagnostic';
import { describe, finding, located, type Finding, type Locate } from '../finding';
import { printable } from '../engine/text';
import { readConfig } from '../config/read';
import { locator, writtenFile, writtenKeys, writtenText, type NamedFile, type WrittenFile, type WrittenKeys, type WrittenText } from '../config/written';
import type { BeianConfig } from '../config/schema';
import { iconExists } from '../audit/icon';
import { lineItems } from '../line/items';
import { MARK, renderLine, type LineTemplate } from '../line/render';
import { sandboxTemplate } from '../line/sandbox';
import { findSlots } from '../line/inject';
import { unseenItems, type UnseenWhy } from '../line/shown';
import type { SiteReading } from '../audit/site';
import { logFindings } from './report';
import { iconFolders, themeSettings } from './facts';
import type { ThemeBeian } from '../audit/theme';
import { openToRead } from '../files';

/**
 * The site as one build reads it: the `beian` block, its findings, the languages, the line's
 * items and the user's template, read once and handed to the filter, the helper, the guard
 * and the command. Read again only when something it depends on changed (the config, the
 * language, `url`, `root`, the template's text), as under `hexo server`.
 */

/** The reading of one build. */
export interface BuildReading extends SiteReading {
  labels: LabelLanguage;
  /** The theme's own filing settings (read on first use, once per build). */
  theme(): Promise<ThemeBeian | undefined>;
  /** The user's template (rendered in its sandbox) and its file; absent when the built-in one is used. */
  template?: { file: string; compiled: LineTemplate };
}

export interface Site {
  /** Reads the site for a build (`before_generate`); the last reading when nothing changed. A new build logs anew. */
  refresh(): BuildReading;
  /** This build's reading, read now when there is none yet. */
  current(): BuildReading;
  /** Logs the findings not logged yet in this build: each once, however many stages (the filter's, the guard's) see it. */
  log(findings: readonly Finding[]): void;
  /**
   * A finding met while building (the template failing on some page's items): one of this
   * reading's findings from now on, so the deploy's audit sees it too; logged once.
   */
  add(found: Finding): void;
}

/** The largest template read: a filing line's template is a few hundred bytes. */
export const TEMPLATE_MAX_BYTES = 64 * 1024;

/** Creates the site reading of one Hexo instance. */
export function siteOf(hexo: Hexo): Site {
  let key: string | undefined;
  let reading: BuildReading | undefined;
  let templateSource: string | undefined;
  /** Whether the icon was shown: a file added or removed under `hexo server` reads the site again. */
  let iconOn = false;
  let theme: Promise<ThemeBeian | undefined> | undefined;
  let logged = new Set<string>();
  /** This build's YAML files, each read and parsed once: the dates as written, the findings' lines. */
  let files = buildFiles(hexo);
  let locate: Locate = locator(files.site, files.named);
  const templateFile = (path: string) => resolve(hexo.base_dir, path);

  function log(findings: readonly Finding[]): void {
    if (!reading) return;
    const { language } = reading;
    const fresh = findings.filter(f => !logged.has(describe(f, language)));
    fresh.forEach(f => logged.add(describe(f, language)));
    logFindings(hexo.log, fresh, language);
  }

  function refresh(): BuildReading {
    logged = new Set(); // a new build says everything once again
    theme = undefined; // and reads the theme's settings again, on first use
    files = buildFiles(hexo); // and its files, once each, on first use
    locate = locator(files.site, files.named);
    const { beian, language, url, root, icp, gongan } = hexo.config;
    const themeBlock = themeBeianBlock(hexo, files);
    const nextKey = keyOf([beian, language, url, root, icp, gongan, themeBlock]);
    // The same config: read again only when the template's text changed.
    if (reading && nextKey !== undefined && nextKey === key) {
      const file = reading.config.template === undefined ? undefined : templateFile(reading.config.template);
      const sameTemplate = file === undefined || readTemplateFile(file, reading.config.paths.template, reading.language).source === templateSource;
      if (sameTemplate && iconShown(hexo, reading.config) === iconOn) return reading;
    }
    key = nextKey;
    const lang = languageOf(language);
    // The site's config files as written, read on the first question about them, then asked as often as needed.
    let asked: { text: WrittenText; keys: WrittenKeys } | undefined;
    const ask = () => {
      if (!asked) {
        const sources = files.site().map(named => named.file).filter(file => file !== undefined);
        asked = { text: writtenText(sources), keys: writtenKeys(sources) };
      }
      return asked;
    };
    const written = (keys: readonly string[]) => ask().text(keys);
    const keysWritten = (keys: readonly string[]) => ask().keys(keys);
    const { config, findings } = readConfig(beian, lang, { url, topLevel: { icp, gongan }, written, writtenKeys: keysWritten, themeBlock });
    const labels = labelLanguageOf(language);
    reading = {
      config,
      findings,
      language: lang,
      labels,
      items: lineItems(shownConfig(hexo, config), labels, path => iconUrl(hexo, path, config.paths.gonganIcon, lang, findings)),
      theme: () => (theme ??= themeSettings(hexo)),
      locate: path => locate(path)
    };
    templateSource = undefined;
    iconOn = iconShown(hexo, config);
    if (config.template !== undefined) {
      const template = readTemplateFile(templateFile(config.template), config.paths.template, lang);
      templateSource = template.source;
      if (template.finding) findings.push(template.finding);
      if (template.source !== undefined) {
        try {
          const compiled = sandboxTemplate(template.source, template.file);
          // Rendered once here, on this build's items: nunjucks finds most mistakes (an unknown
          // filter, a call of nothing) only when rendering, and a template that fails is not
          // used, which the audit, the guard and `hexo beian check` must all know.
          const markup = renderLine(reading.items, labels, compiled);
          // A number the output holds only in a comment, a <template>, a <noscript>, a <textarea>, …
          // is on no visitor's screen, and the audit takes the line as written: not used.
          const unseen = unseenItems(markup, reading.items);
          if (unseen.length > 0) throw new Error(say(lang, unseenReasons(unseen)));
          reading.template = { file: template.file, compiled };
          if (markup && findSlots(markup).marks.length === 0) findings.push(templateUnmarked(config.paths.template, lang));
        } catch (err) {
          findings.push(templateFailed(template.file, err, config.paths.template, lang));
        }
      }
    }
    // Each at the line of its key, for the build's log and every audit after it.
    reading.findings = located(findings, reading.locate);
    return reading;
  }

  return {
    refresh,
    current: () => reading ?? refresh(),
    log,
    add(found) {
      const current = reading ?? refresh();
      const known = current.findings.some(f => describe(f, current.language) === describe(found, current.language));
      const [placed] = located([found], current.locate);
      // The reading's findings are its own array (made for this reading).
      if (!known) (current.findings as Finding[]).push(placed);
      log([placed]);
    }
  };
}

/**
 * The icon's URL on the site (Hexo's url_for, which honours `root`). url_for throws on text
 * encodeURI cannot encode; the reader refuses such text, so this only guards: the icon is left
 * out, with an error at its key, and the build goes on.
 */
function iconUrl(hexo: Hexo, path: string, key: string, language: Language, findings: Finding[]): string | undefined {
  try {
    return url_for.call(hexo, path);
  } catch (err) {
    const reason = printable((err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' '));
    findings.push(finding(language, 'config-icon', 'error', {
      zh: `${key} 无法转换为网址（${reason}），图标未显示：请写站点内的图片路径或 http(s) 地址，例如 /images/gongan.png。`,
      en: `${key} cannot be made into a URL (${reason}); the icon is not shown. Write an image path on your site or an http(s) URL, for example /images/gongan.png.`
    }, { path: key }));
    return undefined;
  }
}

/** The largest config file read for its text: a site's `_config.yml` is a few KiB. */
const CONFIG_MAX_BYTES = 1024 * 1024;

/** The YAML files of one build, each read (a regular file of bounded size) and parsed once, on first use. */
interface BuildFiles {
  /**
   * The config file(s) Hexo read, in its order (a later one wins): `hexo.config_path`; with
   * `--config a.yml,b.yml`, Hexo's merge of them is `_multiconfig.yml`, written back by js-yaml
   * with the dates already rolled over and no line of the user's, so the files listed are read
   * instead, as Hexo finds them.
   */
  site(): readonly NamedFile[];
  /** A file by its path relative to the site folder (a theme's config: `_config.fluid.yml`), parsed. */
  named(name: string): WrittenFile | undefined;
  /** Its text only, not parsed (a parse of a whole theme config costs some 15 ms). */
  text(name: string): string | undefined;
}

function buildFiles(hexo: Hexo): BuildFiles {
  const texts = new Map<string, string | undefined>();
  const parsed = new Map<string, WrittenFile | undefined>();
  const read = (file: string) => {
    if (!texts.has(file)) texts.set(file, readSmall(file));
    return texts.get(file);
  };
  const open = (file: string) => {
    if (!parsed.has(file)) {
      const text = read(file);
      parsed.set(file, text === undefined ? undefined : writtenFile(text));
    }
    return parsed.get(file);
  };
  let site: NamedFile[] | undefined;
  return {
    // Parsed on first use (a date to read as written, a finding to place): a build without either parses nothing.
    site: () => (site ??= configFiles(hexo).map(file => ({ name: relative(hexo.base_dir, file).split(sep).join('/'), file: open(file) }))),
    named: name => open(resolve(hexo.base_dir, name)),
    text: name => read(resolve(hexo.base_dir, name))
  };
}

function configFiles(hexo: Hexo): string[] {
  const listed: unknown = (hexo.env as { args?: { config?: unknown } } | undefined)?.args?.config;
  const configPath = typeof hexo.config_path === 'string' ? hexo.config_path : undefined;
  if (typeof listed === 'string' && listed.includes(',') && (configPath === undefined || basename(configPath) === '_multiconfig.yml')) {
    // As lib/hexo/multi_config_path.ts in Hexo: the first space dropped, split at commas; .yml and .json only.
    return listed.replace(' ', '').split(',')
      .map(file => (isAbsolute(file) ? file : join(hexo.base_dir, file)))
      .filter(file => ['.yml', '.json'].includes(extname(file).toLowerCase()) && existsSync(file));
  }
  return configPath === undefined ? [] : [configPath];
}

function readSmall(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openToRead(file);
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > CONFIG_MAX_BYTES) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let size = 0;
    for (let read = 1; read > 0 && size < buffer.length; size += read) read = readSync(fd, buffer, size, buffer.length - size, null);
    return buffer.toString('utf8', 0, size);
  } catch {
    return undefined; // unreadable: dates are taken as js-yaml read them
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The config as the line shows it: an icon that is no file of the site is withheld (the audit
 * reports it as `icon-not-found`), as an invalid number is; the number stays.
 */
function shownConfig(hexo: Hexo, config: BeianConfig): BeianConfig {
  if (!config.gongan || iconShown(hexo, config)) return config;
  return { ...config, gongan: { ...config.gongan, icon: undefined } };
}

/** The 公安 icon can be shown: a URL, or a site path whose file exists (false without an icon). */
function iconShown(hexo: Hexo, config: BeianConfig): boolean {
  const icon = config.gongan?.icon;
  return icon !== undefined && iconExists(icon, iconFolders(hexo)) !== false;
}

/** What the reading depends on, as one string; Dates stringify as ISO text, so any change shows. */
function keyOf(parts: unknown[]): string | undefined {
  try {
    return JSON.stringify(parts);
  } catch {
    return undefined; // never the same key: read every time
  }
}

/** The user's template: its text, or the finding that says why it cannot be used. */
function readTemplateFile(file: string, path: string, language: Language): { file: string; source?: string; finding?: Finding } {
  const WHERE = { zh: '请写相对于站点目录（_config.yml 所在目录）的路径，例如 beian.njk。', en: 'Write a path relative to the site folder (where _config.yml is), for example beian.njk.' };
  const refused = (reason: { zh: string; en: string }, advice = WHERE, cannot = { zh: '无法读取', en: 'Cannot read' }) => ({
    file,
    finding: finding(language, 'config-template', 'error', {
      zh: `${cannot.zh} ${path} 指定的文件 ${file}（${reason.zh}）；已使用内置模板。${advice.zh}`,
      en: `${cannot.en} the file of ${path}, ${file} (${reason.en}); the built-in template is used. ${advice.en}`
    }, { path })
  });
  let fd: number | undefined;
  try {
    // Opened first and checked on the descriptor, so a device or a fifo is never read from.
    fd = openToRead(file);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refused({ zh: '不是普通文件', en: 'not a regular file' });
    if (stat.size > TEMPLATE_MAX_BYTES) {
      return refused({ zh: `有 ${stat.size} 字节，超过 ${TEMPLATE_MAX_BYTES} 字节的上限`, en: `${stat.size} bytes, over the limit of ${TEMPLATE_MAX_BYTES}` });
    }
    const buffer = Buffer.alloc(TEMPLATE_MAX_BYTES + 1);
    let size = 0;
    for (let read = 1; read > 0 && size <= TEMPLATE_MAX_BYTES; size += read) read = readSync(fd, buffer, size, buffer.length - size, null);
    if (size > TEMPLATE_MAX_BYTES) return refused({ zh: `超过 ${TEMPLATE_MAX_BYTES} 字节的上限`, en: `over the limit of ${TEMPLATE_MAX_BYTES} bytes` });
    const bytes = buffer.subarray(0, size);
    const source = bytes.toString('utf8');
    // Read otherwise, its Chinese would reach every page as replacement characters.
    if (!isUtf8(bytes)) {
      const line = source.slice(0, source.indexOf('\uFFFD')).split('\n').length;
      return refused({ zh: `不是 UTF-8 文本，第 ${line} 行`, en: `not UTF-8 text, line ${line}` }, { zh: '请把它另存为 UTF-8 编码。', en: 'Save it as UTF-8.' }, { zh: '无法使用', en: 'Cannot use' });
    }
    return { file, source: source.replace(/^\uFEFF/, '') };
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
    return refused({ zh: reason, en: reason });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The warning for a template whose output has no `data-hexo-beian`: the filter wraps it. */
export function templateUnmarked(path: string, language: Language): Finding {
  return finding(language, 'config-template', 'warning', {
    zh: `模板的输出没有 ${MARK} 属性，已包在 <div ${MARK}> 中，以保证每页只加一次。请在模板最外层元素上写 ${MARK}，例如 <p class="beian" ${MARK}>。`,
    en: `The template's output carries no ${MARK} attribute, so it was wrapped in <div ${MARK}> to be added once per page. Put ${MARK} on the template's outer element, for example <p class="beian" ${MARK}>.`
  }, { path });
}

/** Why each item is missing from a template's output, items of one reason together. */
function unseenReasons(unseen: readonly { text: string; why: UnseenWhy }[]): { zh: string; en: string } {
  const said: Record<UnseenWhy, { zh: string; en: string }> = {
    absent: { zh: '不在输出里', en: 'not in it at all' },
    unseen: { zh: '写在访客看不到的地方（注释、<template>、<noscript>、<textarea>、带 hidden 的元素之类）', en: 'where no visitor sees it (a comment, a <template>, <noscript>, <textarea>, a hidden element or the like)' },
    unlinked: { zh: '没有链接到它的查询页面', en: 'not linked to its query page' },
    'no-icon': { zh: '没有带上设置的图标', en: 'without the icon set' }
  };
  const reasons = [...new Set(unseen.map(item => item.why))].map(why => {
    const texts = unseen.filter(item => item.why === why).map(item => item.text);
    return { zh: `${texts.join('、')} ${said[why].zh}`, en: `${texts.join(', ')}: ${said[why].en}` };
  });
  return {
    zh: `它的输出没有按要求显示备案信息：${reasons.map(r => r.zh).join('；')}`,
    en: `its output does not show the line as it must: ${reasons.map(r => r.en).join('; ')}`
  };
}

/** The finding for a template that does not compile or fails when rendered. */
export function templateFailed(file: string, err: unknown, path: string, language: Language): Finding {
  const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return finding(language, 'config-template', 'error', {
    zh: `模板 ${file} 出错（${reason}）；已使用内置模板。请修正模板，可用的变量见 README 的 template 一节。`,
    en: `The template ${file} failed (${reason}); the built-in template is used. Fix the template; its variables are listed under template in the README.`
  }, { path });
}

/**
 * A `beian` block written in the theme's config rather than the site's: `theme_config.beian`
 * in `_config.yml`, or `beian:` in `_config.<theme>.yml` (read as text here: Hexo merges that
 * file into the theme's settings, where hexo-beian does not look). Undefined when there is none.
 */
function themeBeianBlock(hexo: Hexo, files: BuildFiles): { where: string; value: unknown } | undefined {
  const theme = hexo.config.theme;
  if (typeof theme === 'string' && /^[\w.-]+$/.test(theme)) {
    const file = `_config.${theme}.yml`;
    // Read as the site's own config files are, once per build: a finding there gets its line from the same parse.
    const text = files.text(file);
    const parsed = text !== undefined && /^beian\s*:/m.test(text) ? files.named(file) : undefined;
    if (parsed?.doc && parsed.clean) {
      try {
        const value = (parsed.doc.toJS({ maxAliasCount: 100 }) as { beian?: unknown } | null)?.beian;
        if (value !== undefined) return { where: `${file}:beian`, value };
      } catch {
        // not YAML that reads: Hexo reports that itself
      }
    }
  }
  // Hexo 6 to 8 also merge that file into theme_config; one written there in _config.yml is the same mistake.
  const inline = (hexo.config as { theme_config?: unknown }).theme_config;
  if (inline && typeof inline === 'object' && 'beian' in inline) return { where: '_config.yml:theme_config.beian', value: (inline as { beian: unknown }).beian };
  return undefined;
}

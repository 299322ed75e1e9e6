import { readFileSync } from 'fs';
import { resolve } from 'path';
import type Hexo from 'hexo';
import type nunjucks from 'nunjucks';
import { url_for } from 'hexo-util';
import { describe, labelLanguageOf, languageOf, say, type Finding, type LabelLanguage, type Language } from '../engine/diagnostic';
import { readConfig, type BeianConfig } from '../config/read';
import { compactText, compileTemplate, lineItems, MARK, renderLine, shows, type LineItem } from '../line/render';
import { findSlots, injectLine } from '../line/inject';

/**
 * The Hexo glue of the footer: reads the config and the user's template and prepares the
 * filing line once per build (again only when something it depends on changed, as under
 * `hexo server`), logs each problem once, and hands every page to {@link injectLine}.
 * Everything that does not depend on the page is computed in {@link LineFilter.prepare};
 * per page there is one parse, and the markup of each set of items is rendered once.
 */
export interface LineFilter {
  /** `before_generate`: re-read the config if it changed since the last build. */
  prepare(): void;
  /** `after_render:html`: the page with the filing line, or undefined to keep it as it is. */
  inject(html: string, locals?: PageLocals): string | undefined;
  /** The `beian()` helper: the filing line, for a theme to place itself ('' when nothing is shown here). */
  helper(locals?: PageLocals): string;
}

/**
 * What Hexo passes with a final page (Hexo 6, 7 and 8 alike): its `Locals`, whose `path` is
 * the route path relative to `root` (`index.html`, `page/2/index.html`, `search.json`).
 * Helpers see the same object as `this`.
 */
export interface PageLocals {
  path?: unknown;
}

/**
 * The home page: the route `index.html` at the site root (whatever `root` is); pagination
 * pages (`page/2/index.html`) and an index generator moved elsewhere are not.
 */
export function isHomePage(locals?: PageLocals): boolean {
  return locals?.path === 'index.html';
}

/**
 * Only HTML routes get the line: a route whose path ends in `.json`, `.xml`, … is served as
 * that type even when a layout rendered it. Without a path (not a Hexo route) the page's
 * own markup decides.
 */
export function isHtmlRoute(locals?: PageLocals): boolean {
  const path = locals?.path;
  return typeof path !== 'string' || /\.html?$/i.test(path);
}

/** Logs findings through Hexo's logger, each as one entry naming its config path. */
export function logFindings(log: Hexo['log'], findings: readonly Finding[], language: Language): void {
  for (const finding of findings) {
    const line = `hexo-beian: ${describe(finding, language)}`;
    if (finding.severity === 'error') log.error(line);
    else if (finding.severity === 'warning') log.warn(line);
    else log.info(line);
  }
}

/** What to change in the themes whose own filing settings are known (filing-rules.md, "How existing themes do it"). */
const THEME_SETTINGS: Record<string, { zh: string; en: string }> = {
  next: {
    zh: '这通常是 NexT 自带的备案栏：请在 _config.next.yml 中设置 footer.beian.enable: false',
    en: 'This is usually NexT\'s own filing line: set footer.beian.enable: false in _config.next.yml'
  },
  fluid: {
    zh: '这通常是 Fluid 自带的备案栏：请在 _config.fluid.yml 中设置 footer.beian.enable: false',
    en: 'This is usually Fluid\'s own filing line: set footer.beian.enable: false in _config.fluid.yml'
  },
  butterfly: {
    zh: '请从 _config.butterfly.yml 的 footer.custom_text 中删去这个号码',
    en: 'Remove the number from footer.custom_text in _config.butterfly.yml'
  }
};

const ANY_THEME = {
  zh: '请从主题的页脚设置中删去这个号码',
  en: 'Remove the number from the theme\'s footer settings'
};

/**
 * The warning for a number the page already shows: which page, which number, the theme
 * setting to change, and the option that keeps both.
 *
 * @param at    the config path that holds the numbers (`beian`, `beian.domains["host"]`).
 * @param theme the site's `theme` (`next`, `fluid`, …).
 */
export function alreadyShown(item: LineItem, page: string, at: string, theme: unknown, language: Language): Finding {
  const key = item.kind === 'extra' ? 'beian.extra' : `${at}.${item.kind}`;
  const name = typeof theme === 'string' ? theme.replace(/^hexo-theme-/, '') : '';
  const change = THEME_SETTINGS[name] ?? ANY_THEME;
  return {
    code: 'already-shown',
    severity: 'warning',
    path: key,
    page,
    message: say(language, {
      zh: `页面已显示 ${item.text}（${key}），hexo-beian 没有再显示一遍（其他这样的页面同样处理）。${change.zh}，`
        + '由 hexo-beian 显示经过校验、带正确链接的号码；若要两者都显示，请设置 beian.duplicates: keep。',
      en: `The page already shows ${item.text} (${key}), so hexo-beian left it out of its line there (and on other such pages). ${change.en} `
        + 'so that hexo-beian shows it, checked and correctly linked; to show both, set beian.duplicates: keep.'
    })
  };
}

/** One build's filing line: everything that does not depend on the page. */
interface Plan {
  config: BeianConfig;
  items: LineItem[];
  language: Language;
  labels: LabelLanguage;
  /** The user's template, compiled, and its file. */
  template?: nunjucks.Template;
  templateFile?: string;
  /** Markup by the indexes of the items it shows, rendered once each. */
  markup: Map<string, string>;
  /** The line by the text the site footer already shows (`duplicates: skip`); emptied each build. */
  lines: Map<string, string>;
}

/** Creates the footer filter of one Hexo instance. */
export function lineFilter(hexo: Hexo): LineFilter {
  let key: string | undefined;
  let plan: Plan | undefined;
  let warned = new Set<string>();

  /** The user's template: path and text, or the finding that says why it cannot be used. */
  function readTemplateFile(path: string | undefined, language: Language): { file?: string; source?: string; finding?: Finding } {
    if (!path) return {};
    const file = resolve(hexo.base_dir, path);
    try {
      return { file, source: readFileSync(file, 'utf8') };
    } catch (err) {
      return {
        file,
        finding: {
          code: 'config-template',
          severity: 'error',
          path: 'beian.template',
          message: say(language, {
            zh: `无法读取 beian.template 指定的文件 ${file}（${(err as Error).message}）；已使用内置模板。请写相对于站点目录（_config.yml 所在目录）的路径，例如 beian.njk。`,
            en: `Cannot read the file of beian.template, ${file} (${(err as Error).message}); the built-in template is used. Write a path relative to the site folder (where _config.yml is), for example beian.njk.`
          })
        }
      };
    }
  }

  function prepare(): void {
    warned = new Set();
    plan?.lines.clear(); // so that each build warns again about a number already shown
    const { beian, language, url, root } = hexo.config;
    const lang = languageOf(language);
    const labels = labelLanguageOf(language);
    const { config, findings } = readConfig(beian, lang, { url });
    const template = readTemplateFile(config.template, lang);
    // Dates stringify as ISO text, so the key changes whenever anything shown could.
    const nextKey = JSON.stringify([beian, language, url, root, template.source]);
    if (nextKey === key) return;
    key = nextKey;
    if (template.finding) findings.push(template.finding);
    const items = lineItems(config, labels, path => url_for.call(hexo, path));
    plan = { config, items, language: lang, labels, markup: new Map(), lines: new Map() };
    if (template.source !== undefined && template.file) {
      try {
        plan.template = compileTemplate(template.source, template.file);
        plan.templateFile = template.file;
      } catch (err) {
        findings.push(templateFailed(template.file, err, lang));
      }
    }
    logFindings(hexo.log, findings, lang);
    // Render the whole line now, so a template that fails or lacks the mark is reported once, here.
    render(plan, items.map((_, index) => index));
  }

  /** The markup of some of the plan's items (by index), rendered once per build. */
  function render(current: Plan, indexes: number[]): string {
    const id = indexes.join(',');
    let markup = current.markup.get(id);
    if (markup === undefined) {
      const items = indexes.map(i => current.items[i]);
      try {
        markup = renderLine(items, current.labels, current.template);
      } catch (err) {
        // Only the user's template can throw; from here on this build uses the built-in one.
        logFindings(hexo.log, [templateFailed(current.templateFile ?? '', err, current.language)], current.language);
        current.template = undefined;
        current.markup.clear();
        current.lines.clear();
        markup = renderLine(items, current.labels);
      }
      if (current.template && markup && !findSlots(markup).marked) {
        if (current.markup.size === 0) logFindings(hexo.log, [unmarked(current.language)], current.language);
        markup = `<div ${MARK}>${markup}</div>`;
      }
      current.markup.set(id, markup);
    }
    return markup;
  }

  function current(): Plan | undefined {
    if (key === undefined) prepare();
    return plan;
  }

  return {
    prepare,
    inject(html, locals) {
      const p = current();
      if (!p || p.items.length === 0 || p.config.position === 'none') return undefined;
      if (!isHtmlRoute(locals)) return undefined;
      if (p.config.pages === 'home' && !isHomePage(locals)) return undefined;
      const all = p.items.map((_, index) => index);
      const line = p.config.duplicates === 'keep'
        ? render(p, all)
        : (shownText: string) => {
          // Every page of a site shows the same few footers: each is compared once per build.
          const known = p.lines.get(shownText);
          if (known !== undefined) return known;
          const compact = compactText(shownText);
          const left = all.filter(index => {
            const item = p.items[index];
            if (!shows(compact, item)) return true;
            const id = `${item.kind}:${item.text}`;
            if (!warned.has(id)) {
              warned.add(id);
              const page = typeof locals?.path === 'string' ? locals.path : '';
              logFindings(hexo.log, [alreadyShown(item, page, p.config.at, hexo.config.theme, p.language)], p.language);
            }
            return false;
          });
          const made = left.length ? render(p, left) : '';
          if (p.lines.size >= 64) p.lines.clear();
          p.lines.set(shownText, made);
          return made;
        };
      const page = injectLine(html, line, p.config.position);
      return page === html ? undefined : page;
    },
    helper(locals) {
      const p = current();
      if (!p || p.items.length === 0) return '';
      if (p.config.pages === 'home' && !isHomePage(locals)) return '';
      return render(p, p.items.map((_, index) => index));
    }
  };
}

function templateFailed(file: string, err: unknown, language: Language): Finding {
  const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return {
    code: 'config-template',
    severity: 'error',
    path: 'beian.template',
    message: say(language, {
      zh: `模板 ${file} 出错（${reason}）；已使用内置模板。请修正模板，可用的变量见 README 的 template 一节。`,
      en: `The template ${file} failed (${reason}); the built-in template is used. Fix the template; its variables are listed under template in the README.`
    })
  };
}

function unmarked(language: Language): Finding {
  return {
    code: 'config-template',
    severity: 'warning',
    path: 'beian.template',
    message: say(language, {
      zh: `模板的输出没有 ${MARK} 属性，已包在 <div ${MARK}> 中，以保证每页只加一次。请在模板最外层元素上写 ${MARK}，例如 <p class="beian" ${MARK}>。`,
      en: `The template's output carries no ${MARK} attribute, so it was wrapped in <div ${MARK}> to be added once per page. Put ${MARK} on the template's outer element, for example <p class="beian" ${MARK}>.`
    })
  };
}

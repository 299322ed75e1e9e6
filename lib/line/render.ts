import { readFileSync } from 'fs';
import { join } from 'path';
import nunjucks from 'nunjucks';
import type { LabelLanguage } from '../engine/diagnostic';
import type { LineItem } from './items';

/**
 * The line's markup: from the items to HTML through a nunjucks template
 * (`templates/beian.njk`, or the user's own), autoescape on. Pure: no Hexo here.
 */

/** The attribute every filing line carries: a page that has it gets no second one. */
export const MARK = 'data-hexo-beian';

/** The built-in template's path: a file of the package, next to `dist/`. */
export const BUILTIN_TEMPLATE = join(__dirname, '..', '..', '..', 'templates', 'beian.njk');

/**
 * Compiles a filing-line template (autoescape on, so every value is escaped unless the
 * template says `| safe`). Throws nunjucks' error, with line and column, on a broken one.
 */
export function compileTemplate(source: string, path: string): nunjucks.Template {
  const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: false });
  return new nunjucks.Template(source, env, path, true);
}

let builtin: nunjucks.Template | undefined;

/** Compiled on first use and kept: the template is a file of the package, not of the site. */
function builtinTemplate(): nunjucks.Template {
  builtin ??= compileTemplate(readFileSync(BUILTIN_TEMPLATE, 'utf8'), BUILTIN_TEMPLATE);
  return builtin;
}

/** A template the line is rendered with: nunjucks' own, or the user's in its sandbox. */
export interface LineTemplate {
  render(variables: TemplateVariables): string;
}

/** What a template is given. */
export interface TemplateVariables {
  items: readonly LineItem[];
  /** The label language: `zh-Hans`, `zh-Hant` or `en`. */
  language: LabelLanguage;
}

/**
 * The HTML of the filing line for these items; `''` when there are none (no empty wrapper).
 * Every value is escaped by nunjucks' autoescape. Throws what the template throws.
 *
 * @param template the user's compiled template; the built-in one when absent.
 */
export function renderLine(items: readonly LineItem[], language: LabelLanguage = 'en', template?: LineTemplate): string {
  if (items.length === 0) return '';
  const variables: TemplateVariables = { items, language };
  return (template ?? builtinTemplate()).render(variables).trim();
}

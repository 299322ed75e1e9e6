/** How serious a finding is: an `error` blocks rendering (and fails `hexo beian check`). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding about one value.
 * - `code`: stable kebab-case id, the same in every language (documented in the README).
 * - `message`: one sentence for a person, in the site's language.
 * - `suggestion`: the exact text to write in `_config.yml` instead, when one is known.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  suggestion?: string;
}

/** The languages messages are written in. */
export type Language = 'zh' | 'en';

/**
 * The message language for a Hexo `language` setting: `zh` for any zh variant
 * (zh-CN, zh-Hans, zh_TW, ['zh-CN', 'en'], …), `en` for everything else.
 * Hexo allows a string or a list (the first entry wins, as in Hexo's i18n).
 */
export function languageOf(siteLanguage: unknown): Language {
  return labelLanguageOf(siteLanguage) === 'en' ? 'en' : 'zh';
}

/**
 * The languages of the text on the page (labels, `title`, `aria-label`, `alt`): simplified
 * Chinese, traditional Chinese, or English. Messages stay {@link Language}.
 */
export type LabelLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

/**
 * The label language for a Hexo `language` setting (a string or a list, the first entry
 * wins): `zh-Hant` for zh-TW, zh-HK, zh-MO and zh-Hant*; `zh-Hans` for every other zh
 * variant; `en` for everything else. `_` and `-` are the same, case does not matter.
 */
export function labelLanguageOf(siteLanguage: unknown): LabelLanguage {
  const first = Array.isArray(siteLanguage) ? siteLanguage[0] : siteLanguage;
  if (typeof first !== 'string') return 'en';
  const tag = first.trim().toLowerCase().replace(/_/g, '-');
  if (!/^zh(?:$|-)/.test(tag)) return 'en';
  return /^zh-(?:tw|hk|mo|hant)(?:$|-)/.test(tag) ? 'zh-Hant' : 'zh-Hans';
}

/** Picks the text for a language from a `{zh, en}` pair. */
export function say(language: Language, text: { zh: string; en: string }): string {
  return text[language];
}

/**
 * A diagnostic placed somewhere: in the config (`path`, e.g. `beian.gongan`) or in the
 * generated site (`page`, relative to `public_dir`). Deadline findings also carry the
 * deadline (YYYY-MM-DD) and, once it has passed, the whole days overdue.
 */
export interface Finding extends Diagnostic {
  path?: string;
  page?: string;
  deadline?: string;
  daysOverdue?: number;
}

/** Places a diagnostic at a config path. */
export function at(path: string, diagnostic: Diagnostic): Finding {
  return { ...diagnostic, path };
}

/** True when any finding is an error. */
export function hasError(findings: readonly Diagnostic[]): boolean {
  return findings.some(f => f.severity === 'error');
}

/**
 * One finding as text for a log or a terminal: `path: message (code)` on the first line;
 * further lines of the message, then `write: suggestion`, indented below it.
 */
export function describe(finding: Finding, language: Language): string {
  const where = finding.page ?? finding.path;
  const [first, ...more] = finding.message.split('\n');
  // Messages about a key often open with its path already; it is not said twice.
  const prefix = where && !first.startsWith(where) ? `${where}: ` : '';
  const lines = [`${prefix}${first} (${finding.code})`, ...more];
  if (finding.suggestion) {
    const [head, ...rest] = finding.suggestion.split('\n');
    lines.push(`${say(language, { zh: '改为', en: 'write' })}: ${head}`, ...rest);
  }
  return lines.join('\n    ');
}

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
  const first = Array.isArray(siteLanguage) ? siteLanguage[0] : siteLanguage;
  return typeof first === 'string' && /^zh(?:$|[-_])/i.test(first.trim()) ? 'zh' : 'en';
}

/** Picks the text for a language from a `{zh, en}` pair. */
export function say(language: Language, text: { zh: string; en: string }): string {
  return text[language];
}

/**
 * The engine's vocabulary: a diagnostic, its severity, and the languages it speaks.
 */

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
  const first: unknown = Array.isArray(siteLanguage) ? siteLanguage[0] : siteLanguage;
  if (typeof first !== 'string') return 'en';
  const tag = first.trim().toLowerCase().replace(/_/g, '-');
  if (!/^zh(?:$|-)/.test(tag)) return 'en';
  return /^zh-(?:tw|hk|mo|hant)(?:$|-)/.test(tag) ? 'zh-Hant' : 'zh-Hans';
}

/** A message in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/** Picks the text for a language from a `{zh, en}` pair. */
export function say(language: Language, text: Text): string {
  return text[language];
}

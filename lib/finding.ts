import { say, type Diagnostic, type Language, type Severity, type Text } from './engine/diagnostic';
import { printable } from './engine/text';

/**
 * A finding: a diagnostic placed somewhere, in the config (`path`, `beian.gongan`) or in the
 * generated site (`page`, relative to `public_dir`). Every layer after the engine speaks in
 * findings; this module makes them, orders them and writes them as text.
 */

export interface Finding extends Diagnostic {
  path?: string;
  page?: string;
  /**
   * A page finding found on more than one page, said once (lib/audit/public.ts): the first
   * pages it was found on (at most {@link PAGES_KEPT}, `page` the first of them) and how many
   * pages in all. Absent for a finding of one page.
   */
  pages?: string[];
  pageCount?: number;
  /**
   * Where the key of `path` is written, when it is in a config file: the file, relative to the
   * site (`_config.yml`, `_config.fluid.yml`), and the line and column of the key, 1-based (the
   * column in characters). Absent for a key no file writes (a default) and for a page finding.
   */
  file?: string;
  line?: number;
  column?: number;
  /** Deadline findings: the deadline, YYYY-MM-DD. */
  deadline?: string;
  /** Deadline findings, once it has passed: the whole days overdue. */
  daysOverdue?: number;
}

/** How many pages a finding that repeats keeps by name: the report names three, `--json` lists these. */
export const PAGES_KEPT = 10;

/** Where a finding is, and what goes with it besides its message. */
export type Place = Omit<Finding, 'code' | 'severity' | 'message'>;

/**
 * The one constructor of findings: the message in the site's language, the place, nothing
 * undefined. Whatever user text the message quotes, no control character reaches a terminal
 * raw: each is escaped (`\u001b`); the message's own line breaks stay.
 */
export function finding(language: Language, code: string, severity: Severity, text: Text, place: Place = {}): Finding {
  const made: Finding = { code, severity, message: printable(say(language, text), true) };
  for (const [key, value] of Object.entries(place) as [keyof Place, Finding[keyof Place]][]) {
    // A config path holds the user's keys (`beian.typo\u001b`), a suggestion the user's text.
    const safe = typeof value === 'string' && (key === 'path' || key === 'suggestion') ? printable(value, key === 'suggestion') : value;
    if (safe !== undefined) Object.assign(made, { [key]: safe });
  }
  return made;
}

/** Where a config path is written: its file and the key's line and column (lib/config/written.ts finds them). */
export type Located = Required<Pick<Finding, 'file' | 'line' | 'column'>>;

/** Finds where a config path is written, or undefined. */
export type Locate = (path: string) => Located | undefined;

/**
 * The findings with the position of their config path, where a file writes it: a page finding
 * has none, and one located already is kept as it is. Never throws: a path that cannot be
 * located has no position.
 */
export function located(findings: readonly Finding[], locate: Locate | undefined): Finding[] {
  if (!locate) return [...findings];
  return findings.map(found => {
    if (found.path === undefined || found.page !== undefined || found.line !== undefined) return found;
    let at: Located | undefined;
    try {
      at = locate(found.path);
    } catch {
      at = undefined;
    }
    return at ? { ...found, file: at.file, line: at.line, column: at.column } : found;
  });
}

/**
 * A config path split into the file it names and the key path in it: a theme's setting is
 * `_config.next.yml:footer.beian.icp`; a path without a file (`beian.icp`) is the site config's.
 */
export function splitPath(path: string): { file?: string; key: string } {
  const colon = path.indexOf(':');
  if (colon > 0 && /\.(?:ya?ml|json)$/i.test(path.slice(0, colon))) return { file: path.slice(0, colon), key: path.slice(colon + 1) };
  return { key: path };
}

/**
 * Where a finding is, as its report line opens: `_config.yml:12:3 beian.icp` when the key's
 * line is known (the file named once, as linters do), else its config path or page.
 */
export function placeOf(found: Finding): { at?: string; where?: string } {
  if (found.page !== undefined) return { where: found.page };
  if (found.path === undefined) return {};
  if (found.line === undefined || found.file === undefined) return { where: found.path };
  const split = splitPath(found.path);
  return { at: `${found.file}:${found.line}:${found.column ?? 1}`, where: split.file === found.file ? split.key : found.path };
}

/** Places an engine diagnostic at a config path. */
export function at(path: string, diagnostic: Diagnostic): Finding {
  return { ...diagnostic, path };
}

/** True when any finding is an error. */
export function hasError(findings: readonly Diagnostic[]): boolean {
  return findings.some(f => f.severity === 'error');
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Errors first, then warnings, then infos; within a severity, what is written in a config file
 * by file (in the order the files first appear) and line, as a linter lists it, then the rest
 * in the order found.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const files = new Map<string, number>();
  for (const f of findings) if (f.file !== undefined && f.line !== undefined && !files.has(f.file)) files.set(f.file, files.size);
  const place = (f: Finding): [number, number, number] => f.file !== undefined && f.line !== undefined
    ? [files.get(f.file) ?? 0, f.line, f.column ?? 0]
    : [files.size, 0, 0];
  return findings
    .map((f, index) => ({ f, index, at: place(f) }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2] || a.index - b.index)
    .map(({ f }) => f);
}

/**
 * One finding as text for a log or a terminal: `path: message (code)` on the first line,
 * opened by `file:line:column` where the key is written; further lines of the message, then
 * `write: suggestion`, indented below it.
 */
export function describe(found: Finding, language: Language): string {
  const { at, where } = placeOf(found);
  const [written, ...more] = found.message.split('\n');
  // A message that opens with its whole path (`_config.yml:beian.icp: …`) has it said by `at` and `where` now.
  const first = at !== undefined && where !== undefined && found.path !== undefined && where !== found.path && written.startsWith(found.path) ? where + written.slice(found.path.length) : written;
  // Every line opens with `where: `; a message that opens with its path already says it once.
  const said = !where ? first : first.startsWith(`${where} `) ? `${where}: ${first.slice(where.length + 1)}` : first.startsWith(where) ? first : `${where}: ${first}`;
  const head = at === undefined ? said : `${at} ${said}`;
  const lines = [`${head} (${found.code})`, ...more];
  if (found.suggestion) {
    const [head, ...rest] = found.suggestion.split('\n');
    lines.push(`${say(language, { zh: '改为', en: 'write' })}: ${head}`, ...rest);
  }
  return lines.join('\n    ');
}

import type Hexo from 'hexo';
import pc from 'picocolors';
import { say, type Language, type Severity } from '../engine/diagnostic';
import { describe, PAGES_KEPT, sortFindings, splitPath, type Finding } from '../finding';

/**
 * Findings as people and programs read them: the report of `hexo beian check`, its `--json`
 * object, and the lines of Hexo's log. A page finding that repeats on many pages is said once,
 * naming the first pages and how many more, in all of them.
 */

/** How many pages a collapsed page finding names before "and N more". */
const PAGES_SHOWN = 3;

/** One finding as said once: the first of its kind, the first pages it was found on, and on how many in all. */
export interface Group {
  finding: Finding;
  pages: string[];
  count: number;
}

/** How many pages a finding stands for: its `pageCount` when it repeats (lib/audit/public.ts), else 1. */
export function weight(found: Finding): number {
  return found.pageCount ?? 1;
}

/** Findings that differ only by page, as one group each; others stand alone. In the order given. */
export function groupFindings(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = f.page === undefined ? `#${groups.size}` : JSON.stringify([f.severity, f.code, f.message, f.suggestion]);
    const group = groups.get(key);
    const pages = f.pages ?? (f.page === undefined ? [] : [f.page]);
    if (group && f.page !== undefined) {
      for (const page of pages) if (group.pages.length < PAGES_KEPT) group.pages.push(page);
      group.count += weight(f);
    } else {
      const { pages: _pages, pageCount: _count, ...alone } = f;
      groups.set(key, { finding: alone, pages: pages.slice(0, PAGES_KEPT), count: f.page === undefined ? 1 : weight(f) });
    }
  }
  return [...groups.values()];
}

/** A group as one finding: its page is the list of its pages. */
function collapsed({ finding, pages, count }: Group, language: Language): Finding {
  return count > 1 ? { ...finding, page: pageList(pages, count, language) } : finding;
}

/** `a.html, b.html, c.html and 9997 more pages`. */
function pageList(pages: readonly string[], count: number, language: Language): string {
  const first = pages.slice(0, PAGES_SHOWN);
  const more = count - first.length;
  return say(language, {
    zh: `${first.join('、')}${more > 0 ? ` 等 ${count} 个页面` : ''}`,
    en: `${first.join(', ')}${more > 0 ? ` and ${more} more page${more > 1 ? 's' : ''}` : ''}`
  });
}

/** Logs findings through Hexo's logger, in the report's order, each group as one entry naming its config path or pages. */
export function logFindings(log: Hexo['log'], findings: readonly Finding[], language: Language): void {
  // In the report's order: by severity, then by file and line.
  for (const group of groupFindings(sortFindings(findings))) {
    const line = `hexo-beian: ${describe(collapsed(group, language), language)}`;
    const { severity } = group.finding;
    if (severity === 'error') log.error(line);
    else if (severity === 'warning') log.warn(line);
    else log.info(line);
  }
}

/** The words Hexo's own log prints for each level (`WARN`, not `WARNING`), so both read alike. */
const SEVERITY_WORD: Record<Severity, string> = { error: 'ERROR', warning: 'WARN', info: 'INFO' };

/** How each severity's word looks: coloured where picocolors finds a terminal (and not NO_COLOR), else plain. */
function severityStyle(colors: boolean): Record<Severity, (text: string) => string> {
  const c = pc.createColors(colors && pc.isColorSupported);
  return {
    error: text => c.red(c.bold(text)),
    warning: text => c.yellow(c.bold(text)),
    info: text => c.cyan(text)
  };
}

/**
 * The human report: errors, then warnings, then infos; one block per finding with its
 * severity, config path or page, message, code and what to write. Then a one-line summary.
 * Coloured only on a terminal (picocolors honours NO_COLOR and FORCE_COLOR, as Hexo's own
 * output does).
 *
 * @param pages  HTML pages checked (0 without `public_dir`).
 * @param colors false for a report written to a file: never coloured.
 */
export function report(findings: readonly Finding[], language: Language, pages: number, colors = true): string {
  const lines = findingLines(findings, language, colors);
  lines.push(summaryLine(findings, language, pages));
  return `${lines.join('\n')}\n`;
}

/** The report's findings, one block each (`ERROR path: message (code)`, then what to write), without the summary. */
export function findingLines(findings: readonly Finding[], language: Language, colors = true): string[] {
  const style = severityStyle(colors);
  return groupFindings(findings).map(group => {
    const { severity } = group.finding;
    return `${style[severity](SEVERITY_WORD[severity].padEnd(5))} ${describe(collapsed(group, language), language)}`;
  });
}

/** `hexo-beian: 1 error(s), 2 warning(s), 0 info; 9 page(s) checked.` */
function summaryLine(findings: readonly Finding[], language: Language, pages: number): string {
  const count = (severity: Severity) => findings.reduce((sum, f) => sum + (f.severity === severity ? weight(f) : 0), 0);
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  return say(language, {
    zh: `hexo-beian：${errors} 个错误，${warnings} 个警告，${infos} 条提示；检查了 ${pages} 个页面。`,
    en: `hexo-beian: ${errors} error(s), ${warnings} warning(s), ${infos} info; ${pages} page(s) checked.`
  });
}

/** The `--json` object: `{ok, summary: {errors, warnings, infos, pages}, findings}`; a finding's `file`, `line`, `column` where its key is written. */
export interface JsonReport {
  ok: boolean;
  summary: { errors: number; warnings: number; infos: number; pages: number };
  findings: Finding[];
}

/** The `--json` object; each finding with its fields in a fixed order, absent ones left out. */
export function toJson(findings: readonly Finding[], pages: number, ok: boolean): JsonReport {
  const count = (severity: Severity) => findings.reduce((sum, f) => sum + (f.severity === severity ? weight(f) : 0), 0);
  return {
    ok,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), pages },
    findings: findings.map(f => {
      const out: Finding = { code: f.code, severity: f.severity, message: f.message };
      if (f.path !== undefined) out.path = f.path;
      if (f.file !== undefined) out.file = f.file;
      if (f.line !== undefined) out.line = f.line;
      if (f.column !== undefined) out.column = f.column;
      if (f.page !== undefined) out.page = f.page;
      if (f.pages !== undefined) out.pages = f.pages;
      if (f.pageCount !== undefined) out.pageCount = f.pageCount;
      if (f.deadline !== undefined) out.deadline = f.deadline;
      if (f.daysOverdue !== undefined) out.daysOverdue = f.daysOverdue;
      if (f.suggestion !== undefined) out.suggestion = f.suggestion;
      return out;
    })
  };
}

/** Where config findings are written, for `--format github`: the site config file, relative to the site. */
export interface ReportFiles {
  /** `_config.yml` (or the file given with `--config`), relative to the site folder. */
  config: string;
  /** `public`, the generated site's folder, relative to the site folder. */
  public: string;
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's message: `%`, CR and LF escaped, as the runner reads them. */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: the message's escapes, and `:` and `,` too. */
function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The file a finding is about: the file its key is written in, else a theme file named in its
 * path, the site config for a `beian…` path, or the page.
 */
function fileOf(found: Finding, files: ReportFiles): string | undefined {
  if (found.page !== undefined) return `${files.public}/${found.page}`;
  if (found.path === undefined) return undefined;
  // `_config.next.yml:footer.beian.icp`: a theme setting, in its own file.
  return found.file ?? splitPath(found.path).file ?? files.config;
}

/**
 * The report as GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
 * per finding (a page finding that repeats on many pages once, naming them), with the file it
 * is about and a title naming the code; then a `::notice` with the summary.
 */
export function githubReport(findings: readonly Finding[], language: Language, pages: number, files: ReportFiles): string {
  const lines = groupFindings(findings).map(group => {
    const shown = collapsed(group, language);
    const file = fileOf(group.finding, files);
    // The line and column annotate the key in the file's diff view (the runner reads `col`).
    const line = file !== undefined && group.finding.line !== undefined ? [`line=${group.finding.line}`, `col=${group.finding.column ?? 1}`] : [];
    const properties = [...(file ? [`file=${commandProperty(file)}`] : []), ...line, `title=${commandProperty(`hexo-beian ${shown.code}`)}`];
    return `::${GITHUB_LEVEL[shown.severity]} ${properties.join(',')}::${commandData(describe(shown, language))}`;
  });
  lines.push(`::notice title=hexo-beian::${commandData(summaryLine(findings, language, pages))}`);
  return `${lines.join('\n')}\n`;
}

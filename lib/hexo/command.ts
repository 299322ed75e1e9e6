import type Hexo from 'hexo';
import pc from 'picocolors';
import { describe, languageOf, say, type Finding, type Language, type Severity } from '../engine/diagnostic';
import { isCalendarDate } from '../config/read';
import { today as todayIn } from '../audit/deadline';
import { auditSite } from '../audit/site';

/**
 * `hexo beian check`: the console command. Thin: reads its arguments, gathers what the
 * audits need from Hexo (the config, the theme's settings, the icon file, `public_dir`), runs
 * them, prints, and sets the exit code (never throws for a finding, so Hexo prints no stack).
 *
 * Exit codes: 0 no error found (with `--strict`: no error and no warning); 1 otherwise;
 * 2 the command was used wrongly.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const USAGE = 'hexo beian check [--json] [--strict] [--generate] [--today YYYY-MM-DD]';

/** What `hexo help beian` prints. */
export const CHECK_COMMAND = {
  desc: 'Check the ICP and public-security (公安) filing numbers of this site',
  usage: '<check> [--json] [--strict] [--generate] [--today YYYY-MM-DD]',
  arguments: [
    { name: 'check', desc: 'Audit the beian config, the 公安 deadline, the icon, the theme\'s own filing settings and the generated pages' }
  ],
  options: [
    { name: '--json', desc: 'Print one JSON object on stdout and nothing else (add Hexo\'s --silent: Hexo logs "Validating config" before any plugin loads)' },
    { name: '--strict', desc: 'Exit 1 on warnings too, not only on errors' },
    { name: '-g, --generate', desc: 'Run hexo generate first, then check the generated pages' },
    { name: '--today YYYY-MM-DD', desc: 'Date the deadline is measured against (default: today in the site timezone)' }
  ]
};

/** The arguments as Hexo's minimist gives them. */
export interface CheckArgs {
  _: string[];
  [key: string]: unknown;
}

interface Options {
  json: boolean;
  strict: boolean;
  generate: boolean;
  today: string;
}

/** Runs `hexo beian <sub>`; resolves to the exit code, which it also sets on `process.exitCode`. */
export async function beianCommand(hexo: Hexo, args: CheckArgs): Promise<number> {
  const language = languageOf(hexo.config.language);
  const options = readArgs(hexo, args, language);
  if (typeof options === 'string') {
    process.stderr.write(options);
    process.exitCode = EXIT.usage;
    return EXIT.usage;
  }
  // --json: stdout carries the JSON only; everything else written meanwhile (Hexo's log
  // under --generate, other plugins) goes to stderr.
  const held = options.json ? holdStdout() : undefined;
  let code: number;
  try {
    if (options.generate) await hexo.call('generate', {});
    const progress = progressLine(language);
    const { findings, pages } = await auditSite(hexo, { today: options.today, language, pages: true, onPage: progress.update });
    progress.done();
    const failed = findings.some(f => f.severity === 'error' || (options.strict && f.severity === 'warning'));
    code = failed ? EXIT.findings : EXIT.ok;
    if (held) held.write(`${JSON.stringify(toJson(findings, pages, !failed), null, 2)}\n`);
    else process.stdout.write(report(findings, language, pages));
  } finally {
    held?.release();
  }
  if (code !== EXIT.ok) process.exitCode = code;
  return code;
}

/** The options, or the usage message to print (exit 2). */
function readArgs(hexo: Hexo, args: CheckArgs, language: Language): Options | string {
  const sub = args._[0];
  if (sub !== 'check') {
    return say(language, {
      zh: `用法：${USAGE}${sub ? `（没有子命令 “${sub}”）` : ''}\n`,
      en: `Usage: ${USAGE}${sub ? ` (there is no subcommand "${sub}")` : ''}\n`
    });
  }
  let today: string;
  if (args.today === undefined) {
    today = todayIn(hexo.config.timezone);
  } else if (typeof args.today === 'string' && isCalendarDate(args.today)) {
    today = args.today;
  } else {
    return say(language, {
      zh: `--today 应是日期，例如 --today 2024-05-20（收到的是 ${String(args.today)}）。\n`,
      en: `--today takes a date, for example --today 2024-05-20 (got ${String(args.today)}).\n`
    });
  }
  return { json: Boolean(args.json), strict: Boolean(args.strict), generate: Boolean(args.g || args.generate), today };
}

/** The `--json` object: `{ok, summary: {errors, warnings, infos, pages}, findings}`. */
export interface JsonReport {
  ok: boolean;
  summary: { errors: number; warnings: number; infos: number; pages: number };
  findings: Finding[];
}

/** The `--json` object; each finding with its fields in a fixed order, absent ones left out. */
export function toJson(findings: readonly Finding[], pages: number, ok: boolean): JsonReport {
  const count = (severity: Severity) => findings.filter(f => f.severity === severity).length;
  return {
    ok,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), pages },
    findings: findings.map(f => {
      const out: Finding = { code: f.code, severity: f.severity, message: f.message };
      if (f.path !== undefined) out.path = f.path;
      if (f.page !== undefined) out.page = f.page;
      if (f.deadline !== undefined) out.deadline = f.deadline;
      if (f.daysOverdue !== undefined) out.daysOverdue = f.daysOverdue;
      if (f.suggestion !== undefined) out.suggestion = f.suggestion;
      return out;
    })
  };
}

const SEVERITY_STYLE: Record<Severity, (text: string) => string> = {
  error: text => pc.red(pc.bold(text)),
  warning: text => pc.yellow(pc.bold(text)),
  info: text => pc.cyan(text)
};

/** How many pages a collapsed page finding names before "and N more". */
const PAGES_SHOWN = 3;

/**
 * The human report: errors, then warnings, then infos; one block per finding with its
 * severity, config path or page, message, code and what to write. A page finding that
 * repeats on many pages is printed once, naming the first pages and how many more. Then a
 * one-line summary. Coloured only on a terminal (picocolors honours NO_COLOR and
 * FORCE_COLOR, as Hexo's own output does).
 *
 * @param pages HTML pages checked (0 without `public_dir`).
 */
export function report(findings: readonly Finding[], language: Language, pages: number): string {
  const groups = new Map<string, { finding: Finding; pages: string[] }>();
  for (const f of findings) {
    const key = f.page === undefined ? `#${groups.size}` : JSON.stringify([f.severity, f.code, f.message, f.suggestion]);
    const group = groups.get(key);
    if (group && f.page !== undefined) group.pages.push(f.page);
    else groups.set(key, { finding: f, pages: f.page === undefined ? [] : [f.page] });
  }
  const lines = [...groups.values()].map(({ finding, pages: where }) => {
    const shown = where.length > 1 ? { ...finding, page: pageList(where, language) } : finding;
    return `${SEVERITY_STYLE[finding.severity](finding.severity.toUpperCase().padEnd(7))} ${describe(shown, language)}`;
  });
  const count = (severity: Severity) => findings.filter(f => f.severity === severity).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  lines.push(say(language, {
    zh: `hexo-beian：${errors} 个错误，${warnings} 个警告，${infos} 条提示；检查了 ${pages} 个页面。`,
    en: `hexo-beian: ${errors} error(s), ${warnings} warning(s), ${infos} info; ${pages} page(s) checked.`
  }));
  return `${lines.join('\n')}\n`;
}

/** `a.html, b.html, c.html and 9997 more pages`. */
function pageList(pages: readonly string[], language: Language): string {
  const first = pages.slice(0, PAGES_SHOWN);
  const more = pages.length - first.length;
  return say(language, {
    zh: `${first.join('、')}${more > 0 ? ` 等 ${pages.length} 个页面` : ''}`,
    en: `${first.join(', ')}${more > 0 ? ` and ${more} more page${more > 1 ? 's' : ''}` : ''}`
  });
}

/**
 * Sends everything written to stdout to stderr until released; `write` still reaches the
 * real stdout. For `--json`, whose stdout must hold the JSON only.
 */
function holdStdout(): { write(text: string): void; release(): void } {
  const stdout = process.stdout;
  const write = stdout.write;
  stdout.write = process.stderr.write.bind(process.stderr) as typeof stdout.write;
  return {
    write: text => {
      write.call(stdout, text);
    },
    release: () => {
      stdout.write = write;
    }
  };
}

/** Pages read before the progress line appears: small sites finish before it would help. */
const PROGRESS_AFTER = 500;

/** A progress line on stderr, on a terminal only, updated every 100 pages; erased at the end. */
function progressLine(language: Language): { update(pages: number): void; done(): void } {
  const stderr = process.stderr;
  let shown = false;
  return {
    update(pages) {
      if (!stderr.isTTY || pages < PROGRESS_AFTER || pages % 100 !== 0) return;
      shown = true;
      stderr.write(`\r${say(language, { zh: `hexo-beian：已检查 ${pages} 个页面…`, en: `hexo-beian: ${pages} pages checked…` })}`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
    }
  };
}

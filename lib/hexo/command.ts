import { writeFileSync } from 'fs';
import { relative, resolve, sep } from 'path';
import type Hexo from 'hexo';
import { languageOf, say, type Language } from '../engine/diagnostic';
import { isCalendarDate, today as todayIn } from '../engine/date';
import { auditSite } from '../audit/site';
import { siteFacts } from './facts';
import { githubReport, report, toJson } from './report';
import type { Site } from './site';
import { fixCommand } from './fix';
import { HELP_USAGE, readUsage } from './usage';

/**
 * `hexo beian check`: the console command. Thin: reads its arguments, gathers what the
 * audits need from Hexo (the config, the theme's settings, the icon file, `public_dir`), runs
 * them, prints, and sets the exit code (never throws for a finding, so Hexo prints no stack).
 *
 * Exit codes: 0 no error found (with `--strict`: no error and no warning); 1 otherwise, or
 * the check itself failed (one line on stderr; Hexo's own `--debug` adds the stack); 2 the
 * command was used wrongly, and only that.
 */

/** The exit codes of `hexo beian check`. */
export const EXIT = { ok: 0, findings: 1, failed: 1, usage: 2 } as const;


/** The report's formats: for people, one JSON object, GitHub Actions workflow commands. */
const FORMATS = ['human', 'json', 'github'] as const;
type Format = typeof FORMATS[number];

/** What `hexo help beian` prints. */
export const CHECK_COMMAND = {
  desc: 'Check the ICP and public-security (公安) filing numbers of this site',
  usage: HELP_USAGE,
  arguments: [
    { name: 'check', desc: 'Audit the beian config, the 公安 deadline, the icon, the theme\'s own filing settings and the generated pages' },
    { name: 'fix', desc: 'Correct the beian block of _config.yml where the correction is certain: prints the diff; --write applies it' },
    { name: 'init', desc: 'Add a beian block to _config.yml from --icp (and --gongan, --online): prints the diff; --write applies it' }
  ],
  options: [
    { name: '--format human|json|github', desc: 'The report: for people (default), one JSON object, or GitHub Actions workflow commands (::error file=…::…)' },
    { name: '--json', desc: 'The same as --format json: one JSON object on stdout and nothing else (add Hexo\'s --silent: Hexo logs "Validating config" before any plugin loads)' },
    { name: '--report FILE', desc: 'Write the report to FILE instead of stdout, so nothing else printed can mix into it (Hexo itself takes --output)' },
    { name: '--strict', desc: 'Exit 1 on warnings too, not only on errors' },
    { name: '-g, --generate', desc: 'Run hexo generate first, then check the generated pages' },
    { name: '--today YYYY-MM-DD', desc: 'Date the deadline is measured against (default: today in the site timezone)' },
    { name: '--write', desc: 'fix, init: write the changes shown into _config.yml (it is edited in place: commit first)' },
    { name: '--icp NUMBER', desc: 'init: the ICP number' },
    { name: '--gongan NUMBER', desc: 'init: the public-security (公安) number, when there is one' },
    { name: '--online YYYY-MM-DD', desc: 'init: the day the site went online' }
  ]
};

/** The arguments as Hexo's minimist gives them. */
export interface CheckArgs {
  _: string[];
  [key: string]: unknown;
}

interface Options {
  format: Format;
  /** The file the report is written to, instead of stdout. */
  report?: string;
  strict: boolean;
  generate: boolean;
  today: string;
}

/** Runs `hexo beian <sub>`; resolves to the exit code, which it also sets on `process.exitCode`. */
export async function beianCommand(hexo: Hexo, site: Site, args: CheckArgs): Promise<number> {
  let language = languageOf(hexo.config.language);
  const usage = readUsage(args);
  if ('problem' in usage) {
    process.stderr.write(say(language, usage.problem));
    process.exitCode = EXIT.usage;
    return EXIT.usage;
  }
  if (usage.sub !== 'check') return fixCommand(hexo, args);
  try {
    language = site.current().language;
  } catch (err) {
    process.stderr.write(failedLine(err, 'check', language, Boolean(args.debug)));
    process.exitCode = EXIT.failed;
    return EXIT.failed;
  }
  const options = readArgs(hexo, args, language);
  if (typeof options === 'string') {
    process.stderr.write(options);
    process.exitCode = EXIT.usage;
    return EXIT.usage;
  }
  // A report for a program on stdout carries the report only; everything else written
  // meanwhile (Hexo's log under --generate, other plugins) goes to stderr.
  const held = options.format !== 'human' && options.report === undefined ? holdStdout() : undefined;
  let code: number;
  let stage: 'generate' | 'check' = 'check';
  try {
    if (options.generate) {
      stage = 'generate';
      await hexo.call('generate', {});
      stage = 'check';
    }
    const progress = progressLine(language);
    const reading = site.current();
    const facts = await siteFacts(hexo, reading, { today: options.today, pages: true, onPage: progress.update });
    const { findings, pages } = auditSite(reading, facts);
    progress.done();
    const failed = findings.some(f => f.severity === 'error' || (options.strict && f.severity === 'warning'));
    code = failed ? EXIT.findings : EXIT.ok;
    const files = { config: relativeTo(hexo.base_dir, hexo.config_path), public: relativeTo(hexo.base_dir, hexo.public_dir) };
    const text = options.format === 'json' ? `${JSON.stringify(toJson(findings, pages, !failed), null, 2)}\n`
      : options.format === 'github' ? githubReport(findings, language, pages, files)
      : report(findings, language, pages, options.report === undefined);
    if (options.report !== undefined) {
      const written = writeReport(options.report, text, language);
      if (written !== undefined) {
        process.stderr.write(written);
        code = EXIT.usage;
      }
    } else if (held) held.write(text);
    else process.stdout.write(text);
  } catch (err) {
    // Not a finding and not a usage error: one line that says so, not Hexo's FATAL and a trace.
    process.stderr.write(failedLine(err, stage, language, Boolean(args.debug)));
    code = EXIT.failed;
  } finally {
    held?.release();
  }
  if (code !== EXIT.ok) process.exitCode = code;
  return code;
}

/** The options, or the usage message to print (exit 2). */
function readArgs(hexo: Hexo, args: CheckArgs, language: Language): Options | string {
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
  const format = args.format ?? (args.json ? 'json' : 'human');
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format) || (args.json && format !== 'json')) {
    return say(language, {
      zh: `--format 应为 human、json 或 github（--json 即 --format json；收到的是 ${String(format)}）。\n`,
      en: `--format takes human, json or github (--json is --format json; got ${String(format)}).\n`
    });
  }
  // Not --output: Hexo reads that itself, for the folder of its database.
  if (args.report !== undefined && (typeof args.report !== 'string' || args.report.trim() === '')) {
    return say(language, { zh: '--report 应是文件路径，例如 --report beian-report.json。\n', en: '--report takes a file path, for example --report beian-report.json.\n' });
  }
  return {
    format: format as Format,
    ...(typeof args.report === 'string' && { report: resolve(process.cwd(), args.report) }),
    strict: Boolean(args.strict),
    generate: Boolean(args.g || args.generate),
    today
  };
}

/**
 * What the check prints when it fails itself, or when the build of `--generate` fails: the
 * error's message, on one line; with `--debug` (Hexo's own flag: its debug log) the stack too.
 */
export function failedLine(err: unknown, stage: 'generate' | 'check', language: Language, debug: boolean): string {
  const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  const stack = debug && err instanceof Error && err.stack ? `${err.stack}\n` : '';
  const line = stage === 'generate'
    ? say(language, {
      zh: `hexo beian check --generate：hexo generate 失败（${reason}），没有检查任何东西。请先修正构建（单独运行 hexo generate 看它的错误），或去掉 --generate 只检查配置和已生成的页面。`,
      en: `hexo beian check --generate: hexo generate failed (${reason}), so nothing was checked. Fix the build first (run hexo generate alone to see its errors), or leave out --generate to check the config and the pages already generated.`
    })
    : say(language, {
      zh: `hexo-beian 内部出错（${reason}），检查没有完成。这是 hexo-beian 的问题，不是站点的：请把 hexo beian check --debug 的输出报告给 hexo-beian。`,
      en: `hexo-beian failed internally (${reason}), and the check did not finish. This is a fault of hexo-beian, not of the site: please report it to hexo-beian with the output of hexo beian check --debug.`
    });
  return `${line}\n${stack}`;
}

/** `public`, `_config.yml`: a path of the site as the site's own files name it. */
function relativeTo(base: string, path: string): string {
  return relative(base, path).split(sep).join('/') || '.';
}

/** Writes the report to its file; the message to print when it cannot (the exit code is then 2). */
function writeReport(file: string, text: string, language: Language): string | undefined {
  try {
    writeFileSync(file, text);
    return undefined;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return say(language, { zh: `无法写入 --report 指定的文件 ${file}（${reason}）。\n`, en: `Cannot write the --report file ${file} (${reason}).\n` });
  }
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

import type Hexo from 'hexo';
import pc from 'picocolors';
import { describe, hasError, languageOf, say, type Finding, type Language, type Severity } from './diagnostic';
import { isCalendarDate } from './config';
import { today as todayIn } from './deadline';
import { auditConfig } from './audit';

/**
 * `hexo beian check`: the console command. Thin: parses its arguments, runs the audit,
 * prints, and sets the exit code (never throws, so Hexo prints no stack trace).
 *
 * Exit codes: 0 no error found; 1 an error found; 2 the command was used wrongly.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** What `hexo help beian` prints. */
export const CHECK_COMMAND = {
  desc: 'Check the ICP and public-security (公安) filing numbers of this site',
  usage: '<check> [--today YYYY-MM-DD]',
  arguments: [
    { name: 'check', desc: 'Audit the beian block of _config.yml and the public-security filing deadline' }
  ],
  options: [
    { name: '--today YYYY-MM-DD', desc: 'Date the deadline is measured against (default: today in the site timezone)' }
  ]
};

/** The arguments as Hexo's minimist gives them. */
export interface CheckArgs {
  _: string[];
  [key: string]: unknown;
}

/** Output the command writes to; `process.stdout` in real use, a buffer in tests. */
export interface Output {
  write(text: string): unknown;
}

/** Runs `hexo beian <sub>` and returns the exit code it set on `process.exitCode`. */
export function beianCommand(hexo: Hexo, args: CheckArgs, out: Output = process.stdout): number {
  const language = languageOf(hexo.config.language);
  const code = run(hexo, args, out, language);
  if (code !== EXIT.ok) process.exitCode = code;
  return code;
}

function run(hexo: Hexo, args: CheckArgs, out: Output, language: Language): number {
  const sub = args._[0];
  if (sub !== 'check') {
    out.write(say(language, {
      zh: `用法：hexo beian check [--today YYYY-MM-DD]${sub ? `（没有子命令 “${sub}”）` : ''}\n`,
      en: `Usage: hexo beian check [--today YYYY-MM-DD]${sub ? ` (there is no subcommand "${sub}")` : ''}\n`
    }));
    return EXIT.usage;
  }
  let today: string;
  if (args.today === undefined) {
    today = todayIn(hexo.config.timezone);
  } else if (typeof args.today === 'string' && isCalendarDate(args.today)) {
    today = args.today;
  } else {
    out.write(say(language, {
      zh: `--today 应是日期，例如 --today 2024-05-20（收到的是 ${String(args.today)}）。\n`,
      en: `--today takes a date, for example --today 2024-05-20 (got ${String(args.today)}).\n`
    }));
    return EXIT.usage;
  }
  const findings = auditConfig(hexo.config.beian, { language, today, url: hexo.config.url });
  out.write(report(findings, language));
  return hasError(findings) ? EXIT.findings : EXIT.ok;
}

const LABEL: Record<Severity, (text: string) => string> = {
  error: text => pc.red(pc.bold(text)),
  warning: text => pc.yellow(pc.bold(text)),
  info: text => pc.cyan(text)
};

/**
 * The human report: one block per finding, errors first, each with its severity, config
 * path, message, code and what to write; then a one-line summary. Coloured only on a
 * terminal (picocolors honours NO_COLOR and FORCE_COLOR, as Hexo's own output does).
 */
export function report(findings: readonly Finding[], language: Language): string {
  const lines = findings.map(f => `${LABEL[f.severity](f.severity.toUpperCase().padEnd(7))} ${describe(f, language)}`);
  const count = (severity: Severity) => findings.filter(f => f.severity === severity).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  lines.push(say(language, {
    zh: `hexo-beian：${errors} 个错误，${warnings} 个警告，${infos} 条提示。`,
    en: `hexo-beian: ${errors} error(s), ${warnings} warning(s), ${infos} info.`
  }));
  return `${lines.join('\n')}\n`;
}

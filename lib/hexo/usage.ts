import { distance } from 'fastest-levenshtein';
import type { Language } from '../engine/diagnostic';
import { printable } from '../engine/text';

/**
 * What each subcommand of `hexo beian` takes: its flags and its usage line. A flag that is
 * neither its own nor Hexo's is a usage error (exit 2), never ignored: `check --stirct` would
 * pass a site that `--strict` fails, `fix --wirte` print the diff and write nothing.
 */

const CHECK_FLAGS = '[--format human|json|github] [--json] [--report FILE] [--strict] [--generate] [--today YYYY-MM-DD]';

export const SUBCOMMANDS = {
  check: { usage: `hexo beian check ${CHECK_FLAGS}`, flags: ['format', 'json', 'report', 'strict', 'generate', 'g', 'today'] },
  fix: { usage: 'hexo beian fix [--write]', flags: ['write'] },
  init: { usage: 'hexo beian init --icp NUMBER [--gongan NUMBER] [--online YYYY-MM-DD] [--write]', flags: ['icp', 'gongan', 'online', 'write'] }
} as const;

export type Subcommand = keyof typeof SUBCOMMANDS;

/** What `hexo help beian` shows as the usage. */
export const HELP_USAGE = `<${Object.keys(SUBCOMMANDS).join('|')}> ${CHECK_FLAGS}`;

/** Every subcommand's usage line. */
export const USAGE = Object.values(SUBCOMMANDS).map(sub => sub.usage).join('\n  ');

/** The flags Hexo reads on every command: hexo-cli's own, `--output`, and its logger's `--color` / `--no-color`. */
const HEXO_FLAGS = ['config', 'cwd', 'debug', 'draft', 'drafts', 'output', 'safe', 'silent', 'color'];

/** The arguments as Hexo's minimist gives them. */
export interface Args {
  _?: string[];
  [key: string]: unknown;
}

/**
 * The subcommand the arguments name, or the message to print for a usage error (the subcommand
 * or the first flag it does not take, with the likeliest one meant), usage included.
 */
export function readUsage(args: Args): { sub: Subcommand } | { problem: Record<Language, string> } {
  const first: unknown = args._?.[0];
  const sub = first === undefined ? undefined : argText(first);
  if (sub === undefined || !Object.hasOwn(SUBCOMMANDS, sub)) {
    const meant = sub === undefined ? undefined : likeliest(sub, Object.keys(SUBCOMMANDS));
    return {
      problem: {
        zh: `${sub === undefined ? '' : `没有子命令 “${printable(sub)}”${meant ? `：是不是 ${meant}？` : '。'}`}用法：${USAGE}\n`,
        en: `${sub === undefined ? '' : `There is no subcommand "${printable(sub)}"${meant ? `: did you mean ${meant}?` : '.'} `}Usage: ${USAGE}\n`
      }
    };
  }
  const { usage, flags } = SUBCOMMANDS[sub as Subcommand];
  const known = new Set<string>([...flags, ...HEXO_FLAGS]);
  const unknown = Object.keys(args).filter(key => key !== '_' && !known.has(key));
  // Hexo adds a camelCase twin of each kebab-case flag (`--report-file`: `reportFile` too): the one typed is named.
  const typed = unknown.find(key => key.includes('-')) ?? unknown[0];
  if (typed === undefined) return { sub: sub as Subcommand };
  const flag = (name: string) => `${name.length === 1 ? '-' : '--'}${printable(name)}`;
  const meant = likeliest(typed, flags);
  return {
    problem: {
      zh: `hexo beian ${sub} 没有 ${flag(typed)} 选项${meant ? `：是不是 ${flag(meant)}？` : '。'}用法：${usage}\n`,
      en: `hexo beian ${sub} has no option ${flag(typed)}${meant ? `: did you mean ${flag(meant)}?` : '.'} Usage: ${usage}\n`
    }
  };
}

/** The candidate the word most likely means: the same but for case, its start (`gen`), it and more (`report-file`), or one or two letters off (`stirct`; one for a word of three letters or fewer), else undefined. */
function likeliest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length < 2) continue;
    const off = lower === candidate ? 0 : (lower.length >= 2 && candidate.startsWith(lower)) || lower.startsWith(`${candidate}-`) ? 1 : distance(lower, candidate);
    if (off < bestDistance) {
      best = candidate;
      bestDistance = off;
    }
  }
  return bestDistance <= (word.length >= 4 ? 2 : 1) ? best : undefined;
}

/** An argument as text, as typed; from a script (hexo.call), whatever it passes, without calling its toString. */
export function argText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : Object.prototype.toString.call(value);
}

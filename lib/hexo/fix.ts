import { basename, extname, join, relative, sep } from 'path';
import type Hexo from 'hexo';
import pc from 'picocolors';
import { languageOf, say, type Language } from '../engine/diagnostic';
import { isPlain, printable } from '../engine/text';
import { correct, fixBeian, type FixResult } from '../fix/beian';
import { unifiedDiff } from '../fix/diff';
import { initBeian } from '../fix/init';
import { parseYaml, valuesOf } from '../fix/yaml';
import { planHandover, type FilePlan } from '../fix/theme';
import { holds, readFile, writeIfUnchanged, type FileProblem } from '../fix/write';
import { iconExists } from '../audit/icon';
import { finding, located, type Finding } from '../finding';
import { hostOf } from '../config/domains';
import { locator, writtenFile } from '../config/written';
import { iconFolders, themeSettings } from './facts';
import { findingLines } from './report';
import { argText, SUBCOMMANDS } from './usage';

/**
 * `hexo beian fix [--write]` and `hexo beian init --icp … [--gongan …] [--online …] [--write]`:
 * thin, as `check` is. Reads `_config.yml`, has lib/fix work out the new text, prints the diff
 * and, with `--write`, writes exactly that text (atomically, never over a file changed since it
 * was read).
 *
 * Exit codes: 0 nothing is left to fix (the diff, once written, fixes everything it found);
 * 1 something is left that it cannot fix itself (listed, with what to write), or the file could
 * not be written; 2 the command was used wrongly.
 */

export const FIX_EXIT = { ok: 0, left: 1, usage: 2 } as const;


/** The arguments as Hexo's minimist gives them. */
interface Args {
  _: string[];
  [key: string]: unknown;
}

/** Runs `hexo beian fix` or `hexo beian init`; resolves to the exit code, also set on `process.exitCode`. */
export async function fixCommand(hexo: Hexo, args: Args): Promise<number> {
  const language = languageOf(hexo.config.language);
  const code = await run(hexo, args, language);
  if (code !== FIX_EXIT.ok) process.exitCode = code;
  return code;
}

async function run(hexo: Hexo, args: Args, language: Language): Promise<number> {
  const sub = args._[0] === 'init' ? 'init' : 'fix';
  const { usage } = SUBCOMMANDS[sub];
  const wrong = (text: { zh: string; en: string }) => {
    process.stderr.write(`${say(language, text)}\n${say(language, { zh: '用法', en: 'Usage' })}: ${usage}\n`);
    return FIX_EXIT.usage;
  };
  if (args._.length > 1) {
    const extra = printable(args._.slice(1).map(argText).join(' '));
    return wrong({ zh: `多余的参数：${extra}`, en: `Unexpected arguments: ${extra}` });
  }
  if (args.write !== undefined && typeof args.write !== 'boolean') return wrong({ zh: '--write 不带值。', en: '--write takes no value.' });
  const file = typeof hexo.config_path === 'string' ? hexo.config_path : undefined;
  if (file === undefined || basename(file) === '_multiconfig.yml') {
    return wrong({
      zh: `hexo beian ${sub} 只修改一个配置文件：用 --config 指定写有 beian: 的那个文件（不要列出多个）。`,
      en: `hexo beian ${sub} edits one config file: name the one that holds beian: with --config (not a list).`
    });
  }
  const name = relative(hexo.base_dir, file).split(sep).join('/') || basename(file);
  if (!['.yml', '.yaml'].includes(extname(file).toLowerCase())) {
    process.stderr.write(`${say(language, { zh: `${name} 不是 YAML 文件，hexo beian ${sub} 不修改它：请手动编辑。`, en: `${name} is not a YAML file, which hexo beian ${sub} does not edit: edit it by hand.` })}\n`);
    return FIX_EXIT.left;
  }
  const read = readFile(file);
  if ('kind' in read) {
    process.stderr.write(`${problemLine(read, name, language)}\n`);
    return FIX_EXIT.left;
  }
  const write = args.write === true;
  if (sub === 'fix') {
    if (read.bytes === undefined) {
      process.stdout.write(`${say(language, { zh: `hexo-beian：没有 ${name}，没有需要修正的内容。`, en: `hexo-beian: there is no ${name}, so nothing to fix.` })}\n`);
      return FIX_EXIT.ok;
    }
    return finish(await fixes(hexo, { file, name, bytes: read.bytes, text: read.text }, language), write, language, hexo.base_dir);
  }
  const outcome = initBeian(read.text, name, language, { icp: args.icp, gongan: args.gongan, online: args.online, url: hexo.config.url });
  if (outcome.kind === 'refused') {
    process.stderr.write(`${outcome.lines.join('\n')}\n${say(language, { zh: '用法', en: 'Usage' })}: ${SUBCOMMANDS.init.usage}\n`);
    return FIX_EXIT.usage;
  }
  if (outcome.kind === 'exists') {
    process.stdout.write(`hexo-beian: ${outcome.line}\n`);
    return outcome.same ? FIX_EXIT.ok : FIX_EXIT.left;
  }
  for (const note of outcome.notes) process.stdout.write(`hexo-beian: ${note}\n`);
  return finish([{ file, name, bytes: read.bytes, result: outcome.result }], write, language, hexo.base_dir);
}

/**
 * `hexo beian fix`'s files: `_config.yml` (its beian block corrected) and, when the theme shows
 * its own filing line, the handover (lib/fix/theme.ts) in every file it touches — made in
 * every one of them or in none (a correction refused in one file, nothing is handed over).
 */
async function fixes(hexo: Hexo, config: { file: string; name: string; bytes: Buffer; text: string }, language: Language): Promise<FileFix[]> {
  const doc = parseYaml(config.text);
  const values = doc ? valuesOf(doc) : undefined;
  const settings = await themeSettings(hexo);
  const handover = settings && planHandover(settings, {
    configFile: config.name,
    beian: isPlain(values) ? values.beian : undefined,
    host: hostOf(hexo.config.url),
    iconExists: src => iconExists(src, iconFolders(hexo)) === true,
    // A theme from npm (or anywhere outside the site) ships its config: not the user's to edit.
    editable: name => !name.startsWith('../') && !name.split('/').includes('node_modules')
  }, language);
  let plans: ReadonlyMap<string, FilePlan> = handover?.files ?? new Map();
  const left: Finding[] = [...handover?.left ?? []];
  const others = new Map<string, { file: string; bytes: Buffer; text: string }>();
  for (const name of plans.keys()) {
    if (name === config.name) continue;
    const file = join(hexo.base_dir, name);
    const read = readFile(file);
    if ('kind' in read || read.bytes === undefined) {
      left.push(refusedFile(name, 'kind' in read ? problemLine(read, name, language) : name, language));
      plans = new Map();
      break;
    }
    others.set(name, { file, bytes: read.bytes, text: read.text });
  }
  // All or nothing: the handover's corrections alone, tried on every file first. A theme's file
  // (not the site's config) may be one YAML 1.2 reads with errors (Fluid's, copied whole): edited outside them.
  const made = new Map<string, FileFix>();
  for (const [name, plan] of plans) {
    const text = name === config.name ? config.text : (others.get(name) as { text: string }).text;
    const tried = correct(text, name, language, plan.planners, plan.moves, name !== config.name);
    if (tried.refused.length > 0) {
      left.push(...tried.refused);
      plans = new Map();
      made.clear();
      break;
    }
    const other = others.get(name);
    if (other) made.set(name, { file: other.file, name, bytes: other.bytes, result: { before: text, after: tried.after, changes: tried.changes, left: [] } });
  }
  // _config.yml again, with its beian block's own corrections after the handover's.
  const own = plans.get(config.name);
  const result = fixBeian(config.text, config.name, language, { themeBlock: themeFileBlock(hexo), planners: own?.planners, moves: own?.moves, iconExists: src => iconExists(src, iconFolders(hexo)) });
  return [{ file: config.file, name: config.name, bytes: config.bytes, result: { ...result, left: [...left, ...result.left] } }, ...made.values()];
}

/** A file the handover must change but cannot read: nothing is handed over. */
function refusedFile(name: string, why: string, language: Language): Finding {
  return finding(language, 'fix-refused', 'error', { zh: `没有交接主题的备案显示：${why}`, en: `The theme's filing line was not handed over: ${why}` }, { path: name });
}

/**
 * A `beian:` block in the theme's config file (`_config.next.yml`), as the build finds it
 * (lib/hexo/site.ts): listed while `_config.yml` has none.
 */
function themeFileBlock(hexo: Hexo): { where: string; value: unknown } | undefined {
  const theme: unknown = hexo.config.theme;
  if (typeof theme !== 'string' || !/^[\w.-]+$/.test(theme)) return undefined;
  const name = `_config.${theme}.yml`;
  const read = readFile(join(hexo.base_dir, name));
  const doc = 'kind' in read ? undefined : parseYaml(read.text);
  const values = doc ? valuesOf(doc) : undefined;
  return isPlain(values) && values.beian !== undefined ? { where: `${name}:beian`, value: values.beian } : undefined;
}

/**
 * One file's fix: where it is, how messages name it, its bytes as read (undefined: no such
 * file yet) and what fixing it comes to. The command takes a list, so that a theme's file
 * (`_config.fluid.yml`) can be fixed in the same run as `_config.yml`.
 */
interface FileFix {
  file: string;
  name: string;
  bytes: Buffer | undefined;
  result: FixResult;
}

/**
 * Prints each file's diff and what changed, then what is left; with `--write`, writes every
 * changed file, none when any of them changed on disk since it was read. The exit code.
 */
function finish(fixes: readonly FileFix[], write: boolean, language: Language, baseDir: string): number {
  const colors = pc.createColors(pc.isColorSupported);
  const out: string[] = [];
  const changed = fixes.filter(fix => fix.result.after !== fix.result.before);
  for (const { name, result } of changed) {
    const diff = unifiedDiff(result.before, result.after, name);
    out.push(...diff.replace(/\n$/, '').split('\n').map(line => {
      // A tab the user wrote is shown as one, as `git diff` does; every other control character escaped.
      const shown = line.split('\t').map(part => printable(part)).join('\t');
      if (line.startsWith('---') || line.startsWith('+++')) return colors.bold(shown);
      if (line.startsWith('@@')) return colors.cyan(shown);
      if (line.startsWith('-')) return colors.red(shown);
      if (line.startsWith('+')) return colors.green(shown);
      return shown;
    }), '');
    out.push(say(language, { zh: `hexo-beian：${name} 的修改：`, en: `hexo-beian: changes to ${name}:` }));
    out.push(...result.changes.map(change => `  - ${printable(change)}`));
  }
  // Where each finding's key is written: in the files as they are on disk when the run ends
  // (a file the run does not edit, the theme's `_config.next.yml` holding a beian: block, as it is).
  const texts = new Map(fixes.map(fix => [fix.name, writtenFile(write ? fix.result.after : fix.result.before)]));
  const onDisk = (name: string) => {
    const read = readFile(join(baseDir, name));
    return 'kind' in read || read.bytes === undefined ? undefined : writtenFile(read.text);
  };
  const left = located(fixes.flatMap(fix => fix.result.left), locator(() => [{ name: fixes[0].name, file: texts.get(fixes[0].name) }], name => texts.get(name) ?? onDisk(name)));
  let code: number = left.length > 0 ? FIX_EXIT.left : FIX_EXIT.ok;
  if (changed.length > 0 && write) {
    // All checked before any is written: a file changed meanwhile stops the run before it writes.
    const written: string[] = [];
    const moved = changed.find(fix => !holds(fix.file, fix.bytes));
    let failed: { name: string; problem: FileProblem } | undefined = moved && { name: moved.name, problem: { kind: 'changed' } };
    for (const fix of failed ? [] : changed) {
      const problem = writeIfUnchanged(fix.file, fix.bytes, fix.result.after);
      if (problem) {
        failed = { name: fix.name, problem };
        break;
      }
      written.push(fix.name);
    }
    if (written.length > 0) {
      out.push(say(language, { zh: `已写入 ${written.join('、')}。`, en: `Written: ${written.join(', ')}.` }));
      // hexo beian check reads public/: until it is generated again, it reports what the old config made.
      out.push(say(language, { zh: '请重新生成站点（hexo clean && hexo generate）后再运行 hexo beian check：public/ 里的页面还是修改前生成的。', en: 'Regenerate the site (hexo clean && hexo generate) before running hexo beian check again: the pages in public/ were made before these changes.' }));
    }
    if (failed) {
      out.push(problemLine(failed.problem, failed.name, language));
      code = FIX_EXIT.left;
    }
  } else if (changed.length > 0) {
    out.push(say(language, {
      zh: '没有修改任何文件。加上 --write 再运行一次即写入以上修改（--write 会直接修改文件：请先提交到 git 或备份）。',
      en: 'No file was changed. Run the command again with --write to make these changes (--write edits the file in place: commit or back it up first).'
    }));
  }
  if (left.length > 0) {
    out.push('', say(language, { zh: '以下需要手动修改：', en: 'Left to fix by hand:' }), ...findingLines(left, language));
  }
  if (changed.length === 0 && left.length === 0) {
    const names = fixes.map(fix => fix.name).join(say(language, { zh: '、', en: ', ' }));
    out.push(say(language, { zh: `hexo-beian：${names} 没有需要修正的内容。`, en: `hexo-beian: nothing to fix in ${names}.` }));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return code;
}

function problemLine(problem: FileProblem, name: string, language: Language): string {
  switch (problem.kind) {
    case 'changed':
      return say(language, { zh: `${name} 在读取之后被修改过（编辑器或另一次运行），没有覆盖它：请再运行一次。`, en: `${name} changed on disk after it was read (an editor, another run), so it was not overwritten: run the command again.` });
    case 'not-utf8':
      return say(language, { zh: `${name} 不是 UTF-8 文本，没有修改：请手动编辑。`, en: `${name} is not UTF-8 text, so it was not edited: edit it by hand.` });
    case 'too-large':
      return say(language, { zh: `${name} 超过 1 MiB，没有修改：请手动编辑。`, en: `${name} is over 1 MiB, so it was not edited: edit it by hand.` });
    case 'not-a-file':
      return say(language, { zh: `${name} 不是普通文件，没有修改。`, en: `${name} is not a regular file, so it was not edited.` });
    default:
      return say(language, { zh: `无法读写 ${name}（${printable(problem.reason)}），没有修改。`, en: `Cannot read or write ${name} (${printable(problem.reason)}); nothing was changed.` });
  }
}

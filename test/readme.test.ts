import { expect } from 'chai';
import { readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from './paths';

/**
 * README.md and README.zh-CN.md document the same plugin: the same option keys of the
 * `beian` block, the same flags of `hexo beian check`, the same diagnostic codes with the
 * same severities, the same code blocks, and each links to the other.
 */

const EN = 'README.md';
const ZH = 'README.zh-CN.md';

interface Parsed {
  /** Lines outside fenced code blocks. */
  prose: string[];
  /** Each fenced code block, fences included, without the indentation of its opening fence. */
  blocks: string[];
}

function parse(file: string): Parsed {
  const lines = readFileSync(join(repoRoot, file), 'utf8').split(/\r?\n/);
  const prose: string[] = [];
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})/.exec(lines[i]);
    if (!open) {
      prose.push(lines[i]);
      continue;
    }
    const indent = open[1].length;
    const fence = open[2];
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[end])) end++;
    if (end === lines.length) throw new Error(`${file}: the code block at line ${i + 1} is never closed`);
    blocks.push(lines.slice(i, end + 1).map(line => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n'));
    i = end;
  }
  return { prose, blocks };
}

/**
 * The option keys, as the Options section lists them: list items that start with the key in
 * bold and a dash, `- **gongan.icon** — …` (nested keys with their parent's name).
 */
function optionKeys({ prose }: Parsed): string[] {
  const keys = new Set<string>();
  for (const line of prose) {
    const item = /^\s*[-*] \*\*([^*]+)\*\* —/.exec(line);
    if (item && /^[a-z][A-Za-z_]*(\.[a-z][A-Za-z_]*)*$/.test(item[1])) keys.add(item[1]);
  }
  return [...keys].sort();
}

/** The flags of the command's option list: items that start with backticked flags, `- \`-g\`, \`--generate\` — …`. */
function listedFlags({ prose }: Parsed): string[] {
  const flags = new Set<string>();
  for (const line of prose) {
    const item = /^\s*[-*] ((?:`-[^`]+`(?:, )?)+) —/.exec(line);
    if (!item) continue;
    for (const [, flag] of item[1].matchAll(/`(-[^`\s]+)[^`]*`/g)) flags.add(flag);
  }
  return [...flags].sort();
}

/** The flags of the synopsis, `hexo beian check [--json] …`, in the code blocks. */
function synopsisFlags({ blocks }: Parsed): string[] {
  const flags = new Set<string>();
  for (const block of blocks) {
    for (const line of block.split('\n')) {
      if (!/^hexo beian check \[/.test(line)) continue;
      for (const [, flag] of line.matchAll(/\[(-[^\]\s]+)[^\]]*\]/g)) flags.add(flag);
    }
  }
  return [...flags].sort();
}

/** A table row's cells; a `|` inside backticks is text, not a cell border. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  let code = false;
  for (const ch of row.trim().replace(/^\|/, '').replace(/\|$/, '')) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      out.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  out.push(cell.trim());
  return out;
}

/**
 * The diagnostic codes, from every table whose second column is the severity (`severity`,
 * `级别`): code → the severity words its row names (`error`, `warning`, `info`). A row of
 * such a table that does not start with one backticked code is an error, not skipped.
 */
function codes(file: string, { prose }: Parsed): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 0; i + 1 < prose.length; i++) {
    if (!/^\s*\|/.test(prose[i]) || !/^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(prose[i + 1])) continue;
    const header = cells(prose[i]);
    let end = i + 2;
    while (end < prose.length && /^\s*\|/.test(prose[end])) end++;
    if (/^(severity|级别)$/.test(header[1] ?? '')) {
      for (const row of prose.slice(i + 2, end)) {
        const [first, severity] = cells(row);
        const code = /^`([a-z][a-z0-9-]*)`$/.exec(first);
        if (!code) throw new Error(`${file}: a row of a code table does not start with a code: ${row}`);
        if (found.has(code[1])) throw new Error(`${file}: the code ${code[1]} is listed twice`);
        const words = [...new Set(severity.match(/\b(error|warning|info)\b/g) ?? [])].sort();
        if (words.length === 0) throw new Error(`${file}: the code ${code[1]} has no severity (error, warning, info): ${row}`);
        found.set(code[1], words.join(', '));
      }
    }
    i = end - 1;
  }
  return found;
}

/** What one list has and the other lacks, for a message that says exactly that. */
function difference(a: readonly string[], b: readonly string[]): { [key: string]: string[] } {
  return {
    [`in ${EN}, not in ${ZH}`]: a.filter(x => !b.includes(x)),
    [`in ${ZH}, not in ${EN}`]: b.filter(x => !a.includes(x))
  };
}

const NOTHING = { [`in ${EN}, not in ${ZH}`]: [], [`in ${ZH}, not in ${EN}`]: [] };

/** The text before the first `## ` heading: the top of the page. */
function top({ prose }: Parsed): string {
  const at = prose.findIndex(line => /^## /.test(line));
  return prose.slice(0, at < 0 ? prose.length : at).join('\n');
}

describe('README.md and README.zh-CN.md', () => {
  const en = parse(EN);
  const zh = parse(ZH);

  it('document the same option keys of the beian block', () => {
    const enKeys = optionKeys(en);
    const zhKeys = optionKeys(zh);
    expect(enKeys, `no option keys found in ${EN}`).to.not.be.empty;
    // Every nested key (icp.number) sits under a key of its own (icp).
    expect(enKeys.filter(k => k.includes('.') && !enKeys.includes(k.split('.')[0]))).to.deep.equal([]);
    expect(difference(enKeys, zhKeys), 'option keys').to.deep.equal(NOTHING);
  });

  it('document the same flags of hexo beian check, each flag of the synopsis in the list', () => {
    const enFlags = listedFlags(en);
    const zhFlags = listedFlags(zh);
    expect(enFlags, `no flags found in ${EN}`).to.not.be.empty;
    expect(difference(enFlags, zhFlags), 'flags').to.deep.equal(NOTHING);
    for (const [file, parsed, listed] of [[EN, en, enFlags], [ZH, zh, zhFlags]] as const) {
      const synopsis = synopsisFlags(parsed);
      expect(synopsis, `${file}: no synopsis`).to.not.be.empty;
      expect(synopsis.filter(f => !listed.includes(f)), `${file}: synopsis flags missing from the option list`).to.deep.equal([]);
    }
  });

  it('document the same diagnostic codes, with the same severities', () => {
    const enCodes = codes(EN, en);
    const zhCodes = codes(ZH, zh);
    expect(enCodes.size, `no code tables found in ${EN}`).to.be.greaterThan(0);
    expect(difference([...enCodes.keys()].sort(), [...zhCodes.keys()].sort()), 'diagnostic codes').to.deep.equal(NOTHING);
    const disagree = [...enCodes].filter(([code, words]) => zhCodes.has(code) && zhCodes.get(code) !== words)
      .map(([code, words]) => `${code}: ${EN} ${words}, ${ZH} ${zhCodes.get(code)}`);
    expect(disagree, 'severities').to.deep.equal([]);
  });

  it('have the same code blocks (every one of README.md in README.zh-CN.md)', () => {
    expect(en.blocks).to.not.be.empty;
    const missing = en.blocks.filter(block => !zh.blocks.includes(block)).map(block => block.split('\n').slice(0, 2).join(' '));
    expect(missing, `code blocks of ${EN} not in ${ZH}`).to.deep.equal([]);
  });

  it('hold no merge conflict markers', () => {
    for (const file of ['README.md', 'README.zh-CN.md', 'CHANGELOG.md', 'BENCHMARKS.md', 'docs/filing-rules.md']) {
      const marked = readFileSync(join(repoRoot, file), 'utf8').split(/\r?\n/).filter(line => /^(?:<{7}|={7}|>{7})(?: |$)/.test(line));
      expect(marked, file).to.deep.equal([]);
    }
  });

  it('link to each other at the top', () => {
    expect(top(en)).to.match(/\[中文说明\]\(README\.zh-CN\.md\)/);
    expect(top(zh)).to.match(/\]\(README\.md\)/);
  });
});

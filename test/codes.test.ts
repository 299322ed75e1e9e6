import { expect } from 'chai';
import { readdirSync, readFileSync } from 'fs';
import { join, sep } from 'path';
import { FILING_CODES } from '../lib/engine/filing';
import { repoRoot } from './paths';

/**
 * Every diagnostic code: made somewhere in lib/, documented in README.md's code tables, and
 * asserted by at least one test (a test that names the code in a string: a finding it expects
 * or rules out). A code added without a test or a README row fails here, by name.
 */

function files(folder: string): string[] {
  return (readdirSync(join(repoRoot, folder), { recursive: true }) as string[])
    .map(f => f.split(sep).join('/'))
    .filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map(f => `${folder}/${f}`);
}

/** The codes lib/ makes: the engine's table, the code argument of every finding made, and the engine's own diagnostics. */
function madeCodes(): Set<string> {
  const made = new Set<string>(Object.keys(FILING_CODES));
  for (const file of files('lib')) {
    const text = readFileSync(join(repoRoot, file), 'utf8');
    for (const m of text.matchAll(/\bfinding\([^,()]+, (?:[a-zA-Z.]+ \? )?'([a-z][a-z-]+)'(?: : '([a-z][a-z-]+)')?/g)) {
      made.add(m[1]);
      if (m[2]) made.add(m[2]);
    }
    for (const m of text.matchAll(/\badd\('([a-z][a-z-]+)'/g)) made.add(m[1]);
    // A diagnostic the engine makes outside its table (lib/engine/examples.ts: its severity depends on the host).
    if (file.startsWith('lib/engine/')) for (const m of text.matchAll(/\bcode: '([a-z][a-z-]+)',\n\s*severity:/g)) made.add(m[1]);
  }
  return made;
}

/** The codes of README.md's code tables: a first cell that is one backticked kebab-case word, a second that is a severity. */
function documentedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const line of readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n')) {
    const m = /^\| `([a-z][a-z-]+)` \| (error|warning|info)\b/.exec(line);
    if (m) codes.add(m[1]);
  }
  return codes;
}

describe('diagnostic codes: made, documented, tested', () => {
  const made = madeCodes();
  const documented = documentedCodes();

  it('the codes lib/ makes are exactly the codes README.md documents', () => {
    expect(made.size).to.be.greaterThan(40);
    expect({
      'made, not in README.md': [...made].filter(c => !documented.has(c)).sort(),
      'in README.md, made nowhere': [...documented].filter(c => !made.has(c)).sort()
    }).to.deep.equal({ 'made, not in README.md': [], 'in README.md, made nowhere': [] });
  });

  it('every code is named by at least one test', () => {
    const tests = files('test').filter(f => !/\/(codes|readme)\.test\.ts$/.test(f)).map(f => readFileSync(join(repoRoot, f), 'utf8')).join('\n');
    const untested = [...made].filter(code => !new RegExp(`['"\`(]${code}['"\`)]`).test(tests)).sort();
    expect(untested, 'codes no test names').to.deep.equal([]);
  });
});

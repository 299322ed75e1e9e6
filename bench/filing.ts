/**
 * Benchmark of the filing-number engine (not a test: it asserts nothing).
 *
 * Parses every row of the shared fixture N times and prints the mean cost of one parse in
 * microseconds. Run after a build: `node dist/bench/filing.js [N]` (default N = 200).
 */
import { readFileSync } from 'fs';
import { parseGongan, parseIcp } from '../lib/filing';
import { filingFixture } from '../test/paths';

interface Row { field: string; input: string }

/** The fixture's field and input columns; `\n` / `\t` in input stand for a line break / tab. */
function readRows(): Row[] {
  return readFileSync(filingFixture, 'utf8')
    .split('\n')
    .slice(1)
    .filter(line => line.trim() !== '')
    .map(line => {
      const [field, input] = line.replace(/\r$/, '').split('\t');
      return { field, input: input.replace(/\\([nt])/g, (_, c: string) => (c === 'n' ? '\n' : '\t')) };
    });
}

function run(rows: Row[], rounds: number, language: 'en' | 'zh'): number {
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    for (const row of rows) {
      const result = row.field === 'gongan' ? parseGongan(row.input, { language }) : parseIcp(row.input, { language });
      sink += result.diagnostics.length;
    }
  }
  return sink;
}

function main(): void {
  const rounds = Math.max(1, Number.parseInt(process.argv[2] ?? '', 10) || 200);
  const rows = readRows();
  run(rows, 20, 'en'); // warm-up, so the JIT has compiled the parser
  for (const language of ['en', 'zh'] as const) {
    const start = process.hrtime.bigint();
    const sink = run(rows, rounds, language);
    const elapsed = Number(process.hrtime.bigint() - start) / 1000; // µs
    const parses = rows.length * rounds;
    console.log(`filing: ${rows.length} fixture rows × ${rounds} rounds (${language}): ${(elapsed / parses).toFixed(2)} µs per parse (${parses} parses, ${(elapsed / 1000).toFixed(0)} ms; ${sink} diagnostics)`);
  }
}

main();

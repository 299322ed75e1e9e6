import { resolve } from 'path';

/** The repository root (tests run compiled, from dist/test). */
export const repoRoot = resolve(__dirname, '..', '..');

/** The shared fixtures live beside the repository, never copied into it. */
export const filingFixture = resolve(repoRoot, 'test', 'fixtures', 'filing-numbers.tsv');

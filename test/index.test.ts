import { expect } from 'chai';
import { repoRoot } from './paths';

describe('index (required outside Hexo)', () => {
  it('exports the filing-number engine and registers nothing', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require(repoRoot) as Record<string, unknown>;
    expect(Object.keys(api).sort()).to.deep.equal(['compareFilings', 'parseGongan', 'parseIcp']);
    const parseIcp = api.parseIcp as (input: unknown) => { ok: boolean; canonical?: string };
    expect(parseIcp('京ICP备 20180491号-1')).to.include({ ok: true, canonical: '京ICP备20180491号-1' });
  });
});

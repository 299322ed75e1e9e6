import { expect } from 'chai';
import { DEFAULTS, isCalendarDate, readConfig } from '../lib/config';

const ICP = '京ICP备20000491号-1';
const GONGAN = '京公网安备11010502030143号';

/** [code, severity, path] of each finding, for exact comparisons. */
function summary(raw: unknown): string[][] {
  return readConfig(raw, 'en').findings.map(f => [f.code, f.severity, f.path ?? '']);
}

describe('config', () => {
  it('reads the short forms', () => {
    const { config, findings } = readConfig({ icp: ICP, gongan: GONGAN }, 'en');
    expect(findings).to.deep.equal([]);
    expect(config.enable).to.equal(true);
    expect(config.icp?.result.canonical).to.equal(ICP);
    expect(config.gongan?.result.canonical).to.equal(GONGAN);
    expect(config.gongan?.result.digits).to.equal('11010502030143');
  });

  it('reads the long forms, with a YAML date (a Date) and a quoted one (a string)', () => {
    const { config, findings } = readConfig({
      icp: { number: ICP, approved: new Date(Date.UTC(2024, 4, 20)) },
      gongan: { number: 11010502030143, icon: '/images/gongan.png' },
      online: '2024-06-01'
    }, 'en');
    expect(findings).to.deep.equal([]);
    expect(config.icp?.approved).to.equal('2024-05-20');
    expect(config.online).to.equal('2024-06-01');
    expect(config.gongan?.icon).to.equal('/images/gongan.png');
    expect(config.gongan?.result.canonical).to.equal(GONGAN);
  });

  it('treats an absent block, nulls and empty strings as "not configured"', () => {
    for (const raw of [undefined, null, {}, { icp: null, gongan: '' }]) {
      const { config, findings } = readConfig(raw, 'en');
      expect(findings, JSON.stringify(raw)).to.deep.equal([]);
      expect(config.icp).to.equal(undefined);
      expect(config.gongan).to.equal(undefined);
    }
  });

  it('enable: false turns it off; a non-boolean is an error and leaves it on', () => {
    expect(readConfig({ enable: false, icp: ICP }, 'en').config.enable).to.equal(false);
    const { config, findings } = readConfig({ enable: 'maybe', icp: ICP }, 'en');
    expect(config.enable).to.equal(true);
    expect(findings.map(f => [f.code, f.severity, f.path, f.message])).to.deep.equal([
      ['config-boolean', 'error', 'beian.enable', 'beian.enable must be true or false (it is "maybe"); treated as true.']
    ]);
  });

  it('enable: no (text in YAML 1.2) means what it says, with a warning', () => {
    const { config, findings } = readConfig({ enable: 'no', icp: ICP }, 'zh');
    expect(config.enable).to.equal(false);
    expect(findings.map(f => [f.code, f.severity, f.suggestion, f.message])).to.deep.equal([
      ['config-boolean', 'warning', 'false', 'beian.enable 写的是文本 "no"，已按 false 处理；请写不带引号的 true 或 false。']
    ]);
  });

  it('a number in place of the block: one error, and the block that holds it', () => {
    const { findings } = readConfig('京ICP备 20000491号-1', 'zh');
    expect(findings).to.have.length(1);
    expect(findings[0].code).to.equal('config-shape');
    expect(findings[0].path).to.equal('beian');
    expect(findings[0].message).to.match(/^beian 应是一组键/);
    expect(findings[0].suggestion).to.equal('beian:\n  icp: 京ICP备20000491号-1');
    expect(readConfig(11010502030143, 'en').findings[0].suggestion).to.equal('beian:\n  gongan: 京公网安备11010502030143号');
  });

  it('any other value in place of the block: an example in the message, nothing to paste', () => {
    const [finding] = readConfig([1, 2], 'en').findings;
    expect(finding.suggestion).to.equal(undefined);
    expect(finding.message).to.equal('beian must be a block of keys (icp, gongan, …), not a single value; for example:\nbeian:\n  icp: 京ICP备20000491号-1\n  gongan: 京公网安备11010502030143号');
  });

  it('a number in the other field: the suggestion is the line to write under the other key', () => {
    const { findings } = readConfig({ gongan: '皖ICP备18015620号-1' }, 'en');
    expect(findings.map(f => [f.code, f.path, f.suggestion])).to.deep.equal([['wrong-kind', 'beian.gongan', 'icp: 皖ICP备18015620号-1']]);
  });

  it('names unknown keys at their path, so typos are seen', () => {
    expect(summary({ icp: ICP, gonan: GONGAN })).to.deep.equal([['config-unknown-key', 'warning', 'beian.gonan']]);
    expect(summary({ icp: { number: ICP, aproved: '2024-05-20' } })).to.deep.equal([['config-unknown-key', 'warning', 'beian.icp.aproved']]);
  });

  it('a key written one level too high: the message shows the long form that holds it', () => {
    const [finding] = readConfig({ icp: ICP, approved: '2024-05-20' }, 'en').findings;
    expect([finding.code, finding.path]).to.deep.equal(['config-unknown-key', 'beian.approved']);
    expect(finding.message).to.equal('beian.approved belongs under icp and is ignored: write icp in its long form:\nicp:\n  number: 京ICP备20000491号-1\n  approved: 2024-05-20');
  });

  it('a number in the other field, when that field is taken: no line to paste', () => {
    const { findings } = readConfig({ icp: ICP, gongan: '皖ICP备18015620号-1' }, 'en');
    const wrong = findings.find(f => f.code === 'wrong-kind');
    expect(wrong?.path).to.equal('beian.gongan');
    expect(wrong?.suggestion).to.equal(undefined);
  });

  it('a long form without its number is an error at .number with an example', () => {
    const { config, findings } = readConfig({ icp: { approved: '2024-05-20' } }, 'en');
    expect(config.icp).to.equal(undefined);
    expect(findings.map(f => [f.code, f.path, f.message])).to.deep.equal([
      ['empty', 'beian.icp.number', 'beian.icp.number is missing: write the filing number there, for example 京ICP备20000491号-1.']
    ]);
  });

  it('a pending 公安 filing: applied, no number yet', () => {
    const { config, findings } = readConfig({ icp: ICP, gongan: { applied: new Date(Date.UTC(2024, 5, 10)) } }, 'en');
    expect(findings).to.deep.equal([]);
    expect(config.gongan).to.equal(undefined);
    expect(config.gonganApplied).to.equal('2024-06-10');
    // Once the number is there, it is what counts.
    const approved = readConfig({ gongan: { number: GONGAN, applied: '2024-06-10' } }, 'en').config;
    expect(approved.gongan?.result.canonical).to.equal(GONGAN);
    expect(approved.gonganApplied).to.equal(undefined);
  });

  it('a pending filing with a bad date, and a long form with neither number nor date', () => {
    expect(summary({ gongan: { applied: '6/10' } })).to.deep.equal([['config-date', 'error', 'beian.gongan.applied']]);
    const [finding] = readConfig({ gongan: { icon: '/images/gongan.png' } }, 'en').findings;
    expect(finding.message).to.equal('beian.gongan.number is missing: write the filing number there, for example 京公网安备11010502030143号; while the filing is still pending, write applied: 2024-06-10 (the day you applied) instead.');
  });

  it('reports the engine\'s diagnostics at the config path they came from', () => {
    const found = summary({ icp: { number: '京ICP备12345678号-1' }, gongan: '渝公网安备 33010002050803号' });
    expect(found).to.deep.include(['placeholder', 'error', 'beian.icp.number']);
    expect(found).to.deep.include(['province-mismatch', 'error', 'beian.gongan']);
  });

  it('an invalid date is an error naming the key and the format', () => {
    const { config, findings } = readConfig({ icp: { number: ICP, approved: '2024-02-30' }, online: 20240601 }, 'en');
    expect(config.icp?.approved).to.equal(undefined);
    expect(config.online).to.equal(undefined);
    expect(findings.map(f => [f.code, f.path])).to.deep.equal([
      ['config-date', 'beian.icp.approved'],
      ['config-date', 'beian.online']
    ]);
    expect(findings[0].message).to.equal('beian.icp.approved is not a date (it is "2024-02-30"); write it as year-month-day, for example 2024-05-20.');
    expect(findings[1].message).to.equal('beian.online is not a date (it is 20240601); write it as year-month-day, for example 2024-05-20.');
  });

  it('never mutates the user\'s config or the defaults', () => {
    const raw = { icp: { number: ' 粤ＩＣＰ备14615304号-1 ', approved: '2024-05-20' }, gongan: 11010502030143 };
    const before = JSON.stringify(raw);
    const first = readConfig(raw, 'en');
    first.config.icon.width = 99;
    expect(JSON.stringify(raw)).to.equal(before);
    expect(DEFAULTS.icon.width).to.equal(16);
    expect(readConfig(raw, 'en').config.icon.width).to.equal(16);
    expect(Object.isFrozen(DEFAULTS)).to.equal(true);
  });

  it('never throws, whatever the block holds', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const raw of [42, true, [], [ICP], cyclic, { icp: [ICP] }, { icp: { number: {} } }, { online: new Date(NaN) }, { gongan: { number: GONGAN, icon: 7 } }]) {
      expect(() => readConfig(raw, 'zh'), JSON.stringify(Object.keys(Object(raw)))).not.to.throw();
    }
  });

  it('isCalendarDate() takes real days only', () => {
    expect(isCalendarDate('2024-02-29')).to.equal(true);
    expect(isCalendarDate('2023-02-29')).to.equal(false);
    expect(isCalendarDate('2024-5-20')).to.equal(false);
  });
});

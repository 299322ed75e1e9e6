import { expect } from 'chai';
import { readConfig } from '../../lib/config/read';
import { auditConfig } from '../../lib/audit/config';
import { gonganDeadline } from '../../lib/audit/deadline';
import { DEFAULTS } from '../../lib/config/schema';
import { hostOf } from '../../lib/config/domains';
import { isCalendarDate } from '../../lib/engine/date';
import { describe as describeFinding } from '../../lib/finding';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

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
    expect(config.gongan?.result.digits).to.equal('11010502030413');
  });

  it('reads the long forms, with a YAML date (a Date) and a quoted one (a string)', () => {
    const { config, findings } = readConfig({
      icp: { number: ICP, approved: new Date(Date.UTC(2024, 4, 20)) },
      gongan: { number: 11010502030413, icon: '/images/gongan.png' },
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
      ['config-boolean', 'warning', 'enable: false', 'beian.enable 写的是 "no"：Hexo 的 YAML 只把 true 和 false 当作开关，"no" 是文本；已按 false 处理，请写 enable: false。']
    ]);
  });

  it('enable: yes written without quotes is not told to drop quotes; a quoted "true" is', () => {
    const yes = readConfig({ enable: 'yes', icp: ICP }, 'en').findings[0];
    expect([yes.code, yes.suggestion, yes.message]).to.deep.equal(['config-boolean', 'enable: true', 'beian.enable is "yes": Hexo\'s YAML takes only true and false as a switch, and "yes" is text; read as true. Write enable: true.']);
    const quoted = readConfig({ enable: 'true', icp: ICP }, 'zh').findings[0];
    expect([quoted.code, quoted.suggestion, quoted.message]).to.deep.equal(['config-boolean', 'enable: true', 'beian.enable 写的是带引号的文本 "true"，已按 true 处理；请去掉引号：enable: true。']);
  });

  it('a number in place of the block: one error, and the block that holds it', () => {
    const { findings } = readConfig('京ICP备 20180491号-1', 'zh');
    expect(findings).to.have.length(1);
    expect(findings[0].code).to.equal('config-shape');
    expect(findings[0].path).to.equal('beian');
    expect(findings[0].message).to.match(/^beian 应是一组键/);
    expect(findings[0].suggestion).to.equal('beian:\n  icp: 京ICP备20180491号-1');
    expect(readConfig(11010502030413, 'en').findings[0].suggestion).to.equal('beian:\n  gongan: 京公网安备11010502030413号');
  });

  it('any other value in place of the block: an example in the message, nothing to paste', () => {
    const [finding] = readConfig([1, 2], 'en').findings;
    expect(finding.suggestion).to.equal(undefined);
    expect(finding.message).to.equal('beian must be a block of keys (icp, gongan, …), not a single value; for example:\nbeian:\n  icp: ‹province›ICP备‹8 or 10 digits›号-‹site number›\n  gongan: ‹province›公网安备‹14 digits›号');
  });

  it('a number in the other field: the suggestion is the line to write under the other key', () => {
    const { findings } = readConfig({ gongan: '皖ICP备18015620号-1' }, 'en');
    expect(findings.map(f => [f.code, f.path, f.suggestion])).to.deep.equal([['wrong-kind', 'beian.gongan', 'icp: 皖ICP备18015620号-1']]);
  });

  it('names unknown keys at their path, so typos are seen: an error when a known key was meant or a number is lost', () => {
    expect(summary({ icp: ICP, gonan: GONGAN })).to.deep.equal([['config-unknown-key', 'error', 'beian.gonan']]);
    expect(summary({ icp: { number: ICP, aproved: '2024-05-20' } })).to.deep.equal([['config-unknown-key', 'error', 'beian.icp.aproved']]);
    expect(summary({ icp: ICP, colour: 'red' })).to.deep.equal([['config-unknown-key', 'warning', 'beian.colour']]);
  });

  it('a number under a key it does not belong to: the error gives the line to write, and the deadline is not reported as missing', () => {
    // NexT's own key name, which NexT users type.
    const nexT = readConfig({ icp: { number: ICP, approved: '2024-05-20' }, gongan_num: GONGAN }, 'en');
    expect(nexT.findings.map(f => [f.code, f.severity, f.path, f.suggestion])).to.deep.equal([['config-unknown-key', 'error', 'beian.gongan_num', `gongan: ${GONGAN}`]]);
    expect(nexT.findings[0].message).to.contain(`it holds the public-security (公安) number ${GONGAN}, which is not used`);
    expect(gonganDeadline(nexT.config, '2026-01-01', 'en')).to.deep.equal([]);
    // Upper case, and a typo: the ICP number vanished from the line; one error says what to write, no icp-missing beside it.
    const typed = readConfig({ ICP, gonan: GONGAN }, 'en');
    expect(typed.findings.map(f => [f.code, f.severity, f.suggestion])).to.deep.equal([
      ['config-unknown-key', 'error', `icp: ${ICP}`],
      ['config-unknown-key', 'error', `gongan: ${GONGAN}`]
    ]);
    expect(auditConfig({ ...typed, language: 'en' }, '2026-01-01').map(f => f.code)).to.deep.equal(['config-unknown-key', 'config-unknown-key']);
    // A 公安 number under icp: reported there (wrong-kind), and not as a missing 公安 filing.
    const swapped = readConfig({ icp: { number: GONGAN, approved: '2024-05-20' } }, 'en');
    expect(auditConfig({ ...swapped, language: 'en' }, '2026-01-01').map(f => f.code)).to.deep.equal(['wrong-kind']);
  });

  it('a beian: block in the theme\'s config (_config.next.yml) while _config.yml has none: an error naming it, with the block to write', () => {
    const { config, findings } = readConfig(undefined, 'en', { themeBlock: { where: '_config.next.yml:beian', value: { icp: ICP, gongan: { number: GONGAN } } } });
    expect(findings.map(f => [f.code, f.severity, f.path, f.suggestion])).to.deep.equal([
      ['config-misplaced', 'error', '_config.next.yml:beian', `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}`]
    ]);
    expect(findings[0].message).to.equal('This beian: block is in the theme\'s config (_config.next.yml:beian), and hexo-beian reads beian: only from the site\'s _config.yml: move it to the site\'s _config.yml.');
    expect(config.misplaced).to.deep.equal({ icp: '_config.next.yml:beian', gongan: '_config.next.yml:beian' });
    // With a block of its own in _config.yml, the theme's (perhaps the theme's own setting) is left alone; without numbers, too.
    expect(readConfig({ icp: ICP }, 'en', { themeBlock: { where: '_config.next.yml:beian', value: { icp: ICP } } }).findings).to.deep.equal([]);
    expect(readConfig(undefined, 'en', { themeBlock: { where: '_config.next.yml:beian', value: { enable: true } } }).findings).to.deep.equal([]);
  });

  it('icp and gongan swapped: each wrong-kind error has the line to write under the other key', () => {
    const { findings } = readConfig({ icp: GONGAN, gongan: ICP }, 'en');
    expect(findings.map(f => [f.code, f.path, f.suggestion])).to.deep.equal([
      ['wrong-kind', 'beian.icp', `gongan: ${GONGAN}`],
      ['wrong-kind', 'beian.gongan', `icp: ${ICP}`]
    ]);
    // The other key holding a number of its own kind: only the user can say which is right.
    expect(readConfig({ icp: GONGAN, gongan: GONGAN }, 'en').findings.find(f => f.path === 'beian.icp')?.suggestion).to.equal(undefined);
  });

  it('icp and gongan at the top level of _config.yml (not under beian:): an error with the block to write', () => {
    const { config, findings } = readConfig(undefined, 'en', { topLevel: { icp: ICP, gongan: 11010502030413 } });
    expect(findings.map(f => [f.code, f.severity, f.path, f.suggestion])).to.deep.equal([
      ['config-misplaced', 'error', 'icp', `beian:\n  icp: ${ICP}`],
      ['config-misplaced', 'error', 'gongan', `beian:\n  gongan: ${GONGAN}`]
    ]);
    expect(findings[0].message).to.equal('icp is at the top level of _config.yml, outside beian:, so hexo-beian never reads it: move it under beian: (indented by two spaces).');
    expect(config.misplaced).to.deep.equal({ icp: 'icp', gongan: 'gongan' });
  });

  it('with a beian: in _config.yml already (empty, or with keys), the top-level number gets the line to add under it, never a second beian:', () => {
    // `beian:` followed by `icp:` not indented: js-yaml reads beian as null.
    for (const raw of [null, { guard: 'block' }]) {
      const { findings } = readConfig(raw, 'en', { topLevel: { icp: '京ICP備20180491號-1', gongan: undefined } });
      const misplaced = findings.filter(f => f.code === 'config-misplaced');
      expect(misplaced.map(f => [f.path, f.suggestion])).to.deep.equal([['icp', `icp: ${ICP}`]]);
      expect(misplaced[0].message).to.equal('icp is at the top level of _config.yml, outside beian:, so hexo-beian never reads it: move this line under the beian: that _config.yml already has (indented by two spaces), not into a second beian:.');
      expect(misplaced[0].suggestion).not.to.contain('beian:');
    }
    const zh = readConfig(null, 'zh', { topLevel: { gongan: 11010502030413 } }).findings.find(f => f.code === 'config-misplaced');
    expect([zh?.suggestion, zh?.message]).to.deep.equal([`gongan: ${GONGAN}`, '_config.yml 顶层的 gongan 不在 beian: 下面，hexo-beian 不会读取它：请把这一行移到 _config.yml 里已有的 beian: 下面（缩进两个空格），不要再写一个 beian:。']);
    // A long form at the top level moves whole, its date with it (an outside review: approved was left out).
    const long = readConfig(undefined, 'en', { topLevel: { icp: { number: ICP, approved: new Date('2024-05-20T00:00:00Z') } } }).findings;
    expect(long.map(f => [f.code, f.suggestion])).to.deep.equal([['config-misplaced', `beian:\n  icp:\n    number: ${ICP}\n    approved: 2024-05-20`]]);
    // The theme's block, with an empty beian: in _config.yml: its keys, to add under that beian:.
    const theme = readConfig(null, 'en', { themeBlock: { where: '_config.next.yml:beian', value: { icp: ICP, gongan: GONGAN } } }).findings;
    expect(theme.map(f => [f.code, f.suggestion])).to.deep.equal([['config-misplaced', `icp: ${ICP}\ngongan: ${GONGAN}`]]);
    expect(theme[0].message).to.contain('write its keys under the beian: that _config.yml already has (indented by two spaces)');
  });

  it('normalised: the suggestion is the whole line to write, with its key, in each form', () => {
    const suggestions = (raw: unknown) => readConfig(raw, 'en').findings.filter(f => f.code === 'normalised').map(f => [f.path, f.suggestion]);
    expect(suggestions({ icp: '京ICP備 20180491號－1', gongan: '京公網安備11010502030413號' })).to.deep.equal([
      ['beian.icp', `icp: ${ICP}`],
      ['beian.gongan', `gongan: ${GONGAN}`]
    ]);
    expect(suggestions({ icp: { number: '京ICP備20180491號-1' }, gongan: { number: '京公网安备 11010502030413 号' } })).to.deep.equal([
      ['beian.icp.number', `number: ${ICP}`],
      ['beian.gongan.number', `number: ${GONGAN}`]
    ]);
    expect(readConfig({ domains: { 'blog.example.cn': { icp: '京ICP备20180491号 -1' } } }, 'en', { url: 'https://blog.example.cn' }).findings
      .filter(f => f.code === 'normalised').map(f => [f.path, f.suggestion])).to.deep.equal([['beian.domains["blog.example.cn"].icp', `icp: ${ICP}`]]);
  });

  it('a beian block with no ICP number anywhere is an error (the site exists to show it); no block at all, a warning', () => {
    const icpMissing = (raw: unknown) => auditConfig({ ...readConfig(raw, 'en'), language: 'en' }, '2026-01-01').filter(f => f.code === 'icp-missing').map(f => f.severity);
    expect(icpMissing({ gongan: GONGAN })).to.deep.equal(['error']);
    expect(icpMissing({})).to.deep.equal(['error']);
    expect(icpMissing(undefined)).to.deep.equal(['warning']);
    expect(icpMissing({ enable: false })).to.deep.equal([]);
    // `beian: 京ICP备…` is one error, config-shape, with the line to write: no icp-missing beside it (a newcomer's trial).
    const single = auditConfig({ ...readConfig('浙ICP备20180491号', 'en'), language: 'en' }, '2026-01-01');
    expect(single.map(f => [f.code, f.suggestion])).to.deep.equal([['config-shape', 'beian:\n  icp: 浙ICP备20180491号']]);
    expect(icpMissing(GONGAN)).to.deep.equal(['error']);
    const off = auditConfig({ ...readConfig({ enable: false, icp: ICP }, 'en'), language: 'en' }, '2026-01-01');
    expect(off.filter(f => f.code === 'disabled').map(f => [f.severity, f.path, f.message])).to.deep.equal([['info', 'beian.enable', 'beian.enable is false: no filing number is shown on any page.']]);
  });

  it('a key written one level too high: the message shows the long form that holds it', () => {
    const [finding] = readConfig({ icp: ICP, approved: '2024-05-20' }, 'en').findings;
    expect([finding.code, finding.path]).to.deep.equal(['config-unknown-key', 'beian.approved']);
    expect(finding.message).to.equal('beian.approved belongs under icp and is ignored: write icp in its long form.');
    expect(finding.suggestion).to.equal('icp:\n  number: 京ICP备20180491号-1\n  approved: 2024-05-20');
    // A day written another way goes in year-month-day (a newcomer's trial was offered 2024年5月20日 again, a config-date error).
    expect(readConfig({ icp: ICP, approved: '2024年5月20日' }, 'zh').findings[0].suggestion).to.equal('icp:\n  number: 京ICP备20180491号-1\n  approved: 2024-05-20');
     // The user's own date (a new user's trial was offered the README's 2024-05-20 for its 2025-02-20), quoted or read by js-yaml as a Date.
    for (const approved of ['2025-02-20', new Date('2025-02-20T00:00:00Z')]) {
      const [own] = readConfig({ icp: ICP, approved }, 'en').findings;
      expect(own.suggestion).to.equal('icp:\n  number: 京ICP备20180491号-1\n  approved: 2025-02-20');
    }
    const [icon] = readConfig({ gongan: '京公网安备11010502030413号', icon: '/img/my-gongan.png' }, 'en').findings.filter(f => f.path === 'beian.icon');
    expect(icon.suggestion).to.equal('gongan:\n  number: 京公网安备11010502030413号\n  icon: /img/my-gongan.png');
    // The number under a misspelt key (ICP:) is the block's own, not the shape's placeholder (a newcomer's trial).
    const misspelt = readConfig({ ICP: '京ICP備20180491號-1', approved: '2024-05-20' }, 'en').findings.find(f => f.path === 'beian.approved');
    expect(misspelt?.suggestion).to.equal('icp:\n  number: 京ICP备20180491号-1\n  approved: 2024-05-20');
  });

  it('a number in the other field, when that field is taken: no line to paste', () => {
    const { findings } = readConfig({ icp: ICP, gongan: '皖ICP备18015620号-1' }, 'en');
    const wrong = findings.find(f => f.code === 'wrong-kind');
    expect(wrong?.path).to.equal('beian.gongan');
    expect(wrong?.suggestion).to.equal(undefined);
  });

  it('a misspelt key: the key it most likely meant, as the suggestion', () => {
    const [finding] = readConfig({ icp: ICP, positon: 'body_end' }, 'en').findings;
    expect([finding.code, finding.path, finding.suggestion]).to.deep.equal(['config-unknown-key', 'beian.positon', 'position: body_end']);
    expect(finding.message).to.match(/^Unknown key beian\.positon is ignored; did you mean position\? The keys under beian are /);
    expect(readConfig({ icp: ICP, colour: 'red' }, 'en').findings[0].suggestion).to.equal(undefined);
    // The line to write keeps the value as written: a date YAML read as a Date, a text that needs quotes.
    expect(readConfig({ icp: ICP, onlne: new Date('2024-06-01T00:00:00Z') }, 'en').findings[0].suggestion).to.equal('online: 2024-06-01');
    expect(readConfig({ icp: ICP, positon: 'a: b' }, 'en').findings[0].suggestion).to.equal('position: "a: b"');
  });

  it('a block under a misspelt key: the suggestion is the block under the key meant, nothing it holds left out', () => {
    const suggestion = (block: Record<string, unknown>) => readConfig(block, 'en').findings[0].suggestion;
    expect(suggestion({ ICP: { number: '京ICP備20180491號-1', approved: new Date('2024-05-20T00:00:00Z') } })).to.equal(`icp:\n  number: ${ICP}\n  approved: 2024-05-20`);
    expect(suggestion({ icp: ICP, Gongan: { number: GONGAN, icon: '/images/a b.png' } })).to.equal(`gongan:\n  number: ${GONGAN}\n  icon: /images/a b.png`);
    expect(suggestion({ icp: ICP, Gongan: { applied: '2024-06-01' } })).to.equal('gongan:\n  applied: 2024-06-01');
    // What cannot be written back as one line each: the key line alone, the block's lines kept where they are.
    expect(suggestion({ ICP: { number: ICP, more: [1] } })).to.equal('icp:');
  });

  it('a misspelt word (guard: blok, position: bodyend): the word it most likely meant, as the line to write', () => {
    const [guard] = readConfig({ icp: ICP, guard: 'blok' }, 'zh').findings;
    expect([guard.code, guard.severity, guard.suggestion]).to.deep.equal(['config-choice', 'error', 'guard: block']);
    expect(guard.message).to.contain('是不是 block？请写 guard: block');
    expect(readConfig({ icp: ICP, position: 'bodyend' }, 'en').findings[0].suggestion).to.equal('position: body_end');
    expect(readConfig({ icp: ICP, pages: 'index' }, 'en').findings[0].suggestion).to.equal(undefined); // nothing close: no guess
  });

  it('a day written the other usual ways: the YYYY-MM-DD form to write, never taken silently', () => {
    // Full-width digits (the third outside review), and a time of day after the day, are read for the suggestion too.
    for (const written of ['2024/6/1', '2024.6.1', '2024年6月1日', '2024-6-1', '２０２４-０６-０１', '２０２４年６月１日', '2024/6/1 10:00']) {
      const { config, findings } = readConfig({ icp: ICP, online: written }, 'zh');
      expect(config.online, written).to.equal(undefined);
      // The whole line to write, as the other suggestions are.
      expect(findings.map(f => [f.code, f.suggestion]), written).to.deep.equal([['config-date', 'online: 2024-06-01']]);
    }
    // The message in the beian.x: form of the others (issue 13, Chinese polish).
    expect(describeFinding(readConfig({ icp: ICP, online: '2024/6/1' }, 'zh').findings[0], 'zh'))
      .to.equal('beian.online: 要写成 年-月-日（写的是 "2024/6/1"），即 2024-06-01。 (config-date)\n    改为: online: 2024-06-01');
    expect(readConfig({ online: '2024/6/31' }, 'en').findings[0].suggestion).to.equal(undefined);
  });

  it('a date with a time in the other forms people write (no seconds, lower-case t and z, RFC 3339): the day written, as YAML\'s own', () => {
    for (const written of ['2024-06-01 10:00', '2024-06-01t10:00:00z', '2024-06-01T10:00+0800', '2024-06-01 10:00:00.5 +08:00', '2024-06-01 23:59']) {
      const { config, findings } = readConfig({ icp: ICP, online: written }, 'en');
      expect([config.online, findings], written).to.deep.equal(['2024-06-01', []]);
    }
    // A time or a day that does not exist is config-date, as in YAML's form.
    for (const [written, suggestion] of [['2024-06-01 25:00', 'online: 2024-06-01'], ['2024-06-01 10:60', 'online: 2024-06-01'], ['2024-02-30 10:00', undefined]]) {
      const { config, findings } = readConfig({ icp: ICP, online: written }, 'en');
      expect(config.online, written).to.equal(undefined);
      expect(findings.map(f => [f.code, f.suggestion]), written).to.deep.equal([['config-date', suggestion]]);
    }
  });

  it('a long form without its number is an error at .number with an example', () => {
    const { config, findings } = readConfig({ icp: { approved: '2024-05-20' } }, 'en');
    expect(config.icp).to.equal(undefined);
    expect(findings.map(f => [f.code, f.path, f.message])).to.deep.equal([
      ['empty', 'beian.icp.number', 'beian.icp.number is missing: write the filing number there, in the form ‹province›ICP备‹8 or 10 digits›号-‹site number›.']
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
    expect(finding.message).to.equal('beian.gongan.number is missing: write the filing number there, in the form ‹province›公网安备‹14 digits›号; while the filing is still pending, write applied: 2024-06-10 (the day you applied) instead.');
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
    // Quoted, an impossible day is said to be one, as unquoted (an outside review).
    expect(findings[0].message).to.equal('beian.icp.approved is "2024-02-30", which is not a real day; write the real day, year-month-day, for example 2024-05-20.');
    // Eight digits are read as year, month and day, for the suggestion only.
    expect(findings[1].message).to.equal('beian.online must be written year-month-day (it is 20240601): 2024-06-01.');
    expect(findings[1].suggestion).to.equal('online: 2024-06-01');
  });

  it('guard: off, warn or block (default warn); anything else is an error and keeps warn', () => {
    expect(readConfig({}, 'en').config.guard).to.equal('warn');
    expect(readConfig({ guard: 'block' }, 'en').config.guard).to.equal('block');
    expect(readConfig({ guard: false }, 'en').config.guard).to.equal('off');
    const { config, findings } = readConfig({ guard: 'stop' }, 'en');
    expect(config.guard).to.equal('warn');
    expect(findings.map(f => [f.code, f.severity, f.path, f.message])).to.deep.equal([[
      'config-choice', 'error', 'beian.guard',
      'beian.guard must be off (no audit), warn (audit before generate and deploy, and print) or block (stop generate and deploy on an error) (it is "stop"); treated as warn.'
    ]]);
  });

  it('never mutates the user\'s config or the defaults', () => {
    const raw = { icp: { number: ' 粤ＩＣＰ备14615340号-1 ', approved: '2024-05-20' }, gongan: 11010502030413 };
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
      expect(() => readConfig(raw, 'zh'), JSON.stringify(Object.keys(Object(raw) as object))).not.to.throw();
    }
  });

  it('the defaults: footer, every page, skip what the page shows, nothing extra, no domains', () => {
    const { config } = readConfig({ icp: ICP }, 'en');
    expect(config).to.deep.include({ position: 'footer', pages: 'all', duplicates: 'skip', extra: [] });
    expect(config.paths).to.deep.include({ block: 'beian', icp: 'beian.icp', gongan: 'beian.gongan', gonganIcon: 'beian.gongan.icon' });
    expect(config.domains).to.equal(undefined);
    expect(config.template).to.equal(undefined);
    expect(DEFAULTS).to.deep.include({ position: 'footer', pages: 'all', duplicates: 'skip' });
  });

  describe('position, pages, duplicates', () => {
    it('reads each choice', () => {
      const { config, findings } = readConfig({ position: 'body_end', pages: 'home', duplicates: 'keep', template: ' beian.njk ' }, 'en');
      expect(findings).to.deep.equal([]);
      expect(config).to.deep.include({ position: 'body_end', pages: 'home', duplicates: 'keep', template: 'beian.njk' });
      expect(readConfig({ position: 'none' }, 'en').config.position).to.equal('none');
    });

    it('a choice written another way is read, with a warning and the word to write', () => {
      const { config, findings } = readConfig({ position: 'Body-End' }, 'zh');
      expect(config.position).to.equal('body_end');
      expect(findings.map(f => [f.code, f.severity, f.path, f.suggestion, f.message])).to.deep.equal([
        ['config-choice', 'warning', 'beian.position', 'position: body_end', 'beian.position 写的是 "Body-End"，已按 body_end 处理；请写 position: body_end。']
      ]);
    });

    // A newcomer's trial: each was an error with no word to write, or, misspelt, the suggestion kept 页脚.
    it('the Chinese word for a choice or a switch is read as meant, with a warning and the line to write; so is a misspelt key\'s value', () => {
      const { config, findings } = readConfig({ position: '页脚', pages: '首页', duplicates: '保留', guard: '阻止', enable: '是' }, 'zh');
      expect(config).to.deep.include({ position: 'footer', pages: 'home', duplicates: 'keep', guard: 'block', enable: true });
      expect(findings.map(f => [f.code, f.severity, f.path, f.suggestion])).to.deep.equal([
        ['config-boolean', 'warning', 'beian.enable', 'enable: true'],
        ['config-choice', 'warning', 'beian.position', 'position: footer'],
        ['config-choice', 'warning', 'beian.pages', 'pages: home'],
        ['config-choice', 'warning', 'beian.duplicates', 'duplicates: keep'],
        ['config-choice', 'warning', 'beian.guard', 'guard: block']
      ]);
      expect(findings[1].message).to.equal('beian.position 写的是 "页脚"，已按 footer 处理；请写 position: footer。');
      expect(readConfig({ enable: '关闭', pages: '全部' }, 'en').config).to.deep.include({ enable: false, pages: 'all' });
      const misspelt = readConfig({ Position: '页脚', Pages: 'Home', enabled: '否', guard: 'warn' }, 'zh');
      expect(misspelt.findings.map(f => [f.path, f.suggestion])).to.deep.equal([
        ['beian.Position', 'position: footer'],
        ['beian.Pages', 'pages: home'],
        ['beian.enabled', 'enable: false']
      ]);
      // The key meant is written already: delete, not paste a second one (a newcomer's trial).
      const twice = readConfig({ position: 'footer', Position: '页尾' }, 'en').findings;
      expect(twice.map(f => [f.path, f.suggestion, f.message])).to.deep.equal([['beian.Position', undefined, 'Unknown key beian.Position is ignored; beian.position is written already: delete this line, or merge its value into position.']]);
      // Traditional characters and full-width letters too (an outside review: 關閉 was treated as true).
      expect(readConfig({ position: '頁腳', pages: '首頁', enable: '關閉', duplicates: 'ｋｅｅｐ' }, 'zh').config).to.deep.include({ position: 'footer', pages: 'home', enable: false, duplicates: 'keep' });
      expect(readConfig({ enable: 'ＴＲＵＥ' }, 'en').config.enable).to.equal(true);
      // Words of no key are still errors; `constructor` is no word.
      expect(readConfig({ position: 'constructor', enable: '__proto__' }, 'en').findings.map(f => [f.code, f.severity])).to.deep.equal([['config-boolean', 'error'], ['config-choice', 'error']]);
    });

    it('anything else is an error naming the choices and what each means; the default applies', () => {
      const { config, findings } = readConfig({ position: 'header', pages: false, duplicates: 2 }, 'en');
      expect(config).to.deep.include({ position: 'footer', pages: 'all', duplicates: 'skip' });
      expect(findings.map(f => [f.code, f.severity, f.path, f.message])).to.deep.equal([
        ['config-choice', 'error', 'beian.position', 'beian.position must be footer (inside the site footer, else before </body>), body_end (just before </body>) or none (only where the theme calls beian()) (it is "header"); treated as footer.'],
        ['config-choice', 'error', 'beian.pages', 'beian.pages must be all (every page) or home (the home page only) (it is false); treated as all.'],
        ['config-choice', 'error', 'beian.duplicates', 'beian.duplicates must be skip (leave out a number the page already shows, correctly linked) or keep (show it anyway) (it is 2); treated as skip.']
      ]);
    });

    it('a template that is not a path is an error; the built-in one is used', () => {
      const { config, findings } = readConfig({ template: ['a.njk'] }, 'en');
      expect(config.template).to.equal(undefined);
      expect(findings.map(f => [f.code, f.path])).to.deep.equal([['config-template', 'beian.template']]);
      expect(findings[0].message).to.contain('for example beian.njk');
    });
  });

  describe('extra', () => {
    it('reads records in order: {text, link}, or just the text; links normalised by the URL standard', () => {
      const { config, findings } = readConfig({ extra: [
        { text: ' 京ICP证030713号 ', link: 'https://dxzhgl.miit.gov.cn' },
        '京网文〔2023〕1234-567号',
        { text: 20080101 }
      ] }, 'en');
      expect(findings).to.deep.equal([]);
      expect(config.extra).to.deep.equal([
        { text: '京ICP证030713号', link: 'https://dxzhgl.miit.gov.cn/', path: 'beian.extra[0]' },
        { text: '京网文〔2023〕1234-567号', path: 'beian.extra[1]' },
        { text: '20080101', path: 'beian.extra[2]' }
      ]);
    });

    it('refuses any link that is not a full http(s) address; the record stays, as text', () => {
      for (const link of ['javascript:alert(1)', 'data:text/html,x', '/licence.html', '//cdn.example.cn/x', 'ftp://x.cn/', 'https://a.cn/\nb', 42]) {
        const { config, findings } = readConfig({ extra: [{ text: 'Licence', link }] }, 'en');
        expect(config.extra, String(link)).to.deep.equal([{ text: 'Licence', path: 'beian.extra[0]' }]);
        expect(findings.map(f => [f.code, f.severity, f.path]), String(link)).to.deep.equal([['config-link', 'error', 'beian.extra[0].link']]);
      }
      const [finding] = readConfig({ extra: [{ text: 'Licence', link: 'javascript:alert(1)' }] }, 'zh').findings;
      expect(finding.message).to.equal('beian.extra[0].link 应是完整的 http(s) 地址，例如 https://dxzhgl.miit.gov.cn/（写的是 "javascript:alert(1)"）；此记录显示为不带链接的文字。');
    });

    it('a record without text is an error and is left out; unknown keys are named', () => {
      const { config, findings } = readConfig({ extra: [{ link: 'https://a.cn/' }, { text: 'ok', url: 'https://a.cn/' }, [1], ''] }, 'en');
      expect(config.extra).to.deep.equal([{ text: 'ok', path: 'beian.extra[1]' }]);
      expect(findings.map(f => [f.code, f.path])).to.deep.equal([
        ['empty', 'beian.extra[0].text'],
        ['config-unknown-key', 'beian.extra[1].url'],
        ['not-text', 'beian.extra[2]'],
        ['empty', 'beian.extra[3]']
      ]);
    });

    it('one record without the list is read as a list of one, with a warning; anything else is an error', () => {
      const single = readConfig({ extra: { text: '京ICP证030713号' } }, 'en');
      expect(single.config.extra).to.deep.equal([{ text: '京ICP证030713号', path: 'beian.extra[0]' }]);
      expect(single.findings.map(f => [f.code, f.severity, f.path])).to.deep.equal([['config-shape', 'warning', 'beian.extra']]);
      const wrong = readConfig({ extra: true }, 'en');
      expect(wrong.config.extra).to.deep.equal([]);
      expect(wrong.findings.map(f => [f.code, f.severity, f.path])).to.deep.equal([['config-shape', 'error', 'beian.extra']]);
    });
  });

  describe('domains', () => {
    const domains = {
      'blog.example.cn': { icp: '京ICP备20180491号-1', gongan: 11010502030413 },
      'Example.ORG.cn': { icp: { number: '京ICP备20180491号-2', approved: '2024-05-20' } }
    };

    it('the entry for the host of the site\'s url gives the numbers, and says which it is', () => {
      const { config, findings } = readConfig({ domains }, 'en', { url: 'https://blog.example.cn/blog/' });
      expect(findings).to.deep.equal([]);
      expect(config.icp?.result.canonical).to.equal('京ICP备20180491号-1');
      expect(config.gongan?.result.canonical).to.equal(GONGAN);
      expect(config.paths.block).to.equal('beian.domains["blog.example.cn"]');
      expect(config.domains).to.deep.equal({ host: 'blog.example.cn', entry: 'blog.example.cn', hosts: ['blog.example.cn', 'example.org.cn'] });
    });

    it('hosts compare as browsers compare them: case, a trailing dot, a port do not matter', () => {
      const { config } = readConfig({ domains }, 'en', { url: 'http://EXAMPLE.org.cn.:4000' });
      expect(config.domains?.entry).to.equal('Example.ORG.cn');
      expect(config.icp?.result.canonical).to.equal('京ICP备20180491号-2');
      expect(config.icp?.approved).to.equal('2024-05-20');
      expect(config.gongan).to.equal(undefined);
      const idn = readConfig({ domains: { '例子.中国': { icp: ICP } } }, 'en', { url: 'https://xn--fsqu00a.xn--fiqs8s/' });
      expect(idn.config.domains?.entry).to.equal('例子.中国');
    });

    it('a host not listed (the overseas mirror) gets no numbers and no error', () => {
      for (const url of ['https://blog.example.com/', 'https://www.blog.example.cn/', 'not a url', undefined]) {
        const { config, findings } = readConfig({ domains }, 'en', { url });
        expect(findings, String(url)).to.deep.equal([]);
        expect(config.icp, String(url)).to.equal(undefined);
        expect(config.domains?.entry, String(url)).to.equal(undefined);
        expect(config.paths.block).to.equal('beian');
      }
    });

    it('every entry is checked, at its own path, whichever host this build is for', () => {
      const { findings } = readConfig({ domains: {
        'blog.example.cn': { icp: ICP },
        'example.org.cn': { icp: '京ICP备12345678号-2', gongan: { number: '渝公网安备 33010002050803号' }, gonan: 1 }
      } }, 'en', { url: 'https://blog.example.cn/' });
      expect(findings.map(f => [f.code, f.path])).to.deep.equal([
        ['config-unknown-key', 'beian.domains["example.org.cn"].gonan'],
        ['placeholder', 'beian.domains["example.org.cn"].icp'],
        ['province-mismatch', 'beian.domains["example.org.cn"].gongan.number']
      ]);
    });

    it('top-level numbers beside domains are not used: a warning says where they belong', () => {
      const { config, findings } = readConfig({ icp: ICP, gongan: GONGAN, domains: { 'blog.example.cn': null } }, 'en', { url: 'https://blog.example.cn' });
      expect(config.icp).to.equal(undefined);
      expect(config.domains?.entry).to.equal('blog.example.cn');
      expect(findings.map(f => [f.code, f.severity, f.path])).to.deep.equal([
        ['config-unused', 'warning', 'beian.icp'],
        ['config-unused', 'warning', 'beian.gongan']
      ]);
      expect(findings[0].message).to.equal('beian.icp is not used: with beian.domains set, each host shows the numbers under its own entry. Move it under the host it belongs to, for example:\ndomains:\n  blog.example.cn:\n    icp: 京ICP备20180491号-1');
    });

    it('a key that is not a bare host is an error, with the host to write when there is one', () => {
      const { findings } = readConfig({ domains: { 'https://blog.example.cn/': { icp: ICP }, 'a b': {} } }, 'en', { url: 'https://blog.example.cn' });
      expect(findings.map(f => [f.code, f.path, f.suggestion])).to.deep.equal([
        ['config-domain', 'beian.domains["https://blog.example.cn/"]', 'blog.example.cn'],
        ['config-domain', 'beian.domains["a b"]', undefined]
      ]);
    });

    // An outside review: `constructor` was read as a host, and its numbers were never shown nor reported.
    it('a key that is no domain name (constructor, __proto__, localhost, an IP address, a bare word) is an error; internationalised and xn-- names pass', () => {
      const keys = ['constructor', '__proto__', 'localhost', '127.0.0.1', '[::1]', 'toString', 'blog', 'a..cn'];
      const domains = Object.fromEntries(keys.map(key => [key, { icp: ICP }]));
      const { config, findings } = readConfig({ domains }, 'en', { url: 'https://blog.example.cn' });
      expect(findings.map(f => [f.code, f.severity, f.path])).to.deep.equal(keys.map(key => ['config-domain', 'error', `beian.domains[${JSON.stringify(key)}]`]));
      expect(findings[0].message).to.equal('beian.domains["constructor"]: the key must be the site\'s domain name alone, for example blog.example.cn (no https://, port or path; not an IP address or a name without a dot); this entry is ignored.');
      expect(config.domains?.hosts).to.deep.equal([]);
      const named = readConfig({ domains: { '博客.中国': { icp: ICP }, 'xn--5nqv22n.xn--fiqs8s': null, 'my-blog.example.cn.': null } }, 'en', { url: 'https://blog.example.cn' });
      expect(named.findings.filter(f => f.code === 'config-domain')).to.deep.equal([]);
      expect(named.config.domains?.hosts).to.deep.equal(['xn--9krq6q.xn--fiqs8s', 'xn--5nqv22n.xn--fiqs8s', 'my-blog.example.cn']);
    });

    it('the same host twice, an entry that is not a block, domains that is not a mapping', () => {
      const twice = readConfig({ domains: { 'blog.example.cn': { icp: ICP }, 'BLOG.example.cn': {} } }, 'en', { url: 'https://blog.example.cn' });
      expect(twice.config.domains?.entry).to.equal('blog.example.cn');
      expect(twice.findings.map(f => [f.code, f.path])).to.deep.equal([['config-domain', 'beian.domains["BLOG.example.cn"]']]);
      const number = readConfig({ domains: { 'blog.example.cn': '京ICP备 20180491号-1' } }, 'en', { url: 'https://blog.example.cn' });
      expect(number.findings.map(f => [f.code, f.path, f.suggestion])).to.deep.equal([['config-shape', 'beian.domains["blog.example.cn"]', 'icp: 京ICP备20180491号-1']]);
      const list = readConfig({ domains: ['blog.example.cn'] }, 'zh', { url: 'https://blog.example.cn' });
      expect(list.config.domains).to.deep.equal({ host: 'blog.example.cn', hosts: [] });
      expect(list.findings.map(f => [f.code, f.path])).to.deep.equal([['config-shape', 'beian.domains']]);
      expect(list.findings[0].message).to.match(/^beian\.domains 应为“域名: 该域名的备案号”的一组键/);
    });

    it('hostOf(): the host of an http(s) URL, or undefined', () => {
      expect(hostOf('https://Blog.Example.cn:8443/a?b#c')).to.equal('blog.example.cn');
      expect(hostOf('http://example.com')).to.equal('example.com');
      expect(hostOf('ftp://example.com/')).to.equal(undefined);
      expect(hostOf('example.com')).to.equal(undefined);
      expect(hostOf(42)).to.equal(undefined);
    });
  });

  describe('known example numbers (example-number)', () => {
    // The README's numbers, copied as a new user copies them.
    const README = { icp: '京ICP备20000491号-1', gongan: '京公网安备11010502030143号' };
    const real = { url: 'https://blog.example.cn' };
    const reserved = { url: 'http://example.com' };
    const codes = (findings: { code: string; severity: string; path?: string }[]) => findings.map(f => [f.code, f.severity, f.path ?? '']);

    it('beian.icp and beian.gongan on a real host: errors, both withheld, and neither reported as missing', () => {
      const reading = readConfig(README, 'en', real);
      expect(codes(reading.findings)).to.deep.equal([['example-number', 'error', 'beian.icp'], ['example-number', 'error', 'beian.gongan']]);
      expect(reading.config.icp?.result.ok).to.equal(false);
      expect(reading.config.gongan?.result.ok).to.equal(false);
      expect(reading.config.host).to.equal('blog.example.cn');
      expect(codes(auditConfig({ config: reading.config, findings: reading.findings, language: 'en' }, '2024-07-01'))).to.deep.equal(codes(reading.findings));
      // The long form, and Baidu's numbers as tutorials quote them.
      expect(codes(readConfig({ icp: { number: '京ICP证030173号', approved: '2024-05-20' }, gongan: 11000002000001 }, 'zh', real).findings))
        .to.deep.equal([['example-number', 'error', 'beian.icp.number'], ['example-number', 'error', 'beian.gongan']]);
      // No url known: not a reserved host either.
      expect(codes(readConfig(README, 'en').findings)).to.deep.equal([['example-number', 'error', 'beian.icp'], ['example-number', 'error', 'beian.gongan']]);
    });

    it('on a host reserved for examples: information, and the numbers are shown', () => {
      const { config, findings } = readConfig(README, 'en', reserved);
      expect(codes(findings)).to.deep.equal([['example-number', 'info', 'beian.icp'], ['example-number', 'info', 'beian.gongan']]);
      expect(config.icp?.result.canonical).to.equal(README.icp);
      expect(config.gongan?.result.canonical).to.equal(README.gongan);
    });

    it('extra: a record holding one is withheld on a real host, shown on a reserved one; other records stay', () => {
      const raw = { icp: ICP, extra: [{ text: '京ICP证030173号', link: 'https://dxzhgl.miit.gov.cn/' }, '京网文〔2023〕1234-567号'] };
      const onReal = readConfig(raw, 'en', real);
      expect(codes(onReal.findings)).to.deep.equal([['example-number', 'error', 'beian.extra[0].text']]);
      expect(onReal.config.extra.map(r => r.text)).to.deep.equal(['京网文〔2023〕1234-567号']);
      const onReserved = readConfig(raw, 'en', reserved);
      expect(codes(onReserved.findings)).to.deep.equal([['example-number', 'info', 'beian.extra[0].text']]);
      expect(onReserved.config.extra.map(r => r.text)).to.deep.equal(['京ICP证030173号', '京网文〔2023〕1234-567号']);
    });

    it('domains: each entry\'s own host decides, whichever host the build is for', () => {
      const raw = { domains: { 'blog.example.cn': { icp: README.icp }, 'mirror.example.com': { icp: '京ICP备20000491号-2', gongan: README.gongan } } };
      for (const url of ['https://blog.example.cn', 'https://mirror.example.com']) {
        const { findings } = readConfig(raw, 'en', { url });
        expect(codes(findings.filter(f => f.code === 'example-number')), url).to.deep.equal([
          ['example-number', 'error', 'beian.domains["blog.example.cn"].icp'],
          ['example-number', 'info', 'beian.domains["mirror.example.com"].icp'],
          ['example-number', 'info', 'beian.domains["mirror.example.com"].gongan']
        ]);
      }
      expect(readConfig(raw, 'en', { url: 'https://mirror.example.com' }).config.icp?.result.canonical).to.equal('京ICP备20000491号-2');
    });

    it('messages show the shape to write, or the user\'s own number, never a known example', () => {
      const shapes = [
        readConfig({ icp: { approved: '2024-05-20' } }, 'en', real).findings[0].message,
        readConfig('yes', 'zh', real).findings[0].message,
        readConfig({ domains: 'x' }, 'en', real).findings[0].message
      ];
      expect(shapes[0]).to.equal('beian.icp.number is missing: write the filing number there, in the form ‹province›ICP备‹8 or 10 digits›号-‹site number›.');
      expect(shapes[1]).to.equal('beian 应是一组键（icp、gongan 等），而不是单个值，例如：\nbeian:\n  icp: ‹省份简称›ICP备‹8 或 10 位数字›号-‹网站序号›\n  gongan: ‹省份简称›公网安备‹14 位数字›号');
      expect(shapes[2]).to.contain('icp: ‹province›ICP备‹8 or 10 digits›号-‹site number›\n    gongan: ‹province›公网安备‹14 digits›号');
      // Beside domains: the user's own number, under the site's own host.
      const unused = readConfig({ icp: ICP, domains: { 'blog.example.cn': { icp: ICP } } }, 'en', real).findings.find(f => f.code === 'config-unused');
      expect(unused?.message).to.match(/for example:\ndomains:\n  blog\.example\.cn:\n    icp: 京ICP备20180491号-1$/);
      // The long form a key written one level too high belongs in: with the block's own number.
      const high = readConfig({ icp: ICP, approved: '2024-05-20' }, 'en', real).findings.find(f => f.path === 'beian.approved');
      expect(high?.suggestion).to.contain(`icp:\n  number: ${ICP}\n  approved: 2024-05-20`);
      const noNumber = readConfig({ approved: '2024-05-20' }, 'en', real).findings.find(f => f.path === 'beian.approved');
      expect(noNumber?.suggestion).to.contain('icp:\n  number: ‹province›ICP备‹8 or 10 digits›号-‹site number›\n  approved: 2024-05-20');
      const extra = readConfig({ icp: ICP, extra: 7 }, 'en', real).findings[0];
      expect(extra.message).to.contain('extra:\n  - text: ‹province›ICP证‹6 digits›号\n    link: https://dxzhgl.miit.gov.cn/');
    });
  });

  it('isCalendarDate() takes real days only', () => {
    expect(isCalendarDate('2024-02-29')).to.equal(true);
    expect(isCalendarDate('2023-02-29')).to.equal(false);
    expect(isCalendarDate('2024-5-20')).to.equal(false);
  });
});

import { expect } from 'chai';
import { correct, fixBeian, type Planner } from '../../lib/fix/beian';

const ICP = '京ICP备20180491号-1';

/** The hook the theme handover is to use: its own planners, on any file, under the same net. */
describe('fix: corrections of any file (lib/fix/beian.ts correct)', () => {
  const FLUID = `footer:\n  beian:\n    enable: true   # 备案信息\n    icp_text: ${ICP}\n`;
  const once = (change: ReturnType<Planner>): Planner => (_doc, _text, skip) => (change && !skip.has(change.id) ? change : undefined);
  /** A planner that offers its correction whatever the text: made once, not forever. */
  const always = (change: NonNullable<ReturnType<Planner>>): Planner => () => change;

  it('makes a theme file\'s corrections, and refuses one that drops a number it was not told moves out', () => {
    const off = once({ id: 'off', edits: [{ op: 'set', path: ['footer', 'beian', 'enable'], value: false }], what: { zh: '关', en: 'off' } });
    expect(correct(FLUID, '_config.fluid.yml', 'en', [off]).after).to.equal(FLUID.replace('enable: true', 'enable: false'));
    const drop = { id: 'drop', edits: [{ op: 'delete' as const, path: ['footer', 'beian', 'icp_text'] }], what: { zh: '删', en: 'drop' } };
    const dropped = correct(FLUID, '_config.fluid.yml', 'en', [once(drop)]);
    expect(dropped.after).to.equal(FLUID);
    expect(dropped.refused.map(f => f.code)).to.deep.equal(['fix-refused']);
    expect(correct(FLUID, '_config.fluid.yml', 'en', [once(drop)], { removed: [`icp:${ICP}`] }).after).to.equal(FLUID.replace(`    icp_text: ${ICP}\n`, ''));
  });

  it('runs the handover\'s planners on _config.yml before the block\'s own', () => {
    const add = always({ id: 'add', edits: [{ op: 'set', path: ['beian', 'icp'], value: '京ICP備20180491號-1' }], what: { zh: '加', en: 'added' } });
    const result = fixBeian('title: x\n', '_config.yml', 'en', { planners: [add], moves: { added: [`icp:${ICP}`] } });
    expect(result.after).to.equal(`title: x\nbeian:\n  icp: ${ICP}\n`);
    expect(result.changes).to.deep.equal(['added', `beian.icp written canonically: ${ICP}`]);
  });
});

describe('fix: days written another way (config-date with a suggestion)', () => {
  it('writes a real day year-month-day, unquoted when it was, quoted when it was, and nothing else', () => {
    const text = `# 站点\r\nbeian:\r\n  icp:\r\n    number: ${ICP}\r\n    approved: '2024年5月20日' # 审核通过\r\n  online: 2024/6/1\r\n  gongan:\r\n    applied: 2024.6.3\r\n`;
    const result = fixBeian(text, '_config.yml', 'en');
    expect(result.after).to.equal(text.replace("'2024年5月20日'", "'2024-05-20'").replace('2024/6/1', '2024-06-01').replace('2024.6.3', '2024-06-03'));
    expect(result.changes).to.deep.equal([
      'beian.online written year-month-day: 2024-06-01',
      'beian.icp.approved written year-month-day: 2024-05-20',
      'beian.gongan.applied written year-month-day: 2024-06-03'
    ]);
    expect(result.left.filter(f => f.code === 'config-date')).to.deep.equal([]);
    expect(fixBeian(result.after, '_config.yml', 'en').after).to.equal(result.after);
  });

  it('writes eight digits (a number to YAML) as the day, keeping the comment; leaves a time of day that does not exist (25:00 may mean the next day) to the user', () => {
    const text = `beian:\n  icp: ${ICP}\n  online: 20240601 # 上线\n  gongan:\n    applied: 2024-06-03T25:00:00\n`;
    const result = fixBeian(text, '_config.yml', 'en');
    expect(result.after).to.equal(text.replace('20240601', '2024-06-01'));
    expect(result.left.filter(f => f.code === 'config-date').map(f => [f.path, f.suggestion])).to.deep.equal([['beian.gongan.applied', 'applied: 2024-06-03']]);
    // A day with a time in the other forms (no seconds, lower case): taken as the day written, left as written (a newcomer's trial);
    // one whose time does not exist, to the user as above.
    for (const written of ['2024-06-01 10:00', '"2024-06-01 10:00"', '2024-06-01t10:00z', '2024-06-01 25:00']) {
      const dated = `beian:\n  icp: ${ICP}\n  online: ${written}\n`;
      expect(fixBeian(dated, '_config.yml', 'en').after, written).to.equal(dated);
    }
  });

  it('leaves a day that does not exist, or is not year first, to the user', () => {
    for (const day of ['2024/2/30', '6/1/2024', '2024-13-01']) {
      const text = `beian:\n  icp: ${ICP}\n  online: ${day}\n`;
      const result = fixBeian(text, '_config.yml', 'en');
      expect(result.after, day).to.equal(text);
      expect(result.left.map(f => f.code), day).to.include('config-date');
    }
  });
});

describe('fix: a key one level too high moves with its comment', () => {
  it('approved:, icon: and applied: directly under beian: go into their long form, the comment on their line with them (it was dropped)', () => {
    const cases: [string, string][] = [
      [`beian:\r\n  icp: ${ICP}\r\n  applied: 2024-06-10 # 已提交\r\n  online: 2024-06-01\r\n`, `beian:\r\n  icp: ${ICP}\r\n  online: 2024-06-01\r\n  gongan:\r\n    applied: 2024-06-10 # 已提交\r\n`],
      [`beian:\n  icp:\n    number: ${ICP}\n  approved: 2024-06-10   # 通过\n`, `beian:\n  icp:\n    number: ${ICP}\n    approved: 2024-06-10   # 通过\n`],
      [`beian:\n  gongan:\n    number: 京公网安备11010502030413号\n  icon: /images/g.png # 图标\n`, `beian:\n  gongan:\n    number: 京公网安备11010502030413号\n    icon: /images/g.png # 图标\n`]
    ];
    for (const [text, after] of cases) expect(fixBeian(text, '_config.yml', 'en').after, text).to.equal(after);
  });

  // An outside review: in a file of mixed line endings, moved lines took the file's majority ending.
  it('in a file of mixed line endings, the lines it writes take the ending of the lines around them', () => {
    const text = `title: x\nauthor: y\nurl: https://a.cn\na: 1\nb: 2\nc: 3\nbeian:\r\n  icp: ${ICP}\r\n  applied: 2024-06-10 # 已提交\r\n  online: 2024-06-01\r\n`;
    expect(fixBeian(text, '_config.yml', 'en').after).to.equal(`title: x\nauthor: y\nurl: https://a.cn\na: 1\nb: 2\nc: 3\nbeian:\r\n  icp: ${ICP}\r\n  online: 2024-06-01\r\n  gongan:\r\n    applied: 2024-06-10 # 已提交\r\n`);
    const flipped = `title: x\r\nauthor: y\r\nurl: https://a.cn\r\na: 1\r\nb: 2\r\nc: 3\r\nbeian:\n  icp: ${ICP}\n  applied: 2024-06-10 # 已提交\n  online: 2024-06-01\n`;
    expect(fixBeian(flipped, '_config.yml', 'en').after).to.equal(`title: x\r\nauthor: y\r\nurl: https://a.cn\r\na: 1\r\nb: 2\r\nc: 3\r\nbeian:\n  icp: ${ICP}\n  online: 2024-06-01\n  gongan:\n    applied: 2024-06-10 # 已提交\n`);
  });

  // An outside review: the comment of a number moved from the top level under beian: was dropped.
  it('icp:/gongan: at the top level go under beian: with the comment on their line, written canonically or as written', () => {
    const text = `title: x\ngongan: 11010502030413 # my gongan\nicp: "京ICP备 20180491号-1"   # 备案\n`;
    expect(fixBeian(text, '_config.yml', 'en').after).to.equal(`title: x\nbeian:\n  icp: ${ICP}   # 备案\n  gongan: 11010502030413 # my gongan\n`);
  });
});

describe('fix: the Chinese word for a choice or a switch (config-choice, config-boolean warnings)', () => {
  it('writes the word it was read as, keeping comments and everything else', () => {
    const text = `beian:\n  icp: ${ICP} # 备案\n  position: 页脚 # 放在页脚\n  pages: 首页\n  enable: 是\n`;
    const result = fixBeian(text, '_config.yml', 'en');
    expect(result.after).to.equal(text.replace('页脚 #', 'footer #').replace('首页', 'home').replace('enable: 是', 'enable: true'));
    expect(result.left.filter(f => f.code === 'config-choice' || f.code === 'config-boolean')).to.deep.equal([]);
  });
});

describe('fix: long forms (a new user\'s trial)', () => {
  const GONGAN = '京公网安备11010502030413号';

  it('the two numbers swapped with the 公安 one in its long form: the numbers change places, the icon stays with gongan', () => {
    const text = `beian:\n  icp: ${GONGAN} # 工信部\n  gongan:\n    number: ${ICP}\n    icon: /img/police_beian.png\n`;
    const result = fixBeian(text, '_config.yml', 'en');
    expect(result.after).to.equal(`beian:\n  icp: ${ICP} # 工信部\n  gongan:\n    number: ${GONGAN}\n    icon: /img/police_beian.png\n`);
    expect(result.left).to.deep.equal([]);
  });

  it('a misspelt key inside a long form holding its own number: renamed number, written canonically', () => {
    const text = `beian:\n  icp: ${ICP}\n  gongan:\n    numbr: 京公网安备 11010502030413 # 公安\n    icon: /img/gongan.png\n`;
    const result = fixBeian(text, '_config.yml', 'en');
    expect(result.after).to.equal(`beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN} # 公安\n    icon: /img/gongan.png\n`);
    expect(result.left.filter(f => f.severity === 'error')).to.deep.equal([]);
  });

  it('approved: with a day written another way, directly under beian: — moved into the long form, written year-month-day', () => {
    const result = fixBeian(`beian:\n  icp: ${ICP}\n  approved: 2024.5.20\n`, '_config.yml', 'en');
    expect(result.after).to.equal(`beian:\n  icp:\n    number: ${ICP}\n    approved: 2024-05-20\n`);
  });
});

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

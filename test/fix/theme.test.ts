import { expect } from 'chai';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../paths';
import { readThemeBeian, type ThemeLayer } from '../../lib/audit/theme';
import { correct } from '../../lib/fix/beian';
import { applyEdits, type Edit } from '../../lib/fix/yaml';
import { THEMES } from '../../lib/themes';
import { planHandover, withoutNumbers, type HandoverSite } from '../../lib/fix/theme';

// js-yaml 4, Hexo's YAML loader (a dependency of hexo), has no types installed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { load } = require('js-yaml') as { load(text: string): unknown };

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';
const A = `<a href="https://beian.miit.gov.cn/" target="_blank">${ICP}</a>`;

describe('fix: the theme handover (lib/fix/theme.ts)', () => {
  describe('withoutNumbers: the filing markup out of a theme\'s free text, the rest kept', () => {
    it('takes the number with its link, and one separator beside it', () => {
      expect(withoutNumbers(`${A} | 欢迎来访`, [ICP])).to.equal('欢迎来访');
      expect(withoutNumbers(`欢迎来访 | ${A}`, [ICP])).to.equal('欢迎来访');
      expect(withoutNumbers(`© 2024 | ${A} | <a href="/about/">关于</a>`, [ICP])).to.equal('© 2024 | <a href="/about/">关于</a>');
      expect(withoutNumbers(`本站备案：${ICP}`, [ICP])).to.equal('本站备案：');
      expect(withoutNumbers(A, [ICP])).to.equal('');
    });

    it('a link with an icon goes whole; two numbers, each', () => {
      const gongan = `<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413"><img src="/img/gongan.png" alt="">${GONGAN}</a>`;
      expect(withoutNumbers(`${A}&nbsp;|&nbsp;${gongan}<br>Powered by Hexo`, [ICP, GONGAN])).to.equal('Powered by Hexo');
      expect(withoutNumbers(`Powered by Hexo<br/>\n${A}`, [ICP])).to.equal('Powered by Hexo');
    });

    it('refuses what it cannot split safely: a link holding other text, a number written twice, one not written literally', () => {
      expect(withoutNumbers(`<a href="https://beian.miit.gov.cn/">备案 ${ICP}</a>`, [ICP])).to.equal(undefined);
      expect(withoutNumbers(`${ICP} ${ICP}`, [ICP])).to.equal(undefined);
      expect(withoutNumbers('京ICP备&#50;0180491号-1', [ICP])).to.equal(undefined);
      // A 公安 icon right before its link goes with it, as the audit carries it over (a newcomer's trial: an orphan emblem and a | were left).
      const cdn = '本站由 <a href="https://x.cn">某云</a> 提供 CDN | ';
      expect(withoutNumbers(`${cdn}<img src="/img/gongan.png" width="16"><a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413">${GONGAN}</a> | <a href="https://beian.miit.gov.cn/">${ICP}</a>`, [GONGAN, ICP]))
        .to.equal('本站由 <a href="https://x.cn">某云</a> 提供 CDN');
      expect(withoutNumbers(`<img src=/a.png> ${GONGAN} | x`, [GONGAN])).to.equal('x');
      expect(withoutNumbers(`<img src=/a.png> ${ICP} | x`, [ICP])).to.equal('<img src=/a.png> x');
    });
  });

  describe('planHandover, made by correct() on the files', () => {
    const site = (beian?: unknown, host = 'blog.example.cn'): HandoverSite => ({ configFile: '_config.yml', beian, host, iconExists: src => src === '/img/police_beian.png', editable: file => !file.includes('node_modules') });
    const NEXT = `# 主题\r\nfooter:\r\n  beian:\r\n    enable: true   # 备案\r\n    icp: ${ICP}\r\n    gongan_id: 11010502030414\r\n    gongan_num: ${GONGAN}\r\n`;
    const layers = (file: string, text: string): ThemeLayer[] => [{ file, prefix: '', data: load(text) }];
    const make = (file: string, text: string, plan: ReturnType<typeof planHandover>) => {
      const own = plan.files.get(file);
      return own ? correct(text, file, 'en', own.planners, own.moves) : undefined;
    };

    it('NexT: the numbers into beian:, its switch off in its file (CRLF and comment kept), the disagreeing gongan_id dropped', () => {
      const plan = planHandover(readThemeBeian('next', layers('_config.next.yml', NEXT)), site(), 'en');
      expect(plan.left).to.deep.equal([]);
      expect(make('_config.yml', 'title: x\n', plan)?.after).to.equal(`title: x\nbeian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`);
      const theme = make('_config.next.yml', NEXT, plan);
      expect(theme?.refused).to.deep.equal([]);
      expect(theme?.after).to.equal(NEXT.replace('enable: true', 'enable: false').replace('    gongan_id: 11010502030414\r\n', ''));
    });

    it('the config\'s own numbers stay; a long form gets the number inside it; Fluid\'s icon kept when the site serves it', () => {
      const fluid = `footer:\n  beian:\n    enable: true\n    icp_text: ${ICP}\n    police_text: ${GONGAN}\n    police_code: 11010502030413\n    police_icon: /img/police_beian.png\n`;
      const plan = planHandover(readThemeBeian('fluid', layers('_config.fluid.yml', fluid)), site({ icp: { approved: '2024-05-20' } }), 'en');
      expect(make('_config.yml', 'beian:\n  icp:\n    approved: 2024-05-20\n', plan)?.after)
        .to.equal(`beian:\n  icp:\n    approved: 2024-05-20\n    number: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /img/police_beian.png\n`);
      const same = planHandover(readThemeBeian('fluid', layers('_config.fluid.yml', fluid)), site({ icp: ICP, gongan: GONGAN }), 'en');
      expect(same.files.has('_config.yml')).to.equal(false);
      expect(make('_config.fluid.yml', fluid, same)?.after).to.equal(fluid.replace('enable: true', 'enable: false'));
    });

    // A newcomer's trial: the icon of Butterfly's custom_text was lost by the handover.
    it('Butterfly custom_text: an <img> in the 公安 link or right before it is the icon, kept as gongan.icon when the site serves it', () => {
      for (const custom of [
        `<a href="https://beian.miit.gov.cn/">${ICP}</a> | <a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413"><img src="/img/police_beian.png" style="width:16px">${GONGAN}</a>`,
        `<a href="https://beian.miit.gov.cn/">${ICP}</a> <img src="/img/police_beian.png"> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413">${GONGAN}</a>`
      ]) {
        const butterfly = `footer:\n  custom_text: '${custom}'\n`;
        const plan = planHandover(readThemeBeian('butterfly', layers('_config.butterfly.yml', butterfly)), site(), 'en');
        expect(plan.left, custom).to.deep.equal([]);
        expect(make('_config.yml', 'title: x\n', plan)?.after, custom).to.equal(`title: x\nbeian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /img/police_beian.png\n`);
      }
      // An icon the site does not serve is not carried over.
      const missing = `footer:\n  custom_text: '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413"><img src="/img/none.png">${GONGAN}</a>'\n`;
      const plan = planHandover(readThemeBeian('butterfly', layers('_config.butterfly.yml', missing)), site({ icp: ICP }), 'en');
      expect(make('_config.yml', `beian:\n  icp: ${ICP}\n`, plan)?.after).to.equal(`beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`);
    });

    it('never guesses: another number in the config, an example number on a real host, a theme file from npm — nothing handed over, each listed', () => {
      const other = planHandover(readThemeBeian('next', layers('_config.next.yml', NEXT)), site({ icp: '京ICP备20180492号-1' }), 'en');
      expect(other.files.size).to.equal(0);
      expect(other.left.map(f => [f.code, f.path])).to.deep.equal([['fix-refused', '_config.next.yml:footer.beian.icp']]);
      expect(other.left[0].message).to.contain('beian.icp in _config.yml is 京ICP备20180492号-1 while NexT shows 京ICP备20180491号-1');
      const example = planHandover(readThemeBeian('next', layers('_config.next.yml', NEXT.replace(ICP, '京ICP备20000491号-1'))), site(), 'en');
      expect(example.files.size).to.equal(0);
      expect(example.left.map(f => f.code)).to.deep.equal(['fix-refused']);
      // A switch on by the theme's default, the numbers in the user's file: the switch goes false there, over the default.
      const byDefault = planHandover(readThemeBeian('next', [...layers('node_modules/hexo-theme-next/_config.yml', 'footer:\n  beian:\n    enable: true\n'), ...layers('_config.next.yml', `footer:\n  beian:\n    icp: ${ICP}\n`)]), site(), 'en');
      expect(byDefault.left).to.deep.equal([]);
      expect(make('_config.next.yml', `footer:\n  beian:\n    icp: ${ICP}\n`, byDefault)?.after).to.equal(`footer:\n  beian:\n    icp: ${ICP}\n    enable: false\n`);
      const inline = planHandover(readThemeBeian('next', [...layers('node_modules/hexo-theme-next/_config.yml', 'footer:\n  beian:\n    enable: true\n'), { file: '_config.yml', prefix: 'theme_config.', data: { footer: { beian: { icp: ICP } } } }]), site(), 'en');
      expect(make('_config.yml', `theme_config:\n  footer:\n    beian:\n      icp: ${ICP}\n`, inline)?.after).to.equal(`theme_config:\n  footer:\n    beian:\n      icp: ${ICP}\n      enable: false\nbeian:\n  icp: ${ICP}\n`);
      // hexo-beian turned off, or set per host: the theme's line stays, listed.
      for (const beian of [{ enable: false }, { domains: { 'blog.example.cn': { icp: ICP } } }]) {
        const kept = planHandover(readThemeBeian('next', layers('_config.next.yml', NEXT)), site(beian), 'en');
        expect(kept.files.size, JSON.stringify(beian)).to.equal(0);
        expect(kept.left.map(f => f.code), JSON.stringify(beian)).to.include('fix-refused');
      }
      const shipped = planHandover(readThemeBeian('next', layers('node_modules/hexo-theme-next/_config.yml', NEXT)), site(), 'en');
      expect(shipped.files.size).to.equal(0);
      expect(shipped.left[0].message).to.contain('not yours to edit');
    });

    it('Fluid\'s whole shipped config copied into _config.fluid.yml (YAML 1.2 reads it with errors): edited outside them, every other byte kept', () => {
      const shipped = readFileSync(join(repoRoot, 'node_modules', 'hexo-theme-fluid', '_config.yml'), 'utf8');
      const on = shipped.replace('  beian:\n    enable: false', '  beian:\n    enable: true').replace('icp_text: 京ICP证123456号', `icp_text: ${ICP}`)
        .replace('police_text: 京公网安备12345678号', `police_text: ${GONGAN}`).replace('police_code: 12345678', 'police_code: 11010502030413');
      expect(on).not.to.equal(shipped);
      const plan = planHandover(readThemeBeian('fluid', layers('_config.fluid.yml', on)), site(), 'en');
      expect(plan.left).to.deep.equal([]);
      const own = plan.files.get('_config.fluid.yml');
      const made = own && correct(on, '_config.fluid.yml', 'en', own.planners, own.moves, true);
      expect(made?.refused).to.deep.equal([]);
      expect(made?.after).to.equal(on.replace('  beian:\n    enable: true', '  beian:\n    enable: false'));
      // Not where the errors are: the text there is read two ways.
      const content = correct(on, '_config.fluid.yml', 'en', [() => ({ id: 'x', edits: [{ op: 'set', path: ['footer', 'content'], value: 'x' }], what: { zh: 'x', en: 'x' } })], {}, true);
      expect(content.after).to.equal(on);
      expect(content.refused.map(f => f.code)).to.deep.equal(['fix-refused']);
      // And never in the site's own config: strict there.
      expect(correct(on, '_config.yml', 'en', own?.planners ?? [], own?.moves).refused.map(f => f.code)).to.deep.equal(['fix-refused']);
    });

    it('Butterfly\'s custom_text: the number out of the text, the rest kept; a text it cannot split, listed', () => {
      const text = `footer:\n  custom_text: '${A} | 欢迎来访' # 页脚\n`;
      const plan = planHandover(readThemeBeian('butterfly', layers('_config.butterfly.yml', text)), site(), 'en');
      expect(make('_config.butterfly.yml', text, plan)?.after).to.equal("footer:\n  custom_text: '欢迎来访' # 页脚\n");
      const tangled = `footer:\n  custom_text: '<a href="https://beian.miit.gov.cn/">备案 ${ICP}</a>'\n`;
      const refused = planHandover(readThemeBeian('butterfly', layers('_config.butterfly.yml', tangled)), site(), 'en');
      expect(refused.files.size).to.equal(0);
      expect(refused.left[0].message).to.contain('cannot be taken out of that text safely');
    });
  });
});

describe('fix: the handover on every shipped theme config (node_modules), byte for byte', () => {
  // The README's numbers are examples; these are not.
  const NUMBERS = { icp: '京ICP备20180491号-1', gongan: '京公网安备11010502030413号', digits: '11010502030413' };
  const site: HandoverSite = { configFile: '_config.yml', beian: undefined, host: 'blog.example.cn', iconExists: () => false, editable: () => true };

  for (const description of THEMES) {
    const file = description.packages.map(name => join(repoRoot, 'node_modules', name, '_config.yml')).find(path => existsSync(path));
    if (!file) continue;
    const keyed = description.icp ?? description.gongan;
    if (!keyed) continue;
    it(`${description.label}: its line turned on with the site's numbers in _config.${description.id}.yml, then handed over: only the lines of its switch or its keys change`, () => {
      const shipped = readFileSync(file, 'utf8');
      // Turned on as a user turns it on: the switches true, the numbers (and the 公安 code) written.
      const edits: Edit[] = [];
      for (const key of [description.enable, description.icp?.enable, description.gongan?.enable]) if (key) edits.push({ op: 'set', path: key.split('.'), value: true });
      if (description.icp) edits.push({ op: 'set', path: description.icp.number.split('.'), value: NUMBERS.icp });
      if (description.gongan) edits.push({ op: 'set', path: description.gongan.number.split('.'), value: NUMBERS.gongan });
      if (description.gongan?.code) edits.push({ op: 'set', path: description.gongan.code.split('.'), value: NUMBERS.digits });
      if (description.gongan?.link) edits.push({ op: 'set', path: description.gongan.link.split('.'), value: `https://beian.mps.gov.cn/#/query/webSearch?code=${NUMBERS.digits}` });
      const turned = applyEdits(shipped, edits, true);
      expect(turned.ok, `${description.label}: turning its line on`).to.equal(true);
      const on = (turned as { text: string }).text;
      const name = `_config.${description.id}.yml`;
      const plan = planHandover(readThemeBeian(description.id, [{ file: name, prefix: '', data: load(on) }]), site, 'en');
      expect(plan.left.map(f => f.message), description.label).to.deep.equal([]);
      const own = plan.files.get(name);
      const made = correct(on, name, 'en', own?.planners ?? [], own?.moves, true);
      expect(made.refused.map(f => f.message), description.label).to.deep.equal([]);
      // Line by line: the same number of lines, and only those of the keys it turns off differ.
      const before = on.split('\n');
      const after = made.after.split('\n');
      expect(after.length, description.label).to.equal(before.length);
      const changed = before.flatMap((line, i) => (line === after[i] ? [] : [`${line} → ${after[i]}`]));
      const offKeys = [description.enable, description.icp?.enable, description.gongan?.enable, description.icp?.number, description.gongan?.number]
        .filter((key): key is string => key !== undefined).map(key => key.split('.').pop() as string);
      expect(changed.length, description.label).to.be.greaterThan(0);
      for (const line of changed) expect(offKeys.some(key => line.trimStart().startsWith(`${key}:`)), `${description.label}: ${line}`).to.equal(true);
      expect(made.after.length, description.label).to.be.greaterThan(on.length - 200);
      // The theme then shows nothing: the handover is complete, and a second one finds nothing.
      expect(planHandover(readThemeBeian(description.id, [{ file: name, prefix: '', data: load(made.after) }]), site, 'en').files.size, description.label).to.equal(0);
    });
  }
});

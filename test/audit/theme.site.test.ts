import { expect } from 'chai';
import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import type Hexo from 'hexo';
import { readConfig } from '../../lib/config/read';
import { lineItems } from '../../lib/line/items';
import { auditTheme, loadThemeLayers, readThemeBeian, themeOf, type ThemeBeian, type ThemeLayer } from '../../lib/audit/theme';
import type { Finding } from '../../lib/finding';
import { makeSite, type SiteOptions } from '../site';
import { repoRoot } from '../paths';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

interface Read {
  layers: ThemeLayer[];
  settings: ThemeBeian;
  findings: Finding[];
}

/** [code, severity, path] of each finding. */
function summary(findings: readonly Finding[]): string[][] {
  return findings.map(f => [f.code, f.severity, f.path ?? '']);
}

/**
 * The theme's settings as the command reads them: a real site with NexT or Fluid from npm,
 * initialised by real Hexo (which loads `_config.<theme>.yml` and `theme_config`), the
 * layers read with Hexo's own YAML renderer, audited against the site's `beian` block.
 */
describe('theme (NexT and Fluid settings, from npm)', function () {
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  async function read(theme: 'next' | 'fluid', options: Omit<SiteOptions, 'theme'>): Promise<Read> {
    const dir = makeSite({ ...options, theme });
    dirs.push(dir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const HexoClass = require('hexo') as new (base: string, args: object) => Hexo;
    const hexo = new HexoClass(dir, { silent: true });
    await hexo.init();
    const layers = await loadThemeLayers(path => hexo.render.render({ path }), {
      baseDir: hexo.base_dir, themeDir: hexo.theme_dir, configPath: hexo.config_path, theme
    });
    const settings = readThemeBeian(theme, layers);
    const { config } = readConfig(hexo.config.beian, 'en');
    const findings = auditTheme(settings, lineItems(config, 'en', path => path), config, 'en');
    await hexo.exit();
    return { layers, settings, findings };
  }

  it('the model matches what the installed templates emit', () => {
    const next = readFileSync(join(repoRoot, 'node_modules', 'hexo-theme-next', 'layout', '_partials', 'footer.njk'), 'utf8');
    expect(next).to.contain("next_url('https://beian.miit.gov.cn', theme.footer.beian.icp");
    expect(next).to.contain("'https://beian.mps.gov.cn/#/query/webSearch?code=' + theme.footer.beian.gongan_id, theme.footer.beian.gongan_num");
    const fluid = readFileSync(join(repoRoot, 'node_modules', 'hexo-theme-fluid', 'layout', '_partials', 'footer', 'beian.ejs'), 'utf8');
    expect(fluid).to.contain('href="http://beian.miit.gov.cn/"');
    expect(fluid).to.contain('href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=<%= theme.footer.beian.police_code %>"');
  });

  it('themeOf() names the two themes whose settings it reads', () => {
    expect([themeOf('next'), themeOf('hexo-theme-fluid'), themeOf('Fluid'), themeOf('landscape'), themeOf(undefined)])
      .to.deep.equal(['next', 'fluid', 'fluid', undefined, undefined]);
  });

  it('NexT as installed: its footer.beian is off, so nothing is reported', async () => {
    const { layers, settings, findings } = await read('next', { config: `beian:\n  icp: ${ICP}\n` });
    expect(layers.map(l => l.file)).to.deep.equal(['node_modules/hexo-theme-next/_config.yml', '_config.yml']);
    expect(settings.enable).to.deep.equal({ value: false, path: 'node_modules/hexo-theme-next/_config.yml:footer.beian.enable' });
    expect(findings).to.deep.equal([]);
  });

  it('NexT on in _config.next.yml with the same numbers: the theme shows them and hexo-beian leaves them out (info, with the handover)', async () => {
    const files = { '_config.next.yml': `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n    gongan_id: 11010502030413\n    gongan_num: ${GONGAN}\n` };
    const { findings } = await read('next', { config: `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`, files });
    expect(summary(findings)).to.deep.equal([['theme-shows', 'info', '_config.next.yml:footer.beian.enable']]);
    expect(findings[0].message).to.equal(`NexT shows ${ICP}, ${GONGAN} itself (footer.beian.enable: true in _config.next.yml); hexo-beian leaves them out of its line, so it cannot vouch for NexT's link. To hand over to hexo-beian (checked numbers, current query pages): Set footer.beian.enable: false in _config.next.yml to turn NexT's own line off. hexo beian fix shows these changes, and hexo beian fix --write makes them (commit first).`);
    expect(findings[0].suggestion).to.equal('footer:\n  beian:\n    enable: false');
    // duplicates: keep really shows them twice: a warning.
    const keep = await read('next', { config: `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n  duplicates: keep\n`, files });
    expect(summary(keep.findings)).to.deep.equal([['theme-double-display', 'warning', '_config.next.yml:footer.beian.enable']]);
    expect(keep.findings[0].message).to.contain('beian.duplicates is keep: every page shows them twice');
  });

  it('a label in the theme\'s display text is meant to be shown: the number is checked, the label not reported', async () => {
    const { findings } = await read('fluid', {
      config: `beian:\n  icp: 闽ICP备2020012345号-1\n`,
      files: { '_config.fluid.yml': 'footer:\n  beian:\n    enable: true\n    icp_text: 备案号：闽ICP备2020012345号-1\n    police_text: ""\n' }
    });
    expect(summary(findings)).to.deep.equal([
      ['theme-stale-link', 'warning', '_config.fluid.yml:footer.beian.icp_text'],
      ['theme-shows', 'info', '_config.fluid.yml:footer.beian.enable']
    ]);
    // A number wrong inside the display text is still reported.
    const wrong = await read('fluid', { files: { '_config.fluid.yml': 'footer:\n  beian:\n    enable: true\n    icp_text: 备案号：闽ICP备 2020012344号-1\n    police_text: 备案：沪公网安备11010502030413号\n' } });
    const mismatch = wrong.findings.find(f => f.code === 'province-mismatch');
    expect(mismatch && [mismatch.severity, mismatch.path]).to.deep.equal(['error', '_config.fluid.yml:footer.beian.police_text']);
    expect(mismatch?.message).not.to.contain('备案：');
    // The key holds a label too: the suggestion is the number to put in it, not a line that drops the label.
    expect(mismatch?.suggestion).to.equal('京公网安备11010502030413号');
    // Only written otherwise (a space): read as meant, and handed over canonically, with no
    // warning that asks to rewrite what the handover removes (a newcomer's trial).
    expect(wrong.findings.map(f => f.code)).not.to.include('normalised');
    expect(wrong.findings.find(f => f.code === 'theme-move')?.suggestion).to.equal('beian:\n  icp: 闽ICP备2020012344号-1');
  });

  it('NexT alone: its numbers validated, a code that is not the number, and the block to move to', async () => {
    const { findings } = await read('next', {
      files: { '_config.next.yml': `footer:\n  beian:\n    enable: true\n    icp: 京ICP备 20180491号-1\n    gongan_id: 11010502030144\n    gongan_num: ${GONGAN}\n    gongan_icon_url: /images/gongan.png\n` }
    });
    expect(summary(findings)).to.deep.equal([
      ['theme-gongan-code', 'error', '_config.next.yml:footer.beian.gongan_id'],
      ['theme-move', 'info', '_config.next.yml:footer.beian.enable']
    ]);
    expect(findings[0].message).to.equal(`NexT shows the public-security (公安) number ${GONGAN} but its link queries 11010502030144 (footer.beian.gongan_id): visitors find another filing or none. Both must be the same digits; hexo-beian takes the number once and builds the link from it.`);
    expect(findings[0].suggestion).to.equal('gongan_id: 11010502030413');
    expect(findings[1].suggestion).to.equal(`beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /images/gongan.png`);
  });

  it('NexT on in theme_config without an ICP number: an empty link', async () => {
    const { findings } = await read('next', { config: 'theme_config:\n  footer:\n    beian:\n      enable: true\n' });
    expect(summary(findings)).to.deep.equal([['theme-empty-icp', 'warning', 'node_modules/hexo-theme-next/_config.yml:footer.beian.icp']]);
    expect(findings[0].message).to.contain('Set theme_config.footer.beian.enable: false in _config.yml');
  });

  it('Fluid switched on with its shipped defaults: placeholders and stale links', async () => {
    const { findings } = await read('fluid', { config: 'theme_config:\n  footer:\n    beian:\n      enable: true\n' });
    expect(summary(findings)).to.deep.equal([
      ['placeholder', 'error', 'node_modules/hexo-theme-fluid/_config.yml:footer.beian.icp_text'],
      ['theme-stale-link', 'warning', 'node_modules/hexo-theme-fluid/_config.yml:footer.beian.icp_text'],
      ['placeholder', 'error', 'node_modules/hexo-theme-fluid/_config.yml:footer.beian.police_text'],
      ['theme-stale-link', 'warning', 'node_modules/hexo-theme-fluid/_config.yml:footer.beian.police_code']
    ]);
    expect(findings[3].message).to.match(/^Fluid links the public-security \(公安\) number to the retired http:\/\/www\.beian\.gov\.cn\/portal\/registerSystemInfo\?recordcode=… \(replaced by https:\/\/beian\.mps\.gov\.cn\//);
  });

  it('Fluid: theme_config over _config.fluid.yml over the theme; another number than hexo-beian\'s', async () => {
    const { settings, findings } = await read('fluid', {
      config: `beian:\n  icp: ${ICP}\ntheme_config:\n  footer:\n    beian:\n      icp_text: 京ICP备20180492号-1\n`,
      files: { '_config.fluid.yml': `footer:\n  beian:\n    enable: true\n    icp_text: 京ICP备19999999号-1\n    police_text: ${GONGAN}\n    police_code: 11010502030413\n` }
    });
    expect(settings.icp).to.deep.equal({ value: '京ICP备20180492号-1', path: '_config.yml:theme_config.footer.beian.icp_text' });
    expect(settings.gongan?.path).to.equal('_config.fluid.yml:footer.beian.police_text');
    expect(settings.icon).to.deep.equal({ value: '/img/police_beian.png', path: 'node_modules/hexo-theme-fluid/_config.yml:footer.beian.police_icon' });
    expect(summary(findings)).to.deep.equal([
      ['theme-stale-link', 'warning', '_config.yml:theme_config.footer.beian.icp_text'],
      ['theme-stale-link', 'warning', '_config.fluid.yml:footer.beian.police_code'],
      ['theme-disagrees', 'error', '_config.yml:theme_config.footer.beian.icp_text'],
      ['theme-move', 'info', '_config.fluid.yml:footer.beian.enable']
    ]);
    expect(findings[2].message).to.equal(`Fluid shows 京ICP备20180492号-1 and hexo-beian shows ${ICP} (beian.icp): pages show two different numbers. Keep the right one in beian.icp. Set footer.beian.enable: false in _config.fluid.yml to turn Fluid's own line off.`);
    // The block to move to keeps the config's number (the one theme-disagrees says to keep), and takes the theme's 公安 number it lacks.
    expect(findings[3].suggestion).to.equal(`beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /img/police_beian.png`);
  });
});

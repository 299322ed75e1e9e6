import { expect } from 'chai';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import type Hexo from 'hexo';
import { readConfig } from '../../lib/config/read';
import { lineItems } from '../../lib/line/items';
import { auditTheme, themeIcon, type ThemeBeian } from '../../lib/audit/theme';
import { themeSettings } from '../../lib/hexo/facts';
import { generate, makeSite, runHexo, type SiteOptions, type Theme } from '../site';
import { repoRoot } from '../paths';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

/**
 * The themes' own settings as the command reads them, on real sites with each theme from npm
 * (or committed under themes/): real Hexo merges `_config.<theme>.yml` and `theme_config`
 * over the theme's `_config.yml`, and every finding names the file and key it came from.
 * Only `hexo.init()`: the settings are read before any page is generated.
 */
describe('themes: their own settings on real sites (from npm, and committed under themes/)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  async function read(theme: Theme, options: Omit<SiteOptions, 'theme'>): Promise<{ settings?: ThemeBeian; summary: string[][] }> {
    const dir = makeSite({ ...options, theme });
    dirs.push(dir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const HexoClass = require('hexo') as new (base: string, args: object) => Hexo;
    const hexo = new HexoClass(dir, { silent: true });
    await hexo.init();
    const settings = await themeSettings(hexo);
    const { config } = readConfig(hexo.config.beian, 'en');
    const findings = settings ? auditTheme(settings, lineItems(config, 'en', path => path), config, 'en') : [];
    await hexo.exit();
    return { settings, summary: findings.map(f => [f.code, f.severity, f.path ?? '']) };
  }

  const cases: { theme: Theme; name: string; options: Omit<SiteOptions, 'theme'>; summary: string[][] }[] = [
    {
      theme: 'redefine', name: 'its ICP line on in theme_config, the number in _config.redefine.yml',
      options: { config: `beian:\n  icp: ${ICP}\ntheme_config:\n  footer:\n    icp:\n      enable: true\n`, files: { '_config.redefine.yml': `footer:\n  icp:\n    number: ${ICP}\n` } },
      summary: [['theme-shows', 'info', '_config.yml:theme_config.footer.icp.enable']]
    },
    {
      theme: 'keep', name: 'a record list in _config.keep.yml, one item without a link',
      options: { files: { '_config.keep.yml': `footer:\n  record:\n    enable: true\n    list:\n      - code: ${ICP}\n        link: https://beian.miit.gov.cn\n      - code: ${GONGAN}\n` } },
      summary: [['theme-unlinked', 'error', '_config.keep.yml:footer.record.list[1].code'], ['theme-move', 'info', '_config.keep.yml:footer.record.enable']]
    },
    {
      theme: 'yun', name: 'its 公安 line switched on with the shipped placeholder',
      options: { files: { '_config.yun.yml': 'footer:\n  beian:\n    gongan:\n      enable: true\n' } },
      summary: [['placeholder', 'error', 'node_modules/hexo-theme-yun/_config.yml:footer.beian.gongan.text'], ['theme-stale-link', 'warning', 'node_modules/hexo-theme-yun/_config.yml:footer.beian.gongan.id']]
    },
    {
      theme: 'reimu', name: 'a 公安 code that is not the number',
      options: { files: { '_config.reimu.yml': `icp:\n  beian: ${GONGAN}\n  recordcode: 11010502030144\n` } },
      summary: [['theme-gongan-code', 'error', '_config.reimu.yml:icp.recordcode'], ['theme-move', 'info', '_config.reimu.yml:icp.beian']]
    },
    {
      theme: 'icarus', name: 'free HTML in footer.copyright, a retired MIIT host',
      options: { files: { '_config.icarus.yml': `footer:\n  copyright: '<a href="http://www.beian.miit.gov.cn/">${ICP}</a>'\n` } },
      summary: [['theme-stale-link', 'warning', '_config.icarus.yml:footer.copyright'], ['theme-move', 'info', '_config.icarus.yml:footer.copyright']]
    },
    {
      theme: 'stellar', name: 'Markdown in footer.content, in theme_config',
      options: { config: `theme_config:\n  footer:\n    content: '[${ICP}](https://beian.miit.gov.cn/)'\n` },
      summary: [['theme-move', 'info', '_config.yml:theme_config.footer.content']]
    },
    {
      theme: 'ayer', name: 'both lines switched on with its shipped samples',
      options: { files: { '_config.ayer.yml': 'icp:\n  enable: true\ngongan:\n  enable: true\n' } },
      summary: [
        ['example-number', 'error', 'node_modules/hexo-theme-ayer/_config.yml:icp.text'],
        ['unknown-province', 'error', 'node_modules/hexo-theme-ayer/_config.yml:gongan.text'],
        ['theme-stale-link', 'warning', 'node_modules/hexo-theme-ayer/_config.yml:gongan.url']
      ]
    },
    {
      theme: 'stun', name: 'its unlinked ICP number',
      options: { files: { '_config.stun.yml': `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n` } },
      summary: [['theme-unlinked', 'error', '_config.stun.yml:footer.beian.icp'], ['theme-move', 'info', '_config.stun.yml:footer.beian.enable']]
    },
    {
      theme: 'anzhiyu', name: 'a number in its footer link list',
      options: { config: `beian:\n  icp: ${ICP}\n`, files: { '_config.anzhiyu.yml': `footer:\n  footerBar:\n    enable: true\n    linkList:\n      - link: https://beian.miit.gov.cn/\n        text: ${ICP}\n` } },
      summary: [['theme-shows', 'info', '_config.anzhiyu.yml:footer.footerBar.linkList[0].text']]
    },
    {
      theme: 'solitude', name: 'its commented sample, uncommented',
      options: { files: { '_config.solitude.yml': 'footer:\n  beian:\n    - name: 湘公网安备43048102000175号\n      icon: https://beian.mps.gov.cn/img/logo01.dd7ff50e.png\n      url: https://beian.mps.gov.cn/#/query/webSearch\n' } },
      summary: [['example-number', 'error', '_config.solitude.yml:footer.beian[0].name'], ['theme-wrong-link', 'error', '_config.solitude.yml:footer.beian[0].url']]
    },
    {
      theme: 'async', name: 'on without a number: an empty link',
      options: { files: { '_config.async.yml': 'footer:\n  beian:\n    enable: true\n' } },
      summary: [['theme-empty-icp', 'warning', 'node_modules/hexo-theme-async/_config.yml:footer.beian.icp']]
    },
    {
      theme: 'particlex', name: 'its ICP number without a link',
      options: { files: { '_config.particlex.yml': `footer:\n  ICP:\n    enable: true\n    code: ${ICP}\n` } },
      summary: [['theme-unlinked', 'error', '_config.particlex.yml:footer.ICP.code'], ['theme-move', 'info', '_config.particlex.yml:footer.ICP.enable']]
    }
  ];
  for (const c of cases) {
    it(`${c.theme}: ${c.name}`, async () => {
      expect((await read(c.theme, c.options)).summary).to.deep.equal(c.summary);
    });
  }

  it('every theme as installed, its line off or empty: nothing is reported', async () => {
    for (const theme of ['redefine', 'keep', 'yun', 'reimu', 'stellar', 'ayer', 'stun', 'anzhiyu', 'solitude', 'async', 'particlex'] as const) {
      const { settings, summary } = await read(theme, { config: `beian:\n  icp: ${ICP}\n` });
      expect(settings?.theme, theme).to.equal(theme);
      expect(summary, theme).to.deep.equal([]);
    }
  });

  it('a theme committed under themes/kaze (as real blogs do): its _config.yml is the user\'s file, and hexo beian check names it', async () => {
    const dir = makeSite({ theme: 'kaze', config: `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n` });
    dirs.push(dir);
    cpSync(join(repoRoot, 'node_modules', 'hexo-theme-kaze'), join(dir, 'themes', 'kaze'), { recursive: true, dereference: true });
    const file = join(dir, 'themes', 'kaze', '_config.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('RecordInfo: ""', `RecordInfo: "${ICP}"`).replace('govRecordInfo: ""', `govRecordInfo: "${GONGAN}"`));
    const run = await runHexo(dir, ['beian', 'check', '--json']);
    // Hexo's own log line first, then the report.
    const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { findings: { code: string; path?: string; severity: string }[] };
    const theirs = json.findings.filter(f => f.path?.startsWith('themes/')).map(f => [f.code, f.severity, f.path]);
    expect(theirs).to.deep.equal([
      ['theme-unlinked', 'error', 'themes/kaze/_config.yml:footer.govRecordInfo'],
      ['icon-not-found', 'error', 'themes/kaze/_config.yml:footer.govRecordInfo'],
      ['theme-stale-link', 'warning', 'themes/kaze/_config.yml:footer.RecordInfo']
    ]);
    const { settings } = await read('kaze', {});
    expect(settings && themeIcon(settings)).to.equal(undefined); // nothing set: no line, no icon
  });

  it('the line leaves out what the theme shows, and says which setting hands over: a switch (Redefine), or the keys to empty (Reimu)', async () => {
    const redefine = makeSite({ theme: 'redefine', config: `beian:\n  icp: ${ICP}\n`, files: { '_config.redefine.yml': `footer:\n  icp:\n    enable: true\n    number: ${ICP}\n` } });
    const reimu = makeSite({ theme: 'reimu', config: `beian:\n  icp: ${ICP}\n`, files: { '_config.reimu.yml': `icp:\n  icpnumber: ${ICP}\n` } });
    dirs.push(redefine, reimu);
    const logged = await generate(redefine);
    expect(logged.info).to.have.length(1);
    expect(logged.info[0]).to.contain('This is Redefine\'s own filing line: set footer.icp.enable: false in _config.redefine.yml so that hexo-beian shows it');
    // Shown once (Redefine also copies its config, the number with it, into an inline script: not displayed).
    const html = readFileSync(join(redefine, 'public', 'index.html'), 'utf8');
    expect(html.replace(/<script\b[^]*?<\/script>/g, '').replace(/<[^>]*>/g, ' ').split(ICP)).to.have.length(2);
    const other = await generate(reimu);
    expect(other.info).to.have.length(1);
    expect(other.info[0]).to.contain('Set icp.icpnumber / icp.beian: "" in Reimu\'s config (_config.reimu.yml, theme_config in _config.yml, or themes/reimu/_config.yml) so that hexo-beian shows it');
  });

  /** `hexo generate`, then `hexo beian check --json --strict`: [code, severity, path or first page] of each finding. */
  async function check(theme: Theme, files: Record<string, string>): Promise<{ code: number; found: string[][] }> {
    const dir = makeSite({ theme, config: `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`, files });
    dirs.push(dir);
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    const run = await runHexo(dir, ['beian', 'check', '--json', '--strict']);
    const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { findings: { code: string; severity: string; path?: string; page?: string; pages?: string[] }[] };
    return { code: run.code, found: json.findings.map(f => [f.code, f.severity, f.path ?? f.page ?? f.pages?.[0] ?? '']) };
  }

  it('a correct theme line, as the theme really emits it, is information and nothing else (hexo beian check --strict passes)', async () => {
    // Redefine: newlines and spaces inside the href; Keep: its config, number included, in an
    // inline JSON script; Reimu: no switch, both numbers; Butterfly: the user's own HTML;
    // NexT: exturl spans.
    const lines: [Theme, Record<string, string>, string][] = [
      ['redefine', { '_config.redefine.yml': `footer:\n  icp:\n    enable: true\n    number: ${ICP}\n` }, '_config.redefine.yml:footer.icp.enable'],
      ['keep', { '_config.keep.yml': `footer:\n  record:\n    enable: true\n    list:\n      - code: ${ICP}\n        link: https://beian.miit.gov.cn/\n` }, '_config.keep.yml:footer.record.enable'],
      ['reimu', { '_config.reimu.yml': `icp:\n  icpnumber: ${ICP}\n  beian: ${GONGAN}\n  recordcode: 11010502030413\n` }, '_config.reimu.yml:icp.icpnumber'],
      ['butterfly', { '_config.butterfly.yml': `footer:\n  custom_text: '<a href="https://beian.miit.gov.cn/">${ICP}</a>'\n` }, '_config.butterfly.yml:footer.custom_text'],
      // NexT with exturl: its links are spans with a base64 data-url (they were page-unlinked, errors on every page).
      ['next', { '_config.next.yml': `exturl: true\nfooter:\n  beian:\n    enable: true\n    icp: ${ICP}\n    gongan_id: 11010502030413\n    gongan_num: ${GONGAN}\n` }, '_config.next.yml:footer.beian.enable']
    ];
    for (const [theme, files, path] of lines) {
      const { code, found } = await check(theme, files);
      expect(found, theme).to.deep.equal([['theme-shows', 'info', path]]);
      expect(code, theme).to.equal(0);
    }
  });

  it('a theme line that is wrong on the page is said for the setting and for the pages (Stun: unlinked; Yun: the retired MPS portal; Redefine: a retired host in its indented href)', async () => {
    // A copy not linked to its own query system is not left out: hexo-beian's line shows it, linked, beside it.
    const stun = await check('stun', { '_config.stun.yml': `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n` });
    expect(stun.found).to.deep.equal([
      ['theme-unlinked', 'error', '_config.stun.yml:footer.beian.icp'],
      ['page-shown-twice', 'warning', 'index.html']
    ]);
    const yun = await check('yun', { '_config.yun.yml': `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n    gongan:\n      enable: true\n      text: ${GONGAN}\n      id: 11010502030413\n` });
    expect(yun.found).to.deep.equal([
      ['theme-stale-link', 'warning', '_config.yun.yml:footer.beian.gongan.id'],
      ['page-shown-twice', 'warning', 'index.html'],
      ['link-retired', 'warning', 'index.html'],
      ['theme-shows', 'info', '_config.yun.yml:footer.beian.enable']
    ]);
    // Redefine indents its link's address over three lines: the retired host is found there too (it was not: no link-retired).
    const redefine = await check('redefine', { '_config.redefine.yml': `footer:\n  icp:\n    enable: true\n    number: ${ICP}\n    url: http://www.beian.miit.gov.cn/\n` });
    expect(redefine.found).to.deep.equal([
      ['theme-stale-link', 'warning', '_config.redefine.yml:footer.icp.url'],
      ['page-shown-twice', 'warning', '404.html'],
      ['link-retired', 'warning', '404.html']
    ]);
    // Stun: an error; Yun, Redefine: warnings only (the retired copy gets the right one beside it), which --strict fails.
    expect([stun.code, yun.code, redefine.code]).to.deep.equal([1, 1, 1]);
  });
});

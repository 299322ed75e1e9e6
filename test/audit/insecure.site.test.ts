import { expect } from 'chai';
import { readdirSync, readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { makeSite, runHexo } from '../site';
import type { JsonReport } from '../../lib/hexo/report';

const ICP = '京ICP备20180491号-1';
/** Hexo logs this on stdout while it loads the config, before any plugin is loaded. */
const VALIDATING = 'INFO  Validating config\n';
/** A deployer that only says it ran, so that the guard alone is tested. */
const NOOP = "hexo.extend.deployer.register('noop', () => { console.log('noop deployer ran'); });\n";

function htmlPages(dir: string, prefix = ''): number {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? htmlPages(dir, join(prefix, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);
}

async function checkJson(dir: string, strict: boolean): Promise<{ code: number; json: JsonReport }> {
  const { code, stdout } = await runHexo(dir, ['beian', 'check', '--json', ...strict ? ['--strict'] : []]);
  expect(stdout.startsWith(VALIDATING)).to.equal(true);
  return { code, json: JSON.parse(stdout.slice(VALIDATING.length)) as JsonReport };
}

/**
 * Real blogs with the theme's own filing line on, built with NexT and Fluid from npm (the
 * issue: Fluid's plain-http MIIT link was `page-unlinked`, an error, on every page, 168 of
 * them, while the theme audit rated the same link a warning).
 */
describe('a theme\'s own filing line over plain http (link-insecure), on real sites', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  it('NexT with its own correct line (footer.beian.icp = beian.icp, duplicates: skip): hexo beian check --strict passes, no warning', async () => {
    const dir = makeSite({
      theme: 'next',
      config: `beian:\n  icp: ${ICP}\n`,
      files: { '_config.next.yml': `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n` }
    });
    dirs.push(dir);
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    // NexT's own line, linked over https: the right link.
    expect(readFileSync(join(dir, 'public', 'index.html'), 'utf8')).to.match(new RegExp(`<div class="beian"><a href="https://beian\\.miit\\.gov\\.cn/"[^>]*>${ICP}\\s*</a>`));
    const { code, json } = await checkJson(dir, true);
    expect(code).to.equal(0);
    expect(json.summary).to.deep.include({ errors: 0, warnings: 0 });
    expect(json.summary.pages).to.equal(htmlPages(join(dir, 'public')));
    expect(json.findings.map(f => f.code)).to.have.members(['gongan-missing', 'theme-shows']);
  });

  describe('Fluid with its own line (footer.beian.icp_text = beian.icp, no 公安 line), guard: block', () => {
    let dir: string;
    let pages: number;
    let deploy: { code: number; out: string };

    before(async () => {
      dir = makeSite({
        theme: 'fluid',
        config: `deploy:\n  type: noop\nbeian:\n  icp: ${ICP}\n  guard: block\n`,
        // police_text: "" as Fluid's own comment says for a site with no 公安 number (its shipped default is a placeholder).
        files: { '_config.fluid.yml': `footer:\n  beian:\n    enable: true\n    icp_text: ${ICP}\n    police_text: ""\n`, 'scripts/noop.js': NOOP }
      });
      dirs.push(dir);
      const run = await runHexo(dir, ['deploy', '-g']);
      deploy = { code: run.code, out: run.stdout + run.stderr };
      pages = htmlPages(join(dir, 'public'));
    });

    it('the real markup: Fluid links the number to http://beian.miit.gov.cn/, and hexo-beian leaves it out of its line', () => {
      const html = readFileSync(join(dir, 'public', 'index.html'), 'utf8');
      expect(html).to.match(new RegExp(`<a href="http://beian\\.miit\\.gov\\.cn/"[^>]*>\\s*${ICP}\\s*</a>`));
      expect(html.split(ICP)).to.have.length(2);
      expect(pages).to.be.greaterThan(5);
    });

    it('hexo beian check --strict fails on warnings only: theme-stale-link, and link-insecure said once for every page', async () => {
      const { code, json } = await checkJson(dir, true);
      expect(code).to.equal(1);
      expect(json.ok).to.equal(false);
      expect(json.summary).to.deep.equal({ errors: 0, warnings: 1 + pages, infos: 2, pages });
      const warnings = json.findings.filter(f => f.severity === 'warning');
      expect(warnings.map(f => [f.code, f.path ?? f.page])).to.deep.equal([
        ['theme-stale-link', '_config.fluid.yml:footer.beian.icp_text'],
        ['link-insecure', json.findings.find(f => f.code === 'link-insecure')?.page]
      ]);
      const [, insecure] = warnings;
      expect(insecure.pageCount).to.equal(pages);
      expect(insecure.pages).to.have.length(Math.min(pages, 10)).and.include('index.html');
      expect(insecure.message).to.equal(`This page links the ICP number ${ICP} to http://beian.miit.gov.cn/: the right query system, but over plain http, which browsers flag as not secure and anyone on the way can alter. Change the link to https://beian.miit.gov.cn/; if the theme shows the number with its own filing line (Fluid's footer.beian), turn that off in the theme's config (footer.beian.enable: false), and hexo-beian shows it linked over https.`);
      expect(insecure.suggestion).to.equal('https://beian.miit.gov.cn/');
      expect(json.findings.map(f => f.code)).not.to.include('page-unlinked');
    });

    it('without --strict it passes (exit 0); the human report says link-insecure in one line', async () => {
      expect((await checkJson(dir, false)).code).to.equal(0);
      const { code, stdout } = await runHexo(dir, ['beian', 'check']);
      expect(code).to.equal(0);
      const lines = stdout.split('\n').filter(line => line.endsWith('(link-insecure)'));
      expect(lines).to.have.length(1);
      expect(lines[0]).to.match(new RegExp(`^WARN {2}\\S+, \\S+, \\S+ and ${pages - 3} more pages: This page links the ICP number ${ICP} to http://beian\\.miit\\.gov\\.cn/`));
      expect(stdout).to.contain(`hexo-beian: 0 error(s), ${1 + pages} warning(s), 2 info; ${pages} page(s) checked.`);
    });

    it('guard: block does not stop the deploy: the warnings are printed once each, and the deployer runs', () => {
      expect(deploy.code).to.equal(0);
      expect(deploy.out).to.contain('noop deployer ran');
      expect(deploy.out).not.to.contain('hexo-beian stopped');
      expect(deploy.out.split('\n').filter(line => line.endsWith('(link-insecure)'))).to.have.length(1);
      expect(deploy.out).not.to.contain('(page-unlinked)');
    });
  });

  it('Fluid switched on with only icp_text: its shipped police_text placeholder is on every page, and that stays an error', async () => {
    const dir = makeSite({
      theme: 'fluid',
      config: `beian:\n  icp: ${ICP}\n`,
      files: { '_config.fluid.yml': `footer:\n  beian:\n    enable: true\n    icp_text: ${ICP}\n` }
    });
    dirs.push(dir);
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    expect(readFileSync(join(dir, 'public', 'index.html'), 'utf8')).to.contain('京公网安备12345678号');
    const { code, json } = await checkJson(dir, false);
    expect(code).to.equal(1);
    expect(json.findings.filter(f => f.severity === 'error').map(f => [f.code, f.path])).to.deep.equal([
      ['placeholder', 'node_modules/hexo-theme-fluid/_config.yml:footer.beian.police_text']
    ]);
    // The ICP link is a warning there too.
    expect(json.findings.filter(f => f.code === 'link-insecure')).to.have.length(1);
  });
});

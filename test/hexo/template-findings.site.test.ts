import { expect } from 'chai';
import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import type { JsonReport } from '../../lib/hexo/report';
import { makeSite, readPublic, runHexo, type HexoModule } from '../site';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';
const NUMBERS = `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n  template: beian.njk\n`;
/** nunjucks finds an unknown filter only when it renders: the file reads and compiles. */
const UNKNOWN_FILTER = '<p data-hexo-beian>{% for item in items %}{{ item.text | nosuchfilter }}{% endfor %}</p>';
const FAILED = /beian\.template: The template \/.*beian\.njk failed \(.*filter not found: nosuchfilter\); the built-in template is used\..* \(config-template\)/g;

const DEPLOYER = `hexo.extend.deployer.register('record', () => require('fs').writeFileSync(require('path').join(hexo.base_dir, 'deployed'), 'yes'));\n`;

/**
 * A template that cannot be used is an error of the config like any other (config-template):
 * `hexo beian check` reports it, `guard: block` stops on it, and it is said once.
 */
describe('template findings (real Hexo): in the audit and the guard', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(config: string, files: Record<string, string>, hexo?: HexoModule): string {
    const dir = makeSite({ config: `deploy:\n  type: record\n${config}`, files: { 'scripts/deployer.js': DEPLOYER, ...files }, hexo });
    dirs.push(dir);
    return dir;
  }

  it('hexo beian check: a template that fails when rendered is an error, exit 1', async () => {
    const dir = site(NUMBERS, { 'beian.njk': UNKNOWN_FILTER });
    const { code, stdout } = await runHexo(dir, ['beian', 'check']);
    expect(code).to.equal(1);
    expect(stdout.match(FAILED)).to.have.length(1);
    expect(stdout).to.contain('hexo-beian: 1 error(s), 0 warning(s), 1 info; 0 page(s) checked.');
    const json = JSON.parse((await runHexo(dir, ['beian', 'check', '--json', '--silent'])).stdout) as JsonReport;
    expect(json.findings.filter(f => f.severity === 'error').map(f => [f.code, f.path])).to.deep.equal([['config-template', 'beian.template']]);
  });

  for (const hexo of ['hexo', 'hexo5'] as const) {
    it(`guard: block on ${hexo === 'hexo' ? 'Hexo 8' : 'Hexo 5.4'}: hexo generate stops on it before public/, saying it once`, async () => {
      const dir = site(`${NUMBERS}  guard: block\n`, { 'beian.njk': UNKNOWN_FILTER }, hexo);
      const { code, stdout, stderr } = await runHexo(dir, ['generate']);
      expect(code).not.to.equal(0);
      expect((stdout + stderr).match(FAILED)).to.have.length(1);
      expect(stderr).to.match(/hexo-beian stopped the build: 1 error\(s\) above; fix beian\.template in _config\.yml:\d+:3 \(config-template\) first/);
      expect(existsSync(join(dir, 'public'))).to.equal(false);
    });
  }

  it('guard: warn: said once, and the built-in line is shown', async () => {
    const dir = site(NUMBERS, { 'beian.njk': UNKNOWN_FILTER });
    const { code, stdout, stderr } = await runHexo(dir, ['generate']);
    expect(code).to.equal(0);
    expect((stdout + stderr).match(FAILED)).to.have.length(1);
    expect(readPublic(dir, 'index.html')).to.contain(`>${ICP}</a>`);
  });

  it('a template that fails only on some pages\' items (the theme shows the ICP number itself): the deploy stops on it', async () => {
    // The theme's footer shows the ICP number, linked: hexo-beian adds the 公安 line alone
    // (duplicates: skip), and this template fails on one item only.
    const files = {
      'themes/plain/layout/layout.ejs': `<!DOCTYPE html>\n<html><body><%- body %><footer id="site"><a href="https://beian.miit.gov.cn/">${ICP}</a></footer></body></html>\n`,
      'themes/plain/layout/index.ejs': '<main>index</main>',
      'beian.njk': '<p data-hexo-beian>{% if items.length < 2 %}{{ items | nosuchfilter }}{% endif %}{% for item in items %}<a href="{{ item.href }}">{{ item.text }}</a>{% endfor %}</p>'
    };
    const dir = makeSite({ config: `deploy:\n  type: record\n${NUMBERS}  guard: block\n`, theme: 'plain', files: { 'scripts/deployer.js': DEPLOYER, ...files } });
    dirs.push(dir);
    // The reading renders all the items, which works: the build runs, and meets the failure.
    const { code, stdout, stderr } = await runHexo(dir, ['deploy', '-g']);
    expect(code).not.to.equal(0);
    expect((stdout + stderr).match(FAILED)).to.have.length(1);
    expect(stderr).to.match(/hexo-beian stopped the deploy: 1 error\(s\) above; fix beian\.template in _config\.yml:\d+:3 \(config-template\) first/);
    expect(readPublic(dir, 'index.html')).to.contain(`>${GONGAN}</a>`);
    expect(existsSync(join(dir, 'deployed'))).to.equal(false);
  });

  // Nunjucks cannot be interrupted: each of these hung `hexo generate` (or aborted it) before.
  it('a template that would never end, or take the build\'s memory, is stopped: config-template, the built-in line, in the build and in check', async () => {
    for (const [name, source, reason] of [
      ['a loop of 10^8', '<p data-hexo-beian>{% for i in range(0, 100000000) %}x{% endfor %}</p>', /ran out of its 64 MB and was stopped/],
      ['a macro calling itself twice', '<p data-hexo-beian>{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}</p>', /ran over 5 s and was stopped/]
    ] as const) {
      const dir = site(NUMBERS, { 'beian.njk': source });
      const { code, stdout, stderr } = await runHexo(dir, ['generate']);
      expect(code, `${name}: ${stderr}`).to.equal(0);
      expect(stdout + stderr, name).to.match(/beian\.template: The template \/.*beian\.njk failed \(rendering .*\); the built-in template is used\..* \(config-template\)/);
      expect(stdout + stderr, name).to.match(reason);
      expect(readPublic(dir, 'index.html'), name).to.contain(`>${ICP}</a>`);
      const json = JSON.parse((await runHexo(dir, ['beian', 'check', '--json', '--silent'])).stdout) as JsonReport;
      expect(json.findings.filter(f => f.severity === 'error').map(f => [f.code, f.path]), name).to.deep.equal([['config-template', 'beian.template']]);
    }
  });

  // An outside review: each passed hexo beian check --strict with no visible line on any page.
  it('a template whose output hides the numbers (a comment, <template>, <noscript>, <textarea>) is config-template, and the built-in line is shown', async () => {
    const links = '{% for item in items %}<a href="{{ item.href }}">{{ item.text }}</a>{% endfor %}';
    for (const source of [`<p data-hexo-beian><!-- ${links} --></p>`, `<template data-hexo-beian>${links}</template>`, `<noscript data-hexo-beian>${links}</noscript>`, `<textarea data-hexo-beian>${links}</textarea>`]) {
      const dir = site(NUMBERS, { 'beian.njk': source });
      const { code, stdout, stderr } = await runHexo(dir, ['generate']);
      expect(code, `${source}: ${stderr}`).to.equal(0);
      expect(stdout + stderr, source).to.match(/beian\.template: The template \/.*beian\.njk failed \(its output does not show the line as it must: 京ICP备20180491号-1, 京公网安备11010502030413号: where no visitor sees it \(a comment, .*\)\); the built-in template is used\..* \(config-template\)/);
      expect(readPublic(dir, 'index.html'), source).to.contain(`>${ICP}</a>`).and.not.to.contain('<!-- <a');
      const checked = await runHexo(dir, ['beian', 'check', '--strict']);
      expect(checked.code, source).to.equal(1);
    }
  });
});

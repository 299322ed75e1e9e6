import { expect } from 'chai';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../paths';
import { jsonReport, readPublic, runHexo, siteMaker } from '../site';

/** The README's numbers, as a new user copies them. */
const ICP = '京ICP备20000491号-1';
const GONGAN = '京公网安备11010502030143号';

const json = jsonReport;

/** Known example numbers (docs/filing-rules.md, "Numbers that must never be published") on real sites. */
describe('known example numbers (real Hexo)', function () {
  this.timeout(120_000);
  const site = siteMaker();

  for (const hexo of ['hexo', 'hexo5'] as const) {
    it(`the README's numbers copied on a real host (${hexo}): not shown, errors, and guard: block stops the build`, async () => {
      const dir = site({ hexo, config: `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n  extra:\n    - text: 京ICP证030173号\n      link: https://dxzhgl.miit.gov.cn/\n` });
      const built = await runHexo(dir, ['generate']);
      expect(built.code, built.stderr).to.equal(0);
      expect(built.stdout + built.stderr).to.contain(`beian.icp: ${ICP} is an example number from hexo-beian's own documentation and demo, not this site's filing, so it is not shown: write the number from your own filing notice. (example-number)`);
      const home = readPublic(dir, 'index.html');
      for (const number of [ICP, GONGAN, '京ICP证030173号']) expect(home).not.to.contain(number);
      const checked = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
      expect(checked.code).to.equal(1);
      // The root cause only: no icp-missing, no 公安 deadline, no page finding for numbers withheld on purpose.
      expect(json(checked.stdout).findings.filter(f => f.severity !== 'info').map(f => [f.code, f.severity, f.path])).to.deep.equal([
        ['example-number', 'error', 'beian.icp'],
        ['example-number', 'error', 'beian.gongan'],
        ['example-number', 'error', 'beian.extra[0].text']
      ]);
      writeFileSync(join(dir, '_config.yml'), `${readFileSync(join(dir, '_config.yml'), 'utf8')}  guard: block\n`);
      rmSync(join(dir, 'public'), { recursive: true, force: true });
      const blocked = await runHexo(dir, ['generate']);
      expect(blocked.code).not.to.equal(0);
      expect(blocked.stderr).to.contain('hexo-beian stopped the build: 3 error(s) above; fix beian.icp in _config.yml:6:3 (example-number) first');
    });
  }

  it('the demo (example/) on its reserved host: the numbers shown, information only, hexo beian check --strict passes', async () => {
    const dir = site({});
    writeFileSync(join(dir, '_config.yml'), readFileSync(join(repoRoot, 'example', '_config.yml'), 'utf8'));
    cpSync(join(repoRoot, 'example', 'source'), join(dir, 'source'), { recursive: true });
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    const home = readPublic(dir, 'index.html');
    expect(home).to.contain(`>${ICP}</a>`);
    expect(home).to.match(new RegExp(`<img class="hexo-beian-icon" src="/images/gongan.png" alt="公安备案图标" [^>]*>${GONGAN}</a>`));
    const checked = await runHexo(dir, ['beian', 'check', '--strict', '--json', '--silent']);
    expect(checked.code, checked.stdout).to.equal(0);
    const findings = json(checked.stdout).findings;
    expect(findings.filter(f => f.severity !== 'info')).to.deep.equal([]);
    expect(findings.filter(f => f.code === 'example-number').map(f => [f.severity, f.path, f.message])).to.deep.equal([
      ['info', 'beian.icp.number', `${ICP} 是本插件（hexo-beian）文档和演示里的示例编号；站点域名 blog.example.com 是保留给示例的域名，所以照常显示。在真实域名上这是错误，不会显示：请填写本站备案通知上的编号。`],
      ['info', 'beian.gongan.number', `${GONGAN} 是本插件（hexo-beian）文档和演示里的示例编号；站点域名 blog.example.com 是保留给示例的域名，所以照常显示。在真实域名上这是错误，不会显示：请填写本站备案通知上的编号。`]
    ]);
  });

  it('a theme\'s own numbers: NexT showing Baidu\'s and the README\'s is an error at its setting, and no block suggests them', async () => {
    const dir = site({
      theme: 'next',
      config: 'beian:\n  icp: 京ICP备20180491号-1\n',
      files: { '_config.next.yml': `footer:\n  beian:\n    enable: true\n    icp: 京ICP证030173号\n    gongan_id: 11010502030143\n    gongan_num: ${GONGAN}\n` }
    });
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    const { findings } = json((await runHexo(dir, ['beian', 'check', '--json', '--silent'])).stdout);
    expect(findings.filter(f => f.code === 'example-number').map(f => [f.severity, f.path])).to.deep.equal([
      ['error', '_config.next.yml:footer.beian.icp'],
      ['error', '_config.next.yml:footer.beian.gongan_num']
    ]);
    expect(findings.find(f => f.code === 'example-number')?.message).to.equal('京ICP证030173号 is Baidu\'s own number, the one tutorials quote, not this site\'s filing, yet NexT shows it on every page: write the number from your own filing notice.');
    for (const found of findings) expect(found.suggestion ?? '', found.code).not.to.match(/030173|11010502030143/);
  });
});

import { expect } from 'chai';
import { rmSync } from 'fs';
import { makeSite, readPublic, runHexo } from '../site';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

/** Config input that broke real builds: on real Hexo and the real command line. */
describe('config inputs (real Hexo)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(config: string, files: Record<string, string> = {}): string {
    const dir = makeSite({ config, files });
    dirs.push(dir);
    return dir;
  }

  it('gongan.icon "/images/\\ud800.png": hexo generate and hexo beian check do not crash, and name the key', async () => {
    // In YAML, "\ud800" in a double-quoted string is a lone surrogate.
    // The file exists (the name is written as UTF-8, the surrogate as U+FFFD, which is what Node
    // looks up too): the icon is shown, and url_for threw on it, crashing the build.
    const dir = site(`beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: "/images/\\ud800.png"\n`, { 'source/images/\ud800.png': 'png' });
    const generated = await runHexo(dir, ['generate']);
    const log = generated.stdout + generated.stderr;
    expect(generated.code, log).to.equal(0);
    expect(log).not.to.contain('URIError');
    expect(log).to.contain('beian.gongan.icon').and.contain('(config-icon)').and.contain('\\ud800');
    // The numbers are still shown, without the icon.
    const home = readPublic(dir, 'index.html');
    expect(home).to.contain(`>${ICP}</a>`).and.contain(`>${GONGAN}</a>`).and.not.contain('hexo-beian-icon');

    const checked = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
    expect(checked.stderr).not.to.contain('URIError');
    expect(checked.code, checked.stdout + checked.stderr).to.equal(1);
    const report = JSON.parse(checked.stdout) as { findings: { code: string; path?: string; message: string }[] };
    const icon = report.findings.filter(f => f.path === 'beian.gongan.icon');
    expect(icon.map(f => f.code)).to.deep.equal(['config-icon']);
    expect(icon[0].message).to.contain('"/images/\\ud800.png"');
  });

  // An outside review: Hexo's config merge drops these keys, and the build showed no line without a word, under guard: block too.
  it('domains keys Hexo\'s merge drops (constructor, toString, valueOf) are config-domain, from the file as written, and guard: block stops', async () => {
    const dir = site(`beian:\n  guard: block\n  domains:\n    constructor:\n      icp: ${ICP}\n    toString: {icp: ${ICP}}\n    valueOf:\n      icp: ${ICP}\n`);
    const checked = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
    const report = JSON.parse(checked.stdout) as { findings: { code: string; path?: string }[] };
    expect(report.findings.filter(f => f.code === 'config-domain').map(f => f.path)).to.deep.equal(['beian.domains["constructor"]', 'beian.domains["toString"]', 'beian.domains["valueOf"]']);
    const built = await runHexo(dir, ['generate']);
    expect(built.code).not.to.equal(0);
    expect(built.stderr).to.contain('hexo-beian stopped the build');
  });

  it('approved: 2024-02-30 (unquoted) is config-date quoting 2024-02-30, in _config.yml and across --config files', async () => {
    const dir = site(`beian:\n  icp:\n    number: ${ICP}\n    approved: 2024-02-30\n`, {
      '_config.b.yml': 'beian:\n  online: 2024-13-45\n'
    });
    const one = await runHexo(dir, ['beian', 'check', '--today', '2024-07-01']);
    expect(one.code).to.equal(1);
    expect(one.stdout).to.contain('ERROR _config.yml:8:5 beian.icp.approved: is 2024-02-30, which is not a real day');
    // No deadline is computed from the day YAML rolled it over to.
    expect(one.stdout).not.to.match(/deadline[^\n]*2024-03/).and.not.contain('overdue');

    const two = await runHexo(dir, ['beian', 'check', '--today', '2024-07-01', '--config', '_config.yml,_config.b.yml']);
    expect(two.code).to.equal(1);
    expect(two.stdout).to.contain('beian.icp.approved: is 2024-02-30, which is not a real day');
    expect(two.stdout).to.contain('_config.b.yml:2:3 beian.online: is 2024-13-45, which is not a real day');
  });
});

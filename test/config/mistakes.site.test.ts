import { expect } from 'chai';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from '../paths';
import { jsonReport, readPublic, runHexo, siteMaker } from '../site';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

const json = jsonReport;

/**
 * The usual mistakes of a new user (issue 13, "Silent misses on wrong sites"), each on a real
 * generated site, Hexo 8 and 5.4: never exit 0 silently, one error naming what to write, the
 * root cause first and nothing beside it that it caused.
 */
describe('the usual mistakes in the beian block (real Hexo)', function () {
  this.timeout(120_000);
  const site = siteMaker();

  for (const hexo of ['hexo', 'hexo5'] as const) {
    it(`${hexo}: keys not indented under beian:, guard: block: hexo generate stops, naming them (move them under beian:)`, async () => {
      const dir = site({ hexo, config: `beian:\n  guard: block\nicp: ${ICP}\ngongan: ${GONGAN}\n` });
      const built = await runHexo(dir, ['generate']);
      expect(built.code).not.to.equal(0);
      expect(built.stderr).to.contain('hexo-beian stopped the build: 2 error(s) above; fix icp in _config.yml:7:1 (config-misplaced) first');
      expect(existsSync(join(dir, 'public', 'index.html'))).to.equal(false);
      const checked = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
      expect(checked.code).to.equal(1);
      expect(json(checked.stdout).findings.filter(f => f.severity !== 'info').map(f => [f.code, f.severity, f.path, f.suggestion])).to.deep.equal([
        // _config.yml has a beian: already: the lines to add under it, not a second beian:.
        ['config-misplaced', 'error', 'icp', `icp: ${ICP}`],
        ['config-misplaced', 'error', 'gongan', `gongan: ${GONGAN}`]
      ]);
    });

    it(`${hexo}: beian: {ICP, gonan}: hexo beian check exits 1, each error naming the key to write; guard: block stops hexo generate`, async () => {
      const dir = site({ hexo, config: `language: zh-CN\nbeian:\n  ICP: ${ICP}\n  gonan: ${GONGAN}\n  online: 2024-06-01\n` });
      const checked = await runHexo(dir, ['beian', 'check', '--generate', '--today', '2026-01-01']);
      expect(checked.code).to.equal(1);
      const errors = checked.stdout.split('\n').filter(line => /^ERROR/.test(line));
      expect(errors).to.deep.equal([
        'ERROR _config.yml:7:3 beian.ICP: 未知的键 beian.ICP，已忽略：它写的是 ICP备案号 京ICP备20180491号-1，但没有被使用；是不是 icp？beian 下可用的键：enable、icp、gongan、online、extra、position、pages、duplicates、template、domains、guard。 (config-unknown-key)',
        'ERROR _config.yml:8:3 beian.gonan: 未知的键 beian.gonan，已忽略：它写的是公安联网备案号 京公网安备11010502030413号，但没有被使用；是不是 gongan？beian 下可用的键：enable、icp、gongan、online、extra、position、pages、duplicates、template、domains、guard。 (config-unknown-key)'
      ]);
      expect(checked.stdout).not.to.match(/icp-missing|gongan-missing|逾期/);
      writeFileSync(join(dir, '_config.yml'), `${readFileSync(join(dir, '_config.yml'), 'utf8')}  guard: block\n`);
      rmSync(join(dir, 'public'), { recursive: true, force: true });
      const built = await runHexo(dir, ['generate']);
      expect(built.code).not.to.equal(0);
      expect(built.stderr).to.contain('hexo-beian 已阻止生成：有 2 个错误（见上文），请先修正 _config.yml:7:3 的 beian.ICP（config-unknown-key）');
    });
  }

  it('an enabled block that shows no ICP number is an error under guard: block; a host domains leaves out is not', async () => {
    const none = site({ config: `beian:\n  gongan: ${GONGAN}\n  guard: block\n` });
    const built = await runHexo(none, ['generate']);
    expect(built.code).not.to.equal(0);
    expect(built.stderr).to.contain('fix beian.icp (icp-missing) first');
    const mirror = site({ config: `beian:\n  guard: block\n  domains:\n    www.example.cn:\n      icp: ${ICP}\n` });
    expect((await runHexo(mirror, ['generate'])).code).to.equal(0);
    expect(readPublic(mirror, 'index.html')).not.to.contain('data-hexo-beian');
    const checked = await runHexo(mirror, ['beian', 'check', '--strict', '--json', '--silent']);
    expect(checked.code, checked.stdout).to.equal(0);
    expect(json(checked.stdout).findings.map(f => f.code)).to.deep.equal(['domain']);
  });

  for (const hexo of ['hexo', 'hexo5'] as const) {
    it(`${hexo}: gongan_num: 沪公网安备…, and a 公安 number under icp: the root cause first, and no 公安 deadline`, async () => {
      const nexT = site({ hexo, config: `language: zh-CN\nbeian:\n  icp:\n    number: ${ICP}\n    approved: 2024-05-20\n  gongan_num: 沪公网安备31011502012345号\n` });
      const checked = await runHexo(nexT, ['beian', 'check', '--generate', '--today', '2026-01-01']);
      expect(checked.code).to.equal(1);
      // The report's findings (each opens with its path), not the build's log.
      const lines = checked.stdout.split('\n').filter(line => /^(ERROR|WARN|INFO)\s+(_config\.yml:\d+:\d+ )?beian/.test(line));
      expect(lines[0]).to.equal('ERROR _config.yml:10:3 beian.gongan_num: 未知的键 beian.gongan_num，已忽略：它写的是公安联网备案号 沪公网安备31011502012345号，但没有被使用；是不是 gongan？beian 下可用的键：enable、icp、gongan、online、extra、position、pages、duplicates、template、domains、guard。 (config-unknown-key)');
      expect(checked.stdout).to.contain('改为: gongan: 沪公网安备31011502012345号');
      expect(checked.stdout).not.to.match(/gongan-missing|逾期|请尽快办理/);

      const underIcp = site({ hexo, config: `beian:\n  icp:\n    number: 沪公网安备31011502012345号\n    approved: 2024-05-20\n` });
      const report = json((await runHexo(underIcp, ['beian', 'check', '--generate', '--json', '--silent', '--today', '2026-01-01'])).stdout);
      expect(report.findings.filter(f => f.severity !== 'info').map(f => [f.code, f.path, f.suggestion])).to.deep.equal([
        ['wrong-kind', 'beian.icp.number', 'gongan: 沪公网安备31011502012345号']
      ]);
    });
  }

  it('the Chinese messages of a date and a switch: the beian.x: form, and enable: yes not told to drop quotes it never had', async () => {
    const dir = site({ config: `language: zh-CN\nbeian:\n  enable: yes\n  icp: ${ICP}\n  gongan: ${GONGAN}\n  online: 2024/6/1\n` });
    const { stdout } = await runHexo(dir, ['beian', 'check', '--generate']);
    const report = stdout.slice(stdout.search(/^(ERROR|WARN)\s+_config\.yml:/m));
    expect(report.split('\n').slice(0, 4)).to.deep.equal([
      'ERROR _config.yml:10:3 beian.online: 要写成 年-月-日（写的是 "2024/6/1"），即 2024-06-01。 (config-date)',
      '    改为: online: 2024-06-01',
      'WARN  _config.yml:7:3 beian.enable: 写的是 "yes"：Hexo 的 YAML 只把 true 和 false 当作开关，"yes" 是文本；已按 true 处理，请写 enable: true。 (config-boolean)',
      '    改为: enable: true'
    ]);
  });

  it('a theme committed under themes/next/: already-shown and every theme message name themes/next/_config.yml', async () => {
    const dir = site({ theme: 'next', config: `beian:\n  icp: ${ICP}\n` });
    cpSync(join(repoRoot, 'node_modules', 'hexo-theme-next'), join(dir, 'themes', 'next'), { recursive: true, dereference: true });
    const themeConfig = join(dir, 'themes', 'next', '_config.yml');
    const shipped = readFileSync(themeConfig, 'utf8');
    const turnedOn = shipped.replace(/^( {2}beian:\n {4}enable: )false\n {4}icp:.*$/m, `$1true\n    icp: ${ICP}`);
    expect(turnedOn).not.to.equal(shipped);
    writeFileSync(themeConfig, turnedOn);
    const built = await runHexo(dir, ['generate']);
    expect(built.code, built.stderr).to.equal(0);
    const log = built.stdout + built.stderr;
    expect(log).to.contain('already-shown');
    expect(log).to.contain('set footer.beian.enable: false in themes/next/_config.yml');
    expect(readPublic(dir, 'index.html')).not.to.contain('data-hexo-beian');
    const checked = await runHexo(dir, ['beian', 'check', '--strict', '--json', '--silent']);
    const { findings } = json(checked.stdout);
    expect(findings.map(f => [f.code, f.path])).to.deep.include(['theme-shows', 'themes/next/_config.yml:footer.beian.enable']);
    for (const found of [...findings.map(f => f.message), log]) expect(found).not.to.contain('_config.next.yml');
  });
});

import { expect } from 'chai';
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { blockedLine } from '../../lib/hexo/guard';
import { makeSite, runHexo, type HexoModule } from '../site';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';
/** ICP approved long ago and no 公安 number: the 30-day deadline has passed, an error. */
const OVERDUE = `  icp:\n    number: ${ICP}\n    approved: 2024-05-20\n`;
const CLEAN = `  icp: ${ICP}\n  gongan: ${GONGAN}\n`;

/**
 * The commit messages on the deploy target's branch, newest first (hexo-deployer-git makes a
 * 'First commit' of its own, then ours, 'site'); none when nothing was ever pushed.
 */
function pushed(bare: string): string[] {
  try {
    return execFileSync('git', ['--git-dir', bare, 'log', '--format=%s', 'main'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n');
  } catch {
    return [];
  }
}

/**
 * The publish guard with a real deployer: hexo-deployer-git pushing to a bare repository in
 * a temporary folder, driven by the real `hexo` command line.
 */
describe('guard (beian.guard before generate and deploy)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  /** A site that deploys with git to a fresh bare repository. */
  function site(beian: string, hexo?: HexoModule): { dir: string; bare: string } {
    const bare = mkdtempSync(join(tmpdir(), 'hexo-beian-target-'));
    execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch', 'main', bare]);
    const deploy = `deploy:\n  type: git\n  repo: ${bare}\n  branch: main\n  message: site\n  name: Test\n  email: test@example.cn\n`;
    const dir = makeSite({ config: `${deploy}beian:\n${beian}`, plugins: ['hexo-deployer-git'], hexo });
    dirs.push(bare, dir);
    return { dir, bare };
  }

  for (const hexo of ['hexo6', 'hexo5'] as const) {
    it(`block on ${hexo.replace('hexo', 'Hexo ')}: the build stops before public/ and the one line reads clean`, async () => {
      const { dir, bare } = site(`${OVERDUE}  guard: block\n`, hexo);
      const version = await runHexo(dir, ['version']);
      expect(version.stdout).to.match(new RegExp(`hexo: ${hexo.slice(4)}\\.`));
      const { code, stdout, stderr } = await runHexo(dir, ['deploy', '-g']);
      expect(code).not.to.equal(0);
      const out = stdout + stderr;
      expect(out).to.contain('hexo-beian stopped the build: 1 error(s) above; fix beian.gongan (gongan-missing) first');
      // No inspected object around it (Hexo 5 printed `[hexo-beian …] { name: 'GuardError' }`), no trace.
      expect(out).not.to.match(/GuardError|\[hexo-beian stopped|\n\s+at /);
      expect(existsSync(join(dir, 'public'))).to.equal(false);
      expect(pushed(bare)).to.deep.equal([]);
    });
  }

  it('block, a config error: hexo deploy -g stops before writing public/, and nothing is pushed', async () => {
    const { dir, bare } = site(`${OVERDUE}  guard: block\n`);
    const { code, stdout, stderr } = await runHexo(dir, ['deploy', '-g']);
    expect(code).not.to.equal(0);
    expect(stdout + stderr).to.match(/ERROR\s+hexo-beian: beian\.gongan: The public-security \(公安\) filing is \d+ days overdue/);
    expect(stderr).to.contain('hexo-beian stopped the build: 1 error(s) above; fix beian.gongan (gongan-missing) first, or set beian.guard: warn in _config.yml to build anyway with a warning.');
    expect(stdout + stderr).not.to.match(/\n\s+at /);
    expect(existsSync(join(dir, 'public'))).to.equal(false);
    expect(pushed(bare)).to.deep.equal([]);
    // The same for a plain build.
    const build = await runHexo(dir, ['generate']);
    expect(build.code).not.to.equal(0);
    expect(build.stderr).to.contain('hexo-beian stopped the build');
    expect(existsSync(join(dir, 'public'))).to.equal(false);
  });

  it('block, a page error after a clean build: hexo deploy stops, the target is untouched', async () => {
    const { dir, bare } = site(`${CLEAN}  guard: block\n`);
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    // The home page loses its filing line after the build (a stale or hand-edited file).
    const home = join(dir, 'public', 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace(/<div class="hexo-beian"[\s\S]*?<\/div>/, ''));
    const { code, stdout, stderr } = await runHexo(dir, ['deploy']);
    expect(code).not.to.equal(0);
    expect(stdout + stderr).to.match(/ERROR\s+hexo-beian: index\.html: The ICP number 京ICP备20180491号-1 is not on this page/);
    expect(stderr).to.contain('hexo-beian stopped the deploy: 2 error(s) above; fix the page-missing on index.html first, or set beian.guard: warn in _config.yml to deploy anyway with a warning.');
    expect(pushed(bare)).to.deep.equal([]);
  });

  it('block, the home page without its line but with the line\'s markup in a comment: hexo deploy stops all the same', async () => {
    // An outside review: the audit took the comment's data-hexo-beian for the line, found both
    // numbers there, and let the deploy through.
    const { dir, bare } = site(`${CLEAN}  guard: block\n`);
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    const home = join(dir, 'public', 'index.html');
    const html = readFileSync(home, 'utf8');
    const line = /<div class="hexo-beian"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(line).to.contain(GONGAN);
    writeFileSync(home, html.replace(line, '').replace('</article>', `<!-- ${line} --></article>`));
    const { code, stdout, stderr } = await runHexo(dir, ['deploy']);
    expect(code).not.to.equal(0);
    expect(stdout + stderr).to.match(/ERROR\s+hexo-beian: index\.html: The ICP number 京ICP备20180491号-1 is not on this page/);
    expect(pushed(bare)).to.deep.equal([]);
  });

  it('warn, the same config error: the findings are printed, and everything is pushed', async () => {
    const { dir, bare } = site(`${OVERDUE}  guard: warn\n`);
    const { code, stdout, stderr } = await runHexo(dir, ['deploy', '-g']);
    expect(code).to.equal(0);
    const out = stdout + stderr;
    expect(out).to.match(/ERROR\s+hexo-beian: beian\.gongan: The public-security \(公安\) filing is \d+ days overdue/);
    // Printed once, though both the build and the deploy ran the audit.
    expect(out.split('filing is').length - 1).to.equal(1);
    expect(out).not.to.contain('stopped');
    expect(pushed(bare)).to.deep.equal(['site', 'First commit']);
    expect(execFileSync('git', ['--git-dir', bare, 'show', 'main:index.html'], { encoding: 'utf8' })).to.contain(`>${ICP}</a>`);
  });

  it('warn, pages the audit cannot read (a Latin-1 name, a dangling link, a sparse 600 MB page): findings, no trace; the deploy goes on and hexo beian check exits 1', async () => {
    // A deployer that copies nothing (git would copy the 600 MB), so that only the guard is tested.
    const dir = makeSite({
      config: `deploy:\n  type: noop\nbeian:\n${CLEAN}  guard: warn\n`,
      files: { 'scripts/noop.js': "hexo.extend.deployer.register('noop', () => { console.log('noop deployer ran'); });\n" }
    });
    dirs.push(dir);
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    const publicDir = join(dir, 'public');
    writeFileSync(Buffer.concat([Buffer.from(`${publicDir}/caf`), Buffer.from([0xe9]), Buffer.from('.html')]), '<html><body><footer></footer></body></html>');
    symlinkSync(join(publicDir, 'gone.html'), join(publicDir, 'dangling.html'));
    writeFileSync(join(publicDir, 'huge.html'), '');
    truncateSync(join(publicDir, 'huge.html'), 600 * 1024 * 1024);

    const deploy = await runHexo(dir, ['deploy']);
    const out = deploy.stdout + deploy.stderr;
    expect(deploy.code).to.equal(0);
    expect(out).to.contain('noop deployer ran');
    expect(out).to.match(/ERROR\s+hexo-beian: caf\\xe9\.html: The ICP number 京ICP备20180491号-1 is not on this page/);
    expect(out).to.match(/ERROR\s+hexo-beian: dangling\.html: This page cannot be read \(it is a symbolic link to nothing/);
    expect(out).to.match(/ERROR\s+hexo-beian: huge\.html: This page cannot be read \(it is 600 MiB, more than the 64 MiB the audit reads of a page\)/);
    expect(out).not.to.match(/\n\s+at |Cannot create a string/);

    const check = await runHexo(dir, ['beian', 'check']);
    expect(check.code).to.equal(1);
    expect(check.stdout).to.contain('huge.html: This page cannot be read').and.to.contain('(page-unreadable)');
    expect(check.stdout + check.stderr).not.to.match(/\n\s+at /);
  });

  it('a clean site deploys silently: no line from hexo-beian, everything pushed', async () => {
    const { dir, bare } = site(`${CLEAN}  guard: block\n`);
    const { code, stdout, stderr } = await runHexo(dir, ['deploy', '-g']);
    expect(code).to.equal(0);
    // Our log lines start `hexo-beian:` (the temporary folders' names hold `hexo-beian-`).
    expect(stdout + stderr).not.to.contain('hexo-beian:');
    expect(pushed(bare)).to.deep.equal(['site', 'First commit']);
  });

  it('off: no audit, even with an error; the site is pushed', async () => {
    const { dir, bare } = site(`${OVERDUE}  guard: off\n`);
    const { code, stdout, stderr } = await runHexo(dir, ['deploy', '-g']);
    expect(code).to.equal(0);
    expect(stdout + stderr).not.to.contain('overdue');
    expect(pushed(bare)).to.deep.equal(['site', 'First commit']);
  });

  it('blockedLine() names the first error to fix and the setting that lets it through, in Chinese too', () => {
    const findings = [
      { code: 'placeholder', severity: 'error' as const, message: 'x', path: 'beian.icp' },
      { code: 'page-missing', severity: 'error' as const, message: 'y', page: 'index.html' },
      { code: 'link-retired', severity: 'warning' as const, message: 'z', page: 'index.html' }
    ];
    expect(blockedLine(findings, 'deploy', 'zh')).to.equal('hexo-beian 已阻止部署：有 2 个错误（见上文），请先修正 beian.icp（placeholder）；或在 _config.yml 中设 beian.guard: warn，只警告不阻止。');
  });
});

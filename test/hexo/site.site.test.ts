import { expect } from 'chai';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { JsonReport } from '../../lib/hexo/report';
import { makeSite, readPublic, runHexo } from '../site';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

/**
 * A site script that counts the calls of the config reader of the plugin Hexo loaded (the
 * same module: the site's hexo-beian is a link to this repository) and prints the count as
 * Hexo exits.
 */
const COUNTER = `const read = require('hexo-beian/dist/lib/config/read');
const original = read.readConfig;
let calls = 0;
read.readConfig = function (...args) { calls++; return original.apply(this, args); };
hexo.on('exit', () => { process.stdout.write('\\nreadConfig calls: ' + calls + '\\n'); });
`;

const calls = (stdout: string) => Number(/readConfig calls: (\d+)/.exec(stdout)?.[1] ?? NaN);

/** The site as one build reads it (lib/hexo/site.ts), on real Hexo and the real command line. */
describe('site reading (real Hexo): once per build', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(config: string, files: Record<string, string> = {}, plugins: string[] = []): string {
    const dir = makeSite({ config, files: { 'scripts/count.js': COUNTER, ...files }, plugins });
    dirs.push(dir);
    return dir;
  }

  it('hexo generate (guard: warn, the default) reads and validates the beian block once', async () => {
    // A warning in the config: the reading logs it, the guard's audit does not say it again.
    const dir = site(`beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n  positon: footer\n`);
    const { code, stdout, stderr } = await runHexo(dir, ['generate']);
    expect(code, stderr).to.equal(0);
    expect(calls(stdout)).to.equal(1);
    expect((stdout + stderr).match(/Unknown key beian\.positon/g)).to.have.length(1);
    expect(readPublic(dir, 'index.html')).to.contain(`>${ICP}</a>`);
  });

  it('hexo deploy -g reads it once for the Hexo instance, and hexo beian check once', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'hexo-beian-target-'));
    dirs.push(bare);
    execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch', 'main', bare]);
    const deploy = `deploy:\n  type: git\n  repo: ${bare}\n  branch: main\n  message: site\n  name: Test\n  email: test@example.cn\n`;
    const dir = site(`${deploy}beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`, {}, ['hexo-deployer-git']);
    const deployed = await runHexo(dir, ['deploy', '-g']);
    expect(deployed.code, deployed.stderr).to.equal(0);
    expect(calls(deployed.stdout)).to.equal(1);
    const checked = await runHexo(dir, ['beian', 'check']);
    expect(checked.code, checked.stdout).to.equal(0);
    expect(calls(checked.stdout)).to.equal(1);
  });

  it('hexo beian check expects no line on pages Hexo writes without a theme layout (layout: false, skip_render)', async () => {
    const page = (title: string) => `<!doctype html><html><body><p>${title}</p><footer>x</footer></body></html>\n`;
    const dir = site(`skip_render: [verify/**]\nbeian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`, {
      'source/404.html': `---\nlayout: false\n---\n${page('not found')}`,
      'source/about/index.md': `---\ntitle: about\nlayout: false   # a page of its own\n---\n${page('about')}`,
      'source/verify/google123.html': page('verification'),
      'source/themed/index.md': '---\ntitle: themed\n---\nA page with the theme.\n'
    });
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    // The filter does not see them: none of them carries the line.
    for (const path of ['404.html', 'about/index.html', 'verify/google123.html']) expect(readPublic(dir, path), path).not.to.contain('data-hexo-beian');
    expect(readPublic(dir, 'themed/index.html')).to.contain('data-hexo-beian');
    const { code, stdout } = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
    const json = JSON.parse(stdout.slice(0, stdout.lastIndexOf('}') + 1)) as JsonReport;
    expect(json.findings.filter(f => f.page !== undefined), stdout).to.deep.equal([]);
    expect(code).to.equal(0);
    // A themed page without the line is still found.
    const stale = site(`beian:\n  icp: ${ICP}\n`, { 'source/404.html': page('not found') });
    expect((await runHexo(stale, ['generate'])).code).to.equal(0);
    expect(readPublic(stale, '404.html')).to.contain('data-hexo-beian');
  });

  it('template: a device, a FIFO, a folder or a file over 64 KiB is refused with config-template, and the built-in line is shown', async () => {
    for (const [name, setup] of [
      ['/dev/zero', () => '/dev/zero'],
      ['a folder', () => 'source'],
      ['a file over 64 KiB', (dir: string) => {
        const big = join(dir, 'big.njk');
        execFileSync(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(big)}, '<p data-hexo-beian>' + 'x'.repeat(70000) + '</p>')`]);
        return 'big.njk';
      }],
      ['a link to /dev/urandom', (dir: string) => {
        symlinkSync('/dev/urandom', join(dir, 'random.njk'));
        return 'random.njk';
      }],
      // Opened as files are, it blocked until something wrote to it: every command hung.
      ['a FIFO', (dir: string) => {
        execFileSync('mkfifo', [join(dir, 'pipe.njk')]);
        return 'pipe.njk';
      }]
    ] as const) {
      const dir = site(`beian:\n  icp: ${ICP}\n`);
      const template = setup(dir);
      execFileSync('sh', ['-c', `printf '  template: %s\\n' '${template}' >> _config.yml`], { cwd: dir });
      const { code, stdout, stderr } = await runHexo(dir, ['generate']);
      expect(code, `${name}: ${stderr}`).to.equal(0);
      expect(stdout + stderr, name).to.match(/beian\.template: Cannot read the file of beian\.template, .* \(.*\); the built-in template is used\..*\(config-template\)/);
      expect(readPublic(dir, 'index.html'), name).to.contain(`>${ICP}</a>`);
    }
  });

  it('template: a file that is not UTF-8 (GBK, Latin-1) is refused, naming its line, and the built-in line is shown; a UTF-8 BOM is not shown', async () => {
    const bad = site(`beian:\n  icp: ${ICP}\n  template: gbk.njk\n`);
    // 备案 in GBK, on the second line: read as UTF-8 it would reach every page as replacement characters.
    writeFileSync(join(bad, 'gbk.njk'), Buffer.concat([Buffer.from('<p data-hexo-beian>\n'), Buffer.from([0xb1, 0xb8, 0xb0, 0xb8]), Buffer.from('{% for item in items %}<a href="{{ item.href }}">{{ item.text }}</a>{% endfor %}</p>')]));
    const { code, stdout, stderr } = await runHexo(bad, ['generate']);
    expect(code, stderr).to.equal(0);
    expect(stdout + stderr).to.match(/beian\.template: Cannot use the file of beian\.template, .*gbk\.njk \(not UTF-8 text, line 2\); the built-in template is used\. Save it as UTF-8\. \(config-template\)/);
    expect(readPublic(bad, 'index.html')).to.contain(`>${ICP}</a>`).and.not.contain('\ufffd');
    const bom = site(`beian:\n  icp: ${ICP}\n  template: bom.njk\n`);
    writeFileSync(join(bom, 'bom.njk'), '\ufeff<p class="mine" data-hexo-beian>{% for item in items %}<a href="{{ item.href }}">{{ item.text }}</a>{% endfor %}</p>');
    const built = await runHexo(bom, ['generate']);
    expect(built.stdout + built.stderr).not.to.contain('config-template');
    expect(readPublic(bom, 'index.html')).to.contain(`<p class="mine" data-hexo-beian><a href="https://beian.miit.gov.cn/">${ICP}</a></p>`).and.not.contain('\ufeff');
  });

  it('the one required number vanishing is an error: keys not indented under beian:, misspelt keys under guard: block', async () => {
    const flat = site(`beian:\nicp: ${ICP}\ngongan: ${GONGAN}\n`);
    const checked = await runHexo(flat, ['beian', 'check']);
    expect(checked.code).to.equal(1);
    // `beian:` is there (empty): the line to move under it, at the line where it is now.
    expect(checked.stdout).to.match(/ERROR\s+_config\.yml:6:1 icp: is at the top level of _config.yml, outside beian:, so hexo-beian never reads it: move this line under the beian: that _config.yml already has \(indented by two spaces\), not into a second beian:\. \(config-misplaced\)\n\s+write: icp: 京ICP备20180491号-1\n/);
    const themed = site('');
    writeFileSync(join(themed, '_config.landscape.yml'), `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`);
    const inTheme = await runHexo(themed, ['beian', 'check']);
    expect(inTheme.code).to.equal(1);
    expect(inTheme.stdout).to.match(/ERROR\s+_config\.landscape\.yml:1:1 beian: This beian: block is in the theme's config \(_config\.landscape\.yml:beian\), and hexo-beian reads beian: only from the site's _config\.yml: move it to the site's _config\.yml\. \(config-misplaced\)\n\s+write: beian:\n\s+icp: 京ICP备20180491号-1\n\s+gongan: 京公网安备11010502030413号/);
    expect(inTheme.stdout).not.to.contain('gongan-missing');
    const typo = site(`beian:\n  ICP: ${ICP}\n  gonan: ${GONGAN}\n  guard: block\n`);
    const built = await runHexo(typo, ['generate']);
    expect(built.code).not.to.equal(0);
    expect(built.stderr).to.contain('hexo-beian stopped the build: 2 error(s) above; fix beian.ICP in _config.yml:6:3 (config-unknown-key) first');
    expect(built.stdout + built.stderr).not.to.contain('gongan-missing');
  });

  it('an icon that is no file of the site is withheld from the line (the number stays) and reported once; a theme\'s own icon is checked the same way', async () => {
    const dir = site(`beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /images/missing.png\n`);
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    const home = readPublic(dir, 'index.html');
    expect(home).to.contain(`>${GONGAN}</a>`);
    expect(home).not.to.contain('missing.png');
    const { stdout } = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
    const json = JSON.parse(stdout.slice(0, stdout.lastIndexOf('}') + 1)) as JsonReport;
    expect(json.findings.filter(f => f.severity !== 'info').map(f => [f.code, f.path])).to.deep.equal([['icon-not-found', 'beian.gongan.icon']]);

    const next = makeSite({
      theme: 'next',
      config: `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`,
      files: { '_config.next.yml': `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n    gongan_id: 11010502030413\n    gongan_num: ${GONGAN}\n    gongan_icon_url: /images/gone.png\n` }
    });
    dirs.push(next);
    const theirs = await runHexo(next, ['beian', 'check', '--json', '--silent']);
    const report = JSON.parse(theirs.stdout.slice(0, theirs.stdout.lastIndexOf('}') + 1)) as JsonReport;
    expect(report.findings.filter(f => f.code === 'icon-not-found').map(f => f.path)).to.deep.equal(['_config.next.yml:footer.beian.gongan_icon_url']);
  });
});

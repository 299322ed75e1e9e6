import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import type Hexo from 'hexo';
import { makeSite, runHexo, type HexoModule } from '../site';

const ICP = '京ICP备20180491号-1';
/** ICP approved long ago and no 公安 number: the 30-day deadline has passed, an error. */
const OVERDUE = `beian:\n  icp:\n    number: ${ICP}\n    approved: 2024-05-20\n  guard: block\n`;
const STOPPED = 'hexo-beian stopped the build: 1 error(s) above; fix beian.gongan (gongan-missing) first';

/**
 * The site's own scripts: a deployer that leaves a file behind when it runs (so "nothing was
 * deployed" is a fact on disk); a command of the site's own that builds through the API, as
 * a script would; and a stand-in for hexo-server, which is not installed here: like it, it
 * watches the site (`before_generate` runs) and renders a page on request, without ever
 * running the generate console.
 */
const SCRIPTS = {
  'scripts/deployer.js': `hexo.extend.deployer.register('record', () => require('fs').writeFileSync(require('path').join(hexo.base_dir, 'deployed'), 'yes'));\n`,
  'scripts/build.js': `hexo.extend.console.register('build-site', 'Build through the API', function () { return this.call('generate', {}); });\n`,
  'scripts/server.js': `hexo.extend.console.register('server', 'What hexo-server does', function () {
  return this.watch().then(() => new Promise((resolve, reject) => {
    const chunks = [];
    this.route.get('index.html').on('data', c => chunks.push(Buffer.from(c))).on('end', () => resolve(Buffer.concat(chunks).toString())).on('error', reject);
  })).then(html => {
    this.unwatch();
    require('fs').writeFileSync(require('path').join(this.base_dir, 'served.html'), html);
  });
});\n`
};

/**
 * `beian.guard: block` holds on every way a build or a deploy is run: Hexo takes any
 * case-insensitive abbreviation of a command, and scripts call its API. The guard decides by
 * the generate console running, not by the word typed.
 */
describe('guard (every way of running a build)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(config = OVERDUE, hexo?: HexoModule): string {
    const dir = makeSite({ config: `deploy:\n  type: record\n${config}`, files: SCRIPTS, hexo });
    dirs.push(dir);
    return dir;
  }

  const written = (dir: string) => ({ public: existsSync(join(dir, 'public')), deployed: existsSync(join(dir, 'deployed')) });

  /** Runs the command line and expects the build stopped before public/ was written, nothing deployed. */
  async function expectStopped(dir: string, args: string[]): Promise<void> {
    const { code, stdout, stderr } = await runHexo(dir, args);
    expect(code, args.join(' ')).not.to.equal(0);
    expect(stderr, args.join(' ')).to.contain(STOPPED);
    expect(stdout + stderr).not.to.match(/\n\s+at /);
    expect(written(dir), args.join(' ')).to.deep.equal({ public: false, deployed: false });
  }

  for (const hexo of ['hexo', 'hexo5'] as const) {
    const on = hexo === 'hexo' ? 'Hexo 8' : 'Hexo 5.4';

    for (const word of ['gen', 'G', 'Generate', 'generat']) {
      it(`${on}: hexo ${word} is stopped before public/ is written`, async () => {
        await expectStopped(site(OVERDUE, hexo), [word]);
      });
    }

    it(`${on}: hexo de (no public/ yet) is stopped before it generates, and no deployer runs`, async () => {
      await expectStopped(site(OVERDUE, hexo), ['de']);
    });

    it(`${on}: hexo depl -g is stopped before public/ is written, and no deployer runs`, async () => {
      await expectStopped(site(OVERDUE, hexo), ['depl', '-g']);
    });

    it(`${on}: a command of the site's scripts that calls hexo.call('generate') is stopped`, async () => {
      await expectStopped(site(OVERDUE, hexo), ['build-site']);
    });

    it(`${on}: a Node program (new Hexo, init, call('generate')) is stopped with the guard's error`, async () => {
      const dir = site(OVERDUE, hexo);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const HexoClass = require(hexo) as new (base: string, args: object) => Hexo;
      const instance = new HexoClass(dir, { silent: true });
      await instance.init();
      const failed = await instance.call('generate', {}).then(() => undefined, (err: unknown) => err);
      await instance.exit();
      expect(failed).to.be.instanceOf(Error);
      expect((failed as Error).message).to.contain(STOPPED);
      expect(written(dir)).to.deep.equal({ public: false, deployed: false });
    });

    it(`${on}: the server (it watches and renders on request) is never stopped, and serves the line`, async () => {
      const dir = site(OVERDUE, hexo);
      for (const word of ['server', 's']) {
        const { code, stdout, stderr } = await runHexo(dir, [word]);
        expect(code, word).to.equal(0);
        expect(stdout + stderr).not.to.contain('stopped');
        expect(readFileSync(join(dir, 'served.html'), 'utf8')).to.contain(`>${ICP}</a>`);
        rmSync(join(dir, 'served.html'));
      }
      expect(written(dir)).to.deep.equal({ public: false, deployed: false });
    });

    it(`${on}: hexo beian check --generate reports the error (exit 1) instead of being stopped`, async () => {
      const dir = site(OVERDUE, hexo);
      const { code, stdout, stderr } = await runHexo(dir, ['beian', 'check', '--generate']);
      expect(code).to.equal(1);
      expect(stdout).to.match(/^ERROR beian\.gongan: The public-security \(公安\) filing is \d+ days overdue/m);
      expect(stdout).to.match(/hexo-beian: 1 error\(s\), \d+ warning\(s\), \d+ info; [1-9]\d* page\(s\) checked\./);
      expect(stdout + stderr).not.to.contain('stopped');
      expect(written(dir)).to.deep.equal({ public: true, deployed: false });
    });
  }

  it('hexo de with public/ already there: the deploy is stopped before any deployer runs', async () => {
    const dir = site(OVERDUE.replace('guard: block', 'guard: warn'));
    expect((await runHexo(dir, ['g'])).code).to.equal(0);
    const config = join(dir, '_config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('guard: warn', 'guard: block'));
    const { code, stderr } = await runHexo(dir, ['de']);
    expect(code).not.to.equal(0);
    expect(stderr).to.contain('hexo-beian stopped the deploy: 1 error(s) above; fix beian.gongan (gongan-missing) first');
    expect(written(dir)).to.deep.equal({ public: true, deployed: false });
  });

  it('a finding repeated on every page is printed once, with the count of pages, as hexo beian check prints it', async () => {
    const posts: Record<string, string> = {};
    for (let i = 0; i < 12; i++) posts[`source/_posts/p${i}.md`] = `---\ntitle: p${i}\ndate: 2024-05-${10 + i} 10:00:00\n---\nx\n`;
    const dir = makeSite({ config: `deploy:\n  type: record\nbeian:\n  icp: ${ICP}\n  gongan: 京公网安备11010502030413号\n`, files: { ...SCRIPTS, ...posts } });
    dirs.push(dir);
    expect((await runHexo(dir, ['g'])).code).to.equal(0);
    // Every page now shows another number (a stale build): the same errors on each.
    const pages: string[] = [];
    const walk = (folder: string) => readdirSync(folder, { withFileTypes: true }).forEach(e => {
      const path = join(folder, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.html')) pages.push(path);
    });
    walk(join(dir, 'public'));
    for (const page of pages) writeFileSync(page, readFileSync(page, 'utf8').replaceAll(ICP, '京ICP备20180492号-1'));
    const { code, stdout, stderr } = await runHexo(dir, ['de']);
    expect(code).to.equal(0);
    const guard = (stdout + stderr).split('\n').filter(line => line.includes('hexo-beian: ')).map(line => line.replace(/^(\w+)\s+hexo-beian: /, '$1 '));
    // The home page's own rule, the other number on every page, the number missing from the others.
    expect(guard.map(line => /\((\S+)\)$/.exec(line)?.[1])).to.deep.equal(['page-missing', 'page-other-number', 'page-missing']);
    expect(guard[2]).to.match(new RegExp(`^ERROR [^ ]+, [^ ]+, [^ ]+ and ${pages.length - 4} more pages: The ICP number ${ICP} is not on this page: this page should show it\\.`));
    // The same lines as the check's report (its grouping, written once).
    const report = (await runHexo(dir, ['beian', 'check'])).stdout.split('\n').filter(line => /^(ERROR|WARN)/.test(line)).map(line => line.replace(/^(\w+)\s+/, '$1 '));
    expect(guard).to.deep.equal(report);
    expect(written(dir)).to.deep.equal({ public: true, deployed: true });
  });

  it('a clean site: the same commands build and deploy', async () => {
    const dir = site(`beian:\n  icp: ${ICP}\n  gongan: 京公网安备11010502030413号\n  guard: block\n`);
    const { code, stdout, stderr } = await runHexo(dir, ['depl', '-g']);
    expect(code).to.equal(0);
    expect(stdout + stderr).not.to.contain('hexo-beian:');
    expect(written(dir)).to.deep.equal({ public: true, deployed: true });
    // The watched generate command is still Hexo's, as its help shows.
    const help = await runHexo(dir, ['help', 'generate']);
    expect(help.stdout).to.contain('Generate static files.');
    expect(help.stdout).to.match(/-d, --deploy\s+Deploy after generated/);
  });
});

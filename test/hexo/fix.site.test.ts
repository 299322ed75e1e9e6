import { expect } from 'chai';
import { chmodSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generate, makeSite, readPublic, runHexo } from '../site';

/** Hexo logs this on stdout while it loads the config, before any plugin is loaded. */
const VALIDATING = 'INFO  Validating config\n';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

/** The site's `_config.yml` as makeSite writes it, before the appended YAML. */
const HEAD = 'title: Test Blog\nurl: https://blog.example.cn\ntimezone: Asia/Shanghai\ntheme: landscape\n';

/** `hexo beian fix` and `hexo beian init`, run by the real hexo command line in real sites. */
describe('fix and init (hexo beian fix, hexo beian init)', function () {
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(config: string): string {
    const dir = makeSite({ config });
    dirs.push(dir);
    return dir;
  }
  const configOf = (dir: string) => readFileSync(join(dir, '_config.yml'), 'utf8');

  describe('hexo beian fix', () => {
    const BROKEN = `# 备案\nbeian:\n  ICP: 京ICP備20180491號-1 # 工信部\n  gongan_num: 11010502030413\n`;
    const DIFF = `--- a/_config.yml
+++ b/_config.yml
@@ -4,5 +4,5 @@
 theme: landscape
 # 备案
 beian:
-  ICP: 京ICP備20180491號-1 # 工信部
-  gongan_num: 11010502030413
+  icp: ${ICP} # 工信部
+  gongan: 11010502030413
`;

    it('without --write: prints the diff and what it does, changes nothing, exit 0', async () => {
      const dir = site(BROKEN);
      const { code, stdout, stderr } = await runHexo(dir, ['beian', 'fix']);
      expect(stdout).to.equal(`${VALIDATING}${DIFF}
hexo-beian: changes to _config.yml:
  - beian.ICP holds the ICP number: renamed beian.icp, written canonically: ${ICP}
  - beian.gongan_num holds the public-security (公安) number: renamed beian.gongan
No file was changed. Run the command again with --write to make these changes (--write edits the file in place: commit or back it up first).
`);
      expect(stderr).to.equal('');
      expect(code).to.equal(0);
      expect(configOf(dir)).to.equal(HEAD + BROKEN);
    });

    it('with --write: writes exactly that diff, keeps the permissions; the site then shows the line and passes the check; a second run writes nothing', async () => {
      const dir = site(BROKEN);
      const file = join(dir, '_config.yml');
      chmodSync(file, 0o640);
      await generate(dir);
      expect(readPublic(dir, 'index.html')).not.to.contain(ICP);
      const { code, stdout } = await runHexo(dir, ['beian', 'fix', '--write']);
      expect(code).to.equal(0);
      expect(stdout).to.contain(DIFF);
      // What to do next: public/ still holds the pages of the old config (a newcomer checked them before regenerating).
      expect(stdout).to.contain('Written: _config.yml.\nRegenerate the site (hexo clean && hexo generate) before running hexo beian check again: the pages in public/ were made before these changes.\n');
      expect(configOf(dir)).to.equal(HEAD + BROKEN.replace('ICP: 京ICP備20180491號-1', `icp: ${ICP}`).replace('gongan_num', 'gongan'));
      expect(statSync(file).mode & 0o777).to.equal(0o640);
      expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).to.deep.equal([]);

      // As hexo clean: Hexo skips writing pages whose sources it has cached as unchanged.
      rmSync(join(dir, 'public'), { recursive: true, force: true });
      rmSync(join(dir, 'db.json'), { force: true });
      await generate(dir);
      const home = readPublic(dir, 'index.html');
      expect(home).to.match(new RegExp(`<a [^>]*href="https://beian\\.miit\\.gov\\.cn/"[^>]*>${ICP}</a>`));
      expect(home).to.contain(`https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413`);
      const check = await runHexo(dir, ['beian', 'check', '--strict', '--today', '2024-06-01']);
      expect(check.stdout).to.contain('hexo-beian: 0 error(s), 0 warning(s)');
      expect(check.code).to.equal(0);

      const inode = statSync(file).ino;
      const again = await runHexo(dir, ['beian', 'fix', '--write']);
      expect(again.stdout).to.equal(`${VALIDATING}hexo-beian: nothing to fix in _config.yml.\n`);
      expect(again.code).to.equal(0);
      expect(statSync(file).ino).to.equal(inode);
    });

    it('CRLF and a BOM: kept byte for byte, the new lines in CRLF', async () => {
      const dir = site('');
      const text = `\ufeff${HEAD}# 备案号\nicp: ${ICP}\ngongan: 京公网安备 11010502030413号\n`.replace(/\n/g, '\r\n');
      writeFileSync(join(dir, '_config.yml'), text);
      const { code } = await runHexo(dir, ['beian', 'fix', '--write']);
      expect(code).to.equal(0);
      expect(configOf(dir)).to.equal(`\ufeff${HEAD}# 备案号\nbeian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`.replace(/\n/g, '\r\n'));
    });

    it('the diff shows a tab the user wrote as a tab, and any other control character escaped', async () => {
      const dir = site(`# 备案\tICP\u001b[2J\nbeian:\n  ICP: ${ICP}\t# 工信部\n`);
      const { code, stdout } = await runHexo(dir, ['beian', 'fix']);
      expect(code).to.equal(0);
      expect(stdout).to.contain(` # 备案\tICP\\u001b[2J\n beian:\n-  ICP: ${ICP}\t# 工信部\n+  icp: ${ICP}\t# 工信部\n`);
    });

    it('what it cannot fix: listed with what to do, untouched, exit 1 (with or without --write)', async () => {
      const dir = site(`beian:\n  icp: ${ICP}\n  gongan: 渝公网安备 33010002050803号\n`);
      for (const args of [['beian', 'fix'], ['beian', 'fix', '--write']]) {
        const { code, stdout } = await runHexo(dir, args);
        expect(code).to.equal(1);
        // Where the key is written: line 7, column 3 of _config.yml.
        expect(stdout).to.match(/^Left to fix by hand:\nERROR _config\.yml:7:3 beian\.gongan: .*\(province-mismatch\)\n {4}write: gongan: 浙公网安备33010002050803号\n$/m);
        expect(stdout).not.to.contain('---');
      }
      expect(configOf(dir)).to.equal(`${HEAD}beian:\n  icp: ${ICP}\n  gongan: 渝公网安备 33010002050803号\n`);
    });

    // A newcomer's trial: fix said nothing was left and exited 0 while the check failed on the icon.
    it('an icon that is no file of the site: listed with the path to write, exit 1, nothing written for it', async () => {
      const dir = site(`beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /source/images/gongan.png\n`);
      const { code, stdout } = await runHexo(dir, ['beian', 'fix']);
      expect(code).to.equal(1);
      expect(stdout).to.match(/Left to fix by hand:\nERROR _config\.yml:\d+:\d+ beian\.gongan\.icon: The icon \/source\/images\/gongan\.png is not a file .* \(icon-not-found\)\n {4}write: icon: \/images\/gongan\.png/);
      expect(configOf(dir)).to.contain('icon: /source/images/gongan.png');
    });

    it('a file it must not edit (an anchor on the number): refused, with the reason and the text to write, exit 1', async () => {
      const dir = site(`beian:\n  icp: &icp 京ICP備20180491號-1\nmirror: *icp\n`);
      const { code, stdout } = await runHexo(dir, ['beian', 'fix', '--write']);
      expect(code).to.equal(1);
      expect(stdout).to.contain(`ERROR _config.yml:6:3 beian.icp: not changed (beian.icp written canonically: ${ICP}), because the value there has an anchor (&name), which other places may read through an alias. Write this by hand. (fix-refused)\n    write: beian:\n      icp: ${ICP}\n`);
      expect(configOf(dir)).to.contain('&icp 京ICP備20180491號-1');
    });

    it('a beian: block in _config.<theme>.yml: listed at its line, with the block to write in _config.yml, exit 1, nothing changed', async () => {
      const dir = makeSite({ files: { '_config.landscape.yml': `# mine\nbeian:\n  icp: ${ICP}\n` } });
      dirs.push(dir);
      const { code, stdout } = await runHexo(dir, ['beian', 'fix', '--write']);
      expect(code).to.equal(1);
      // At its line, as hexo beian check names it (it had none: the file was not one the run edits).
      expect(stdout).to.contain(`ERROR _config.landscape.yml:2:1 beian: This beian: block is in the theme's config (_config.landscape.yml:beian)`);
      expect(stdout).to.contain(`(config-misplaced)\n    write: beian:\n      icp: ${ICP}\n`);
      expect(configOf(dir)).to.equal(HEAD);
    });

    it('used wrongly: exit 2, the usage on stderr', async () => {
      const dir = site('');
      for (const args of [['beian', 'fix', 'now'], ['beian', 'fix', '--write=yes']]) {
        const { code, stderr } = await runHexo(dir, args);
        expect(code).to.equal(2);
        expect(stderr).to.match(/\nUsage: hexo beian fix \[--write\]\n$/);
      }
    });
  });

  describe('hexo beian init', () => {
    it('adds the block, the numbers canonical and said so; diff first, --write writes it; then the check passes; a second init changes nothing', async () => {
      const dir = site('');
      const args = ['beian', 'init', '--icp', '京ICP備20180491號－1', '--gongan', '11010502030413', '--online', '2024-06-01'];
      const dry = await runHexo(dir, args);
      expect(dry.code).to.equal(0);
      expect(dry.stdout).to.equal(`${VALIDATING}hexo-beian: --icp 京ICP備20180491號－1 is written ${ICP} in _config.yml, its canonical form.
hexo-beian: --gongan 11010502030413 is written ${GONGAN} in _config.yml, its canonical form.
--- a/_config.yml
+++ b/_config.yml
@@ -2,3 +2,7 @@
 url: https://blog.example.cn
 timezone: Asia/Shanghai
 theme: landscape
+beian:
+  icp: ${ICP}
+  gongan: ${GONGAN}
+  online: 2024-06-01

hexo-beian: changes to _config.yml:
  - beian: block added to _config.yml
No file was changed. Run the command again with --write to make these changes (--write edits the file in place: commit or back it up first).
`);
      expect(configOf(dir)).to.equal(HEAD);
      const written = await runHexo(dir, [...args, '--write']);
      expect(written.code).to.equal(0);
      expect(configOf(dir)).to.equal(`${HEAD}beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n  online: 2024-06-01\n`);
      const check = await runHexo(dir, ['beian', 'check', '--strict', '--today', '2024-06-02']);
      expect(check.code).to.equal(0);

      const again = await runHexo(dir, [...args, '--write']);
      expect(again.stdout).to.equal(`${VALIDATING}hexo-beian: _config.yml has this beian: block already; nothing was changed.\n`);
      expect(again.code).to.equal(0);
      const other = await runHexo(dir, ['beian', 'init', '--icp', '京ICP备20180492号-1', '--write']);
      expect(other.code).to.equal(1);
      expect(other.stdout).to.contain('_config.yml has filing settings already');
      expect(configOf(dir)).to.equal(`${HEAD}beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n  online: 2024-06-01\n`);
    });

    it('refuses what is no valid number, and a missing --icp: exit 2, nothing written', async () => {
      const dir = site('');
      const cases: [string[], RegExp][] = [
        [['beian', 'init'], /^--icp is required/],
        [['beian', 'init', '--icp', ICP, '--gongan', '渝公网安备33010002050803号'], /^--gongan: .*浙公网安备33010002050803号/],
        [['beian', 'init', '--icp', GONGAN], /^--icp: /],
        [['beian', 'init', '--icp', ICP, '--online', '2024/06/01'], /^--online takes a date/]
      ];
      for (const [args, message] of cases) {
        const { code, stderr } = await runHexo(dir, [...args, '--write']);
        expect(code, args.join(' ')).to.equal(2);
        expect(stderr).to.match(message);
        expect(stderr).to.match(/\nUsage: hexo beian init --icp NUMBER \[--gongan NUMBER\] \[--online YYYY-MM-DD\] \[--write\]\n$/);
      }
      expect(configOf(dir)).to.equal(HEAD);
    });
  });
});

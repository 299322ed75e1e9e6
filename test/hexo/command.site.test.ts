import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generate, makeSite, runHexo } from '../site';
import type { JsonReport } from '../../lib/hexo/report';

/** Hexo logs this on stdout while it loads the config, before any plugin is loaded. */
const VALIDATING = 'INFO  Validating config\n';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';
const POST = '2024/05/21/hello/index.html';

/** The fields a finding may have in the JSON report. */
const FIELDS = ['code', 'severity', 'message', 'path', 'file', 'line', 'column', 'page', 'pages', 'pageCount', 'deadline', 'daysOverdue', 'suggestion'];

function count(dir: string, prefix = ''): number {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? count(dir, join(prefix, e.name)) : e.name.endsWith('.html') ? 1 : 0), 0);
}

/** `hexo beian check`, run by the real hexo command line in a real site. */
describe('check (hexo beian check)', function () {
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(beian: string, options: Parameters<typeof makeSite>[0] = {}): string {
    const dir = makeSite({ ...options, config: beian });
    dirs.push(dir);
    return dir;
  }

  describe('the config, without public/', () => {
    it('valid numbers: exit 0, and a note that no page was checked', async () => {
      const dir = site(`beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`);
      const { code, stdout, stderr } = await runHexo(dir, ['beian', 'check', '--today', '2024-06-01']);
      expect(code).to.equal(0);
      expect(stdout).to.equal(`${VALIDATING}INFO  public/ does not exist, so no page was checked: run hexo generate first, or hexo beian check --generate. (public-missing)
hexo-beian: 0 error(s), 0 warning(s), 1 info; 0 page(s) checked.
`);
      expect(stderr).to.equal('');
    });

    it('an invalid number: exit 1, the error with its config path, no stack trace', async () => {
      const dir = site(`beian:\n  icp: ${ICP}\n  gongan: 渝公网安备 33010002050803号\n`);
      const { code, stdout, stderr } = await runHexo(dir, ['beian', 'check']);
      expect(code).to.equal(1);
      expect(stdout).to.match(/^ERROR _config\.yml:7:3 beian\.gongan: .*\(province-mismatch\)$/m);
      expect(stdout).to.match(/^ {4}write: gongan: 浙公网安备33010002050803号$/m);
      expect(stdout).to.contain('hexo-beian: 1 error(s)');
      expect(stdout + stderr).not.to.match(/FATAL|\n\s+at /);
    });

    it('公安 overdue: exit 1, error naming the deadline and the days overdue', async () => {
      const dir = site(`beian:\n  icp:\n    number: ${ICP}\n    approved: 2024-05-20\n`);
      const { code, stdout } = await runHexo(dir, ['beian', 'check', '--today', '2024-07-01']);
      expect(code).to.equal(1);
      expect(stdout).to.contain('ERROR beian.gongan: The public-security (公安) filing is 12 days overdue: the deadline was 2024-06-19 (30 days from beian.icp.approved 2024-05-20). File now. Once filed, add a line under beian: gongan: ‹province›公网安备‹14 digits›号; applied and waiting for the number, write gongan: {applied: ‹the day you applied›}. (gongan-missing)');
    });

    it('公安 within 30 days: exit 0 with a warning naming the deadline; --strict fails on it', async () => {
      const dir = site(`language: zh-CN\nbeian:\n  icp:\n    number: ${ICP}\n    approved: 2024-05-20\n`);
      const { code, stdout } = await runHexo(dir, ['beian', 'check', '--today', '2024-06-01']);
      expect(code).to.equal(0);
      expect(stdout).to.contain('WARN  beian.gongan: 尚无公安联网备案号：截止日是 2024-06-19（含当天；beian.icp.approved 2024-05-20 起 30 日），还剩 18 天。');
      expect(stdout).to.contain('hexo-beian：0 个错误，1 个警告，1 条提示；检查了 0 个页面。');
      const strict = await runHexo(dir, ['beian', 'check', '--today', '2024-06-01', '--strict', '--json', '--silent']);
      expect(strict.code).to.equal(1);
      const json = JSON.parse(strict.stdout) as JsonReport;
      expect(json.ok).to.equal(false);
      expect(json.summary).to.deep.equal({ errors: 0, warnings: 1, infos: 1, pages: 0 });
      expect(json.findings[0]).to.deep.equal({
        code: 'gongan-missing',
        severity: 'warning',
        message: '尚无公安联网备案号：截止日是 2024-06-19（含当天；beian.icp.approved 2024-05-20 起 30 日），还剩 18 天。备案通过后，在 beian 下加一行 gongan: ‹省份简称›公网安备‹14 位数字›号；已经提交申请、还没有编号时，写 gongan: {applied: ‹申请日期›}。',
        path: 'beian.gongan',
        deadline: '2024-06-19'
      });
    });

    it('no beian block: a warning that no ICP number is configured', async () => {
      const dir = site('');
      const { code, stdout } = await runHexo(dir, ['beian', 'check']);
      expect(code).to.equal(0);
      expect(stdout).to.match(/^WARN  beian\.icp: No ICP number is configured/m);
    });

    it('a bad --today or a missing subcommand: exit 2, the usage on stderr', async () => {
      const dir = site(`beian:\n  icp: ${ICP}\n`);
      const badDate = await runHexo(dir, ['beian', 'check', '--today', '2024-13-01', '--json']);
      expect(badDate.code).to.equal(2);
      expect(badDate.stdout).to.equal(VALIDATING);
      expect(badDate.stderr).to.equal('--today takes a date, for example --today 2024-05-20 (got 2024-13-01).\n');
      const noSub = await runHexo(dir, ['beian', 'chekc']);
      expect(noSub.code).to.equal(2);
      expect(noSub.stderr).to.equal('There is no subcommand "chekc": did you mean check? Usage: hexo beian check [--format human|json|github] [--json] [--report FILE] [--strict] [--generate] [--today YYYY-MM-DD]\n  hexo beian fix [--write]\n  hexo beian init --icp NUMBER [--gongan NUMBER] [--online YYYY-MM-DD] [--write]\n');
    });

    it('a flag the subcommand does not take: exit 2, naming it and the one meant, nothing checked or written; Hexo\'s own flags pass', async () => {
      const config = `beian:\n  icp: ${ICP}\n  gonan: ${GONGAN}\n`;
      const dir = site(config);
      const strict = await runHexo(dir, ['beian', 'check', '--stirct']);
      expect(strict.code).to.equal(2);
      expect(strict.stdout).to.equal(VALIDATING);
      expect(strict.stderr).to.equal('hexo beian check has no option --stirct: did you mean --strict? Usage: hexo beian check [--format human|json|github] [--json] [--report FILE] [--strict] [--generate] [--today YYYY-MM-DD]\n');
      const write = await runHexo(dir, ['beian', 'fix', '--wirte']);
      expect(write.code).to.equal(2);
      expect(write.stderr).to.equal('hexo beian fix has no option --wirte: did you mean --write? Usage: hexo beian fix [--write]\n');
      expect(readFileSync(join(dir, '_config.yml'), 'utf8')).to.contain(config);
      const kebab = await runHexo(dir, ['beian', 'init', '--icp', ICP, '--gong-an', GONGAN]);
      expect(kebab.code).to.equal(2);
      expect(kebab.stderr).to.equal('hexo beian init has no option --gong-an: did you mean --gongan? Usage: hexo beian init --icp NUMBER [--gongan NUMBER] [--online YYYY-MM-DD] [--write]\n');
      // The key misspelt (gonan) is what fix corrects: with Hexo's own flags, it does.
      const fixed = await runHexo(dir, ['beian', 'fix', '--silent', '--no-color', '--config', '_config.yml']);
      expect([fixed.code, fixed.stderr]).to.deep.equal([0, '']);
      expect(fixed.stdout).to.contain(`-  gonan: ${GONGAN}\n+  gongan: ${GONGAN}\n`);
      const checked = await runHexo(dir, ['beian', 'check', '--silent', '--no-color', '--cwd', '.', '--draft']);
      expect([checked.code, checked.stderr]).to.deep.equal([1, '']);
      expect(checked.stdout).to.contain('did you mean gongan?');
    });

    it('hexo help beian documents the command, its argument and its options', async () => {
      const dir = site('');
      const { code, stdout } = await runHexo(dir, ['help', 'beian']);
      expect(code).to.equal(0);
      expect(stdout).to.contain('Usage: hexo beian <check|fix|init> [--format human|json|github] [--json] [--report FILE] [--strict] [--generate] [--today YYYY-MM-DD]');
      expect(stdout).to.contain('Check the ICP and public-security (公安) filing numbers of this site');
      expect(stdout).to.match(/check\s+Audit the beian config, the 公安 deadline, the icon/);
      expect(stdout).to.match(/--format human\|json\|github\s+The report: for people \(default\), one JSON object, or GitHub Actions/);
      expect(stdout).to.match(/--json\s+The same as --format json: one JSON object on stdout and nothing else/);
      expect(stdout).to.match(/--report FILE\s+Write the report to FILE instead of stdout/);
      expect(stdout).to.match(/--strict\s+Exit 1 on warnings too/);
      expect(stdout).to.match(/-g, --generate\s+Run hexo generate first/);
      expect(stdout).to.match(/--today YYYY-MM-DD\s+Date the deadline is measured against/);
    });
  });

  describe('--format github, --report FILE', () => {
    it('github: one workflow command per finding, with the file, then the summary; exit codes unchanged', async () => {
      const dir = site('beian:\n  icp: 京ICP备20180491号-1\n  gonan: 京公网安备11010502030413号\n  positon: footer\n', {
        files: { '_config.next.yml': 'footer:\n  beian:\n    enable: true\n' }
      });
      const { code, stdout } = await runHexo(dir, ['beian', 'check', '--format', 'github', '--strict', '--today', '2024-06-01']);
      expect(code).to.equal(1);
      const lines = stdout.trimEnd().split('\n');
      // Hexo's own line comes before any plugin loads; every line after it is a workflow command.
      expect(lines[0]).to.equal(VALIDATING.trim());
      for (const line of lines.slice(1)) expect(line).to.match(/^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::\S/);
      expect(lines).to.include.members([
        '::error file=_config.yml,line=7,col=3,title=hexo-beian config-unknown-key::_config.yml:7:3 beian.gonan: Unknown key beian.gonan is ignored: it holds the public-security (公安) number 京公网安备11010502030413号, which is not used; did you mean gongan? The keys under beian are enable, icp, gongan, online, extra, position, pages, duplicates, template, domains, guard. (config-unknown-key)%0A    write: gongan: 京公网安备11010502030413号'
      ]);
      expect(lines[lines.length - 1]).to.match(/^::notice title=hexo-beian::hexo-beian: 2 error\(s\), 0 warning\(s\), \d+ info; 0 page\(s\) checked\.$/);
    });

    it('--report writes the report to the file alone, whatever else is printed; a bad --format or --report is a usage error', async () => {
      const dir = site('beian:\n  icp: 京ICP备20180491号-1\n  gongan: 京公网安备11010502030413号\n');
      const file = join(dir, 'beian-report.json');
      const { code, stdout } = await runHexo(dir, ['beian', 'check', '--json', '--report', 'beian-report.json', '--generate']);
      expect(code).to.equal(0);
      // No --silent: Hexo's log is on stdout, and the file holds the JSON only.
      expect(stdout).to.contain('Validating config');
      const json = JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
      expect(json.ok).to.equal(true);
      expect(json.summary.pages).to.be.greaterThan(0);
      await runHexo(dir, ['beian', 'check', '--report', 'report.txt']);
      expect(readFileSync(join(dir, 'report.txt'), 'utf8')).to.match(/^INFO  beian\.gongan|hexo-beian: 0 error/m);
      expect(readFileSync(join(dir, 'report.txt'), 'utf8')).not.to.contain('\x1b[');
      const bad = await runHexo(dir, ['beian', 'check', '--format', 'xml']);
      expect([bad.code, bad.stderr]).to.deep.equal([2, '--format takes human, json or github (--json is --format json; got xml).\n']);
      const both = await runHexo(dir, ['beian', 'check', '--json', '--format', 'github']);
      expect(both.code).to.equal(2);
      const unwritable = await runHexo(dir, ['beian', 'check', '--report', join(dir, 'no', 'such', 'folder', 'r.txt')]);
      expect(unwritable.code).to.equal(2);
      expect(unwritable.stderr).to.match(/^Cannot write the --report file .*r\.txt \(ENOENT/);
    });
  });

  describe('a generated site, edited after generation', () => {
    let dir: string;
    let pages: number;
    before(async () => {
      dir = site(`beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`);
      await generate(dir);
      pages = count(join(dir, 'public'));
      // The home page shows another number; a post page lost the line.
      const home = join(dir, 'public', 'index.html');
      writeFileSync(home, readFileSync(home, 'utf8').replace(`>${ICP}<`, '>京ICP备20180492号-1<'));
      const post = join(dir, 'public', POST);
      writeFileSync(post, readFileSync(post, 'utf8').replace(/<div class="hexo-beian"[\s\S]*?<\/div>/, ''));
      // The same site, its config changed since the build: every page is stale.
      writeFileSync(join(dir, '_config.stale.yml'), readFileSync(join(dir, '_config.yml'), 'utf8').replace(ICP, '京ICP备20180491号-2'));
    });

    it('--json --silent: stdout is exactly one JSON object, with page findings', async () => {
      const { code, stdout } = await runHexo(dir, ['beian', 'check', '--json', '--silent', '--today', '2024-06-01']);
      expect(code).to.equal(1);
      expect(stdout.startsWith('{') && stdout.endsWith('}\n')).to.equal(true);
      const json = JSON.parse(stdout) as JsonReport;
      expect(json.ok).to.equal(false);
      expect(json.summary).to.deep.equal({ errors: 4, warnings: 0, infos: 0, pages });
      expect(json.findings.map(f => [f.code, f.severity, f.page])).to.deep.equal([
        ['page-missing', 'error', 'index.html'],
        ['page-other-number', 'error', 'index.html'],
        ['page-missing', 'error', POST],
        ['page-missing', 'error', POST]
      ]);
      for (const finding of json.findings) expect(FIELDS).to.include.members(Object.keys(finding));
    });

    it('--json without --silent: only Hexo\'s own line, logged before plugins load, precedes it', async () => {
      const { stdout } = await runHexo(dir, ['beian', 'check', '--json', '--today', '2024-06-01']);
      expect(stdout.startsWith(VALIDATING)).to.equal(true);
      expect((JSON.parse(stdout.slice(VALIDATING.length)) as JsonReport).summary.errors).to.equal(4);
    });

    it('a stale build: one line per finding that repeats on every page', async () => {
      const { code, stdout } = await runHexo(dir, ['beian', 'check', '--config', '_config.stale.yml', '--today', '2024-06-01']);
      expect(code).to.equal(1);
      const lines = stdout.split('\n').filter(line => line.startsWith('ERROR'));
      expect(lines[0]).to.equal('ERROR index.html: The ICP number 京ICP备20180491号-2 is not on this page: the home page must show it at the bottom (MIIT Order No. 33, art. 13). To fix it, regenerate the site (hexo clean && hexo generate); if it is still missing, the theme\'s layout has neither a site <footer> nor </body>. (page-missing)');
      // Every other page, named by the first three and a count.
      expect(lines.find(line => line.includes('this page should show it'))).to.match(new RegExp(`^ERROR ${POST}, archives/index\\.html, \\S+ and ${pages - 4} more pages?: The ICP number 京ICP备20180491号-2 is not on this page: this page should show it\\.`));
      expect(stdout).to.contain('This page shows 京ICP备20180491号-1, but the config has 京ICP备20180491号-2 (beian.icp)');
      expect(stdout).to.contain(`page(s) checked.`);
    });
  });

  it('--generate on a Fluid site: generates, then finds Fluid\'s stale links; stdout holds the JSON only', async function () {
    const dir = site(`beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`, {
      theme: 'fluid',
      files: { '_config.fluid.yml': `footer:\n  beian:\n    enable: true\n    icp_text: ${ICP}\n    police_text: ${GONGAN}\n    police_code: 11010502030413\n` }
    });
    expect(existsSync(join(dir, 'public'))).to.equal(false);
    const { code, stdout, stderr } = await runHexo(dir, ['beian', 'check', '--generate', '--json', '--today', '2024-06-01']);
    // Fluid shows both numbers itself: hexo-beian leaves out the ICP number (linked to the right
    // system over plain http, it works) and shows the 公安 number, whose link Fluid sends to the retired portal.
    expect(code).to.equal(0);
    expect(stdout.startsWith(VALIDATING)).to.equal(true);
    const json = JSON.parse(stdout.slice(VALIDATING.length)) as JsonReport;
    // Hexo's own log of the build went to stderr.
    expect(stderr).to.match(/INFO {2}Files loaded in/);
    const pages = count(join(dir, 'public'));
    // Warnings only (issue 13: a real Fluid site with its own line on): no page-unlinked, since
    // hexo-beian's line links the 公安 number right; the pages show it twice, said once.
    expect(json.summary).to.deep.equal({ errors: 0, warnings: 2 + 3 * pages, infos: 1, pages });
    expect(json.findings.filter(f => f.code === 'page-shown-twice').map(f => [f.severity, f.pageCount, f.message.includes(GONGAN)])).to.deep.equal([['warning', pages, true]]);
    expect(json.findings.filter(f => f.code === 'link-insecure').map(f => [f.severity, f.pageCount])).to.deep.equal([['warning', pages]]);
    expect(json.findings.filter(f => f.severity === 'warning').slice(0, 2).map(f => [f.code, f.path])).to.deep.equal([
      ['theme-stale-link', '_config.fluid.yml:footer.beian.icp_text'],
      ['theme-stale-link', '_config.fluid.yml:footer.beian.police_code']
    ]);
    // The ICP number, left out, is shown once: what is true, and how to hand over, is information.
    expect(json.findings.filter(f => f.severity === 'info').map(f => [f.code, f.path])).to.deep.equal([['theme-shows', '_config.fluid.yml:footer.beian.enable']]);
    const retired = json.findings.filter(f => f.code === 'link-retired');
    // A finding on many pages is listed once: its first pages, and how many in all.
    expect(retired.flatMap(f => f.pages ?? [f.page])).to.include.members(['index.html', '404.html', POST]);
    expect(retired.reduce((sum, f) => sum + (f.pageCount ?? 1), 0)).to.equal(pages);
    for (const finding of json.findings) expect(FIELDS).to.include.members(Object.keys(finding));
    expect(retired[0].message).to.contain('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030413');
  });

  describe('an internal failure', () => {
    /** A site script that makes the plugin's audit throw, as a fault of hexo-beian would. */
    const BROKEN = `require('hexo-beian/dist/lib/audit/site').auditSite = () => { throw new TypeError("Cannot read properties of undefined (reading 'kind')"); };\n`;

    it('is said in one line, with exit 1 (not 2, which is for usage errors), and no stack', async () => {
      const dir = site(`beian:\n  icp: ${ICP}\n`, { files: { 'scripts/broken.js': BROKEN } });
      const { code, stdout, stderr } = await runHexo(dir, ['beian', 'check']);
      expect(code).to.equal(1);
      expect(stdout).to.equal(VALIDATING);
      expect(stderr).to.equal('hexo-beian failed internally (Cannot read properties of undefined (reading \'kind\')), and the check did not finish. '
        + 'This is a fault of hexo-beian, not of the site: please report it to hexo-beian with the output of hexo beian check --debug.\n');
    });

    it('in Chinese for a Chinese site; --json keeps stdout clean; --debug (Hexo\'s own flag) adds the stack', async () => {
      const dir = site(`language: zh-CN\nbeian:\n  icp: ${ICP}\n`, { files: { 'scripts/broken.js': BROKEN } });
      const json = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
      expect(json.code).to.equal(1);
      expect(json.stdout).to.equal('');
      expect(json.stderr).to.match(/^hexo-beian 内部出错（Cannot read properties of undefined \(reading 'kind'\)），检查没有完成。[^\n]*\n$/);
      const debug = await runHexo(dir, ['beian', 'check', '--debug']);
      expect(debug.code).to.equal(1);
      expect(debug.stderr).to.match(/hexo-beian 内部出错.*\nTypeError: Cannot read properties of undefined \(reading 'kind'\)\n\s+at /);
      // Hidden: not in the command's help.
      const help = await runHexo(dir, ['help', 'beian']);
      expect(help.stdout).to.contain('--strict');
      expect(help.stdout).not.to.contain('--debug');
    });

    it('a --generate whose build fails: said as the build\'s failure, exit 1, no stack', async () => {
      const dir = site(`beian:\n  icp: ${ICP}\n`, {
        files: { 'scripts/failing.js': "hexo.extend.filter.register('before_generate', () => { throw new Error('the theme is missing its layout'); });\n" }
      });
      const { code, stderr } = await runHexo(dir, ['beian', 'check', '--generate']);
      expect(code).to.equal(1);
      expect(stderr).to.contain('hexo beian check --generate: hexo generate failed (the theme is missing its layout), so nothing was checked. Fix the build first');
      expect(stderr).not.to.match(/FATAL|\n\s+at /);
    });
  });
});

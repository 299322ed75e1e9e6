import { expect } from 'chai';
import { rmSync } from 'fs';
import { makeSite, runHexo } from './site';

/** `hexo beian check`, run by the real hexo command line in a real site. */
describe('check (hexo beian check)', function () {
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(beian: string): string {
    const dir = makeSite({ config: beian });
    dirs.push(dir);
    return dir;
  }

  it('valid numbers: exit 0 and a clean summary', async () => {
    const dir = site('beian:\n  icp: 京ICP备20000491号-1\n  gongan: 京公网安备11010502030143号\n');
    const { code, stdout, stderr } = await runHexo(dir, ['beian', 'check', '--today', '2024-06-01']);
    expect(code).to.equal(0);
    // Hexo itself logs "INFO  Validating config" first.
    expect(stdout.trim().split('\n').filter(line => !line.startsWith('INFO  Validating'))).to.deep.equal([
      'hexo-beian: 0 error(s), 0 warning(s), 0 info.'
    ]);
    expect(stderr).not.to.contain('at ');
  });

  it('an invalid number: exit 1, the error with its config path, no stack trace', async () => {
    const dir = site('beian:\n  icp: 京ICP备20000491号-1\n  gongan: 渝公网安备 33010002050803号\n');
    const { code, stdout, stderr } = await runHexo(dir, ['beian', 'check']);
    expect(code).to.equal(1);
    expect(stdout).to.match(/^ERROR {3}beian\.gongan: .*\(province-mismatch\)$/m);
    expect(stdout).to.match(/^ {4}write: 浙公网安备33010002050803号$/m);
    expect(stdout).to.contain('hexo-beian: 1 error(s)');
    expect(stdout + stderr).not.to.match(/FATAL|\n\s+at /);
  });

  it('公安 overdue: exit 1, error naming the deadline and the days overdue', async () => {
    const dir = site('beian:\n  icp:\n    number: 京ICP备20000491号-1\n    approved: 2024-05-20\n');
    const { code, stdout } = await runHexo(dir, ['beian', 'check', '--today', '2024-07-01']);
    expect(code).to.equal(1);
    expect(stdout).to.contain('ERROR   beian.gongan: The public-security (公安) filing is 12 days overdue: the deadline was 2024-06-19 (30 days from beian.icp.approved 2024-05-20). File now. Once filed, add a line under beian: gongan: <your number>, for example gongan: 京公网安备11010502030143号. (gongan-missing)');
  });

  it('公安 within 30 days: exit 0, a warning naming the deadline', async () => {
    const dir = site('language: zh-CN\nbeian:\n  icp:\n    number: 京ICP备20000491号-1\n    approved: 2024-05-20\n');
    const { code, stdout } = await runHexo(dir, ['beian', 'check', '--today', '2024-06-01']);
    expect(code).to.equal(0);
    expect(stdout).to.contain('WARNING beian.gongan: 尚无公安联网备案号：截止日是 2024-06-19（含当天；beian.icp.approved 2024-05-20 起 30 日），还剩 18 天。');
    expect(stdout).to.contain('hexo-beian：0 个错误，1 个警告，0 条提示。');
  });

  it('公安 missing and no date known: exit 0, information only', async () => {
    const dir = site('beian:\n  icp: 京ICP备20000491号-1\n');
    const { code, stdout } = await runHexo(dir, ['beian', 'check', '--today', '2030-01-01']);
    expect(code).to.equal(0);
    expect(stdout).to.match(/^INFO {4}beian\.gongan: An ICP number is set but no public-security .*\(gongan-missing\)$/m);
  });

  it('no beian block: a warning that no ICP number is configured', async () => {
    const dir = site('');
    const { code, stdout } = await runHexo(dir, ['beian', 'check']);
    expect(code).to.equal(0);
    expect(stdout).to.match(/^WARNING beian\.icp: No ICP number is configured/m);
  });

  it('a bad --today or a missing subcommand: exit 2 with the usage', async () => {
    const dir = site('beian:\n  icp: 京ICP备20000491号-1\n');
    const badDate = await runHexo(dir, ['beian', 'check', '--today', '2024-13-01']);
    expect(badDate.code).to.equal(2);
    expect(badDate.stdout).to.contain('--today takes a date, for example --today 2024-05-20 (got 2024-13-01).');
    const noSub = await runHexo(dir, ['beian', 'chekc']);
    expect(noSub.code).to.equal(2);
    expect(noSub.stdout).to.contain('Usage: hexo beian check [--today YYYY-MM-DD] (there is no subcommand "chekc")');
  });

  it('hexo help beian documents the command, its argument and its option', async () => {
    const dir = site('');
    const { code, stdout } = await runHexo(dir, ['help', 'beian']);
    expect(code).to.equal(0);
    expect(stdout).to.contain('Usage: hexo beian <check> [--today YYYY-MM-DD]');
    expect(stdout).to.contain('Check the ICP and public-security (公安) filing numbers of this site');
    expect(stdout).to.match(/--today YYYY-MM-DD\s+Date the deadline is measured against/);
    expect(stdout).to.match(/check\s+Audit the beian block/);
  });
});

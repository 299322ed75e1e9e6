import { expect } from 'chai';
import { readUsage, SUBCOMMANDS } from '../../lib/hexo/usage';

/** The usage error's English text, or the subcommand read. */
function read(args: Parameters<typeof readUsage>[0]): string {
  const usage = readUsage(args);
  return 'sub' in usage ? usage.sub : usage.problem.en;
}

describe('usage (lib/hexo/usage.ts)', () => {
  it('reads each subcommand with its own flags and the flags Hexo reads itself', () => {
    expect(read({ _: ['check'], format: 'json', json: true, report: 'r.json', strict: true, g: true, generate: true, today: '2024-05-20' })).to.equal('check');
    expect(read({ _: ['fix'], write: true, config: '_config.yml', cwd: '.', debug: true, draft: true, drafts: true, output: 'o', safe: true, silent: true, color: false })).to.equal('fix');
    expect(read({ _: ['init'], icp: 'x', gongan: 'y', online: '2024-05-20', write: true })).to.equal('init');
  });

  it('a flag of another subcommand is not one of this one', () => {
    expect(read({ _: ['check'], write: true })).to.equal(`hexo beian check has no option --write. Usage: ${SUBCOMMANDS.check.usage}\n`);
    expect(read({ _: ['fix'], icp: 'x' })).to.match(/^hexo beian fix has no option --icp\. /);
    expect(read({ _: ['init'], strict: true })).to.match(/^hexo beian init has no option --strict\. /);
  });

  it('names the flag meant: the same but for case, its start, a letter or two off, two letters swapped', () => {
    const meant = (sub: string, flag: string) => /did you mean (\S+)\?/.exec(read({ _: [sub], [flag]: true }))?.[1];
    expect(meant('check', 'Strict')).to.equal('--strict');
    expect(meant('check', 'STRICT')).to.equal('--strict');
    expect(meant('check', 'gen')).to.equal('--generate');
    expect(meant('check', 'fromat')).to.equal('--format');
    expect(meant('check', 'josn')).to.equal('--json');
    expect(meant('check', 'todya')).to.equal('--today');
    expect(meant('check', 'reprot')).to.equal('--report');
    expect(meant('init', 'onlin')).to.equal('--online');
    expect(meant('init', 'gonan')).to.equal('--gongan');
    expect(meant('fix', 'wirte')).to.equal('--write');
    // Nothing near: no guess.
    expect(meant('check', 'x')).to.equal(undefined);
    expect(meant('check', 'verbose')).to.equal(undefined);
    expect(meant('fix', 'dry-run')).to.equal(undefined);
    expect(read({ _: ['check'], x: true })).to.equal(`hexo beian check has no option -x. Usage: ${SUBCOMMANDS.check.usage}\n`);
  });

  it('names a kebab-case flag as typed, not its camelCase twin', () => {
    expect(read({ _: ['check'], reportFile: 'x', 'report-file': 'x' })).to.match(/^hexo beian check has no option --report-file: did you mean --report\? /);
  });

  it('a subcommand that is none: the one meant, and every usage; none: the usage', () => {
    expect(read({ _: ['chek'] })).to.match(/^There is no subcommand "chek": did you mean check\? Usage: hexo beian check /);
    expect(read({ _: ['Fix'] })).to.match(/^There is no subcommand "Fix": did you mean fix\? /);
    expect(read({ _: ['int'] })).to.match(/^There is no subcommand "int": did you mean init\? /);
    expect(read({ _: ['deploy'] })).to.match(/^There is no subcommand "deploy"\. Usage: /);
    expect(read({ _: [] })).to.equal(`Usage: ${Object.values(SUBCOMMANDS).map(sub => sub.usage).join('\n  ')}\n`);
    expect(read({})).to.match(/^Usage: /);
    // From a script (hexo.call): whatever it passes is read as text, and never throws.
    expect(read({ _: [5 as unknown as string] })).to.match(/^There is no subcommand "5"\. /);
    expect(read({ _: [Object.create(null) as string] })).to.match(/^There is no subcommand "\[object Object\]"\. /);
    expect(read({ _: ['che\u001bck'] })).to.match(/^There is no subcommand "che\\u001bck": did you mean check\? /);
    expect(read({ _: ['check'], 'x\u001b[2J': true })).to.match(/^hexo beian check has no option --x\\u001b\[2J\. /);
    expect(read({ _: ['constructor'] })).to.match(/^There is no subcommand "constructor"\. /);
    expect(read({ _: ['__proto__'] })).to.match(/^There is no subcommand "__proto__"\. /);
  });

  it('in Chinese too', () => {
    const usage = readUsage({ _: ['check'], stirct: true });
    expect('problem' in usage && usage.problem.zh).to.equal(`hexo beian check 没有 --stirct 选项：是不是 --strict？用法：${SUBCOMMANDS.check.usage}\n`);
  });

  it('a flag name of any length is read at once', () => {
    expect(read({ _: ['check'], ['s'.repeat(1_000_000)]: true })).to.match(/^hexo beian check has no option --s{1000000}\. /);
  });
});

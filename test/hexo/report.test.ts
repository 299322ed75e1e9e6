import { expect } from 'chai';
import { githubReport, logFindings, report, toJson } from '../../lib/hexo/report';
import type Hexo from 'hexo';
import type { Finding } from '../../lib/finding';

/** One workflow command, as the GitHub Actions runner reads it: `::name k=v,k=v::data`. */
const COMMAND = /^::(error|warning|notice)(?: ((?:[a-z]+=[^,:\n]*)(?:,[a-z]+=[^,:\n]*)*))?::([^\n\r]*)$/;

function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function parse(line: string): { level: string; properties: Record<string, string>; message: string } {
  const m = COMMAND.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const properties = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map(p => {
    const at = p.indexOf('=');
    return [p.slice(0, at), unescape(p.slice(at + 1))];
  }));
  return { level: m[1], properties, message: unescape(m[3]) };
}

describe('report: --format github', () => {
  const FILES = { config: '_config.yml', public: 'public' };
  const findings: Finding[] = [
    { code: 'gongan-missing', severity: 'error', message: 'Overdue: 100% late, a, b: c.\nSecond line.', path: 'beian.gongan', suggestion: 'gongan: X' },
    { code: 'theme-stale-link', severity: 'warning', message: 'Fluid links…', path: '_config.fluid.yml:footer.beian.icp_text' },
    ...['index.html', 'a/index.html', 'b/index.html', 'c/index.html'].map(page => ({ code: 'page-missing', severity: 'error' as const, message: 'Not on this page.', page })),
    { code: 'public-missing', severity: 'info', message: 'public/ does not exist.' }
  ];

  it('every line is a workflow command; messages and properties are escaped and read back whole', () => {
    const lines = githubReport(findings, 'en', 4, FILES).trimEnd().split('\n');
    const commands = lines.map(parse);
    expect(commands.map(c => [c.level, c.properties.file, c.properties.title])).to.deep.equal([
      ['error', '_config.yml', 'hexo-beian gongan-missing'],
      ['warning', '_config.fluid.yml', 'hexo-beian theme-stale-link'],
      ['error', 'public/index.html', 'hexo-beian page-missing'],
      ['notice', undefined, 'hexo-beian public-missing'],
      ['notice', undefined, 'hexo-beian']
    ]);
    expect(commands[0].message).to.equal('beian.gongan: Overdue: 100% late, a, b: c. (gongan-missing)\n    Second line.\n    write: gongan: X');
    // A page finding that repeats is one annotation naming the pages, as the human report says it.
    expect(commands[2].message).to.equal('index.html, a/index.html, b/index.html and 1 more page: Not on this page. (page-missing)');
    expect(commands[4].message).to.equal('hexo-beian: 5 error(s), 1 warning(s), 1 info; 4 page(s) checked.');
    expect(report(findings, 'en', 4).trimEnd().split('\n').pop()).to.equal(commands[4].message);
  });

  it('a property value with a colon or a comma cannot end the properties early', () => {
    const [line] = githubReport([{ code: 'x', severity: 'warning', message: 'm', path: 'we,ird:name.yml:footer.beian.icp' }], 'en', 0, { config: 'a,b:c.yml', public: 'public' }).split('\n');
    expect(parse(line).properties.file).to.equal('a,b:c.yml');
  });
});

describe('report: the position of a finding\'s key', () => {
  const findings: Finding[] = [
    { code: 'placeholder', severity: 'error', message: 'A placeholder.', path: 'beian.icp', file: '_config.yml', line: 42, column: 3, suggestion: 'icp: x' },
    { code: 'theme-stale-link', severity: 'warning', message: 'Fluid links…', path: '_config.fluid.yml:footer.beian.icp_text', file: '_config.fluid.yml', line: 118, column: 5 },
    { code: 'gongan-missing', severity: 'info', message: 'No 公安 number.', path: 'beian.gongan' }
  ];

  it('human: ERROR _config.yml:42:3 beian.icp: …; a default without one', () => {
    expect(report(findings, 'en', 0, false).split('\n').slice(0, 4)).to.deep.equal([
      'ERROR _config.yml:42:3 beian.icp: A placeholder. (placeholder)',
      '    write: icp: x',
      'WARN  _config.fluid.yml:118:5 footer.beian.icp_text: Fluid links… (theme-stale-link)',
      'INFO  beian.gongan: No 公安 number. (gongan-missing)'
    ]);
  });

  it('--json: file, line and column after path, 1-based; absent when not known', () => {
    const json = toJson(findings, 0, false);
    expect(Object.keys(json.findings[0])).to.deep.equal(['code', 'severity', 'message', 'path', 'file', 'line', 'column', 'suggestion']);
    expect(json.findings.map(f => [f.file, f.line, f.column])).to.deep.equal([['_config.yml', 42, 3], ['_config.fluid.yml', 118, 5], [undefined, undefined, undefined]]);
    expect(Object.keys(json.findings[2])).to.deep.equal(['code', 'severity', 'message', 'path']);
  });

  it('--format github: the annotation on the key\'s line and column of its file', () => {
    const lines = githubReport(findings, 'en', 0, { config: '_config.yml', public: 'public' }).trimEnd().split('\n').map(parse);
    expect(lines.slice(0, 3).map(c => [c.properties.file, c.properties.line, c.properties.col])).to.deep.equal([
      ['_config.yml', '42', '3'],
      ['_config.fluid.yml', '118', '5'],
      ['_config.yml', undefined, undefined]
    ]);
  });
});

// A newcomer's trial: `hexo generate` logged ERROR :22, WARN :21, ERROR :23, WARN :24, in the order of reading.
describe('report: the build\'s log', () => {
  it('logs in the report\'s order: errors first, then by file and line', () => {
    const lines: string[] = [];
    const log = { error: (line: string) => lines.push(`E ${line}`), warn: (line: string) => lines.push(`W ${line}`), info: (line: string) => lines.push(`I ${line}`) } as unknown as Hexo['log'];
    const at = (code: string, severity: Finding['severity'], line: number): Finding => ({ code, severity, message: code, path: `beian.${code}`, file: '_config.yml', line, column: 3 });
    logFindings(log, [at('b', 'error', 22), at('a', 'warning', 21), at('c', 'error', 23), at('d', 'warning', 24), at('e', 'error', 9)], 'en');
    expect(lines.map(line => line.slice(0, 2) + line.match(/:(\d+):/)?.[1])).to.deep.equal(['E 9', 'E 22', 'E 23', 'W 21', 'W 24']);
  });
});

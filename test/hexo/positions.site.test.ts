import { expect } from 'chai';
import { writeFileSync } from 'fs';
import { join } from 'path';
import * as written from '../../lib/config/written';
import { generate, jsonReport, runHexo, siteMaker } from '../site';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

/**
 * The site's `_config.yml` as users write it on Windows: a BOM, CRLF line ends, Chinese text
 * before the block; with a placeholder ICP number (line 8) and a 公安 number in traditional
 * characters (line 9, in a flow map after Chinese text).
 */
const CONFIG_LINES = [
  'title: 我的博客',
  'subtitle: 记录生活 — 也记录代码',
  'url: https://blog.example.cn',
  'timezone: Asia/Shanghai',
  'language: en',
  'theme: landscape',
  'beian:',
  '  icp: 京ICP备12345678号-1',
  '  gongan: {备注: 公安, number: 京公網安備11010502030413號}',
  '  online: 2024-06-01',
  ''
];
const CONFIG = `\ufeff${CONFIG_LINES.join('\r\n')}`;

/**
 * `_config.yml:8:3`: findings at the line of their key, in `hexo beian check` (human and
 * `--json`) and in the guard's log during `hexo generate`, on real Hexo and real files.
 */
describe('positions: findings at the line and column of their key (real Hexo)', function () {
  this.timeout(240_000);
  const site = siteMaker();

  it('a CRLF _config.yml with a BOM and Chinese text: --json has file, line, column; the report opens with file:line:column', async () => {
    const dir = site({ files: { '_config.yml': CONFIG } });
    const json = jsonReport((await runHexo(dir, ['beian', 'check', '--json', '--silent', '--today', '2024-06-10'])).stdout);
    const where = Object.fromEntries(json.findings.map(f => [`${f.code} ${f.path ?? f.page ?? ''}`, [f.file, f.line, f.column]]));
    expect(where['placeholder beian.icp']).to.deep.equal(['_config.yml', 8, 3]);
    // The column in characters: `  gongan: {备注: 公安, ` is 19 of them.
    expect(where['normalised beian.gongan.number']).to.deep.equal(['_config.yml', 9, 20]);
    // A line as the editor shows it, from that column: the key.
    expect([...CONFIG_LINES[8]].slice(19).join('')).to.match(/^number: /);
    // Pages have no key in a config file.
    expect(json.findings.filter(f => f.page !== undefined).map(f => f.line)).to.satisfy((lines: unknown[]) => lines.every(line => line === undefined));

    const human = await runHexo(dir, ['beian', 'check', '--today', '2024-06-10']);
    const lines = human.stdout.split('\n');
    expect(lines.find(line => line.includes('(placeholder)'))).to.match(/^ERROR _config\.yml:8:3 beian\.icp: /);
    expect(lines.find(line => line.includes('(normalised)'))).to.match(/^WARN {2}_config\.yml:9:20 beian\.gongan\.number: /);
    expect(human.stdout).to.contain(`(normalised)\n    write: number: ${GONGAN}\n`);
  });

  it('a default has no position; a key of a later --config file is found in that file', async () => {
    const dir = site({ config: `beian:\n  gongan: ${GONGAN}\n` });
    writeFileSync(join(dir, '_config.prod.yml'), '# production\nbeian:\n  gongan: 11010502030413\n  online: 2024-02-30\n');
    const json = jsonReport((await runHexo(dir, ['beian', 'check', '--json', '--silent', '--config', '_config.yml,_config.prod.yml'])).stdout);
    const byCode = Object.fromEntries(json.findings.map(f => [f.code, f]));
    expect([byCode['config-date'].file, byCode['config-date'].line, byCode['config-date'].column]).to.deep.equal(['_config.prod.yml', 4, 3]);
    // icp-missing is about a key nobody wrote: no file, no line.
    expect(byCode['icp-missing']).to.include({ path: 'beian.icp' });
    expect(byCode['icp-missing']).not.to.have.any.keys('file', 'line', 'column');
  });

  it('theme findings: at their line in _config.fluid.yml; none in Fluid\'s own _config.yml, which yaml cannot parse, and no crash', async () => {
    const fluid = [
      '# Fluid',
      'footer:',
      '  beian:',
      '    enable: true',
      `    icp_text: ${ICP}`,
      `    police_text: ${GONGAN}`,
      '    police_code: 11010502030414',
      ''
    ].join('\n');
    const dir = site({ theme: 'fluid', config: `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n  duplicates: keep\n`, files: { '_config.fluid.yml': fluid } });
    const json = jsonReport((await runHexo(dir, ['beian', 'check', '--json', '--silent'])).stdout);
    const theme = json.findings.filter(f => f.path?.startsWith('_config.fluid.yml:'));
    expect(theme.map(f => [f.code, f.path, f.file, f.line, f.column])).to.deep.include.members([
      ['theme-gongan-code', '_config.fluid.yml:footer.beian.police_code', '_config.fluid.yml', 7, 5],
      ['theme-double-display', '_config.fluid.yml:footer.beian.enable', '_config.fluid.yml', 4, 5]
    ]);
    expect(theme.every(f => f.file === '_config.fluid.yml' && typeof f.line === 'number')).to.equal(true);
    const human = await runHexo(dir, ['beian', 'check']);
    expect(human.stdout).to.match(/^ERROR _config\.fluid\.yml:7:5 footer\.beian\.police_code: Fluid shows/m);

    // Fluid's shipped placeholder, from its own _config.yml: named by its path, with no line (yaml cannot parse that file).
    const shipped = site({ theme: 'fluid', config: `beian:\n  icp: ${ICP}\n`, files: { '_config.fluid.yml': 'footer:\n  beian:\n    enable: true\n' } });
    const own = jsonReport((await runHexo(shipped, ['beian', 'check', '--json', '--silent'])).stdout).findings
      .filter(f => f.path?.startsWith('node_modules/hexo-theme-fluid/_config.yml:'));
    expect(own.map(f => f.code)).to.include('placeholder');
    expect(own.every(f => f.line === undefined && f.file === undefined)).to.equal(true);
  });

  it('hexo generate: the guard\'s log and its stop line name the key\'s line; each config file is parsed once per build', async () => {
    const dir = site({ files: { '_config.yml': CONFIG.replace('  online: 2024-06-01', '  online: 2024-06-01\r\n  guard: block') } });
    const built = await runHexo(dir, ['generate']);
    expect(built.code).not.to.equal(0);
    const output = built.stdout + built.stderr;
    expect(output).to.match(/ERROR\s+hexo-beian: _config\.yml:8:3 beian\.icp: .*\(placeholder\)/);
    expect(output).to.contain('hexo-beian stopped the build: 1 error(s) above; fix beian.icp in _config.yml:8:3 (placeholder) first');

    // In this process, on guard: warn: the files the build parsed, counted.
    const warnDir = site({ files: { '_config.yml': CONFIG } });
    const parsed: string[] = [];
    const original = written.writtenFile;
    (written as { writtenFile: typeof original }).writtenFile = source => {
      parsed.push(source.slice(0, 12));
      return original(source);
    };
    try {
      const logged = await generate(warnDir);
      expect(logged.error.join('\n')).to.match(/^hexo-beian: _config\.yml:8:3 beian\.icp: /m);
      expect(logged.warn.join('\n')).to.match(/^hexo-beian: _config\.yml:9:20 beian\.gongan\.number: /m);
    } finally {
      (written as { writtenFile: typeof original }).writtenFile = original;
    }
    expect(parsed).to.deep.equal([CONFIG.slice(0, 12)]);

    // With Fluid: the site's _config.yml and _config.fluid.yml, each once, however many findings each has (Fluid's own _config.yml has none here).
    const fluidDir = site({ theme: 'fluid', config: 'beian:\n  icp: 京ICP备12345678号-1\n', files: { '_config.fluid.yml': `footer:\n  beian:\n    enable: true\n    icp_text: ${ICP}\n    police_text: ${GONGAN}\n    police_code: 1\n` } });
    parsed.length = 0;
    (written as { writtenFile: typeof original }).writtenFile = source => {
      parsed.push(source.slice(0, 40));
      return original(source);
    };
    try {
      const logged = await generate(fluidDir);
      expect(logged.error.join('\n')).to.match(/^hexo-beian: _config\.yml:\d+:3 beian\.icp: /m);
      expect([...logged.error, ...logged.warn].filter(line => line.includes('_config.fluid.yml:')).length).to.be.above(1);
    } finally {
      (written as { writtenFile: typeof original }).writtenFile = original;
    }
    expect(parsed.map(text => text.split('\n')[0]).sort()).to.deep.equal(['footer:', 'title: Test Blog']);
  });
});

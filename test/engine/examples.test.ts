import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, sep } from 'path';
import { checkExample, exampleIn, isExampleHost, KNOWN_EXAMPLES, subjectOf } from '../../lib/engine/examples';
import { parseGongan, parseIcp } from '../../lib/engine/filing';
import { repoRoot } from '../paths';

/** The files below `folder` (relative to the repository), without installs, builds and lock files. */
function filesIn(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(repoRoot, dir))) {
      if (name === 'node_modules' || name === 'public' || name === 'package-lock.json' || name.startsWith('.')) continue;
      const path = `${dir}/${name}`;
      if (statSync(join(repoRoot, path)).isDirectory()) walk(path);
      else if (/\.(md|yml|yaml|json|html|njk)$/.test(name)) out.push(path);
    }
  };
  walk(folder);
  return out;
}

/** Every valid filing number a text shows (full-width and spaced forms too), canonical. */
function numbersIn(text: string): string[] {
  const compact = text.normalize('NFKC').replace(/[ \t]+/g, '');
  const found: string[] = [];
  const shapes = /[\u3400-\u9fff]?(?:ICP[备證证備]|公[网網]安[备備]|公安网备)[-:]?[0-9Xx]+(?:-[0-9]+)?[号號]?(?:-[0-9]+[AX]?)?|[\u3400-\u9fff]?B[12](?:\.B2)?-[0-9]{8}(?:-[0-9]+)?/g;
  for (const [written] of compact.matchAll(shapes)) {
    const result = /公/.test(written) ? parseGongan(written) : parseIcp(written);
    if (result.ok && result.canonical) found.push(result.canonical);
  }
  return found;
}

const subject = (number: string) => subjectOf(/公网安备/.test(number) ? parseGongan(number) : parseIcp(number));

describe('known example numbers (docs/filing-rules.md, "Numbers that must never be published")', () => {
  it('each is a valid number, written as its own subject', () => {
    expect(KNOWN_EXAMPLES.length).to.be.greaterThan(30);
    for (const number of KNOWN_EXAMPLES) expect(subject(number), number).to.equal(number);
  });

  it('every number the READMEs, docs/ and the demo show is one', () => {
    const files = ['README.md', 'README.zh-CN.md', 'CHANGELOG.md', ...filesIn('docs'), ...filesIn('example')];
    expect(files).to.include('example/_config.yml');
    const missing = files.flatMap(file => numbersIn(readFileSync(join(repoRoot, file), 'utf8'))
      .filter(number => !KNOWN_EXAMPLES.includes(subject(number) ?? '')).map(number => `${file}: ${number}`));
    expect([...new Set(missing)]).to.deep.equal([]);
  });

  it('every valid number the installed themes ship in their _config.yml is one', () => {
    const themes = readdirSync(join(repoRoot, 'node_modules')).filter(name => name.startsWith('hexo-theme-'));
    expect(themes).to.include.members(['hexo-theme-fluid', 'hexo-theme-next']);
    // Icarus ships no _config.yml (it writes one at the first build).
    const configs = themes.map(theme => join(repoRoot, 'node_modules', theme, '_config.yml')).filter(file => existsSync(file));
    const shipped = configs.flatMap(file => numbersIn(readFileSync(file, 'utf8')));
    expect(shipped.filter(number => !KNOWN_EXAMPLES.includes(subject(number) ?? ''))).to.deep.equal([]);
    // Fluid's defaults are placeholders, already errors whatever the host.
    expect(parseIcp('京ICP证123456号').diagnostics.map(d => d.code)).to.deep.equal(['placeholder']);
    expect(parseGongan('京公网安备12345678号').ok).to.equal(false);
  });

  it('no message of the plugin offers one as the text to write (lib/ holds none outside the list)', () => {
    const files = (readdirSync(join(repoRoot, 'lib'), { recursive: true }) as string[])
      .map(f => f.split(sep).join('/')).filter(f => f.endsWith('.ts') && f !== 'engine/examples.ts');
    const offered: string[] = [];
    for (const file of files) {
      // Code only: doc comments may name the README's numbers as the shape they describe.
      const code = readFileSync(join(repoRoot, 'lib', file), 'utf8').split('\n').filter(line => !/^\s*(?:\*|\/\/|\/\*\*)/.test(line)).join('\n');
      for (const number of numbersIn(code)) {
        if (KNOWN_EXAMPLES.includes(subject(number) ?? '')) offered.push(`lib/${file}: ${number}`);
      }
    }
    expect(offered).to.deep.equal([]);
  });

  it('the hosts reserved for examples (RFC 2606, RFC 6761), and no other', () => {
    for (const host of ['example.com', 'blog.example.com', 'example.net', 'example.org', 'www.example.org', 'site.example', 'blog.test', 'localhost', 'app.localhost', 'x.invalid']) {
      expect(isExampleHost(host), host).to.equal(true);
    }
    for (const host of [undefined, 'blog.example.cn', 'example.org.cn', 'myexample.com', 'example.com.cn', 'test.cn', 'localhost.cn', 'examples.com']) {
      expect(isExampleHost(host), String(host)).to.equal(false);
    }
  });

  it('on a real host (or none known): an error, and the number is withheld', () => {
    for (const host of ['blog.example.cn', undefined]) {
      const result = checkExample(parseIcp('京ICP备20000491号-1'), host, 'en');
      expect(result.ok).to.equal(false);
      expect(result).not.to.have.property('canonical');
      expect(result.diagnostics).to.deep.equal([{
        code: 'example-number',
        severity: 'error',
        message: '京ICP备20000491号-1 is an example number from hexo-beian\'s own documentation and demo, not this site\'s filing, so it is not shown: write the number from your own filing notice.'
      }]);
    }
    // Any site number of an example filer; a slip in it (normalised) is moot, the number is not the site's.
    const other = checkExample(parseIcp('京ICP备 20000491号-2'), 'blog.example.cn', 'zh');
    expect(other.diagnostics.map(d => [d.code, d.severity, d.message])).to.deep.equal([[
      'example-number', 'error', '京ICP备20000491号-2 是本插件（hexo-beian）文档和演示里的示例编号，不是本站的备案号，因此不显示：请填写本站备案通知上的编号。'
    ]]);
    expect(checkExample(parseGongan('11000002000001'), 'blog.example.cn', 'en').diagnostics[0].message).to.match(/^京公网安备11000002000001号 is Baidu's own number, the one tutorials quote, not this site's filing/);
    expect(checkExample(parseIcp('京ICP证030173号-3'), 'a.cn', 'en').ok).to.equal(false);
    expect(checkExample(parseIcp('浙B2-20080101-4'), 'a.cn', 'en').ok).to.equal(false);
    // A theme's sample with someone else's real number.
    expect(checkExample(parseIcp('鄂ICP备2020018486号'), 'a.cn', 'en').diagnostics[0].message).to.contain('the Nexmoe theme\'s author\'s own number');
  });

  it('on a reserved host: information, and the number is shown', () => {
    const result = checkExample(parseGongan('京公网安备11010502030143号'), 'blog.example.com', 'en');
    expect(result.ok).to.equal(true);
    expect(result.canonical).to.equal('京公网安备11010502030143号');
    expect(result.diagnostics).to.deep.equal([{
      code: 'example-number',
      severity: 'info',
      message: '京公网安备11010502030143号 is an example number from hexo-beian\'s own documentation and demo; the host blog.example.com is reserved for examples, so it is shown. On a real host this is an error and it is not shown: write the number from your own filing notice.'
    }]);
  });

  it('anything else is left as it was: other numbers, and numbers that are already errors', () => {
    for (const result of [parseIcp('京ICP备20000493号-1'), parseIcp('京ICP证123456号'), parseGongan('京公网安备11010502030144号'), parseIcp('京公网安备11010502030143号')]) {
      expect(checkExample(result, 'blog.example.cn', 'en')).to.equal(result);
    }
  });

  it('in free text (an extra record): found between boundaries only', () => {
    expect(exampleIn('京ICP证030173号')).to.equal('京ICP证030173号');
    expect(exampleIn('ICP 经营许可证：京ICP证 030173号-2')).to.equal('京ICP证030173号');
    expect(exampleIn('ＩＣＰ证：京ＩＣＰ证030173号')).to.equal('京ICP证030173号');
    expect(exampleIn('浙B2-20080101-4')).to.equal('浙B2-20080101');
    expect(exampleIn('B2-20140501')).to.equal('B2-20140501');
    for (const text of ['浙B2-201405012', '浙B2-20140501', '京网文〔2023〕1234-567号', '京ICP证0301734号', '']) {
      expect(exampleIn(text), text).to.equal(undefined);
    }
  });
});

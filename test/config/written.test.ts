import { expect } from 'chai';
import { locator, positionIn, writtenFile, type TextPosition } from '../../lib/config/written';

/**
 * What an editor shows at a line and column of a file: the rest of that line from that column,
 * in characters (a BOM is not shown; a CRLF's CR is no character of the line).
 */
function shownAt(source: string, at: TextPosition | undefined): string | undefined {
  if (!at) return undefined;
  const line = source.replace(/^\ufeff/, '').split(/\r?\n/)[at.line - 1];
  return [...line].slice(at.column - 1).join('');
}

const ICP = '京ICP备20180491号-1';

describe('config: where a key is written (lib/config/written.ts positionIn)', () => {
  const SITE = [
    '# 站点配置',
    'title: 我的博客 — 记录',
    'url: https://blog.example.cn',
    'beian:',
    `  icp: {number: ${ICP}, approved: 2024-05-20}`,
    '  gongan:',
    '    number: 11010502030413',
    '  extra:',
    '    - text: 京网文〔2023〕1234-567号',
    '    - 许可证: x',
    '      link: https://dxzhgl.miit.gov.cn/',
    '  domains:',
    '    blog.example.cn:',
    `      icp: ${ICP}`,
    ''
  ];

  it('finds each key: nested, in a flow map after Chinese text, in a list item, under a host with dots (quoted or not)', () => {
    const source = SITE.join('\n');
    const file = writtenFile(source);
    const cases: [string, TextPosition, string][] = [
      ['title', { line: 2, column: 1 }, 'title: 我的博客 — 记录'],
      ['beian', { line: 4, column: 1 }, 'beian:'],
      ['beian.icp', { line: 5, column: 3 }, 'icp: {'],
      ['beian.icp.approved', { line: 5, column: 35 }, 'approved: 2024-05-20}'],
      ['beian.gongan.number', { line: 7, column: 5 }, 'number: 11010502030413'],
      ['beian.extra[0]', { line: 9, column: 7 }, 'text: 京网文'],
      ['beian.extra[0].text', { line: 9, column: 7 }, 'text: 京网文'],
      ['beian.extra[1].link', { line: 11, column: 7 }, 'link: https://'],
      ['beian.domains["blog.example.cn"]', { line: 13, column: 5 }, 'blog.example.cn:'],
      ['beian.domains["blog.example.cn"].icp', { line: 14, column: 7 }, `icp: ${ICP}`],
      ['beian.domains.blog.example.cn.icp', { line: 14, column: 7 }, `icp: ${ICP}`]
    ];
    for (const [path, at, shown] of cases) {
      expect(positionIn(file, path), path).to.deep.equal(at);
      expect(shownAt(source, at)?.startsWith(shown), path).to.equal(true);
    }
  });

  it('counts the same lines and characters in a CRLF file with a BOM, and in one with Chinese keys', () => {
    const lf = SITE.join('\n');
    const crlf = `\ufeff${SITE.join('\r\n')}`;
    for (const path of ['title', 'beian.icp.approved', 'beian.extra[1].link', 'beian.domains["blog.example.cn"].icp']) {
      expect(positionIn(writtenFile(crlf), path), path).to.deep.equal(positionIn(writtenFile(lf), path));
    }
    // A BOM on the first line is not a character the editor shows.
    expect(positionIn(writtenFile('\ufeffbeian:\n  icp: x\n'), 'beian')).to.deep.equal({ line: 1, column: 1 });
    expect(positionIn(writtenFile('\ufeff{备案: 1, beian: {icp: x}}\n'), 'beian.icp')).to.deep.equal({ line: 1, column: 17 });
    const chinese = '说明: 中文中文中文\nbeian: {甲: 1, icp: 2}\n';
    const at = positionIn(writtenFile(chinese), 'beian.icp');
    expect(at).to.deep.equal({ line: 2, column: 15 });
    expect(shownAt(chinese, at)).to.equal('icp: 2}');
    // Characters outside the BMP count once each, as code points.
    expect(positionIn(writtenFile('a: {"😀😀": 1, icp: 2}\n'), 'a.icp')).to.deep.equal({ line: 1, column: 14 });
  });

  it('counts a leading tab (which Hexo reads as two spaces) as the one character written', () => {
    const source = 'beian:\n\ticp: x\n\tgongan:\n\t\tnumber: 1\n';
    const file = writtenFile(source);
    expect(positionIn(file, 'beian.icp')).to.deep.equal({ line: 2, column: 2 });
    expect(positionIn(file, 'beian.gongan.number')).to.deep.equal({ line: 4, column: 3 });
    expect(shownAt(source, positionIn(file, 'beian.gongan.number'))).to.equal('number: 1');
  });

  it('the last of a key written twice (as js-yaml reads it); JSON too', () => {
    expect(positionIn(writtenFile('beian:\n  icp: a\n  icp: b\n'), 'beian.icp')).to.deep.equal({ line: 3, column: 3 });
    expect(positionIn(writtenFile('{\n  "beian": {\n    "icp": "x"\n  }\n}\n'), 'beian.icp')).to.deep.equal({ line: 3, column: 5 });
  });

  it('no position for a key no file writes (a default), and none in a file yaml cannot parse; never a throw', () => {
    const file = writtenFile(SITE.join('\n'));
    for (const path of ['beian.position', 'beian.icp.number.x', 'beian.extra[7]', 'beian.extra.text', 'beian.icp[0]', 'beian.domains["other.cn"]', '']) {
      expect(positionIn(file, path), path).to.equal(undefined);
    }
    // Fluid's shipped config: a quoted text closed at its key's indentation, which js-yaml reads and YAML 1.2 does not.
    expect(positionIn(writtenFile('footer:\n  content: \'\n  <a>x</a>\n\'\n  beian:\n    enable: true\n'), 'footer.beian.enable')).to.equal(undefined);
    expect(positionIn(writtenFile('a: 1\n---\nb: 2\n'), 'a')).to.equal(undefined);
    expect(positionIn(undefined, 'beian')).to.equal(undefined);
    for (const source of ['', ':', '- a\n- b', '&a [*a]', 'a: &x {b: *x}\n', 'a: *nope\n', '"\\', '\ufeff', '\r\r\r', 'a:\n  b: [1, {c: d'.repeat(50)]) {
      expect(() => positionIn(writtenFile(source), 'a.b.c[0]'), JSON.stringify(source)).not.to.throw();
    }
    // An alias loop on the path: no position, no hang.
    expect(positionIn(writtenFile('a: &x\n  b: *x\n'), 'a.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b.b')).to.not.equal(null);
  });

  it('stays fast on a large file: each lookup walks its path, not the file', () => {
    const source = `beian:\n${Array.from({ length: 20000 }, (_, i) => `  key${i}: 值${i}\n`).join('')}  icp: x\n`;
    const file = writtenFile(source);
    const start = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) expect(positionIn(file, 'beian.icp')).to.deep.equal({ line: 20002, column: 3 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(ms).to.be.below(2000);
  });
});

describe('config: locator, over the files of a build', () => {
  it('a path without a file: the last site config file that writes it (a later --config file wins); a theme path: its own file', () => {
    const site = [
      { name: '_config.yml', file: writtenFile(`title: x\nbeian:\n  icp: ${ICP}\n  online: 2024-06-01\n`) },
      { name: '_config.prod.yml', file: writtenFile('url: https://blog.example.cn\nbeian:\n  online: 2024-06-02\n') },
      { name: '_config.gone.yml', file: undefined }
    ];
    const theme = writtenFile('footer:\n  beian:\n    enable: true\n    icp_text: 京ICP备20180491号-1\n');
    let opened = 0;
    const locate = locator(() => site, name => {
      opened++;
      return name === '_config.fluid.yml' ? theme : undefined;
    });
    expect(locate('beian.icp')).to.deep.equal({ file: '_config.yml', line: 3, column: 3 });
    expect(locate('beian.online')).to.deep.equal({ file: '_config.prod.yml', line: 3, column: 3 });
    expect(locate('beian.gongan')).to.equal(undefined);
    expect(locate('_config.fluid.yml:footer.beian.icp_text')).to.deep.equal({ file: '_config.fluid.yml', line: 4, column: 5 });
    expect(locate('_config.fluid.yml:footer.beian.police_text')).to.equal(undefined);
    expect(locate('_config.next.yml:footer.beian.icp')).to.equal(undefined);
    expect(opened).to.equal(3);
  });
});

import { expect } from 'chai';
import { rmSync, writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { generate, makeSite, readPublic, type Logged } from './site';

const BOTH = `
beian:
  icp: 京ICP备20000491号-1
  gongan:
    number: 11010502030143
    icon: /images/gongan.png
`;

/** A real 1×1 PNG, for the icon the user serves from the site. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Hexo gives every post a random id per build (landscape prints it); nothing of ours. */
function withoutIds(page: string): string {
  return page.replace(/data-id="[^"]*"/g, 'data-id=""');
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The filing line of a page, asserting there is exactly one, just before the site footer closes. */
function lineInSiteFooter(page: string): string {
  expect(count(page, 'data-hexo-beian'), 'insertions').to.equal(1);
  const start = page.indexOf('<div class="hexo-beian"');
  const end = page.indexOf('</div>', start) + '</div>'.length;
  expect(start).to.be.greaterThan(page.indexOf('<footer id="footer">'));
  expect(page.slice(end).startsWith('</footer>'), 'directly before </footer>').to.equal(true);
  expect(page.indexOf('<footer id="footer">')).to.be.greaterThan(page.lastIndexOf('</article>'));
  return page.slice(start, end);
}

describe('footer (real Hexo, landscape theme)', function () {
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(config: string, withoutPlugin = false): string {
    const dir = makeSite({ config, withoutPlugin });
    dirs.push(dir);
    mkdirSync(join(dir, 'source', 'images'), { recursive: true });
    writeFileSync(join(dir, 'source', 'images', 'gongan.png'), PNG);
    return dir;
  }

  describe('both numbers with an icon', () => {
    let dir: string;
    let logged: Logged;
    before(async () => {
      dir = site(BOTH);
      logged = await generate(dir);
    });

    it('shows both on the home page, inside the site footer, with the exact links', () => {
      const line = lineInSiteFooter(readPublic(dir, 'index.html'));
      expect([...line.matchAll(/href="([^"]*)"/g)].map(m => m[1])).to.deep.equal([
        'https://beian.miit.gov.cn/',
        'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143'
      ]);
      expect(line).to.contain('>京ICP备20000491号-1</a>');
      expect(line).to.contain('>京公网安备11010502030143号</a>');
      expect(line).to.contain('<img class="hexo-beian-icon" src="/images/gongan.png" alt="Public security filing icon" width="16" height="16"');
      expect(count(line, 'target="_blank" rel="noopener noreferrer"')).to.equal(2);
    });

    it('shows it once on a post page too (landscape has a footer in every article)', () => {
      const page = readPublic(dir, join('2024', '05', '21', 'hello', 'index.html'));
      expect(count(page, '<footer')).to.be.greaterThan(1);
      lineInSiteFooter(page);
    });

    it('logs nothing for a valid config', () => {
      expect(logged).to.deep.equal({ error: [], warn: [], info: [] });
    });
  });

  it('changes nothing else in the page: the build without the plugin is the same bytes', async () => {
    const withPlugin = site(BOTH);
    const without = site(BOTH, true);
    await generate(withPlugin);
    await generate(without);
    for (const page of ['index.html', join('2024', '05', '21', 'hello', 'index.html'), join('archives', 'index.html')]) {
      const a = readPublic(withPlugin, page);
      const line = lineInSiteFooter(a);
      expect(withoutIds(a.replace(line, '')), page).to.equal(withoutIds(readPublic(without, page)));
    }
  });

  it('renders a fixable number in canonical form and warns once per build, not per page', async () => {
    const dir = site('\nbeian:\n  icp: "粤ＩＣＰ备 14615304号－1"\n');
    const logged = await generate(dir);
    expect(lineInSiteFooter(readPublic(dir, 'index.html'))).to.contain('>粤ICP备14615304号-1</a>');
    expect(logged.warn).to.have.length(1);
    expect(logged.warn[0]).to.match(/^hexo-beian: beian\.icp: .*\(normalised\)\n {4}write: 粤ICP备14615304号-1$/);
  });

  it('renders no invalid number, logs the error once, and the build still succeeds', async () => {
    const dir = site('\nbeian:\n  icp: 京ICP备12345678号-1\n  gongan: 京公网安备11010502030143号\n');
    const logged = await generate(dir);
    const line = lineInSiteFooter(readPublic(dir, 'index.html'));
    expect(line).not.to.contain('12345678');
    expect(line).to.contain('>京公网安备11010502030143号</a>');
    expect(logged.error).to.have.length(1);
    expect(logged.error[0]).to.match(/^hexo-beian: beian\.icp: .*\(placeholder\)/);
  });

  it('a broken beian block never breaks the build', async () => {
    const dir = site('\nbeian: [1, 2]\n');
    const logged = await generate(dir);
    expect(count(readPublic(dir, 'index.html'), 'data-hexo-beian')).to.equal(0);
    expect(logged.error).to.deep.equal([
      'hexo-beian: beian: beian must be a block of keys (icp, gongan, …), not a single value; for example: (config-shape)\n'
      + '    beian:\n      icp: 京ICP备20000491号-1\n      gongan: 京公网安备11010502030143号'
    ]);
  });

  it('enable: false leaves every page as the theme made it', async () => {
    const dir = site('\nbeian:\n  enable: false\n  icp: 京ICP备20000491号-1\n');
    await generate(dir);
    expect(count(readPublic(dir, 'index.html'), 'hexo-beian')).to.equal(0);
  });

  it('messages follow the site language', async () => {
    const dir = site('\nlanguage: zh-CN\nbeian:\n  icp: 京ICP备20000491号-1\n  gongan:\n    number: 11010502030143\n    icon: images/gongan.png\n');
    await generate(dir);
    expect(readPublic(dir, 'index.html')).to.contain('alt="公安备案图标"');
  });

  for (const module of ['hexo7', 'hexo6'] as const) {
    it(`works on ${module.replace('hexo', 'Hexo ')}, which real blogs still pin`, async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { version } = require(`${module}/package.json`) as { version: string };
      expect(version.split('.')[0]).to.equal(module.slice(4));
      const dir = site(BOTH);
      const logged = await generate(dir, module);
      expect(lineInSiteFooter(readPublic(dir, 'index.html'))).to.contain('code=11010502030143');
      expect(logged.error).to.deep.equal([]);
    });
  }
});

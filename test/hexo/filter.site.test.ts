import { expect } from 'chai';
import { rmSync, writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import type Hexo from 'hexo';
import { lineFilter } from '../../lib/hexo/filter';
import { siteOf } from '../../lib/hexo/site';
import { generate, jsonReport, makeSite, readPublic, runHexo, type Logged, type SiteOptions } from '../site';

const BOTH = `
beian:
  icp: 京ICP备20180491号-1
  gongan:
    number: 11010502030413
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

  function site(config: string, withoutPlugin = false, options: SiteOptions = {}): string {
    const dir = makeSite({ config, withoutPlugin, ...options });
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
        'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413'
      ]);
      expect(line).to.contain('>京ICP备20180491号-1</a>');
      expect(line).to.contain('>京公网安备11010502030413号</a>');
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

    it('the filter run again on its own output (as under hexo server) changes nothing', async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const HexoClass = require('hexo') as new (base: string, args: object) => Hexo;
      const hexo = new HexoClass(dir, { silent: true });
      await hexo.init();
      // The glue the plugin registers as its after_render:html filter, on the same site config.
      const footer = lineFilter(hexo, siteOf(hexo));
      const filter = (html: string, path: string) => footer.inject(html, { path }) ?? html;
      for (const path of ['index.html', '2024/05/21/hello/index.html']) {
        const page = readPublic(dir, path);
        expect(filter(page, path), path).to.equal(page);
        // The same filter does add the line to the page without it: the check above is not empty.
        expect(filter(page.replace(lineInSiteFooter(page), ''), path), path).to.equal(page);
      }
      await hexo.exit();
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
    const dir = site('\nbeian:\n  icp: "粤ＩＣＰ备 14615340号－1"\n');
    const logged = await generate(dir);
    expect(lineInSiteFooter(readPublic(dir, 'index.html'))).to.contain('>粤ICP备14615340号-1</a>');
    expect(logged.warn).to.have.length(1);
    expect(logged.warn[0]).to.match(/^hexo-beian: _config\.yml:7:3 beian\.icp: .*\(normalised\)\n {4}write: icp: 粤ICP备14615340号-1$/);
  });

  it('renders no invalid number, logs the error once, and the build still succeeds', async () => {
    const dir = site('\nbeian:\n  icp: 京ICP备12345678号-1\n  gongan: 京公网安备11010502030413号\n');
    const logged = await generate(dir);
    const line = lineInSiteFooter(readPublic(dir, 'index.html'));
    expect(line).not.to.contain('12345678');
    expect(line).to.contain('>京公网安备11010502030413号</a>');
    expect(logged.error).to.have.length(1);
    expect(logged.error[0]).to.match(/^hexo-beian: _config\.yml:7:3 beian\.icp: .*\(placeholder\)/);
  });

  it('a broken beian block never breaks the build', async () => {
    const dir = site('\nbeian: [1, 2]\n');
    const logged = await generate(dir);
    expect(count(readPublic(dir, 'index.html'), 'data-hexo-beian')).to.equal(0);
    // The reading's error, then the guard's (warn, the default: hexo.call('generate') is a build).
    expect(logged.error).to.deep.equal([
      'hexo-beian: _config.yml:6:1 beian: must be a block of keys (icp, gongan, …), not a single value; for example: (config-shape)\n'
      + '    beian:\n      icp: ‹province›ICP备‹8 or 10 digits›号-‹site number›\n      gongan: ‹province›公网安备‹14 digits›号',
      'hexo-beian: beian.icp: No ICP number is configured: a site served from mainland China must show it at the bottom of its home page (MIIT Order No. 33, art. 13). Write it in the site\'s _config.yml (not the theme\'s): (icp-missing)\n'
      + '    beian:\n      icp: ‹province›ICP备‹8 or 10 digits›号-‹site number›'
    ]);
  });

  it('enable: false leaves every page as the theme made it', async () => {
    const dir = site('\nbeian:\n  enable: false\n  icp: 京ICP备20180491号-1\n');
    await generate(dir);
    expect(count(readPublic(dir, 'index.html'), 'hexo-beian')).to.equal(0);
  });

  it('messages follow the site language', async () => {
    const dir = site('\nlanguage: zh-CN\nbeian:\n  icp: 京ICP备20180491号-1\n  gongan:\n    number: 11010502030413\n    icon: images/gongan.png\n');
    await generate(dir);
    expect(readPublic(dir, 'index.html')).to.contain('alt="公安备案图标"');
  });

  /** Two more posts and one per page: the index has a page 2. */
  const MORE_POSTS = {
    'source/_posts/second.md': '---\ntitle: Second\ndate: 2024-05-22 10:00:00\n---\nSecond.\n',
    'source/_posts/third.md': '---\ntitle: Third\ndate: 2024-05-23 10:00:00\n---\nThird.\n'
  };

  for (const module of ['hexo7', 'hexo6', 'hexo5'] as const) {
    it(`works on ${module.replace('hexo', 'Hexo ')}, which real blogs still pin, pages: home included`, async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { version } = require(`${module}/package.json`) as { version: string };
      expect(version.split('.')[0]).to.equal(module.slice(4));
      const dir = site(`per_page: 1\n${BOTH}  pages: home\n`, false, { files: MORE_POSTS });
      const logged = await generate(dir, module);
      expect(lineInSiteFooter(readPublic(dir, 'index.html'))).to.contain('code=11010502030413');
      expect(readPublic(dir, join('page', '2', 'index.html'))).not.to.contain('data-hexo-beian');
      expect(logged.error).to.deep.equal([]);
    });
  }

  it('position: body_end puts it just before </body>, outside the footer', async () => {
    const dir = site(`${BOTH}  position: body_end\n`);
    await generate(dir);
    const page = readPublic(dir, 'index.html');
    expect(count(page, 'data-hexo-beian')).to.equal(1);
    expect(page).to.match(/<a class="hexo-beian-item hexo-beian-gongan"[^\n]*<\/a><\/div><\/body>/);
    expect(page.indexOf('data-hexo-beian')).to.be.greaterThan(page.lastIndexOf('</footer>'));
  });

  describe('pages: home, with the site under a sub-path (root: /blog/)', () => {
    let dir: string;
    before(async () => {
      dir = site(`root: /blog/\nper_page: 1\n${BOTH}  pages: home\n`, false, { files: MORE_POSTS });
      await generate(dir);
    });

    it('the home page has the line, with the icon under the sub-path', () => {
      expect(lineInSiteFooter(readPublic(dir, 'index.html'))).to.contain('src="/blog/images/gongan.png"');
    });

    it('no other page has it: index page 2, posts, archives', () => {
      for (const page of [join('page', '2', 'index.html'), join('page', '3', 'index.html'), join('2024', '05', '21', 'hello', 'index.html'), join('archives', 'index.html')]) {
        expect(readPublic(dir, page), page).not.to.contain('hexo-beian');
      }
    });
  });

  describe('the beian() helper, in a theme\'s own layouts (EJS and Nunjucks)', () => {
    /** A small theme: the index calls beian() from Nunjucks, posts from EJS, archives not at all. */
    const PLAIN = {
      'themes/plain/layout/layout.ejs': '<!DOCTYPE html>\n<html><body><%- body %><footer id="site">© plain</footer></body></html>\n',
      'themes/plain/layout/index.njk': '<main>index</main><div class="theme-beian">{{ beian() }}</div>',
      'themes/plain/layout/post.ejs': '<article><%- page.content %></article><div class="theme-beian"><%- beian() %></div>',
      'themes/plain/layout/archive.ejs': '<main>archive</main>'
    };
    let auto: string;
    let placed: string;
    before(async () => {
      auto = site(BOTH, false, { theme: 'plain', files: PLAIN });
      placed = site(`${BOTH}  position: none\n  pages: home\n`, false, { theme: 'plain', files: PLAIN });
      await generate(auto);
      await generate(placed);
    });

    function helperLine(page: string): string {
      expect(count(page, 'data-hexo-beian'), 'insertions').to.equal(1);
      const match = /<div class="theme-beian">(<div class="hexo-beian"[\s\S]*?<\/div>)<\/div><footer id="site">© plain<\/footer>/.exec(page);
      expect(match, 'the line where the theme put it').not.to.equal(null);
      return match?.[1] ?? '';
    }

    it('returns the same markup as the automatic line, where the theme calls it, and nothing is added twice', () => {
      const fromNunjucks = helperLine(readPublic(auto, 'index.html'));
      const fromEjs = helperLine(readPublic(auto, join('2024', '05', '21', 'hello', 'index.html')));
      const archive = readPublic(auto, join('archives', 'index.html'));
      expect(count(archive, 'data-hexo-beian')).to.equal(1);
      const automatic = /<footer id="site">© plain(<div class="hexo-beian"[\s\S]*?<\/div>)<\/footer>/.exec(archive)?.[1];
      expect(fromNunjucks).to.equal(automatic);
      expect(fromEjs).to.equal(automatic);
      expect(automatic).to.contain('>京ICP备20180491号-1</a>');
    });

    // The issue 12 review: `<div hidden><%- beian() %></div>` counted as the line, and no visitor saw one.
    it('called inside an element carrying hidden: that line is on no screen, so the filter adds its own, and the audit finds nothing', async () => {
      const dir = site(BOTH, false, { theme: 'hides', files: { 'themes/hides/layout/layout.ejs': '<!DOCTYPE html>\n<html><body><%- body %><footer id="site">© hides<div hidden><%- beian() %></div></footer></body></html>\n', 'themes/hides/layout/index.ejs': '<main>index</main>' } });
      await generate(dir);
      const page = readPublic(dir, 'index.html');
      const line = /<div hidden>(<div class="hexo-beian"[\s\S]*?<\/div>)<\/div>/.exec(page)?.[1] ?? '';
      expect(line).to.contain('>京ICP备20180491号-1</a>');
      expect(page).to.contain(`<div hidden>${line}</div>${line}</footer>`);
      const checked = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
      expect(checked.code, checked.stdout + checked.stderr).to.equal(0);
      expect(jsonReport(checked.stdout).findings).to.deep.equal([]);
      // Without the filter's own line, the audit says the page shows nothing.
      writeFileSync(join(dir, 'public', 'index.html'), page.replace(`${line}</footer>`, '</footer>'));
      const missing = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
      const found = jsonReport(missing.stdout).findings.filter(f => f.page === 'index.html');
      expect(found.map(f => f.code)).to.deep.equal(['page-missing', 'page-missing']);
      expect(found[0].message).to.contain('The line is on the page, but inside an element with the hidden attribute');
    });

    it('with position: none only the helper shows it, and pages: home holds for the helper too', () => {
      expect(helperLine(readPublic(placed, 'index.html'))).to.contain('>京公网安备11010502030413号</a>');
      expect(readPublic(placed, join('2024', '05', '21', 'hello', 'index.html'))).to.contain('<div class="theme-beian"></div>');
      expect(readPublic(placed, join('archives', 'index.html'))).not.to.contain('hexo-beian');
    });
  });

  describe('template: the user\'s own', () => {
    async function build(template: string | undefined, config = '  template: beian.njk\n'): Promise<{ page: string; logged: Logged }> {
      const files: Record<string, string> = template === undefined ? {} : { 'beian.njk': template };
      const dir = site(`language: zh-CN\n${BOTH}${config}`, false, { files });
      const logged = await generate(dir);
      return { page: readPublic(dir, 'index.html'), logged };
    }

    it('renders the items through it, in the site footer', async () => {
      const { page, logged } = await build('<p class="my-beian" data-hexo-beian>{% for item in items %}<a href="{{ item.href }}" title="{{ item.title }}">{% if item.icon %}<img src="{{ item.icon.src }}">{% endif %}{{ item.text }}</a>{% if not loop.last %} | {% endif %}{% endfor %}</p>');
      expect(logged).to.deep.equal({ error: [], warn: [], info: [] });
      expect(count(page, 'data-hexo-beian')).to.equal(1);
      expect(page).to.contain('<p class="my-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/" title="在工业和信息化部备案管理系统查询">京ICP备20180491号-1</a> | '
        + '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413" title="在全国互联网安全管理服务平台查询"><img src="/images/gongan.png">京公网安备11010502030413号</a></p></footer>');
    });

    it('without data-hexo-beian: wrapped so it is added once, with a warning saying what to write', async () => {
      const { page, logged } = await build('<p>{% for item in items %}<a href="{{ item.href }}">{% if item.icon %}<img src="{{ item.icon.src }}">{% endif %}{{ item.text }}</a>{% endfor %}</p>');
      expect(page).to.contain('<div data-hexo-beian><p><a href="https://beian.miit.gov.cn/">京ICP备20180491号-1</a><a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413"><img src="/images/gongan.png">京公网安备11010502030413号</a></p></div></footer>');
      expect(logged.warn).to.have.length(1);
      expect(logged.warn[0]).to.match(/^hexo-beian: _config\.yml:12:3 beian\.template: 模板的输出没有 data-hexo-beian 属性.*例如 <p class="beian" data-hexo-beian>。 \(config-template\)$/);
    });

    it('one that leaves a configured number out, or shows one unlinked: one error naming them, and the built-in line', async () => {
      const { page, logged } = await build('<p data-hexo-beian>{{ items[0].text }}</p>');
      expect(lineInSiteFooter(page)).to.contain('>京公网安备11010502030413号</a>');
      expect(logged.error).to.have.length(1);
      expect(logged.error[0]).to.match(/beian\.template: 模板 \/.*beian\.njk 出错（它的输出没有按要求显示备案信息：京ICP备20180491号-1 没有链接到它的查询页面；京公网安备11010502030413号 不在输出里）；已使用内置模板。/);
    });

    it('a missing file: one error naming the file, and the built-in line', async () => {
      const { page, logged } = await build(undefined, '  template: missing.njk\n');
      expect(lineInSiteFooter(page)).to.contain('>京ICP备20180491号-1</a>');
      expect(logged.error).to.have.length(1);
      expect(logged.error[0]).to.match(/^hexo-beian: _config\.yml:12:3 beian\.template: 无法读取 beian\.template 指定的文件 \/.*missing\.njk（.*ENOENT.*）；已使用内置模板。/);
    });

    it('a broken template: one error with nunjucks\' reason, and the built-in line', async () => {
      const { page, logged } = await build('{% for item in items %}<b>{{ item.text | nosuchfilter }}</b>{% endfor %}');
      expect(lineInSiteFooter(page)).to.contain('>京ICP备20180491号-1</a>');
      expect(logged.error).to.have.length(1);
      expect(logged.error[0]).to.match(/^hexo-beian: _config\.yml:12:3 beian\.template: 模板 .*beian\.njk 出错（.*filter not found: nosuchfilter.*）；已使用内置模板。/);
    });
  });

  describe('domains: one blog, a China host and an overseas mirror', () => {
    const DOMAINS = `language: zh-TW
beian:
  domains:
    blog.example.cn:
      icp: 京ICP备20180491号-1
      gongan: 11010502030413
    example.org.cn:
      icp: 京ICP备20180491号-2
  extra:
    - text: 京ICP证030713号
      link: https://dxzhgl.miit.gov.cn/
`;
    /** The mirror's build, as its README says: the same site, `url` overridden by a second config file. */
    const MIRROR = ['--config', '_config.yml,_config.mirror.yml'];
    let china: string;
    let mirror: string;
    let logged: Logged;
    let mirrorBuild: { code: number; stdout: string; stderr: string };
    before(async function () {
      this.timeout(120_000);
      china = site(DOMAINS); // url: https://blog.example.cn
      mirror = site(DOMAINS, false, { files: { '_config.mirror.yml': 'url: https://blog.example.com\n' } });
      logged = await generate(china);
      mirrorBuild = await runHexo(mirror, ['generate', ...MIRROR]);
    });

    it('the China host shows its own numbers and the extra record, labelled in traditional Chinese', () => {
      const line = lineInSiteFooter(readPublic(china, 'index.html'));
      expect([...line.matchAll(/>([^<>]+)<\/(?:a|span)>/g)].map(m => m[1])).to.deep.equal(['京ICP备20180491号-1', '京公网安备11010502030413号', '京ICP证030713号']);
      expect(line).to.contain('aria-label="ICP備案號 京ICP备20180491号-1"');
      expect(line).to.contain('title="在全國互聯網安全管理服務平台查詢"');
      expect(line).not.to.contain('20180491号-2');
      expect(logged).to.deep.equal({ error: [], warn: [], info: [] });
    });

    it('the mirror (hexo generate --config _config.yml,_config.mirror.yml), whose host is not listed, carries no filing line, and no error', () => {
      expect(mirrorBuild.code).to.equal(0);
      expect(readPublic(mirror, 'index.html')).to.contain('https://blog.example.com/');
      expect(readPublic(mirror, 'index.html')).not.to.contain('hexo-beian');
      expect(readPublic(mirror, join('2024', '05', '21', 'hello', 'index.html'))).not.to.contain('hexo-beian');
      expect(mirrorBuild.stdout + mirrorBuild.stderr).not.to.contain('hexo-beian');
    });

    it('hexo beian check reports which entry the url picked, or that none did', async () => {
      const cn = await runHexo(china, ['beian', 'check', '--today', '2024-06-01']);
      expect(cn.stdout).to.match(/^INFO  _config\.yml:\d+:5 beian\.domains\["blog\.example\.cn"\]: /m);
      expect(cn.stdout).to.contain('beian.domains["blog.example.cn"]: 站点 url 的域名是 blog.example.cn：使用 beian.domains["blog.example.cn"] 下的备案号。 (domain)');
      expect(cn.code).to.equal(0);
      const com = await runHexo(mirror, ['beian', 'check', '--today', '2024-06-01', ...MIRROR]);
      expect(com.stdout).to.match(/^INFO  _config\.yml:\d+:3 beian\.domains: /m);
      expect(com.stdout).to.contain(' beian.domains: 站点 url 的域名 blog.example.com 不在 beian.domains 中（已列出：blog.example.cn, example.org.cn），本次构建不显示任何备案信息。');
      expect(com.stdout).not.to.contain('icp-missing');
      expect(com.code).to.equal(0);
    });
  });

  describe('lineFilter() on pages whose site footer already shows the ICP number (a real Hexo instance)', () => {
    let hexo: Hexo;
    const warnings: string[] = [];
    const warned: string[] = [];
    const page = (n: number, link = 'https://beian.miit.gov.cn/') => `<html><body><p>post ${n}</p><footer id="footer">© me · <a href="${link}">京ICP备20180491号-1</a> 2022-2026</footer></body></html>`;
    before(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const HexoClass = require('hexo') as new (base: string, args: object) => Hexo;
      hexo = new HexoClass(site(BOTH), { silent: true });
      await hexo.init();
      const log = hexo.log as unknown as { info: (...args: unknown[]) => void; warn: (...args: unknown[]) => void };
      log.info = (...args: unknown[]) => { warnings.push(String(args[0])); };
      log.warn = (...args: unknown[]) => { warned.push(String(args[0])); };
    });
    after(() => hexo.exit());

    it('every page gets the 公安 number only, and each build says once (info), naming its first such page', async () => {
      const filter = lineFilter(hexo, siteOf(hexo));
      for (const build of [1, 2]) {
        await filter.prepare();
        for (const n of [1, 2, 3]) {
          const out = filter.inject(page(n), { path: `p${n}/index.html` }) ?? '';
          expect(count(out, '京ICP备20180491号-1'), `build ${build}, page ${n}`).to.equal(1);
          expect(out, `build ${build}, page ${n}`).to.contain('>京公网安备11010502030413号</a>');
        }
        expect(warnings, `build ${build}`).to.have.length(build);
        expect(warnings[build - 1]).to.match(/^hexo-beian: p1\/index\.html: The page already shows 京ICP备20180491号-1 \(beian\.icp\)/);
      }
    });

    it('a copy linked to a retired host, or not at all: the line still shows the number, and each build warns once, naming it', async () => {
      const filter = lineFilter(hexo, siteOf(hexo));
      warnings.length = 0;
      for (const build of [1, 2]) {
        await filter.prepare();
        for (const n of [1, 2, 3]) {
          const out = filter.inject(page(n, 'https://www.miitbeian.gov.cn/'), { path: `p${n}/index.html` }) ?? '';
          expect(count(out.replace(/<[^>]*>/g, ' '), '京ICP备20180491号-1'), `build ${build}, page ${n}: shown twice`).to.equal(2);
          expect(out).to.contain('class="hexo-beian-item hexo-beian-icp" href="https://beian.miit.gov.cn/"');
        }
        expect(warned, `build ${build}`).to.have.length(build);
        expect(warned[build - 1]).to.match(/^hexo-beian: p1\/index\.html: The page already shows 京ICP备20180491号-1 \(beian\.icp\) but linked to the retired https:\/\/www\.miitbeian\.gov\.cn\/, so hexo-beian still shows it .*\(already-shown-wrong-link\)$/);
      }
      expect(warnings).to.deep.equal([]);
      await filter.prepare();
      const unlinked = '<html><body><footer>© me · 京ICP备20180491号-1</footer></body></html>';
      expect(count((filter.inject(unlinked, { path: 'q/index.html' }) ?? '').replace(/<[^>]*>/g, ' '), '京ICP备20180491号-1')).to.equal(2);
      expect(warned[2]).to.contain('but without a link to its query system');
    });
  });
});

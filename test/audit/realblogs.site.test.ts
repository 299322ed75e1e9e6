import { expect } from 'chai';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { jsonReport, makeSite, runHexo, type HexoModule } from '../site';
import { repoRoot } from '../paths';
import type { JsonReport } from '../../lib/hexo/report';

/**
 * The four real blogs of the real-blogs issue, rebuilt from the themes on npm: the theme
 * already shows the site's numbers with its own settings, hexo-beian is installed with the
 * same numbers in `beian:`, and `duplicates: skip` (the default). A correct site gets a clean
 * `hexo beian check --strict`; Fluid, whose links are insecure or retired, gets warnings only.
 * Each runs on the Hexo its real blog pinned.
 */

const ICP = '苏ICP备2021048812号';
const GONGAN = '苏公网安备32010202010123号';
const DIGITS = '32010202010123';
const BEIAN = `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`;


const POSTS: Record<string, string> = {
  'source/_posts/vue.md': `---\ntitle: Vue 笔记\ndate: 2025-04-02 10:00:00\nupdated: 2025-04-02 10:00:00\ntags: [笔记]\n---\n本站备案号是 ${ICP}，写在页脚。\n`,
  'source/_posts/next.md': `---\ntitle: 下一篇\ndate: 2025-04-03 10:00:00\nupdated: 2025-04-03 10:00:00\ntags: [笔记]\n---\n正文。\n`
};

async function checkJson(dir: string, strict: boolean): Promise<{ code: number; json: JsonReport }> {
  const { code, stdout } = await runHexo(dir, ['beian', 'check', '--json', ...strict ? ['--strict'] : []]);
  return { code, json: jsonReport(stdout) };
}

function htmlPages(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? htmlPages(dir, join(prefix, e.name)) : e.name.endsWith('.html') ? [join(prefix, e.name)] : []);
}

/** The site footer of a page: its last `<footer>` (a post's text quotes the number too, on index pages). */
function siteFooter(html: string): string {
  return html.slice(html.lastIndexOf('<footer'), html.lastIndexOf('</footer>'));
}

/** How often a page shows `text` to a visitor: outside tags, scripts and styles. */
function shownTimes(html: string, text: string): number {
  return html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, '').split(text).length - 1;
}

/** A theme from npm copied under `themes/<name>/`, as real blogs commit it, with its `_config.yml` edited. */
function commitTheme(dir: string, name: string, edit: (config: string) => string): void {
  const to = join(dir, 'themes', name);
  cpSync(join(repoRoot, 'node_modules', `hexo-theme-${name}`), to, { recursive: true });
  writeFileSync(join(to, '_config.yml'), edit(readFileSync(join(to, '_config.yml'), 'utf8')));
}

/** Replaces one line of a theme's `_config.yml`, asserting it is there. */
function replaceLine(config: string, from: RegExp, to: string): string {
  expect(config, String(from)).to.match(from);
  return config.replace(from, to);
}

describe('real blogs: the theme shows the numbers, hexo-beian hands over', function () {
  this.timeout(240_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  function site(theme: string, hexo: HexoModule, files: Record<string, string> = {}, config = BEIAN): string {
    const dir = makeSite({ theme, hexo, config, files: { ...POSTS, ...files } });
    dirs.push(dir);
    return dir;
  }

  async function build(dir: string): Promise<string[]> {
    const run = await runHexo(dir, ['generate']);
    expect(run.code, run.stderr).to.equal(0);
    return htmlPages(join(dir, 'public'));
  }

  describe('NexT committed under themes/next, Hexo 6.3', () => {
    let dir: string;
    let pages: string[];
    before(async () => {
      // With the icon too, in both configs: NexT puts it before its link, not in it (a newcomer's
      // trial got page-icon-missing on every page, which no regeneration could fix).
      dir = site('next', 'hexo6', { 'source/images/gongan.png': 'png' }, `beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /images/gongan.png\n`);
      commitTheme(dir, 'next', config => {
        let edited = replaceLine(config, /^ {2}beian:\n {4}enable: false$/m, '  beian:\n    enable: true');
        edited = replaceLine(edited, /^ {4}icp:$/m, `    icp: ${ICP}`);
        edited = replaceLine(edited, /^ {4}gongan_id:$/m, `    gongan_id: ${DIGITS}`);
        edited = replaceLine(edited, /^ {4}gongan_icon_url:$/m, '    gongan_icon_url: /images/gongan.png');
        return replaceLine(edited, /^ {4}gongan_num:$/m, `    gongan_num: ${GONGAN}`);
      });
      pages = await build(dir);
    });

    it('every page shows each number once, NexT\'s own line (its icon right before its 公安 link); hexo-beian adds nothing', () => {
      expect(pages.length).to.be.greaterThan(5);
      for (const page of pages) {
        const html = readFileSync(join(dir, 'public', page), 'utf8');
        expect(html, page).not.to.contain('data-hexo-beian');
        expect(html, page).to.match(/<img src="\/images\/gongan\.png" alt="">\s*<a [^>]*href="https:\/\/beian\.mps\.gov\.cn\//);
        expect(shownTimes(siteFooter(html), ICP), page).to.equal(1);
        expect(shownTimes(html, GONGAN), page).to.equal(1);
      }
    });

    it('hexo beian check --strict passes; what it says of the theme names themes/next/_config.yml', async () => {
      const { code, json } = await checkJson(dir, true);
      expect(json.findings.filter(f => f.severity !== 'info'), JSON.stringify(json.findings, null, 1)).to.deep.equal([]);
      expect(code).to.equal(0);
      expect(json.summary.pages).to.equal(pages.length);
      const text = JSON.stringify(json.findings);
      expect(text).to.contain('themes/next/_config.yml');
      expect(text).not.to.contain('_config.next.yml');
    });
  });

  describe('Butterfly committed under themes/butterfly, its footer.custom_text, Hexo 7.3', () => {
    let dir: string;
    let pages: string[];
    before(async () => {
      dir = site('butterfly', 'hexo7');
      commitTheme(dir, 'butterfly', config => replaceLine(config, /^ {2}custom_text:$/m,
        `  custom_text: '<a href="https://beian.miit.gov.cn/" target="_blank">${ICP}</a> 2022-2026 网站已运行'`));
      pages = await build(dir);
    });

    it('every page shows the ICP number once (the theme\'s, followed by years), and hexo-beian\'s line the 公安 number', () => {
      expect(pages.length).to.be.greaterThan(5);
      for (const page of pages) {
        const html = readFileSync(join(dir, 'public', page), 'utf8');
        const footer = siteFooter(html);
        expect(shownTimes(footer, ICP), page).to.equal(1);
        expect(shownTimes(footer, GONGAN), page).to.equal(1);
        expect(footer, page).to.contain('data-hexo-beian');
      }
    });

    it('hexo beian check --strict passes', async () => {
      const { code, json } = await checkJson(dir, true);
      expect(json.findings.filter(f => f.severity !== 'info'), JSON.stringify(json.findings, null, 1)).to.deep.equal([]);
      expect(code).to.equal(0);
      expect(json.summary.pages).to.equal(pages.length);
    });
  });

  describe('NexT from npm with an HTML minifier (hexo-html-minifier), Hexo 7.3', () => {
    let dir: string;
    let pages: string[];
    before(async () => {
      dir = site('next', 'hexo7', {
        '_config.next.yml': `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n    gongan_id: ${DIGITS}\n    gongan_num: ${GONGAN}\n`
      });
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      pkg.dependencies['hexo-html-minifier'] = '*';
      writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
      pages = await build(dir);
    });

    it('the pages are minified, and each number is shown once, by NexT', () => {
      const index = readFileSync(join(dir, 'public', 'index.html'), 'utf8');
      expect(index.split('\n').length).to.be.lessThan(5);
      for (const page of pages) {
        const html = readFileSync(join(dir, 'public', page), 'utf8');
        expect(html, page).not.to.contain('data-hexo-beian');
        expect(shownTimes(html, GONGAN), page).to.equal(1);
      }
    });

    it('hexo beian check --strict passes', async () => {
      const { code, json } = await checkJson(dir, true);
      expect(json.findings.filter(f => f.severity !== 'info'), JSON.stringify(json.findings, null, 1)).to.deep.equal([]);
      expect(code).to.equal(0);
    });
  });

  describe('Fluid from npm with its own line, the label in icp_text, Hexo 5.4', () => {
    let dir: string;
    let pages: string[];
    before(async () => {
      dir = site('fluid', 'hexo5', {
        '_config.fluid.yml': `footer:\n  beian:\n    enable: true\n    icp_text: 备案号：${ICP}\n    police_text: ${GONGAN}\n    police_code: ${DIGITS}\n`
      });
      pages = await build(dir);
    });

    it('hexo beian check --strict fails on warnings only; no normalised for the label, no page error', async () => {
      const { code, json } = await checkJson(dir, true);
      const codes = json.findings.map(f => f.code);
      expect(json.summary.errors, JSON.stringify(json.findings, null, 1)).to.equal(0);
      expect(json.summary.warnings).to.be.greaterThan(0);
      expect(code).to.equal(1);
      expect(codes).to.include('link-insecure');
      expect(codes).not.to.include('normalised');
      expect(codes).not.to.include('page-unlinked');
      expect(json.summary.pages).to.equal(pages.length);
      expect((await checkJson(dir, false)).code).to.equal(0);
    });

    it('the ICP number is shown once on every page (Fluid\'s, over http: it works)', () => {
      for (const page of pages) {
        const html = readFileSync(join(dir, 'public', page), 'utf8');
        expect(shownTimes(siteFooter(html), ICP), page).to.equal(1);
      }
    });
  });

  // The moment a real blog installs hexo-beian: no beian: yet, the theme shows the numbers. The
  // truth is that the site shows them and how to hand over: no warning, in the build or the check.
  describe('before the handover: the blog as it was, hexo-beian just installed (no beian:)', () => {
    const blogs = [
      {
        name: 'NexT committed under themes/next, Hexo 6.3', theme: 'next', hexo: 'hexo6' as HexoModule,
        commit: (config: string) => replaceLine(replaceLine(replaceLine(replaceLine(config, /^ {2}beian:\n {4}enable: false$/m, '  beian:\n    enable: true'),
          /^ {4}icp:$/m, `    icp: ${ICP}`), /^ {4}gongan_id:$/m, `    gongan_id: ${DIGITS}`), /^ {4}gongan_num:$/m, `    gongan_num: ${GONGAN}`),
        block: `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}`
      },
      {
        name: 'Butterfly committed under themes/butterfly, its footer.custom_text, Hexo 7.3', theme: 'butterfly', hexo: 'hexo7' as HexoModule,
        commit: (config: string) => replaceLine(config, /^ {2}custom_text:$/m, `  custom_text: '<a href="https://beian.miit.gov.cn/" target="_blank">${ICP}</a> 2022-2026 网站已运行'`),
        block: `beian:\n  icp: ${ICP}`
      }
    ];
    for (const blog of blogs) {
      it(`${blog.name}: the build and hexo beian check --strict say nothing but how to hand over`, async () => {
        const dir = site(blog.theme, blog.hexo, {}, '');
        commitTheme(dir, blog.theme, blog.commit);
        const built = await runHexo(dir, ['generate']);
        expect(built.code, built.stderr).to.equal(0);
        expect(`${built.stdout}${built.stderr}`.split('\n').filter(line => /^(WARN|ERROR)/.test(line) && /beian/i.test(line))).to.deep.equal([]);
        const pages = htmlPages(join(dir, 'public'));
        for (const page of pages) {
          const html = readFileSync(join(dir, 'public', page), 'utf8');
          expect(html, page).not.to.contain('data-hexo-beian');
          expect(shownTimes(siteFooter(html), ICP), page).to.equal(1);
        }
        const { code, json } = await checkJson(dir, true);
        expect(json.findings.map(f => [f.code, f.severity]), JSON.stringify(json.findings, null, 1)).to.deep.equal([['theme-move', 'info']]);
        expect(json.findings[0].suggestion).to.equal(blog.block);
        expect([code, json.summary.pages]).to.deep.equal([0, pages.length]);
      });
    }
  });
});

import { expect } from 'chai';
import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import type { JsonReport } from '../../lib/hexo/report';
import { auditPage, pagePlan } from '../../lib/audit/pages';
import { readConfig } from '../../lib/config/read';
import { lineItems } from '../../lib/line/items';
import { generate, makeSite, runHexo, type Logged } from '../site';

/**
 * Issue 13, on real sites built with the themes from npm: what the site footer really shows.
 * `duplicates: skip` leaves out only a copy linked to its own query system; a number followed
 * by a year is still that number; the page audit finds a number shown twice, and judges a
 * number's link only in the site footer and the line, never in a post's previous / next card.
 */

const ICP = '苏ICP备2021048812号';
const GONGAN = '苏公网安备32010202012345号';

/** How often the page shows `number` as text (tags and attributes, such as the line's aria-label, taken out). */
function count(html: string, number: string): number {
  return html.replace(/<[^>]*>/g, ' ').split(number).length - 1;
}

/** The line hexo-beian put on the page ('' when none). */
function lineOf(html: string): string {
  return /<div class="hexo-beian" data-hexo-beian[^>]*>.*?<\/div>/.exec(html)?.[0] ?? '';
}

const BEIAN = `beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`;

describe('what the site footer really shows (issue 13, themes from npm)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

  async function build(theme: 'butterfly' | 'next', config: string, files: Record<string, string> = {}): Promise<{ dir: string; logged: Logged; page: (path: string) => string }> {
    const dir = makeSite({ theme, config, files });
    dirs.push(dir);
    const logged = await generate(dir);
    return { dir, logged, page: path => readFileSync(join(dir, 'public', path), 'utf8') };
  }

  async function check(dir: string): Promise<JsonReport> {
    const { stdout } = await runHexo(dir, ['beian', 'check', '--json', '--silent']);
    return JSON.parse(stdout) as JsonReport;
  }

  describe('Butterfly, footer.custom_text linking the ICP number to the retired www.miitbeian.gov.cn', () => {
    let built: Awaited<ReturnType<typeof build>>;
    before(async () => {
      built = await build('butterfly', `${BEIAN}theme_config:\n  footer:\n    custom_text: '<a href="https://www.miitbeian.gov.cn/">${ICP}</a>'\n`);
    });

    it('the line still shows the number, correctly linked, on every page (the broken copy is not taken for it)', () => {
      for (const path of ['index.html', 'archives/index.html']) {
        const html = built.page(path);
        expect(count(html, ICP), path).to.equal(2);
        expect(lineOf(html), path).to.contain(`href="https://beian.miit.gov.cn/"`);
        expect(lineOf(html), path).to.contain(`>${ICP}</a>`);
      }
    });

    it('the build warns once, saying how the copy is linked and where it comes from', () => {
      const wrong = built.logged.warn.filter(line => line.includes('(already-shown-wrong-link)'));
      expect(wrong).to.have.length(1);
      expect(wrong[0]).to.match(new RegExp(`^hexo-beian: [^:]+\\.html: The page already shows ${ICP} \\(beian\\.icp\\) but linked to the retired https://www\\.miitbeian\\.gov\\.cn/, so hexo-beian still shows it`));
      expect(wrong[0]).to.contain('Remove the number from footer.custom_text in Butterfly\'s config');
      expect(wrong[0]).to.contain('or link that copy to https://beian.miit.gov.cn/.');
      expect(built.logged.info.join('\n')).not.to.contain('already-shown');
    });

    it('hexo beian check: page-shown-twice and link-retired, once each for all the pages', async () => {
      const report = await check(built.dir);
      const twice = report.findings.filter(f => f.code === 'page-shown-twice');
      expect(twice).to.have.length(1);
      expect(twice[0].severity).to.equal('warning');
      // Butterfly's own setting, not NexT's key; nothing of beian.duplicates, which is skip here (a newcomer's trial).
      expect(twice[0].message).to.equal(`This page's site footer shows the ICP number ${ICP} more than once (hexo-beian's line, and the theme's own filing line or the number typed into its footer text). Once is enough, and hexo-beian's checked, correctly linked line shows it: Remove the number from theme_config.footer.custom_text in _config.yml to turn Butterfly's own line off.`);
      expect(report.findings.filter(f => f.code === 'link-retired')).to.have.length(1);
      expect(report.findings.map(f => f.code)).not.to.include('page-unlinked');
    });
  });

  describe('Butterfly, the number correctly linked and followed by the years the site has run', () => {
    let built: Awaited<ReturnType<typeof build>>;
    before(async () => {
      built = await build('butterfly', `${BEIAN}theme_config:\n  footer:\n    custom_text: '<a href="https://beian.miit.gov.cn/">${ICP}</a> 2022-2026 网站已运行<br>1234 天'\n`);
    });

    it('the line leaves it out (the page shows it once) and says so', () => {
      const html = built.page('index.html');
      expect(count(html, ICP)).to.equal(1);
      expect(lineOf(html)).not.to.contain('hexo-beian-icp');
      expect(lineOf(html)).to.contain(`>${GONGAN}</a>`);
      expect(built.logged.info.filter(line => line.includes('(already-shown)'))).to.have.length(1);
    });

    it('hexo beian check finds nothing shown twice', async () => {
      const report = await check(built.dir);
      expect(report.findings.map(f => f.code)).not.to.include('page-shown-twice');
      expect(report.summary.errors).to.equal(0);
    });
  });

  describe('NexT with its own line on and gongan_id one digit off; a post titled with another site\'s number', () => {
    let built: Awaited<ReturnType<typeof build>>;
    const TITLED = `---\ntitle: 沪ICP备19999999号-2 的备案经过\ndate: 2024-05-20 10:00:00\n---\n正文。\n`;
    before(async () => {
      built = await build('next', `${BEIAN}theme_config:\n  footer:\n    beian:\n      enable: true\n      icp: ${ICP}\n      gongan_num: ${GONGAN}\n      gongan_id: 32010202012346\n`, { 'source/_posts/titled.md': TITLED });
    });

    it('the ICP number (NexT links it right) is left out; the 公安 number (its link queries other digits) is shown, linked to its own', () => {
      const html = built.page('index.html');
      expect(count(html, ICP)).to.equal(1);
      expect(count(html, GONGAN)).to.equal(2);
      expect(lineOf(html)).not.to.contain('hexo-beian-icp');
      expect(lineOf(html)).to.contain('href="https://beian.mps.gov.cn/#/query/webSearch?code=32010202012345"');
      const wrong = built.logged.warn.filter(line => line.includes('(already-shown-wrong-link)'));
      expect(wrong).to.have.length(1);
      expect(wrong[0]).to.contain(`The page already shows ${GONGAN} (beian.gongan) but linked to a query for 32010202012346`);
      expect(wrong[0]).to.contain('This is NexT\'s own filing line: set theme_config.footer.beian.enable: false in _config.yml');
    });

    it('hexo beian check: the 公安 number shown twice, its wrong code; the post\'s title in the next post\'s card is no other number', async () => {
      const report = await check(built.dir);
      const found = new Set(report.findings.map(f => f.code));
      expect(found).to.include('page-shown-twice');
      expect(found).to.include('link-wrong-code');
      expect(found).not.to.include('page-other-number');
      expect(found).not.to.include('page-unlinked');
      expect(report.findings.find(f => f.code === 'page-shown-twice')?.message).to.contain(GONGAN);
      // The theme audit says what the filter did: it leaves out the ICP number only.
      const shows = report.findings.filter(f => f.code === 'theme-shows');
      expect(shows.map(f => f.message.startsWith(`NexT shows ${ICP} itself`))).to.deep.equal([true]);
      expect(shows[0].message).not.to.contain(GONGAN);
    });

    it('a post page without the line (a stale build): the number is missing, and the card\'s link is not named as its link', () => {
      const { config } = readConfig({ icp: '沪ICP备19999999号-2' }, 'en');
      const plan = pagePlan(config, lineItems(config, 'en', path => path), 'en');
      // The card of the titled post is on the hello post's page, in NexT's post footer (inside <article>).
      const html = built.page('2024/05/21/hello/index.html');
      expect(html).to.match(/<footer class="post-footer">[\s\S]*<a href="\/2024\/05\/20\/titled\/" rel="(?:prev|next)" title="沪ICP备19999999号-2 的备案经过">/);
      const findings = auditPage('2024/05/21/hello/index.html', Buffer.from(html), plan);
      expect(findings.map(f => f.code)).to.include('page-missing');
      expect(findings.map(f => f.code)).not.to.include('page-unlinked');
      expect(JSON.stringify(findings)).not.to.contain('/2024/05/20/titled/');
    });
  });

  it('NexT with its own line on and duplicates: keep: hexo beian check says the ICP number is shown twice (a warning, once for all pages)', async () => {
    const built = await build('next', `${BEIAN}  duplicates: keep\ntheme_config:\n  footer:\n    beian:\n      enable: true\n      icp: ${ICP}\n`);
    expect(count(built.page('index.html'), ICP)).to.equal(2);
    const report = await check(built.dir);
    const twice = report.findings.filter(f => f.code === 'page-shown-twice');
    expect(twice.map(f => [f.severity, f.message.includes(ICP), (f.pageCount ?? 1) > 1])).to.deep.equal([['warning', true, true]]);
    expect(report.summary.errors).to.equal(0);
  });
});

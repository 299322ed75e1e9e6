import { expect } from 'chai';
import { mkdirSync, readFileSync, rmSync } from 'fs';
import { join, relative } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, missingPrerequisites, openContext, scrollToBottom } from './browser';
import { lookAtFilingLine, type Box, type LineSeen } from './look';
import { serveStatic, type StaticServer } from './server';
import { buildDemo, buildThemedCopy, exampleDir, repoRoot } from './sites';

/**
 * The filing line as a visitor's browser shows it: the demo site (landscape) and a copy of
 * it with Butterfly, Redefine and Icarus each, served on loopback, opened in headless Chromium on a phone (375 px) and
 * a desktop (1280 px), scrolled to the bottom of the home page and of a post.
 */

/** The demo's numbers (example/_config.yml), canonical, and where they link. */
const ICP = '京ICP备20000491号-1';
const GONGAN = '京公网安备11010502030143号';
const ICP_HREF = 'https://beian.miit.gov.cn/';
const GONGAN_HREF = 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143';
const ICON = '/images/gongan.png';

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'post', path: '/2024/06/02/beian-guide/' } // the long Chinese post
];
const WIDTHS = [375, 1280];

/**
 * Butterfly: the most used theme on Chinese blogs, and a footer that is a real test. It
 * recolours every child of `#footer` and puts its own copyright block above ours; its
 * back-to-top buttons are fixed to the bottom right corner and fade in when the visitor
 * scrolls; and its pages load their scripts and icon font from a CDN (blocked here).
 */
const SITES: { theme: string; build(): Promise<{ publicDir: string; cleanup?: string }> }[] = [
  { theme: 'landscape', build: async () => ({ publicDir: await buildDemo() }) },
  {
    theme: 'butterfly',
    build: async () => {
      const dir = await buildThemedCopy({ theme: 'butterfly', packages: ['hexo-renderer-marked', 'hexo-renderer-pug', 'hexo-renderer-stylus'] });
      return { publicDir: join(dir, 'public'), cleanup: dir };
    }
  },
  // Redefine: a Tailwind footer (`<footer class="footer mt-5 py-5 …">`) whose blocks are placed
  // absolutely left and right on a desktop, and its config copied into an inline script.
  {
    theme: 'redefine',
    build: async () => {
      const dir = await buildThemedCopy({ theme: 'redefine', packages: ['hexo-renderer-marked', 'hexo-renderer-ejs', 'hexo-renderer-stylus'] });
      return { publicDir: join(dir, 'public'), cleanup: dir };
    }
  },
  // Icarus: a Bulma layout whose footer (`<footer class="footer">`) holds a `.level` of its own,
  // left and right on a desktop; the theme writes its `_config.icarus.yml` on the first build.
  {
    theme: 'icarus',
    build: async () => {
      const dir = await buildThemedCopy({ theme: 'icarus', packages: ['hexo-renderer-marked', 'hexo-renderer-ejs', 'hexo-renderer-stylus'] });
      return { publicDir: join(dir, 'public'), cleanup: dir };
    }
  }
];

const resultsDir = join(repoRoot, 'test-results');
const screenshots: string[] = [];

const fmt = (box: Box) => `[${box.left.toFixed(1)}, ${box.top.toFixed(1)}] to [${box.right.toFixed(1)}, ${box.bottom.toFixed(1)}]`;

describe('the filing line in a real browser (headless Chromium)', function () {
  this.timeout(180_000);
  let browser: Browser;

  before(async function () {
    const missing = missingPrerequisites();
    if (missing.length > 0) throw new Error(missing.join('\n'));
    const config = readFileSync(join(exampleDir, '_config.yml'), 'utf8');
    for (const number of [ICP, GONGAN]) {
      expect(config, `example/_config.yml shows ${number}; update this test with it`).to.contain(number);
    }
    rmSync(resultsDir, { recursive: true, force: true });
    mkdirSync(resultsDir, { recursive: true });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (screenshots.length > 0) {
      console.log(`\n  Screenshots of the footer (${screenshots.length}):\n${screenshots.map(p => `    ${p}`).join('\n')}\n`);
    }
  });

  for (const site of SITES) {
    describe(`${site.theme} theme`, () => {
      let server: StaticServer;
      let cleanup: string | undefined;

      before(async () => {
        const built = await site.build();
        cleanup = built.cleanup;
        server = await serveStatic(built.publicDir);
      });

      after(async () => {
        await server?.close();
        if (cleanup) rmSync(cleanup, { recursive: true, force: true });
      });

      for (const width of WIDTHS) {
        for (const { name, path } of PAGES) {
          describe(`${name} page (${path}) at ${width} px`, () => {
            let context: BrowserContext;
            let page: Page;
            let seen: LineSeen;
            const shot = join(resultsDir, `${site.theme}-${name}-${width}.png`);

            before(async () => {
              context = await openContext(browser, server.origin, width);
              page = await context.newPage();
              const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
              expect(response?.status(), `HTTP status of ${path}`).to.equal(200);
              await scrollToBottom(page);
              const look = await lookAtFilingLine(page);
              if (!look) throw new Error(`${path}: no element with data-hexo-beian on the page`);
              seen = look;
              // The footer the line sits in, as the visitor sees it at the bottom of the screen.
              const footer = page.locator('footer:has([data-hexo-beian])').last();
              const target = (await footer.count()) > 0 ? footer : page.locator('[data-hexo-beian]');
              await target.screenshot({ path: shot, animations: 'disabled' });
              screenshots.push(relative(process.cwd(), shot));
            });

            after(async () => {
              await context?.close();
            });

            it('shows the filing line once, in the site footer, visible and uncovered at the bottom of the screen', () => {
              expect(seen.count, 'elements with data-hexo-beian').to.equal(1);
              expect(seen.parent, 'the element the line is in').to.equal('footer');
              expect(seen.links.map(l => l.kind)).to.deep.equal(['icp', 'gongan']);
              for (const link of seen.links) {
                expect(link.shown, `${link.kind}: not hidden by display, visibility or opacity`).to.equal(true);
                expect(link.textBox.right - link.textBox.left, `${link.kind}: rendered width`).to.be.greaterThan(0);
                expect(link.textBox.top, `${link.kind} text ${fmt(link.textBox)} below the top of the screen`).to.be.at.least(0);
                expect(link.textBox.bottom, `${link.kind} text ${fmt(link.textBox)} above the bottom of the ${seen.viewport.height} px screen`)
                  .to.be.at.most(seen.viewport.height);
                expect(link.onTop, `${link.kind}: the element at the centre of the number is the link (nothing fixed or overlapping covers it)`).to.equal(true);
              }
            });

            it('sits inside the site footer as the browser lays it out, centred in it, at the bottom of the page', () => {
              expect(seen.footer, 'a <footer> around the line').to.not.equal(undefined);
              if (!seen.footer) return;
              expect(seen.footer.site, 'that <footer> is the site footer (the last outside <article>, <aside>, <nav>, <section>)').to.equal(true);
              const { box } = seen.footer;
              const links = {
                left: Math.min(...seen.links.map(l => l.box.left)),
                right: Math.max(...seen.links.map(l => l.box.right)),
                top: Math.min(...seen.links.map(l => l.box.top)),
                bottom: Math.max(...seen.links.map(l => l.box.bottom))
              };
              for (const [what, inner] of [['the line', seen.box], ['its numbers', links]] as const) {
                expect(inner.left, `${what} ${fmt(inner)} inside the footer ${fmt(box)}`).to.be.at.least(box.left - 0.5);
                expect(inner.right, `${what} ${fmt(inner)} inside the footer ${fmt(box)}`).to.be.at.most(box.right + 0.5);
                expect(inner.top, `${what} ${fmt(inner)} inside the footer ${fmt(box)}`).to.be.at.least(box.top - 0.5);
                expect(inner.bottom, `${what} ${fmt(inner)} inside the footer ${fmt(box)}`).to.be.at.most(box.bottom + 0.5);
              }
              const offCentre = (links.left + links.right) / 2 - (box.left + box.right) / 2;
              expect(Math.abs(offCentre), `the numbers ${fmt(links)} centred in the footer ${fmt(box)}`).to.be.at.most(4);
              // The footer's own padding, and what a theme puts after it, are all that is below the line.
              expect(seen.belowLine, 'document height below the line').to.be.within(-0.5, 200);
            });

            it('reads exactly the canonical numbers', () => {
              expect(seen.links.map(l => l.text)).to.deep.equal([ICP, GONGAN]);
              expect(seen.text.replace(/\s+/g, ' ').trim()).to.equal(`${ICP} ${GONGAN}`);
            });

            it('links each number to its query system, exactly, in a new tab', async () => {
              expect(seen.links.map(l => [l.href, l.resolved])).to.deep.equal([[ICP_HREF, ICP_HREF], [GONGAN_HREF, GONGAN_HREF]]);
              for (const link of seen.links) {
                expect(link.target, `${link.kind} target`).to.equal('_blank');
                expect(link.rel?.split(/\s+/), `${link.kind} rel`).to.include('noopener');
              }
              // Click as a visitor does: a new tab opens on the exact URL, without a handle on this page.
              for (const [index, href] of [ICP_HREF, GONGAN_HREF].entries()) {
                const pagesBefore = context.pages().length;
                const [tab] = await Promise.all([
                  page.waitForEvent('popup', { timeout: 10_000 }),
                  page.locator('[data-hexo-beian] a.hexo-beian-item').nth(index).click({ timeout: 10_000 })
                ]);
                await tab.waitForLoadState('domcontentloaded');
                expect(tab.url(), 'URL of the new tab').to.equal(href);
                expect(page.url(), 'the page itself stays').to.equal(`${server.origin}${path}`);
                expect(context.pages().length).to.equal(pagesBefore + 1);
                expect(await tab.evaluate(() => window.opener === null), 'window.opener in the new tab').to.equal(true);
                await tab.close();
              }
            });

            it('has loaded the icon and shows it 16×16 just before the number, on the same line', () => {
              const gongan = seen.links.find(l => l.kind === 'gongan');
              const icon = gongan?.icon;
              expect(icon, 'the 公安 icon').to.not.equal(undefined);
              if (!gongan || !icon) return;
              expect(icon.complete && icon.naturalWidth, `naturalWidth of ${icon.src}`).to.be.greaterThan(0);
              expect(new URL(icon.src).pathname).to.equal(ICON);
              expect([icon.box.right - icon.box.left, icon.box.bottom - icon.box.top], 'rendered size').to.deep.equal([16, 16]);
              expect(icon.onTop, 'nothing covers the icon').to.equal(true);
              expect(gongan.textLines, `the number takes one line ${fmt(gongan.textBox)}`).to.equal(1);
              const middle = (icon.box.top + icon.box.bottom) / 2;
              expect(middle, `icon ${fmt(icon.box)} level with the number ${fmt(gongan.textBox)}`)
                .to.be.within(gongan.textBox.top, gongan.textBox.bottom);
              const gap = gongan.textBox.left - icon.box.right;
              expect(gap, `gap between icon ${fmt(icon.box)} and number ${fmt(gongan.textBox)}`).to.be.within(0, 8);
              const icp = seen.links.find(l => l.kind === 'icp');
              expect(icp?.textLines, 'the ICP number takes one line').to.equal(1);
            });

            it(`does not overflow horizontally at ${width} px`, () => {
              expect(seen.clientWidth, 'layout width: the page is laid out for this screen, not zoomed out').to.be.at.most(width);
              expect(seen.scrollWidth, `content width (sticking out: ${seen.overflowing.join(', ') || 'nothing'})`).to.be.at.most(seen.clientWidth);
              for (const box of [seen.box, ...seen.links.map(l => l.box)]) {
                expect(box.left, `left edge of ${fmt(box)}`).to.be.at.least(0);
                expect(box.right, `right edge of ${fmt(box)}`).to.be.at.most(seen.clientWidth);
              }
            });
          });
        }
      }
    });
  }
});

import { expect } from 'chai';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readConfig } from '../../lib/config/read';
import { auditPage, pagePlan, targetOf, type PagePlan } from '../../lib/audit/pages';
import { auditPublic } from '../../lib/audit/public';
import { lineItems } from '../../lib/line/items';
import type { Finding } from '../../lib/finding';
import { generate, makeSite, readPublic, runHexo, siteMaker } from '../site';
import { repoRoot } from '../paths';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const QUOTE = `---
title: 别人的备案号
date: 2024-05-22 10:00:00
---
Another site shows 沪ICP备19999999号-2 at its bottom, and its old link was \`www.miitbeian.gov.cn\`.
`;

/** The plan the command builds for this config: what hexo-beian shows. */
function planFor(raw: unknown): PagePlan {
  const { config } = readConfig(raw, 'en');
  return pagePlan(config, lineItems(config, 'en', path => path), 'en');
}

const PLAN = planFor({ icp: ICP, gongan: { number: 11010502030413, icon: '/images/gongan.png' } });

/** [code, severity] of each finding. */
function codes(findings: readonly Finding[]): string[][] {
  return findings.map(f => [f.code, f.severity]);
}

/** Every `.html` file under a folder, relative, with `/`. */
function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap(entry => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return htmlFiles(dir, path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The real audit of one real page, after an edit made as a user (or a stale build) would. */
describe('pages (the generated site, real Hexo + landscape)', function () {
  let dir: string;
  let home: string;
  let post: string;
  const POST = '2024/05/21/hello/index.html';

  before(async () => {
    dir = makeSite({
      config: `skip_render: google*.html
beian:
  icp: ${ICP}
  gongan:
    number: 11010502030413
    icon: /images/gongan.png
`,
      files: {
        'source/_posts/quote.md': QUOTE,
        'source/google1234567890.html': 'google-site-verification: google1234567890.html'
      }
    });
    mkdirSync(join(dir, 'source', 'images'), { recursive: true });
    writeFileSync(join(dir, 'source', 'images', 'gongan.png'), PNG);
    await generate(dir);
    home = readPublic(dir, 'index.html');
    post = readPublic(dir, POST);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const audit = (page: string, html: string, plan = PLAN) => auditPage(page, Buffer.from(html), plan);

  it('a fresh build: every HTML page read, nothing found', () => {
    const { pages, findings } = auditPublic(join(dir, 'public'), PLAN);
    expect(findings).to.deep.equal([]);
    expect(pages).to.equal(htmlFiles(join(dir, 'public')).length);
    expect(htmlFiles(join(dir, 'public'))).to.include.members(['index.html', POST, 'google1234567890.html']);
  });

  it('leaves alone a number quoted in a post and a retired address that is not a link', () => {
    const page = readPublic(dir, '2024/05/22/quote/index.html');
    expect(page).to.contain('沪ICP备19999999号-2').and.to.contain('<code>www.miitbeian.gov.cn</code>');
    expect(audit('2024/05/22/quote/index.html', page)).to.deep.equal([]);
  });

  it('the line dropped from the home page: both numbers missing, the ICP one citing art. 13', () => {
    const dropped = home.replace(/<div class="hexo-beian"[\s\S]*?<\/div>/, '');
    expect(dropped).not.to.equal(home);
    const findings = audit('index.html', dropped);
    expect(codes(findings)).to.deep.equal([['page-missing', 'error'], ['page-missing', 'error']]);
    expect(findings.every(f => f.page === 'index.html' && f.path === undefined)).to.equal(true);
    expect(findings[0].message).to.equal(`The ICP number ${ICP} is not on this page: the home page must show it at the bottom (MIIT Order No. 33, art. 13). To fix it, regenerate the site (hexo clean && hexo generate); if it is still missing, the theme's layout has neither a site <footer> nor </body>.`);
    expect(findings[1].message).to.match(/^The public-security \(公安\) number 京公网安备11010502030413号 is not on this page: this page should show it\./);
  });

  it('the line dropped from a post page: missing there too, since the page has a footer', () => {
    const dropped = post.replace(/<div class="hexo-beian"[\s\S]*?<\/div>/, '');
    expect(codes(audit(POST, dropped))).to.deep.equal([['page-missing', 'error'], ['page-missing', 'error']]);
  });

  it('the number altered (a stale build): the other number is an error, and the right one is missing', () => {
    const findings = audit('index.html', home.replace(`>${ICP}<`, '>京ICP备20180492号-1<'));
    expect(codes(findings)).to.deep.equal([['page-missing', 'error'], ['page-other-number', 'error']]);
    expect(findings[1].message).to.equal(`This page shows 京ICP备20180492号-1, but the config has ${ICP} (beian.icp): a stale build, or a number hard-coded in the theme. To fix it, regenerate the site (hexo clean && hexo generate); if it stays, search the theme's layout and config for 京ICP备20180492号-1 and remove it.`);
  });

  it('a number hard-coded in the theme footer, without a link, is another number', () => {
    const page = home.replace('<div id="footer-info" class="inner">', '<div id="footer-info" class="inner"><p>京ICP备19999999号-1</p>');
    expect(page).not.to.equal(home);
    expect(codes(audit('index.html', page))).to.deep.equal([['page-other-number', 'error']]);
  });

  it('a number removed from the config, the site not regenerated: the page still shows it, a warning', () => {
    const icpOnly = planFor({ icp: ICP });
    const findings = audit('index.html', home, icpOnly);
    expect(codes(findings)).to.deep.equal([['page-unconfigured-number', 'warning']]);
    expect(findings[0].message).to.match(/^This page shows the public-security \(公安\) number 京公网安备11010502030413号, but the config has none: a stale build/);
  });

  // An outside review: each of these made a post's text read as the line, so the check warned
  // of the number shown twice; and where the page had no line, it found it there instead.
  const MENTIONS = [
    `<p>Use data-hexo-beian: ${ICP}</p>`,
    `<!-- <div data-hexo-beian>${ICP}</div> -->`,
    `<img alt="<div data-hexo-beian>${ICP}</div>">`,
    `<noscript><span data-hexo-beian>${ICP}</span></noscript>`,
    `<script type="text/template"><div data-hexo-beian>${ICP}</div></script>`,
    `<p>&lt;div data-hexo-beian&gt;${ICP}</p>`,
    `<p data-hexo-beian>${ICP}</p>`,
    `<xmp><div data-hexo-beian>${ICP}</div></xmp>`,
    `<textarea><div data-hexo-beian>${ICP}</div></textarea>`,
    `<template><div data-hexo-beian>${ICP}</div></template>`,
    `<iframe srcdoc="<div data-hexo-beian>${ICP}</div>"></iframe>`
  ];

  it('a post that mentions the line\'s attribute with the number: nothing to report, as without it', () => {
    expect(home).to.contain('</article>');
    for (const mention of MENTIONS) {
      const page = home.replace('</article>', `${mention}</article>`);
      expect(codes(audit('index.html', page)), mention).to.deep.equal([]);
    }
  });

  it('the line gone, a post mentioning its attribute with the numbers: the numbers are missing (the mention is not the line)', () => {
    const dropped = home.replace(/<div class="hexo-beian"[\s\S]*?<\/div>/, '');
    expect(codes(audit('index.html', dropped))).to.deep.equal([['page-missing', 'error'], ['page-missing', 'error']]);
    const line = /<div class="hexo-beian"[\s\S]*?<\/div>/.exec(home)?.[0] ?? '';
    for (const wrap of [(l: string) => `<!-- ${l} -->`, (l: string) => `<template>${l}</template>`, (l: string) => `<noscript>${l}</noscript>`, (l: string) => `<p>${l.replace(/</g, '&lt;')}</p>`]) {
      const page = dropped.replace('</article>', `${wrap(line)}</article>`);
      expect(codes(audit('index.html', page)), wrap('…')).to.deep.include.members([['page-missing', 'error']]);
    }
  });

  it('a number the config holds but the line leaves out (rejected): the page\'s is not said to be unconfigured, and the message names both', () => {
    const rejected = planFor({ icp: ICP, gongan: '京公网安备1101050203041号' });
    expect(rejected.items.map(item => item.kind)).to.deep.equal(['icp']);
    const findings = audit('index.html', home, rejected);
    expect(codes(findings)).to.deep.equal([['page-unconfigured-number', 'warning']]);
    expect(findings[0].message).to.equal('This page shows the public-security (公安) number 京公网安备11010502030413号, and the config\'s 京公网安备1101050203041号 (beian.gongan) is one hexo-beian does not show (its own finding says why). If 京公网安备11010502030413号 is this site\'s number, write it in beian.gongan; otherwise correct the config as that finding says, regenerate the site (hexo clean && hexo generate), and if 京公网安备11010502030413号 stays, search the theme\'s layout and config for it and remove it.');
  });

  it('position: none without beian() in the theme: the home page misses it, and the message says why', () => {
    const none = planFor({ icp: ICP, position: 'none' });
    const page = home.replace(/<div class="hexo-beian"[\s\S]*?<\/div>/, '');
    const [finding, ...rest] = audit('index.html', page, none);
    expect(rest).to.deep.equal([]);
    expect(finding.code).to.equal('page-missing');
    expect(finding.message).to.contain('With beian.position none, the line shows only where the theme calls beian()');
    expect(finding.message).to.contain('add <%- beian() %> (EJS) or {{ beian() }} (Nunjucks)');
    // Other pages are not expected to carry it then.
    expect(audit(POST, post.replace(/<div class="hexo-beian"[\s\S]*?<\/div>/, ''), none)).to.deep.equal([]);
  });

  it('a retired MIIT host: a warning, and the number is no longer linked right', () => {
    const findings = audit('index.html', home.replace('href="https://beian.miit.gov.cn/"', 'href="http://www.miitbeian.gov.cn/"'));
    expect(codes(findings)).to.deep.equal([['page-unlinked', 'error'], ['link-retired', 'warning']]);
    expect(findings[0].message).to.contain('(its link goes to http://www.miitbeian.gov.cn/)');
    expect(findings[1].message).to.match(/^This page links to the retired http:\/\/www\.miitbeian\.gov\.cn\/: the MIIT filing system is at https:\/\/beian\.miit\.gov\.cn\//);
  });

  it('the retired MPS portal, as Fluid emits it, anywhere in a page', () => {
    const page = post.replace('</footer>\n', '</footer>\n<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030413">公安</a>');
    const findings = audit(POST, page);
    expect(codes(findings)).to.deep.equal([['link-retired', 'warning']]);
    expect(findings[0].message).to.contain('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030413');
  });

  it('crossed links: the ICP number linked to the MPS site', () => {
    const page = home.replace('href="https://beian.miit.gov.cn/"', 'href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413"');
    const findings = audit('index.html', page);
    expect(codes(findings)).to.deep.equal([['page-unlinked', 'error'], ['link-crossed', 'error']]);
    expect(findings[1].message).to.equal(`This page links the ICP number ${ICP} to the other filing's query site (https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413): it belongs to https://beian.miit.gov.cn/.`);
  });

  it('a 公安 link that queries other digits', () => {
    const findings = audit('index.html', home.replace('code=11010502030413"', 'code=11010502030144"'));
    expect(codes(findings)).to.deep.equal([['page-unlinked', 'error'], ['link-wrong-code', 'error']]);
    expect(findings[1].message).to.contain('to a query for 11010502030144');
  });

  it('the icon dropped from the 公安 link: a warning', () => {
    const page = home.replace(/<img class="hexo-beian-icon"[^>]*>/, '');
    expect(page).not.to.equal(home);
    const findings = audit('index.html', page);
    expect(codes(findings)).to.deep.equal([['page-icon-missing', 'warning']]);
    expect(findings[0].message).to.equal(`The public-security (公安) number ${GONGAN} is linked without the configured icon /images/gongan.png: regenerate the site (hexo clean && hexo generate).`);
  });

  it('expects nothing of a page without a footer or </body>, except of the home page', () => {
    const fragment = '<p>京ICP备20180491号-1</p>';
    expect(audit('google1234567890.html', fragment)).to.deep.equal([]);
    expect(codes(audit('index.html', fragment))).to.deep.equal([['page-unlinked', 'error'], ['page-missing', 'error']]);
  });

  it('with nothing configured, nothing is expected; numbers still shown and retired links are reported', () => {
    const none = planFor({});
    expect(audit('index.html', home.replace(/<div class="hexo-beian"[\s\S]*?<\/div>/, ''), none)).to.deep.equal([]);
    expect(codes(audit('index.html', home.replace('https://beian.miit.gov.cn/', 'http://www.beian.miit.gov.cn/'), none))).to.deep.equal([
      ['page-unconfigured-number', 'warning'], ['page-unconfigured-number', 'warning'], ['link-retired', 'warning']
    ]);
  });

  it('a site without a home page: home-missing', () => {
    const copy = join(tmpdir(), `hexo-beian-public-${process.pid}`);
    cpSync(join(dir, 'public'), copy, { recursive: true });
    try {
      rmSync(join(copy, 'index.html'));
      const { findings } = auditPublic(copy, PLAN);
      expect(codes(findings)).to.deep.equal([['home-missing', 'error']]);
      expect(findings[0].page).to.equal('index.html');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('targetOf() knows the query pages, old and new', () => {
    expect(targetOf('https://beian.miit.gov.cn/')).to.deep.equal({ kind: 'miit', https: true });
    expect(targetOf('http://beian.miit.gov.cn')).to.deep.equal({ kind: 'miit', https: false });
    expect(targetOf('https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413')).to.deep.equal({ kind: 'mps', https: true, code: '11010502030413' });
    expect(targetOf('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1101')).to.deep.equal({ kind: 'retired', host: 'mps', code: '1101' });
    expect(targetOf('//www.beian.miit.gov.cn/')).to.deep.equal({ kind: 'retired', host: 'miit' });
    expect(targetOf('/about/')).to.deep.equal({ kind: 'other' });
  });
});

describe('pages a theme writes from its own source/ (no layout): expected to carry nothing', function () {
  this.timeout(240_000);
  const make = siteMaker();

  it('Ayer\'s 404.html, from npm and committed under themes/ayer: no page-missing, check exits 0', async () => {
    for (const committed of [false, true]) {
      const dir = make({ theme: 'ayer', config: `beian:\n  icp: ${ICP}\n  gongan: 京公网安备11010502030413号\n` });
      if (committed) cpSync(join(repoRoot, 'node_modules', 'hexo-theme-ayer'), join(dir, 'themes', 'ayer'), { recursive: true, dereference: true });
      expect((await runHexo(dir, ['generate'])).code).to.equal(0);
      expect(readPublic(dir, '404.html'), 'the theme\'s own page, without the line').not.to.contain('data-hexo-beian');
      const check = await runHexo(dir, ['beian', 'check']);
      expect(check.stdout, committed ? 'themes/ayer' : 'npm').not.to.contain('page-missing');
      expect(check.code, check.stdout).to.equal(0);
    }
  });
});

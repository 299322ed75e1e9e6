import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readConfig } from '../../lib/config/read';
import { auditPage, pagePlan, type PagePlan } from '../../lib/audit/pages';
import { lineItems } from '../../lib/line/items';
import { linkRating, rightLink, targetOf } from '../../lib/audit/links';
import type { Finding } from '../../lib/finding';
import { adversarialPages, cleanPage, GONGAN, ICP } from '../adversarial';
import { referenceAuditPage } from './pages.reference';
import { countWork } from './work';
import { repoRoot } from '../paths';

function planFor(raw: unknown): PagePlan {
  const { config } = readConfig(raw, 'en');
  return pagePlan(config, lineItems(config, 'en', path => path), 'en');
}

const PLAN = planFor({ icp: ICP, gongan: { number: 11010502030413, icon: '/images/gongan.png' } });
const LICENCE = planFor({ icp: '浙B2-20080101' });
const NONE = planFor({});
const PLANS = [PLAN, LICENCE, NONE, planFor({ icp: ICP, pages: 'home' }), planFor({ icp: '京ICP备20180492号-1', position: 'none' })];

const codes = (findings: readonly Finding[]) => findings.map(f => f.code);

describe('pages: the audit of one page (no Hexo)', () => {
  describe('work: linear in the page, whatever it repeats', () => {
    const SIZE = 240 * 1024;

    it('the clean page of the bench: nothing found, every page read', () => {
      expect(auditPage('index.html', Buffer.from(cleanPage(SIZE)), PLAN)).to.deep.equal([]);
    });

    const doubled = adversarialPages(2 * SIZE);
    for (const [name, page] of Object.entries(adversarialPages(SIZE))) {
      it(`${name}: at most 12 × the work on a clean page of the same size, and twice the page twice the work`, () => {
        const html = Buffer.from(page);
        const clean = Buffer.from(cleanPage(html.length));
        const base = countWork(() => auditPage('index.html', clean, PLAN)).work;
        const once = countWork(() => auditPage('index.html', html, PLAN)).work;
        const twice = countWork(() => auditPage('index.html', Buffer.from(doubled[name]), PLAN)).work;
        expect(html.length).to.be.greaterThan(200 * 1024);
        expect(once.bytes / base.bytes, `${once.bytes} bytes examined against ${base.bytes}`).to.be.at.most(12);
        expect(twice.bytes / once.bytes, `${twice.bytes} against ${once.bytes}`).to.be.within(1.5, 2.2);
        // Calls grow with the numbers on the page, at most by the same factor.
        expect(twice.calls / once.calls).to.be.at.most(2.2);
      });
    }

    it('the work counter sees the quadratic audit it replaced (the issue: 40,000 numbers took 89 s)', () => {
      const html = Buffer.from(adversarialPages(48 * 1024)['the number repeated']);
      const before = countWork(() => referenceAuditPage('index.html', html, PLAN)).work;
      const now = countWork(() => auditPage('index.html', html, PLAN)).work;
      expect(before.bytes / now.bytes).to.be.greaterThan(50);
    });
  });

  describe('findings: what the audit found before it became one sweep', () => {
    it('the adversarial pages: the same findings as the audit it replaced', () => {
      for (const page of Object.values(adversarialPages(8 * 1024))) {
        for (const plan of PLANS) {
          const html = Buffer.from(page);
          expect(auditPage('index.html', html, plan)).to.deep.equal(referenceAuditPage('index.html', html, plan));
        }
      }
    });

    /** Pages made of the pieces the audit looks for, in any order. */
    const PIECES = [
      ICP, GONGAN, '沪ICP备19999999号-2', '京公网安备11010502030414号', '浙B2-20080101', 'ICP备', ' ', '京 ', '\n', 'text',
      // What may lengthen a number read just before (a repeated number is read once when what follows it is the same).
      'ICP备20180491', '号', '-2', '－3', 'x', 'A', '7', '\u3000', '\u00a0', '苏', '京', 'ICP备20180491号',
      '<a href="https://beian.miit.gov.cn/">', '<a href="http://www.miitbeian.gov.cn/">', '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413">',
      '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030414">', '<a href="http://beian.miit.gov.cn/">',
      '<a href="http://beian.mps.gov.cn/#/query/webSearch?code=11010502030413">', '<a href="ftp://beian.miit.gov.cn/">', '<a>', '<a ', '<abbr>', '</a>', '</A>', '<A HREF="//beian.miit.gov.cn">',
      '<img src="/images/gongan.png">', '<img class="x" src=\'/images/gongan.png\'>', '<img src=/x.png>', '<footer>', '</footer>', '<footer class="site">',
      '<div class="hexo-beian" data-hexo-beian>', '<div>', '</div>', '<span title="', '">', '<', '>', '</body>', '</BODY>', '<body>',
      'href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030413"', 'www.beian.', 'miitbeian.gov.cn/', '<template>', '</template>',
      // Where nothing is displayed (a theme's config in an inline script, comments), and what only looks like it.
      '<script>', '<script type="application/json">', '</script>', '</script >', '<scripts>', '</scripts>', '<style>', '</style>', '<noscript>', '</noscript>',
      '<!--', '-->', '<!-->', '"', '=', 'href=', '//www.beian.', 'http:', 'HTTPS:', '\n      ', '&nbsp;', '<br/>',
      // An element carrying `hidden` hides what it holds until the tree ends it; values that only read like it.
      '<div hidden>', '<span hidden>', '</span>', '<p HIDDEN=x>', '<section hidden>', '</section>', '<div class="a hidden b">', '<div title=hidden>', '<span/hidden>', '<b title="a"hidden>',
      // What only reads like an opening (a value, a bogus comment, CDATA outside SVG), comments ending --!>, and a script's escapes.
      '<span title="<script>">', "<b data-x='<!--'>", '<p title=<style>>', '<?php echo "<style>" ?>', '<![CDATA[<noscript>]]>', '<!-- x --!>', '--!>', '</1 <script>', '<a="x>y">',
      '<script><!--<script>', '<!--<script>', '</script>', '<!-->', '<script><!--->',
      '<video>', '</video>', '<progress>', '<ruby>x<rp>', '</rp>', '<dialog>', '<dialog open>', '</dialog>',
      '<details>', '<details open>', '</details>', '<summary>', '</summary>', '<svg><desc>', '</desc>', '<svg><title>', '</title>', '</svg>', '<svg><metadata>',
      '<select>', '<option>', '</select>',
      // Markup in an attribute's value.
      "<span data-x='<a href=https://beian.miit.gov.cn/>", "</a>'>", `<b title='<a href="http://www.miitbeian.gov.cn/">'>`, "'",
      // A link's attributes as the tokenizer reads them.
      '<a title="a>b" href="https://beian.miit.gov.cn/">', '<a/href="https://beian.miit.gov.cn/">', '<a title=" href=https://beian.miit.gov.cn/" href="/x">',
      '<!-- <a href="https://beian.miit.gov.cn/"> -->', '<img alt="<a href=https://beian.miit.gov.cn/>">', '<!-- </a> -->', '<i title="</a>">'
    ];
    const pageOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map(parts => parts.join(''));

    it('property: on pages of those pieces, the same findings as the audit it replaced', () => {
      fc.assert(fc.property(pageOf, fc.constantFrom(...PLANS), fc.constantFrom('index.html', 'a/index.html'), (page, plan, path) => {
        const html = Buffer.from(page);
        expect(auditPage(path, html, plan)).to.deep.equal(referenceAuditPage(path, html, plan));
      }), { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) });
    });

    it('the 公安 icon counts anywhere in its <a>, before the number or after it, and not after its </a>', () => {
      const link = '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413">';
      const icon = '<img src="/images/gongan.png">';
      const page = (inner: string) => Buffer.from(`<body><footer><a href="https://beian.miit.gov.cn/">${ICP}</a>${inner}</footer></body>`);
      expect(codes(auditPage('index.html', page(`${link}${icon}${GONGAN}</a>`), PLAN))).to.deep.equal([]);
      expect(codes(auditPage('index.html', page(`${link}${GONGAN}${icon}</a>`), PLAN))).to.deep.equal([]);
      expect(codes(auditPage('index.html', page(`${link}${GONGAN}</a>${icon}`), PLAN))).to.deep.equal(['page-icon-missing']);
      // Two links before one </a: the icon after the second is in both.
      expect(codes(auditPage('index.html', page(`${link}${GONGAN}<a>x${icon}</a>`), PLAN))).to.deep.equal([]);
    });
  });

  describe('the markup real themes emit (their layouts in node_modules/hexo-theme-*)', () => {
    const MPS = 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413';
    const PLAIN = planFor({ icp: ICP, gongan: 11010502030413 });
    /** hexo-beian's line as the filter writes it, with what it shows. */
    const line = (inner: string) => `<div class="hexo-beian" data-hexo-beian style="text-align:center"><a class="hexo-beian-item" href="${MPS}" aria-label="${GONGAN}">${inner}${GONGAN}</a></div>`;
    const ICP_LINK = `<div class="beian"><a rel="noopener" href="https://beian.miit.gov.cn/" target="_blank">${ICP}</a></div>`;
    const page = (head: string, footer: string) => Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body><main><p>post</p></main><footer class="sidebar-translate" id="footer">${footer}</footer></body></html>`);
    /** Yun's 公安 link (layout/_partial/footer/gongan.pug): its own 5 KB base64 icon, `&nbsp;`, the number in a span. */
    const yunIcon = /src="(data:image\/png;base64,[^"]*)"/.exec(readFileSync(join(repoRoot, 'node_modules', 'hexo-theme-yun', 'layout', '_partial', 'footer', 'gongan.pug'), 'utf8'))?.[1] ?? '';
    const yun = (href: string, icon = '') => `<a class="flex-center" target="_blank" href="${href}"><img src="${yunIcon}">${icon}&nbsp;<span>${GONGAN}</span></a>`;

    it('Yun\'s 公安 link holds a base64 icon of 5 KB before its number: still its link (the link\'s code is checked)', () => {
      expect(yunIcon.length).to.be.greaterThan(4096);
      // The retired portal, with other digits: the code is checked, as for any link.
      const retired = page('', `${ICP_LINK}${yun('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030414')}${line('')}`);
      expect(codes(auditPage('index.html', retired, PLAIN))).to.deep.equal(['page-shown-twice', 'link-wrong-code', 'link-retired']);
      // Linked to its own MPS query (the line left it out): linked, nothing to say.
      expect(codes(auditPage('index.html', page('', `${ICP_LINK}${yun(MPS)}`), PLAIN))).to.deep.equal([]);
      for (const html of [retired, page('', `${ICP_LINK}${yun(MPS)}`)]) expect(auditPage('index.html', html, PLAIN)).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
    });

    it('a base64 icon in the 公安 link beside the configured icon, or instead of it: the configured one is looked for', () => {
      const configured = '<img class="hexo-beian-icon" src="/images/gongan.png" alt="" width="16" height="16">';
      expect(codes(auditPage('index.html', page('', `${ICP_LINK}${yun(MPS, configured)}`), PLAN))).to.deep.equal([]);
      expect(codes(auditPage('index.html', page('', `${ICP_LINK}${yun(MPS)}`), PLAN))).to.deep.equal(['page-icon-missing']);
      // `<br/>` or `&nbsp;` between the icon and the number changes nothing.
      expect(codes(auditPage('index.html', page('', `${ICP_LINK}${line(`${configured}<br/>`)}`), PLAN))).to.deep.equal([]);
      expect(codes(auditPage('index.html', page('', `${ICP_LINK}${line(`${configured}&nbsp;&nbsp;`)}`), PLAN))).to.deep.equal([]);
    });

    it('Stun\'s unlinked number in a <span> (layout/_partials/footer/footer.pug) is in the site footer: judged', () => {
      const stun = (number: string) => page('', `<div><span>Copyright © 2026</span><span class="footer__devider">|</span><span>${number}</span></div><div class="hexo-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/">${ICP}</a></div>`);
      expect(codes(auditPage('a/index.html', stun(ICP), planFor({ icp: ICP })))).to.deep.equal(['page-shown-twice']);
      expect(codes(auditPage('a/index.html', stun('沪ICP备19999999号-2'), planFor({ icp: ICP })))).to.deep.equal(['page-other-number']);
    });

    // An outside review: a post's unclosed <textarea>, <title>, <xmp> or <plaintext> takes the footer in as letters, and the audit passed it.
    it('a footer taken into a post\'s unclosed <textarea>, <title>, <xmp> or <plaintext> shows nothing: page-missing', () => {
      const LINE = `<div class="hexo-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/">${ICP}</a></div>`;
      const icpOnly = planFor({ icp: ICP });
      expect(codes(auditPage('a/index.html', Buffer.from(`<!DOCTYPE html><html><body><main><p>post</p></main><footer>${LINE}</footer></body></html>`), icpOnly))).to.deep.equal([]);
      for (const open of ['<textarea>x', '<TEXTAREA>x', '<title>x', '<xmp>x', '<plaintext>x', '<Script>x']) {
        const html = Buffer.from(`<!DOCTYPE html><html><body><main><p>post</p>${open}</main><footer>${LINE}</footer></body></html>`);
        expect(codes(auditPage('a/index.html', html, icpOnly)), open).to.include('page-missing');
        expect(auditPage('a/index.html', html, icpOnly), open).to.deep.equal(referenceAuditPage('a/index.html', html, icpOnly));
      }
    });

    // A newcomer's trial: page-other-number suspected a stale build when the theme audit had named the cause.
    it('page-other-number: the number the theme\'s own line shows is said to be the theme\'s, not a stale build', () => {
      const other = '沪ICP备19999999号-2';
      const html = Buffer.from(`<!DOCTYPE html><html><body><footer><a href="https://beian.miit.gov.cn/">${other}</a><div class="hexo-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/">${ICP}</a></div></footer></body></html>`);
      const message = (plan: PagePlan) => auditPage('index.html', html, plan).find(f => f.code === 'page-other-number')?.message;
      expect(message(planFor({ icp: ICP }))).to.contain('a stale build');
      const themed = message({ ...planFor({ icp: ICP }), theme: { icp: other }, themeOff: { zh: '', en: 'Set footer.beian.enable: false in _config.next.yml to turn NexT\'s own line off.' } });
      expect(themed).to.equal(`This page shows ${other}, but the config has ${ICP} (beian.icp): it is the number the theme's own line shows (see theme-disagrees). Find out which is right, and correct the config or the theme's setting. Set footer.beian.enable: false in _config.next.yml to turn NexT's own line off.`);
    });

    // A newcomer's trial on Butterfly: it named NexT's key, and asked to change duplicates: keep that was skip.
    it('page-shown-twice says how to turn this theme\'s line off when it is known, and speaks of duplicates only when it is keep', () => {
      const html = page('', `<div><span>${ICP}</span></div><div class="hexo-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/">${ICP}</a></div>`);
      const message = (plan: PagePlan) => auditPage('a/index.html', html, plan).find(f => f.code === 'page-shown-twice')?.message ?? '';
      const plain = message(planFor({ icp: ICP }));
      expect(plain).to.match(/: Turn the theme's own filing line off, or delete the number from the theme's footer text\.$/);
      expect(plain).not.to.contain('duplicates').and.not.to.contain('footer.beian.enable');
      const keep = message(planFor({ icp: ICP, duplicates: 'keep' }));
      expect(keep).to.match(/ beian\.duplicates is keep: set it to skip, and hexo-beian leaves out a copy the theme links correctly\.$/);
      const themed = message({ ...planFor({ icp: ICP }), themeOff: { zh: '', en: 'Set footer.beian.enable: false in _config.next.yml to turn NexT\'s own line off.' } });
      expect(themed).to.match(/: Set footer\.beian\.enable: false in _config\.next\.yml to turn NexT's own line off\.$/);
    });

    /** Keep (scripts/helpers/export-config.js) and Redefine (scripts/config-export.js) copy their whole config, numbers included, into an inline script. */
    const keepScript = (list: string) => `<script class="keep-theme-configurations">\n    const KEEP = window.KEEP || {}\n    KEEP.hexo_config = {"hostname":"blog.example.cn","root":"/","language":"en"}\n    KEEP.theme_config = {"footer":{"record":{"enable":true,"list":${list}}},"version":"4.3.0"}\n  </script>`;
    const redefineScript = (icp: string, customize: string) => `<script id="hexo-configurations">\n    window.config = {"hostname":"blog.example.cn","root":"/","language":"en"};\n    window.theme = {"footer":{"customize":${JSON.stringify(customize)},"icp":{"enable":true,"number":"${icp}","url":"https://beian.miit.gov.cn/"}},"footerStart":"2022/8/17 11:45:14"};\n  </script>`;
    const keepList = (icp: string) => JSON.stringify([{ code: icp, link: 'https://beian.miit.gov.cn/' }, { code: GONGAN, link: MPS }]);
    const keepFooter = (icp: string) => `<div class="record-info info-item"><div class="record-item border-box"><a class=""\n   target="_blank"\n   href="https://beian.miit.gov.cn/"\n>\n    ${icp}\n</a></div></div>`;

    it('a number in a theme\'s config copied into an inline script is not displayed: not shown, not a second copy, not another number', () => {
      // The page shows each number once: the script's copies are not copies.
      const keep = page(keepScript(keepList(ICP)), `${keepFooter(ICP)}${line('')}`);
      expect(codes(auditPage('index.html', keep, PLAIN))).to.deep.equal([]);
      // A page without a site footer (the whole page is read): the script's numbers are not on it (the issue: page-unlinked, "on this page").
      const bare = Buffer.from(`<!DOCTYPE html><html><head>${keepScript(keepList(ICP))}</head><body><p>404</p></body></html>`);
      expect(codes(auditPage('404.html', bare, PLAIN))).to.deep.equal(['page-missing', 'page-missing']);
      // The same script inside the site footer (Redefine puts inline scripts there): not a second copy, not another number.
      const inFooter = page('', `${keepFooter(ICP)}${redefineScript(ICP, `<a href='https://beian.miit.gov.cn/'>${ICP}</a> <a href='${MPS}'>${GONGAN}</a>`)}${line('')}`);
      expect(codes(auditPage('index.html', inFooter, PLAIN))).to.deep.equal([]);
      const other = page('', `${keepFooter(ICP)}${redefineScript('沪ICP备19999999号-2', '<a href="http://www.miitbeian.gov.cn/">沪ICP备19999999号-2</a>')}${line('')}`);
      expect(codes(auditPage('index.html', other, PLAIN))).to.deep.equal([]);
      // A link in a config blob is no link: the number it holds is not shown by it.
      const linkOnly = Buffer.from(`<!DOCTYPE html><html><head>${redefineScript(ICP, `<a href='${MPS}'>${GONGAN}</a>`)}</head><body><footer>${ICP_LINK}</footer></body></html>`);
      expect(codes(auditPage('index.html', linkOnly, PLAIN))).to.deep.equal(['page-missing']);
      // A style, a template, a comment and a JSON blob are not displayed either.
      for (const hidden of [`<style>.beian::after{content:"${GONGAN}"}</style>`, `<template><a href="${MPS}">${GONGAN}</a></template>`, `<!-- <a href="${MPS}">${GONGAN}</a> -->`, `<script type="application/json">{"gongan":"${GONGAN}"}</script>`,
        `<div hidden><a href="${MPS}">${GONGAN}</a></div>`, `<p hidden="">x<span><a href="${MPS}">${GONGAN}</a></span></p>`, `<span HIDDEN><span>x</span>${GONGAN}</span>`,
        `<span/hidden><a href="${MPS}">${GONGAN}</a></span>`, `<span title="a"hidden><a href="${MPS}">${GONGAN}</a></span>`,
        // A folded <details> beyond its summary, an SVG icon's <desc> (the third outside review).
        `<details><summary>备案</summary><a href="${MPS}">${GONGAN}</a></details>`, `<details class="folding-tag"><a href="${MPS}">${GONGAN}</a></details>`,
        `<svg><desc><a href="${MPS}">${GONGAN}</a></desc></svg>`, `<svg><title>${GONGAN}</title><path d="M0"/></svg>`, `<select><a href="${MPS}">${GONGAN}</a></select>`]) {
        expect(codes(auditPage('index.html', page('', `${ICP_LINK}${hidden}${line('')}`), PLAIN)), hidden).to.deep.equal([]);
        expect(codes(auditPage('index.html', page('', `${ICP_LINK}${hidden}`), PLAIN)), hidden).to.deep.equal(['page-missing']);
      }
      for (const html of [keep, bare, inFooter, other, linkOnly]) expect(auditPage('index.html', html, PLAIN)).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      // A <b hidden> a post leaves open is reopened by the tree builder around the line's link: not shown (the second outside review).
      const reopened = page('', `${ICP_LINK}<p><b hidden>spoiler</p>${line('')}`);
      expect(codes(auditPage('index.html', reopened, PLAIN))).to.deep.equal(['page-missing']);
      expect(auditPage('index.html', reopened, PLAIN)).to.deep.equal(referenceAuditPage('index.html', reopened, PLAIN));
      // The line only in a hidden element: what to do about it, not a stale build.
      const hiddenLine = auditPage('index.html', page('', `${ICP_LINK}<div hidden>${line('')}</div>`), PLAIN);
      expect(codes(hiddenLine)).to.deep.equal(['page-missing']);
      expect(hiddenLine[0].message).to.contain('The line is on the page, but inside an element with the hidden attribute (or one that shows nothing of what it holds, a <video> say, or a <details> without open beyond its <summary>), where no visitor sees it: remove hidden, or move the beian() call');
      expect(hiddenLine).to.deep.equal(referenceAuditPage('index.html', page('', `${ICP_LINK}<div hidden>${line('')}</div>`), PLAIN));
      // Shown: a <details> open, its summary.
      for (const shown of [`<details open><summary>S</summary><a href="${MPS}">${GONGAN}</a></details>`, `<details><summary><a href="${MPS}">${GONGAN}</a></summary>x</details>`]) {
        expect(codes(auditPage('index.html', page('', `${ICP_LINK}${shown}`), PLAIN)), shown).to.deep.equal([]);
        expect(codes(auditPage('index.html', page('', `${ICP_LINK}${shown}${line('')}`), PLAIN)), shown).to.deep.equal(['page-shown-twice']);
      }
      const folded = page('', `${ICP_LINK}<details><summary>S</summary>${line('')}</details>`);
      expect(auditPage('index.html', folded, PLAIN)[0].message).to.contain('or a <details> without open beyond its <summary>');
      expect(auditPage('index.html', folded, PLAIN)).to.deep.equal(referenceAuditPage('index.html', folded, PLAIN));
      // A post that leaves open an element taking in the footer and </body>: page-missing says to close it (a newcomer's trial).
      for (const post of ['<textarea>code', '<select><option>a', '<!-- a']) {
        const html = Buffer.from(`<!DOCTYPE html><html><body><article>${post}</article><footer>© me</footer></body></html>`);
        const found = auditPage('index.html', html, PLAIN);
        expect(codes(found), post).to.deep.equal(['page-missing', 'page-missing']);
        expect(found[0].message, post).to.contain('a post on it leaves an element open (a <textarea>, <select>, <video>, a comment or the like) that takes them in');
        expect(found, post).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      }
      // A <select> a post leaves open takes the footer in, and drops the line's elements (the third outside review): no line.
      const inSelect = Buffer.from(`<!DOCTYPE html><html><body><article><select><option>a</article><footer>${ICP_LINK}${line('')}</footer></body></html>`);
      expect(codes(auditPage('index.html', inSelect, PLAIN))).to.deep.equal(['page-missing', 'page-missing']);
      expect(auditPage('index.html', inSelect, PLAIN)).to.deep.equal(referenceAuditPage('index.html', inSelect, PLAIN));
      // A <video> a post leaves open holds the footer and the line: its fallback, which no browser that plays it shows.
      const inVideo = Buffer.from(`<!DOCTYPE html><html><body>post <video controls src=a.mp4><footer>${ICP_LINK}${line('')}</footer></body></html>`);
      expect(codes(auditPage('index.html', inVideo, PLAIN))).to.deep.equal(['page-missing', 'page-missing']);
      expect(auditPage('index.html', inVideo, PLAIN)).to.deep.equal(referenceAuditPage('index.html', inVideo, PLAIN));
      // One the adoption agency moves a <div> out of holds it no more: shown.
      expect(codes(auditPage('index.html', page('', `${ICP_LINK}<b><span hidden><div>${line('')}</b></div>`), PLAIN))).to.deep.equal([]);
    });

    // The second outside review: each of these made the rest of the page unseen (page-missing on a correct page, an error the guard blocks on).
    it('what only reads like a hidden element opens none: a value, a comment ending --!>, a bogus comment, CDATA outside SVG', () => {
      for (const before of ['<span title="<script>">©</span>', '<span title="<!--">©</span>', '<i data-x="<TEXTAREA>">x</i>', '<!-- note --!>', '<?php echo "<style>" ?>', '<![CDATA[<noscript>]]>', '</1 <script>']) {
        const html = page('', `${before}${ICP_LINK}${line('')}`);
        expect(codes(auditPage('index.html', html, PLAIN)), before).to.deep.equal([]);
        expect(auditPage('index.html', html, PLAIN), before).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      }
      // A script's double escape: its first </script> does not end it, so what follows is still the script's.
      for (const script of ['<script><!--<script></script><a href="https://beian.miit.gov.cn/">京ICP备11111111号</a></script>', `<script><!--<script></script>${ICP_LINK}</script>`]) {
        const html = page('', `${script}${ICP_LINK}${line('')}`);
        expect(codes(auditPage('index.html', html, PLAIN)), script).to.deep.equal([]);
        expect(auditPage('index.html', html, PLAIN), script).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      }
    });

    // The third outside review: markup written in an attribute's value read as the page's (false page-other-number, link-retired).
    it('a number or a link written as markup in an attribute\'s value is neither shown nor a link', () => {
      for (const value of [`<span data-x='<a href=https://beian.miit.gov.cn/>京ICP备20231111号-1</a>'>x</span>`, `<i title='<a href="${MPS}">京公网安备11010502030499号</a>'>i</i>`,
        `<span title='<a href="http://www.miitbeian.gov.cn/">x</a>'>y</span>`, `<b data-a="1" data-b='<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=1">'>z</b>`]) {
        const html = page('', `${ICP_LINK}${value}${line('')}`);
        expect(codes(auditPage('index.html', html, PLAIN)), value).to.deep.equal([]);
        expect(auditPage('index.html', html, PLAIN), value).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      }
      // A link's own href is a link, spaces after its quote and all; one written as text is none.
      const retired = page('', `${ICP_LINK}<a href="  http://www.miitbeian.gov.cn/" title='<x>'>x</a>${line('')}`);
      expect(codes(auditPage('index.html', retired, PLAIN))).to.deep.equal(['link-retired']);
      expect(codes(auditPage('index.html', page('', `${ICP_LINK}<p>write href="http://www.miitbeian.gov.cn/" in a link</p>${line('')}`), PLAIN))).to.deep.equal([]);
    });

    // The third outside review: a browser shows these as the number, and the filter left it out of the line; the audit said page-missing.
    it('a number written with character references or split by inline markup is shown as a browser shows it', () => {
      const MIIT = '<a href="https://beian.miit.gov.cn/">';
      for (const written of [`${MIIT}京ICP&#22791;20180491号-1</a>`, `${MIIT}京ICP&#x5907;20180491&#21495;-1</a>`, `${MIIT}京ICP备<span>20180491</span>号-1</a>`, `${MIIT}<b>京ICP备</b>20180491号-1</a>`]) {
        const html = page('', `${written}<a href="${MPS}">${GONGAN}</a>`);
        expect(codes(auditPage('index.html', html, PLAIN)), written).to.deep.equal([]);
        expect(auditPage('index.html', html, PLAIN), written).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      }
      // Linked elsewhere: page-unlinked, naming the link.
      const elsewhere = auditPage('index.html', page('', `<a href="https://example.cn/">京ICP&#22791;20180491号-1</a><a href="${MPS}">${GONGAN}</a>`), PLAIN);
      expect(codes(elsewhere)).to.deep.equal(['page-unlinked']);
      expect(elsewhere[0].message).to.contain('its link goes to https://example.cn/');
      // A word break inside the digits is two words to the filter too: missing (and the line shows it).
      expect(codes(auditPage('index.html', page('', `${MIIT}京ICP备2018 0491号-1</a><a href="${MPS}">${GONGAN}</a>`), PLAIN))).to.include('page-missing');
    });

    // The fourth outside review: a link's href read by an expression over the tag to its first >.
    it('a link\'s href is read as the tokenizer reads its attributes: past a > in a quoted value, after a /, never from another attribute\'s value', () => {
      for (const [open, expected] of [['<a title="a>b" href="https://beian.miit.gov.cn/">', []], ['<a/href="https://beian.miit.gov.cn/">', []], ['<a title=" href=https://beian.miit.gov.cn/" href="/x">', ['page-unlinked']]] as const) {
        const html = page('', `${open}${ICP}</a><a href="${MPS}">${GONGAN}</a>`);
        expect(codes(auditPage('index.html', html, PLAIN)), open).to.deep.equal(expected);
        expect(auditPage('index.html', html, PLAIN), open).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      }
    });

    // The fourth outside review: the latest <a before a number was its link wherever it was.
    it('a link opened in a comment, a script, a template, a <select> or a tag\'s value links nothing after it', () => {
      const MIIT = 'href="https://beian.miit.gov.cn/"';
      for (const before of [`<!-- <a ${MIIT}> -->`, `<script>x='<a ${MIIT}>'</script>`, `<template><a ${MIIT}></template>`, `<select><a ${MIIT}></select>`,
        `<span title='<a ${MIIT}>'>`, `<img alt="<a ${MIIT}>">`, `<div hidden><a ${MIIT}></div>`]) {
        const html = page('', `${before}${ICP}<a href="${MPS}">${GONGAN}</a>`);
        expect(codes(auditPage('index.html', html, PLAIN)), before).to.deep.equal(['page-unlinked']);
        expect(auditPage('index.html', html, PLAIN), before).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      }
    });

    it('a link is ended by a </a the parser reads, not one in a comment, a script or a tag\'s value; one in a hidden element ends it', () => {
      const MIIT = '<a href="https://beian.miit.gov.cn/">';
      for (const [inside, expected] of [['<!-- </a> -->', []], ['<script>"</a>"</script>', []], ['<span title="</a>">x</span>', []], ['x</a>', ['page-unlinked']], ['<span hidden></a></span>', ['page-unlinked']]] as const) {
        const html = page('', `${MIIT}${inside}${ICP}</a><a href="${MPS}">${GONGAN}</a>`);
        expect(codes(auditPage('index.html', html, PLAIN)), inside).to.deep.equal(expected);
        expect(auditPage('index.html', html, PLAIN), inside).to.deep.equal(referenceAuditPage('index.html', html, PLAIN));
      }
    });

    it('a number the site footer displays next to a script is still judged (the script ends where the browser ends it)', () => {
      const after = page('', `<script>var s = "<!--"; if (a < b) {}</script><span>沪ICP备19999999号-2</span>${ICP_LINK}${line('')}`);
      expect(codes(auditPage('index.html', after, PLAIN))).to.deep.equal(['page-other-number']);
      // `<scripts>` is no script; a `</script` inside a comment ends nothing.
      expect(codes(auditPage('index.html', page('', `<scripts><span>沪ICP备19999999号-2</span></scripts>${ICP_LINK}${line('')}`), PLAIN))).to.deep.equal(['page-other-number']);
      expect(codes(auditPage('index.html', page('', `<!-- </script> --><span>沪ICP备19999999号-2</span>${ICP_LINK}${line('')}`), PLAIN))).to.deep.equal(['page-other-number']);
    });

    it('Redefine\'s href indented over three lines (layout/components/footer/footer.ejs): read as its address, a retired one too', () => {
      const redefine = (url: string) => page('', `<div class="icp-info my-1"><a target="_blank" rel="nofollow" href="\n                \n                    ${url}\n                \n                ">${ICP}</a></div>${line('')}`);
      expect(codes(auditPage('index.html', redefine('https://beian.miit.gov.cn'), PLAIN))).to.deep.equal([]);
      const retired = auditPage('index.html', redefine('http://www.beian.miit.gov.cn/'), PLAIN);
      expect(codes(retired)).to.deep.equal(['page-unlinked', 'link-retired']);
      expect(retired[1].message).to.contain('the retired http://www.beian.miit.gov.cn/:');
      expect(retired).to.deep.equal(referenceAuditPage('index.html', redefine('http://www.beian.miit.gov.cn/'), PLAIN));
    });
  });

  describe('link-insecure: a number linked to its own query system over plain http', () => {
    const MPS = 'beian.mps.gov.cn/#/query/webSearch?code=';
    const page = (icpHref: string, gonganHref = `https://${MPS}11010502030413`, icon = '<img src="/images/gongan.png">') =>
      Buffer.from(`<body><footer><a href="${icpHref}">${ICP}</a><a href="${gonganHref}">${icon}${GONGAN}</a></footer></body>`);
    const found = (html: Buffer, plan = PLAN) => auditPage('a/index.html', html, plan).map(f => [f.code, f.severity]);

    it('NexT with exturl: true links through <span class="exturl" data-url="base64">: read as a link to the decoded address', () => {
      const b64 = (url: string) => Buffer.from(url).toString('base64');
      const exturl = (icp: string, gongan: string) => Buffer.from(`<html><body><footer class="footer"><div class="beian"><span class="exturl" data-url="${b64(icp)}">${ICP} </span><span class="exturl" data-url="${b64(gongan)}">${GONGAN} </span></div>`
        + '<div class="powered-by">Powered by <span class="exturl" data-url="aHR0cHM6Ly9oZXhvLmlv">Hexo</span></div></footer></body></html>');
      const plan = planFor({ icp: ICP, gongan: 11010502030413 });
      expect(codes(auditPage('index.html', exturl('https://beian.miit.gov.cn', `https://${MPS}11010502030413`), plan))).to.deep.equal([]);
      expect(codes(auditPage('index.html', exturl('https://beian.miit.gov.cn', `https://${MPS}11010502030414`), plan))).to.deep.equal(['page-unlinked', 'link-wrong-code']);
      // A span that is closed before the number, or another span, is no link.
      const closed = Buffer.from(`<html><body><footer><span class="exturl" data-url="${b64('https://beian.miit.gov.cn')}">x</span> ${ICP}</footer></body></html>`);
      expect(codes(auditPage('index.html', closed, planFor({ icp: ICP })))).to.deep.equal(['page-unlinked']);
      expect(referenceAuditPage('index.html', exturl('https://beian.miit.gov.cn', `https://${MPS}11010502030413`), plan)).to.deep.equal([]);
    });

    it('Fluid\'s http://beian.miit.gov.cn/ (the issue: page-unlinked on every page): a warning saying what to write, not an error', () => {
      const findings = auditPage('a/index.html', page('http://beian.miit.gov.cn/'), PLAN);
      expect(findings).to.deep.equal([{
        code: 'link-insecure',
        severity: 'warning',
        message: `This page links the ICP number ${ICP} to http://beian.miit.gov.cn/: the right query system, but over plain http, which browsers flag as not secure and anyone on the way can alter. Change the link to https://beian.miit.gov.cn/; if the theme shows the number with its own filing line (Fluid's footer.beian), turn that off in the theme's config (footer.beian.enable: false), and hexo-beian shows it linked over https.`,
        page: 'a/index.html',
        suggestion: 'https://beian.miit.gov.cn/'
      }]);
      const zh = auditPage('a/index.html', page('http://beian.miit.gov.cn/'), { ...PLAN, language: 'zh' });
      expect(zh[0].message).to.equal(`这个页面把ICP备案号 ${ICP} 链接到 http://beian.miit.gov.cn/：是正确的查询系统，但用的是不加密的 http，浏览器会提示不安全，链接也可能被篡改。请把链接改为 https://beian.miit.gov.cn/；若是主题自己显示的备案号（如 Fluid 的 footer.beian），在主题配置里关闭它（footer.beian.enable: false），hexo-beian 就会显示使用 https 链接的那一行。`);
    });

    it('the MPS query over http with its own digits: link-insecure, the icon still looked for in that link', () => {
      expect(found(page('https://beian.miit.gov.cn/', `http://${MPS}11010502030413`))).to.deep.equal([['link-insecure', 'warning']]);
      const [f] = auditPage('a/index.html', page('https://beian.miit.gov.cn/', `http://${MPS}11010502030413`), PLAN);
      expect(f.suggestion).to.equal(`https://${MPS}11010502030413`);
      expect(found(page('https://beian.miit.gov.cn/', `http://${MPS}11010502030413`, ''))).to.deep.equal([['page-icon-missing', 'warning'], ['link-insecure', 'warning']]);
    });

    it('still errors: the http query of other digits, a retired host, the other system, a link that is not the web', () => {
      expect(found(page('https://beian.miit.gov.cn/', `http://${MPS}11010502030414`))).to.deep.equal([['page-unlinked', 'error'], ['link-wrong-code', 'error']]);
      expect(found(page('http://www.beian.miit.gov.cn/'))).to.deep.equal([['page-unlinked', 'error'], ['link-retired', 'warning']]);
      expect(found(page(`http://${MPS}11010502030413`))).to.deep.equal([['page-unlinked', 'error'], ['link-crossed', 'error']]);
      expect(found(page('ftp://beian.miit.gov.cn/'))).to.deep.equal([['page-unlinked', 'error']]);
    });

    it('once per page, however often the number is linked over http, and beside an https link of it too', () => {
      const twice = Buffer.from(`<body><a href="http://beian.miit.gov.cn/">${ICP}</a><footer><a href="http://beian.miit.gov.cn">${ICP}</a></footer></body>`);
      expect(found(twice, planFor({ icp: ICP }))).to.deep.equal([['link-insecure', 'warning']]);
      // hexo-beian's line and the theme's (duplicates: keep): linked right, and the http link still there.
      const both = Buffer.from(`<body><footer><a href="http://beian.miit.gov.cn/">${ICP}</a><div data-hexo-beian><a href="https://beian.miit.gov.cn/">${ICP}</a></div></footer></body>`);
      expect(found(both, planFor({ icp: ICP }))).to.deep.equal([['page-shown-twice', 'warning'], ['link-insecure', 'warning']]);
    });

    it('linkRating() and targetOf(): the one rule of what the right link is', () => {
      expect(linkRating('icp', targetOf('https://beian.miit.gov.cn'))).to.equal('right');
      expect(linkRating('icp', targetOf('//beian.miit.gov.cn/'))).to.equal('right');
      expect(linkRating('icp', targetOf('HTTP://BEIAN.MIIT.GOV.CN/'))).to.equal('insecure');
      expect(linkRating('icp', targetOf('http://www.miitbeian.gov.cn/'))).to.equal('wrong');
      expect(linkRating('icp', targetOf('ftp://beian.miit.gov.cn/'))).to.equal('wrong');
      expect(linkRating('gongan', targetOf(`http://${MPS}11010502030413`), '11010502030413')).to.equal('insecure');
      expect(linkRating('gongan', targetOf(`http://${MPS}11010502030413`), '11010502030414')).to.equal('wrong');
      expect(linkRating('gongan', targetOf('http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030413'), '11010502030413')).to.equal('wrong');
      expect(linkRating('gongan', targetOf('http://beian.miit.gov.cn/'), '11010502030413')).to.equal('wrong');
      expect([rightLink('icp'), rightLink('gongan', '11010502030413')]).to.deep.equal(['https://beian.miit.gov.cn/', `https://${MPS}11010502030413`]);
    });
  });

  describe('never throws', () => {
    it('property: arbitrary bytes, with any plan, at any path', () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...PLANS), fc.string(), (bytes, plan, path) => {
        expect(auditPage(path, Buffer.from(bytes), plan)).to.be.an('array');
      }), { numRuns: 2000 });
    });

    it('property: arbitrary text mixed with the pieces the audit looks for', () => {
      const piece = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(ICP, GONGAN, '<a ', '</a', '<footer', '</footer', 'data-hexo-beian', '</div', '<img src="', 'www.beian.', '</body', 'ICP备', '公网安备', '>', '<'));
      fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), fc.constantFrom(...PLANS), (parts, plan) => {
        expect(auditPage('index.html', Buffer.from(parts.join('')), plan)).to.be.an('array');
      }), { numRuns: 2000 });
    });
  });
});

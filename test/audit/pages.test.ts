import { expect } from 'chai';
import fc from 'fast-check';
import { readConfig } from '../../lib/config/read';
import { auditPage, type PagePlan } from '../../lib/audit/pages';
import { lineItems } from '../../lib/line/items';
import { linkRating, rightLink, targetOf } from '../../lib/audit/links';
import type { Finding } from '../../lib/finding';
import { adversarialPages, cleanPage, GONGAN, ICP } from '../adversarial';
import { referenceAuditPage } from './pages.reference';
import { countWork } from './work';

function planFor(raw: unknown): PagePlan {
  const { config } = readConfig(raw, 'en');
  return { items: lineItems(config, 'en', path => path), placement: config, paths: config.paths, language: 'en' };
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
      'href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030413"', 'www.beian.', 'miitbeian.gov.cn/', '<template>', '</template>'
    ];
    const pageOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map(parts => parts.join(''));

    it('property: on pages of those pieces, the same findings as the audit it replaced', () => {
      fc.assert(fc.property(pageOf, fc.constantFrom(...PLANS), fc.constantFrom('index.html', 'a/index.html'), (page, plan, path) => {
        const html = Buffer.from(page);
        expect(auditPage(path, html, plan)).to.deep.equal(referenceAuditPage(path, html, plan));
      }), { numRuns: 3000 });
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

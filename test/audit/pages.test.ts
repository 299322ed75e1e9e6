import { expect } from 'chai';
import fc from 'fast-check';
import { readConfig } from '../../lib/config/read';
import { auditPage, type PagePlan } from '../../lib/audit/pages';
import { lineItems } from '../../lib/line/items';
import type { Finding } from '../../lib/finding';
import { adversarialPages, cleanPage, GONGAN, ICP } from '../adversarial';
import { referenceAuditPage } from './pages.reference';
import { countWork } from './work';

function planFor(raw: unknown): PagePlan {
  const { config } = readConfig(raw, 'en');
  return { items: lineItems(config, 'en', path => path), placement: config, paths: config.paths, language: 'en' };
}

const PLAN = planFor({ icp: ICP, gongan: { number: 11010502030143, icon: '/images/gongan.png' } });
const LICENCE = planFor({ icp: '浙B2-20080101' });
const NONE = planFor({});
const PLANS = [PLAN, LICENCE, NONE, planFor({ icp: ICP, pages: 'home' }), planFor({ icp: '京ICP备20000492号-1', position: 'none' })];

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
      ICP, GONGAN, '沪ICP备19999999号-2', '京公网安备11010502030144号', '浙B2-20080101', 'ICP备', ' ', '京 ', '\n', 'text',
      // What may lengthen a number read just before (a repeated number is read once when what follows it is the same).
      'ICP备20000491', '号', '-2', '－3', 'x', 'A', '7', '\u3000', '\u00a0', '苏', '京', 'ICP备20000491号',
      '<a href="https://beian.miit.gov.cn/">', '<a href="http://www.miitbeian.gov.cn/">', '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143">',
      '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030144">', '<a href="http://beian.miit.gov.cn/">',
      '<a href="http://beian.mps.gov.cn/#/query/webSearch?code=11010502030143">', '<a href="ftp://beian.miit.gov.cn/">', '<a>', '<a ', '<abbr>', '</a>', '</A>', '<A HREF="//beian.miit.gov.cn">',
      '<img src="/images/gongan.png">', '<img class="x" src=\'/images/gongan.png\'>', '<img src=/x.png>', '<footer>', '</footer>', '<footer class="site">',
      '<div class="hexo-beian" data-hexo-beian>', '<div>', '</div>', '<span title="', '">', '<', '>', '</body>', '</BODY>', '<body>',
      'href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030143"', 'www.beian.', 'miitbeian.gov.cn/', '<template>', '</template>'
    ];
    const pageOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map(parts => parts.join(''));

    it('property: on pages of those pieces, the same findings as the audit it replaced', () => {
      fc.assert(fc.property(pageOf, fc.constantFrom(...PLANS), fc.constantFrom('index.html', 'a/index.html'), (page, plan, path) => {
        const html = Buffer.from(page);
        expect(auditPage(path, html, plan)).to.deep.equal(referenceAuditPage(path, html, plan));
      }), { numRuns: 3000 });
    });

    it('the 公安 icon counts anywhere in its <a>, before the number or after it, and not after its </a>', () => {
      const link = '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143">';
      const icon = '<img src="/images/gongan.png">';
      const page = (inner: string) => Buffer.from(`<body><footer><a href="https://beian.miit.gov.cn/">${ICP}</a>${inner}</footer></body>`);
      expect(codes(auditPage('index.html', page(`${link}${icon}${GONGAN}</a>`), PLAN))).to.deep.equal([]);
      expect(codes(auditPage('index.html', page(`${link}${GONGAN}${icon}</a>`), PLAN))).to.deep.equal([]);
      expect(codes(auditPage('index.html', page(`${link}${GONGAN}</a>${icon}`), PLAN))).to.deep.equal(['page-icon-missing']);
      // Two links before one </a: the icon after the second is in both.
      expect(codes(auditPage('index.html', page(`${link}${GONGAN}<a>x${icon}</a>`), PLAN))).to.deep.equal([]);
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

import { expect } from 'chai';
import { readConfig } from '../lib/config';
import { footerItems, gonganQueryUrl, ICP_QUERY_URL, renderFooter } from '../lib/render';
import type { LabelLanguage } from '../lib/diagnostic';

const ICP = '京ICP备20000491号-1';
const GONGAN = '京公网安备11010502030143号';
const urlFor = (path: string) => (path.startsWith('http') ? path : `/blog/${path.replace(/^\//, '')}`);

function markup(raw: unknown, language: LabelLanguage = 'zh-Hans'): string {
  return renderFooter(footerItems(readConfig(raw, 'en').config, language, urlFor), language);
}

/** The elements of the rendered line, as [tag, attributes] pairs, in order. */
function anchors(html: string): string[] {
  return [...html.matchAll(/<a [^>]*>/g)].map(m => m[0]);
}

describe('render', () => {
  it('ICP only: one link to the MIIT system, nothing for 公安', () => {
    const html = markup({ icp: ICP });
    expect(anchors(html)).to.deep.equal([
      '<a class="hexo-beian-item hexo-beian-icp" href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer" style="display:inline-block;white-space:nowrap;margin:0 .5em">'
    ]);
    expect(html).to.contain(`>${ICP}</a>`);
    expect(html).not.to.contain('gongan');
    expect(html).not.to.contain('<img');
  });

  it('公安 only: one link to the MPS query with its own digits', () => {
    const html = markup({ gongan: GONGAN });
    expect(anchors(html)).to.have.length(1);
    expect(html).to.contain('href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"');
    expect(html).to.contain(`>${GONGAN}</a>`);
    expect(html).not.to.contain('miit');
  });

  it('both: ICP first, then 公安', () => {
    const html = markup({ icp: ICP, gongan: GONGAN });
    expect(html.indexOf(ICP)).to.be.greaterThan(0);
    expect(html.indexOf(GONGAN)).to.be.greaterThan(html.indexOf(ICP));
    expect(anchors(html)).to.have.length(2);
  });

  it('neither: no markup at all, not an empty wrapper', () => {
    expect(markup({})).to.equal('');
    expect(markup(undefined)).to.equal('');
    expect(markup({ icp: ICP, enable: false })).to.equal('');
  });

  it('renders the canonical form of a number the engine normalised', () => {
    expect(markup({ icp: '粤ＩＣＰ备14615304号-1' })).to.contain('>粤ICP备14615304号-1</a>');
    expect(markup({ gongan: 11010502030143 })).to.contain(`>${GONGAN}</a>`);
  });

  it('renders nothing for an invalid number', () => {
    expect(markup({ icp: '京ICP备12345678号-1' })).to.equal('');
    expect(markup({ icp: '京ICP备12345678号-1', gongan: GONGAN })).not.to.contain('12345678');
  });

  it('an icon only when configured, with alt, width and height, through url_for', () => {
    const html = markup({ gongan: { number: GONGAN, icon: 'images/gongan.png' } });
    expect(html).to.match(/<img class="hexo-beian-icon" src="\/blog\/images\/gongan.png" alt="公安备案图标" width="16" height="16" [^>]*>/);
    expect(markup({ gongan: { number: GONGAN, icon: 'https://cdn.example.cn/g.png' } }, 'en'))
      .to.contain('src="https://cdn.example.cn/g.png" alt="Public security filing icon"');
  });

  it('refuses an icon that is not a site path or an http(s) URL', () => {
    const { config, findings } = readConfig({ gongan: { number: GONGAN, icon: 'javascript:alert(1)' } }, 'en');
    expect(config.gongan?.icon).to.equal(undefined);
    expect(findings.map(f => [f.code, f.path])).to.deep.equal([['config-icon', 'beian.gongan.icon']]);
    expect(renderFooter(footerItems(config, 'en', urlFor))).not.to.contain('javascript');
  });

  it('escapes every value: markup in a config value renders as text', () => {
    const html = markup({ gongan: { number: GONGAN, icon: '/i.png"><script>alert(1)</script>' } });
    expect(html).not.to.contain('<script>');
    expect(html).to.contain('src="/blog/i.png&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    const direct = renderFooter([{ kind: 'icp', text: '<script>alert(1)</script>', href: ICP_QUERY_URL }]);
    expect(direct).to.contain('>&lt;script&gt;alert(1)&lt;/script&gt;</a>');
  });

  it('builds the MPS query URL from the digits', () => {
    expect(gonganQueryUrl('11010502030143')).to.equal('https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143');
  });
});

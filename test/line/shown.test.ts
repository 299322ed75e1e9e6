import { expect } from 'chai';
import { alreadyShown, copyOf, holds, normalText, shownWrongLink } from '../../lib/line/shown';
import { findSlots } from '../../lib/line/inject';
import type { LineItem } from '../../lib/line/items';

const ICP = '京ICP备20180491号-1';
const ICP_ITEM: LineItem = { kind: 'icp', text: ICP, path: 'beian.icp', href: 'https://beian.miit.gov.cn/' };
const GONGAN_ITEM: LineItem = { kind: 'gongan', text: '京公网安备11010502030413号', path: 'beian.gongan', digits: '11010502030413' };
const shows = (text: string, item: string) => holds(normalText(text), item);
/** What the site footer of a page with this footer markup shows, as the filter reads it. */
const footer = (inner: string) => findSlots(`<body><footer>${inner}</footer></body>`, { text: true }).text ?? { text: '', links: [] };

describe('shown: a number the page already shows', () => {
  it('alreadyShown(): names the page, the number, its config path, and what to change in this theme', () => {
    const icp = { kind: 'icp' as const, text: '京ICP备20180491号-1', path: 'beian.domains["blog.example.cn"].icp' };
    const butterfly = alreadyShown(icp, 'index.html', undefined, 'butterfly', 'zh');
    expect(butterfly).to.deep.include({ code: 'already-shown', severity: 'info', page: 'index.html', path: 'beian.domains["blog.example.cn"].icp' });
    expect(butterfly.message).to.equal('页面已显示 京ICP备20180491号-1（beian.domains["blog.example.cn"].icp），hexo-beian 没有再显示一遍（其他这样的页面同样处理）。'
      + '请从 Butterfly 配置（_config.butterfly.yml、_config.yml 的 theme_config，或 themes/butterfly/_config.yml）的 footer.custom_text 中删去这个号码，由 hexo-beian 显示经过校验、带正确链接的号码；若要两者都显示，请设置 beian.duplicates: keep。');
    const other = alreadyShown({ kind: 'extra', text: '京ICP证030713号', path: 'beian.extra[0]' }, 'a/index.html', undefined, 'hexo-theme-landscape', 'en');
    expect(other.path).to.equal('beian.extra[0]');
    expect(other.message).to.equal('The page already shows 京ICP证030713号 (beian.extra[0]), so hexo-beian left it out of its line there (and on other such pages). '
      + 'Remove the number from the theme\'s footer settings so that hexo-beian shows it, checked and correctly linked; to show both, set beian.duplicates: keep.');
  });

  it('alreadyShown(): a described theme whose file is not known is told its keys, from its description (lib/themes)', () => {
    const icp = { kind: 'icp' as const, text: '京ICP备20180491号-1', path: 'beian.icp' };
    expect(alreadyShown(icp, 'index.html', undefined, 'hexo-theme-icarus', 'en').message).to.contain('Remove the number from footer.copyright in Icarus\'s config (_config.icarus.yml, theme_config in _config.yml, or themes/icarus/_config.yml) so that hexo-beian shows it');
    expect(alreadyShown(icp, 'index.html', undefined, 'ayer', 'en').message).to.contain('Set icp.enable / gongan.enable: false in Ayer\'s config (_config.ayer.yml');
    expect(alreadyShown(icp, 'index.html', undefined, 'kaze', 'zh').message).to.contain('请在 Kaze 配置（_config.kaze.yml、_config.yml 的 theme_config，或 themes/kaze/_config.yml）中把 footer.RecordInfo / footer.govRecordInfo 设为 ""，');
  });

  it('alreadyShown(): a theme whose line the theme audit found on is told off in the file it is on in', () => {
    const icp = { kind: 'icp' as const, text: '京ICP备20180491号-1', path: 'beian.icp' };
    const next = alreadyShown(icp, 'index.html', { label: 'NexT', file: 'themes/next/_config.yml', key: 'footer.beian.enable' }, 'next', 'en');
    expect(next.message).to.contain('This is NexT\'s own filing line: set footer.beian.enable: false in themes/next/_config.yml');
    expect(next.message).not.to.contain('_config.next.yml');
  });

  describe('holds(): a number shown as a whole number (token boundaries)', () => {
    it('finds the number however it is spaced or written: spaces between its parts, full-width characters, line breaks', () => {
      expect(shows('备案：京ICP备 20180491号-1 ｜ Powered by Hexo', ICP)).to.equal(true);
      expect(shows('京ＩＣＰ备20180491号－1', ICP)).to.equal(true);
      expect(shows('京ICP备\n  20180491号 - 1\u200b', ICP)).to.equal(true);
      expect(shows('Hexo京ICP备20180491号-1|', ICP)).to.equal(true);
      // Traditional characters and long dashes, as the engine reads them (a newcomer's trial: NexT's
      // gongan_num written with 號 was shown a second time, and the audit said the theme showed it).
      expect(shows('京ICP備20180491號-1', ICP)).to.equal(true);
      expect(shows('京公網安備 11010502030413號', '京公网安备11010502030413号')).to.equal(true);
      expect(shows('滬ICP備20180491號–1', '沪ICP备20180491号-1')).to.equal(true);
      expect(shows('京ICP備20180491號-10', ICP)).to.equal(false);
    });

    it('a longer number is another number', () => {
      expect(shows('京ICP备20180491号-10', ICP)).to.equal(false);
      expect(shows('京ICP备20180491号 -10', ICP)).to.equal(false);
      expect(shows('京ICP备20180491号-1 京ICP备20180491号-12', ICP)).to.equal(true);
      expect(shows('京ICP备20180491号-1', '京ICP备20180491号')).to.equal(false);
      expect(shows('京ICP备20180491号 - 1', '京ICP备20180491号')).to.equal(false);
      expect(shows('浙B2-201801011', 'B2-20180101')).to.equal(false);
      expect(shows('AB2-20180101', 'B2-20180101')).to.equal(false);
      expect(shows('许可证：B2-20180101', 'B2-20180101')).to.equal(true);
      expect(shows('京ICP备2000 0491号-1', ICP)).to.equal(false); // a run of digits is never split
    });

    it('the issue: a year, other digits, `|`, &nbsp; or <br> after the number are not part of it', () => {
      const number = '苏ICP备2021048812号';
      for (const inner of [
        `<a href="https://beian.miit.gov.cn/">${number}</a> 2022-2026 网站已运行`,
        `<a href="https://beian.miit.gov.cn/">${number}</a>2022-2026`,
        `${number}&nbsp;2022`, `${number}<br>2022`, `${number}<br/>© 2022`, `${number}|2022`, `${number} | 2022`,
        `<span>${number}</span><span>1234</span>`, `${number}\u3000 88`
      ]) {
        expect(shows(footer(inner).text, number), inner).to.equal(true);
      }
      // Straight on, digits are the number's own.
      expect(shows(footer(`${number}2022`).text, number)).to.equal(false);
    });
  });

  describe('copyOf(): how the site footer shows an item', () => {
    it('linked to its own query system: right over https, insecure over plain http (Fluid), nothing when not shown', () => {
      expect(copyOf(footer(`<a href="https://beian.miit.gov.cn/">${ICP}</a>`), ICP_ITEM)).to.deep.equal({ linked: 'right' });
      expect(copyOf(footer(`<a href="http://beian.miit.gov.cn/"> ${ICP} </a>`), ICP_ITEM)).to.deep.equal({ linked: 'insecure' });
      expect(copyOf(footer('<a href="https://beian.miit.gov.cn/">京ICP备20180491号-10</a>'), ICP_ITEM)).to.equal(undefined);
      const gongan = '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413"><img src="/i.png">京公网安备11010502030413号</a>';
      expect(copyOf(footer(gongan), GONGAN_ITEM)).to.deep.equal({ linked: 'right' });
    });

    it('a broken copy, with its link: none, a retired host, the other system, another number\'s query, another site', () => {
      expect(copyOf(footer(`© me · ${ICP}`), ICP_ITEM)).to.deep.equal({ linked: 'wrong' });
      expect(copyOf(footer(`<a href="https://www.miitbeian.gov.cn/">${ICP}</a>`), ICP_ITEM)).to.deep.equal({ linked: 'wrong', href: 'https://www.miitbeian.gov.cn/' });
      expect(copyOf(footer(`<a href="https://beian.mps.gov.cn/">${ICP}</a>`), ICP_ITEM)).to.deep.equal({ linked: 'wrong', href: 'https://beian.mps.gov.cn/' });
      const other = 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030144';
      expect(copyOf(footer(`<a href="${other}">京公网安备11010502030413号</a>`), GONGAN_ITEM)).to.deep.equal({ linked: 'wrong', href: other });
      expect(copyOf(footer(`<a href="/about/">${ICP}</a>`), ICP_ITEM)).to.deep.equal({ linked: 'wrong', href: '/about/' });
      // A link next to the number, not around it, is not its link.
      expect(copyOf(footer(`${ICP} <a href="https://beian.miit.gov.cn/">查询</a>`), ICP_ITEM)).to.deep.equal({ linked: 'wrong' });
    });

    it('one working copy is enough; an extra record has no query system, shown is enough', () => {
      const both = `<a href="https://www.miitbeian.gov.cn/">${ICP}</a> <a href="https://beian.miit.gov.cn/">${ICP}</a>`;
      expect(copyOf(footer(both), ICP_ITEM)).to.deep.equal({ linked: 'right' });
      expect(copyOf(footer('许可证 京ICP证030173号'), { kind: 'extra', text: '京ICP证030173号', path: 'beian.extra[0]' })).to.deep.equal({ linked: 'right' });
    });
  });

  it('shownWrongLink(): a warning naming the number, how it is linked, where it comes from, and the link to give it', () => {
    const butterfly = shownWrongLink(ICP_ITEM, 'https://www.miitbeian.gov.cn/', 'index.html', undefined, 'butterfly', 'en');
    expect(butterfly).to.deep.include({ code: 'already-shown-wrong-link', severity: 'warning', page: 'index.html', path: 'beian.icp' });
    expect(butterfly.message).to.equal('The page already shows 京ICP备20180491号-1 (beian.icp) but linked to the retired https://www.miitbeian.gov.cn/, so hexo-beian still shows it in its line there (and on other such pages): the page shows it twice. '
      + 'Remove the number from footer.custom_text in Butterfly\'s config (_config.butterfly.yml, theme_config in _config.yml, or themes/butterfly/_config.yml) so that hexo-beian shows it once, checked and correctly linked; or link that copy to https://beian.miit.gov.cn/.');
    const next = shownWrongLink(GONGAN_ITEM, 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030144', 'index.html', { label: 'NexT', file: '_config.next.yml', key: 'footer.beian.enable' }, 'next', 'zh');
    expect(next.message).to.equal('页面已显示 京公网安备11010502030413号（beian.gongan），但链接到查询 11010502030144 的页面（https://beian.mps.gov.cn/#/query/webSearch?code=11010502030144），而不是它自己的数字 11010502030413；'
      + 'hexo-beian 仍然显示了自己的备案信息（其他这样的页面同样处理），所以页面上这个号码出现两遍。这是 NexT 自带的备案栏：在 _config.next.yml 中设置 footer.beian.enable: false，'
      + '由 hexo-beian 显示经过校验、带正确链接的号码。');
    expect(shownWrongLink(ICP_ITEM, undefined, 'a.html', undefined, 'landscape', 'en').message).to.contain('but without a link to its query system, so');
  });
});

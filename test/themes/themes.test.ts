import { expect } from 'chai';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { describeTheme, ownLineAdvice, THEMES } from '../../lib/themes';
import { themeOf } from '../../lib/audit/theme';
import { repoRoot } from '../paths';
import { audit, layersOf, shippedConfig, themeIcon, themeSwitch } from './work';

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';

/** A layout file of an installed theme. */
function layout(pkg: string, path: string): string {
  return readFileSync(join(repoRoot, 'node_modules', pkg, path), 'utf8');
}

describe('themes: every described theme read through its description', () => {
  it('one description per theme, each known by its id, its packages and its folders', () => {
    const ids = THEMES.map(t => t.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.include.members(['next', 'fluid', 'butterfly', 'redefine', 'keep', 'yun', 'reimu', 'icarus', 'stellar', 'volantis', 'ayer', 'kaze', 'stun', 'anzhiyu', 'solitude', 'async', 'particlex', 'shokax', 'matery', 'next7', 'melody', 'nexmoe', 'arknights', 'aurora', 'kratos-rebirth']);
    for (const theme of THEMES) {
      expect(describeTheme(theme.id)?.id === theme.id || theme.before !== undefined, theme.id).to.equal(true);
      for (const pkg of theme.packages) expect(themeOf(pkg), pkg).to.equal(theme.before === undefined ? theme.id : themeOf(pkg));
      expect(theme.wrong.zh.length * theme.wrong.en.length, theme.id).to.be.greaterThan(0);
    }
    expect([themeOf('next'), themeOf('next', '8.29.0'), themeOf('next', '7.8.0'), themeOf('theme-next'), themeOf('Hexo-Theme-Fluid'), themeOf('landscape'), themeOf(undefined)])
      .to.deep.equal(['next', 'next', 'next7', 'next7', 'fluid', undefined, undefined]);
    expect([themeOf('kratos-rebirth', '2.1.0'), themeOf('hexo-theme-matery'), themeOf('melody')]).to.deep.equal(['kratos-rebirth', 'matery', 'melody']);
  });

  it('both READMEs have a row for every described theme', () => {
    for (const readme of ['README.md', 'README.zh-CN.md']) {
      const rows = readFileSync(join(repoRoot, readme), 'utf8').split('\n').filter(line => line.startsWith('| '));
      for (const theme of THEMES) {
        const name = theme.id === 'next7' ? 'NexT 7' : theme.label;
        expect(rows.some(row => row.startsWith(`| ${name} `) || row.startsWith(`| ${name}（`)), `${readme}: ${name}`).to.equal(true);
      }
    }
  });

  it('the descriptions match the installed themes: their keys are in the shipped _config.yml', () => {
    const keys: Record<string, string[]> = {
      next: ['footer.beian.enable', 'footer.beian.icp', 'footer.beian.gongan_id', 'footer.beian.gongan_num', 'footer.beian.gongan_icon_url'],
      fluid: ['footer.beian.enable', 'footer.beian.icp_text', 'footer.beian.police_text', 'footer.beian.police_code', 'footer.beian.police_icon'],
      butterfly: ['footer.custom_text'],
      redefine: ['footer.icp.enable', 'footer.icp.number', 'footer.icp.url'],
      keep: ['footer.record.enable', 'footer.record.list'],
      yun: ['footer.beian.enable', 'footer.beian.gongan.enable', 'footer.beian.gongan.text', 'footer.beian.gongan.id'],
      reimu: ['icp.icpnumber', 'icp.beian', 'icp.recordcode'],
      async: ['footer.beian.enable', 'footer.beian.icp'],
      particlex: ['footer.ICP.enable', 'footer.ICP.code', 'footer.ICP.link'],
      ayer: ['icp.enable', 'icp.url', 'icp.text', 'gongan.enable', 'gongan.img', 'gongan.url', 'gongan.text'],
      kaze: ['footer.RecordInfo', 'footer.govRecordInfo', 'footer.govRecordUrl'],
      stun: ['footer.beian.enable', 'footer.beian.icp'],
      anzhiyu: ['footer.footerBar.enable', 'footer.footerBar.linkList'],
      stellar: ['footer.content'],
      volantis: ['site_footer.copyright']
    };
    for (const [id, paths] of Object.entries(keys)) {
      const layers = layersOf(id, {});
      expect(layers[0].file, id).to.equal(`node_modules/hexo-theme-${id}/_config.yml`);
      for (const path of paths) {
        let at: unknown = layers[0].data;
        for (const part of path.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
        expect(at, `${id}: ${path}`).not.to.equal(undefined);
      }
    }
    // Solitude's list and Yun's ICP key are only in comments; Icarus ships no _config.yml (it writes one).
    expect(shippedConfig('solitude')).to.contain('# - name: 湘公网安备43048102000175号');
    expect(shippedConfig('yun')).to.contain('# icp: 苏ICP备xxxxxxxx号');
    expect(shippedConfig('icarus')).to.equal(undefined);
  });

  it('the descriptions match the installed layouts: the links they emit', () => {
    expect(layout('hexo-theme-redefine', 'layout/components/footer/footer.ejs')).to.match(/theme\.footer\.icp\.url %>\s*<% } else { %>\s*https:\/\/beian\.miit\.gov\.cn/);
    expect(layout('hexo-theme-yun', 'layout/_partial/footer/gongan.pug')).to.contain('href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=" + theme.footer.beian.gongan.id');
    expect(layout('hexo-theme-reimu', 'layout/_partial/footer.ejs')).to.contain('href="https://beian.mps.gov.cn/#/query/webSearch?code=<%= theme.icp.recordcode %>"><%= theme.icp.beian %></a>');
    expect(layout('hexo-theme-kaze', 'layout/_partial/footer.ejs')).to.contain('<a href="http://www.beian.miit.gov.cn/"><%= theme.footer.RecordInfo %> </a>');
    expect(layout('hexo-theme-kaze', 'layout/_partial/footer.ejs')).to.contain('url(/img/beian.png)');
    expect(existsSync(join(repoRoot, 'node_modules', 'hexo-theme-kaze', 'source', 'img', 'beian.png'))).to.equal(false);
    expect(layout('hexo-theme-stun', 'layout/_partials/footer/footer.pug')).to.contain('span!= footer.beian.icp');
    expect(layout('hexo-theme-async', 'layout/_partial/footer.ejs')).to.contain('href="https://beian.miit.gov.cn/" target="_blank"><%- theme.footer.beian.icp %></a>');
    expect(layout('hexo-theme-particlex', 'layout/footer.ejs')).to.match(/<% } else { %>\s*<%= theme\.footer\.ICP\.code %>/);
    expect(layout('hexo-theme-ayer', 'layout/_partial/footer.ejs')).to.contain('<a href="<%= theme.icp.url %>" target="_black"');
    expect(layout('hexo-theme-solitude', 'layout/includes/footer.pug')).to.contain('a.footer-bar-link(href=url_for(item.url), title=item.name)');
    expect(layout('hexo-theme-keep', 'layout/_partial/footer.ejs')).to.contain('href="<%= f_record?.list[i]?.link %>"');
    expect(layout('hexo-theme-icarus', 'layout/common/footer.jsx')).to.contain('dangerouslySetInnerHTML={{ __html: copyright }}');
    expect(layout('hexo-theme-stellar', 'layout/_partial/main/footer.ejs')).to.contain('theme.footer.content');
    expect(layout('hexo-theme-volantis', 'layout/_partial/footer.ejs')).to.contain('markdown(theme.site_footer[item])');
  });

  it('Redefine: ICP only; an empty url falls back to https MIIT, a retired one is stale', () => {
    const fine = audit('redefine', { alternate: `footer:\n  icp:\n    enable: true\n    number: ${ICP}\n` });
    expect(fine.summary).to.deep.equal([['theme-move', 'info', '_config.redefine.yml:footer.icp.enable']]);
    expect(fine.findings[0].message).to.contain('Set footer.icp.enable: false in _config.redefine.yml to turn Redefine\'s own line off.');
    const stale = audit('redefine', { alternate: `footer:\n  icp:\n    enable: true\n    number: ${ICP}\n    url: http://www.miitbeian.gov.cn/\n`, site: `beian:\n  icp: ${ICP}\n` });
    // A copy linked to a retired host is not left out of hexo-beian's line (no theme-shows): the line shows it too.
    expect(stale.summary).to.deep.equal([['theme-stale-link', 'warning', '_config.redefine.yml:footer.icp.url']]);
    expect(stale.findings[0].message).to.equal('Redefine links the ICP number to the retired http://www.miitbeian.gov.cn/ (replaced by https://beian.miit.gov.cn/ in 2019–2020). hexo-beian links to the new one: write the number in beian.icp. Set footer.icp.enable: false in _config.redefine.yml to turn Redefine\'s own line off.');
    const shows = audit('redefine', { alternate: `footer:\n  icp:\n    enable: true\n    number: ${ICP}\n`, site: `beian:\n  icp: ${ICP}\n` });
    expect(shows.summary).to.deep.equal([['theme-shows', 'info', '_config.redefine.yml:footer.icp.enable']]);
    expect(shows.findings[0].suggestion).to.equal('footer:\n  icp:\n    enable: false');
    // Turned on under theme_config: in _config.yml, the block to paste there starts with theme_config: (a newcomer's trial on NexT: it did not).
    const inSite = audit('redefine', { site: `beian:\n  icp: ${ICP}\ntheme_config:\n  footer:\n    icp:\n      enable: true\n      number: ${ICP}\n` });
    expect(inSite.summary).to.deep.equal([['theme-shows', 'info', '_config.yml:theme_config.footer.icp.enable']]);
    expect(inSite.findings[0].suggestion).to.equal('theme_config:\n  footer:\n    icp:\n      enable: false');
    expect(themeSwitch(stale.settings)).to.deep.equal({ label: 'Redefine', file: '_config.redefine.yml', key: 'footer.icp.enable' });
    // As installed: off, nothing.
    expect(audit('redefine', {}).summary).to.deep.equal([]);
  });

  it('Keep: its record list merged item by item as Hexo merges arrays; an item without a link is unlinked', () => {
    const { settings, summary, findings } = audit('keep', { site: `theme_config:\n  footer:\n    record:\n      enable: true\n      list:\n        - code: ${ICP}\n          link: https://beian.miit.gov.cn\n        - code: ${GONGAN}\n` });
    // The theme's one empty item, overridden field by field by the user's first.
    expect(settings.list).to.deep.equal([
      { text: { value: ICP, path: '_config.yml:theme_config.footer.record.list[0].code' }, link: { value: 'https://beian.miit.gov.cn', path: '_config.yml:theme_config.footer.record.list[0].link' } },
      { text: { value: GONGAN, path: '_config.yml:theme_config.footer.record.list[1].code' } }
    ]);
    expect(summary).to.deep.equal([['theme-unlinked', 'error', '_config.yml:theme_config.footer.record.list[1].code'], ['theme-move', 'info', '_config.yml:theme_config.footer.record.enable']]);
    expect(findings[0].message).to.equal(`Keep shows ${GONGAN} with no link: the public-security (公安) number must link to https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413. hexo-beian shows it with that link: write the number in beian.gongan. Set theme_config.footer.record.enable: false in _config.yml to turn Keep's own line off.`);
    expect(findings[1].suggestion).to.equal(`beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}`);
  });

  it('Yun: two switches; its shipped placeholder and its retired 公安 link, a code that is not the number', () => {
    const defaults = audit('yun', { alternate: `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n    gongan:\n      enable: true\n` });
    expect(defaults.summary).to.deep.equal([
      ['placeholder', 'error', 'node_modules/hexo-theme-yun/_config.yml:footer.beian.gongan.text'],
      ['theme-stale-link', 'warning', 'node_modules/hexo-theme-yun/_config.yml:footer.beian.gongan.id'],
      ['theme-move', 'info', '_config.yun.yml:footer.beian.enable']
    ]);
    expect(defaults.findings[2].message).to.contain('Set footer.beian.enable: false in _config.yun.yml; set footer.beian.gongan.enable: false in _config.yun.yml to turn Yun\'s own line off.');
    const code = audit('yun', { alternate: `footer:\n  beian:\n    gongan:\n      enable: true\n      text: ${GONGAN}\n      id: 11010502030144\n` });
    expect(code.summary).to.deep.equal([
      ['theme-gongan-code', 'error', '_config.yun.yml:footer.beian.gongan.id'],
      ['theme-stale-link', 'warning', '_config.yun.yml:footer.beian.gongan.id'],
      ['theme-move', 'info', '_config.yun.yml:footer.beian.gongan.enable']
    ]);
    expect(code.findings[0].suggestion).to.equal('id: 11010502030413');
  });

  it('Reimu: no switch, a number set is shown; the handover empties its keys', () => {
    const { summary, findings, settings } = audit('reimu', { alternate: `icp:\n  icpnumber: ${ICP}\n  beian: ${GONGAN}\n  recordcode: 11010502030413\n` });
    expect(summary).to.deep.equal([['theme-move', 'info', '_config.reimu.yml:icp.icpnumber']]);
    expect(findings[0].message).to.contain('Set icp.icpnumber: "" in _config.reimu.yml; set icp.beian: "" in _config.reimu.yml to turn Reimu\'s own line off.');
    expect(themeSwitch(settings)).to.equal(undefined);
    expect(ownLineAdvice('reimu')?.en).to.equal('Set icp.icpnumber / icp.beian: "" in Reimu\'s config (_config.reimu.yml, theme_config in _config.yml, or themes/reimu/_config.yml)');
    // Its 公安 line needs the code: without one, it is not shown.
    expect(audit('reimu', { alternate: `icp:\n  beian: ${GONGAN}\n` }).summary).to.deep.equal([]);
  });

  it('Ayer: its shipped sample numbers, and its retired 公安 link', () => {
    const { summary } = audit('ayer', { alternate: 'icp:\n  enable: true\ngongan:\n  enable: true\n' });
    expect(summary).to.deep.equal([
      // A known example is withheld: what else could be said of it (normalised: its missing 号) is moot.
      ['example-number', 'error', 'node_modules/hexo-theme-ayer/_config.yml:icp.text'],
      ['unknown-province', 'error', 'node_modules/hexo-theme-ayer/_config.yml:gongan.text'],
      ['theme-stale-link', 'warning', 'node_modules/hexo-theme-ayer/_config.yml:gongan.url']
    ]);
  });

  it('Kaze: a dead MIIT host, an unlinked 公安 number, and its icon that is not shipped', () => {
    const { summary, settings } = audit('kaze', { alternate: `footer:\n  RecordInfo: ${ICP}\n  govRecordInfo: ${GONGAN}\n` });
    expect(summary).to.deep.equal([
      ['theme-stale-link', 'warning', '_config.kaze.yml:footer.RecordInfo'],
      ['theme-unlinked', 'error', '_config.kaze.yml:footer.govRecordInfo'],
      ['theme-move', 'info', '_config.kaze.yml:footer.RecordInfo']
    ]);
    expect(themeIcon(settings)).to.deep.equal({ src: '/img/beian.png', path: '_config.kaze.yml:footer.govRecordInfo' });
  });

  it('Stun and Particlex: unlinked numbers; Async: an empty ICP link', () => {
    expect(audit('stun', { alternate: `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n` }).summary).to.deep.equal([
      ['theme-unlinked', 'error', '_config.stun.yml:footer.beian.icp'], ['theme-move', 'info', '_config.stun.yml:footer.beian.enable']
    ]);
    expect(audit('particlex', { alternate: `footer:\n  ICP:\n    enable: true\n    code: 备案号：${ICP}\n` }).summary).to.deep.equal([
      ['theme-unlinked', 'error', '_config.particlex.yml:footer.ICP.code'], ['theme-move', 'info', '_config.particlex.yml:footer.ICP.enable']
    ]);
    expect(audit('particlex', { alternate: `footer:\n  ICP:\n    enable: true\n    code: ${ICP}\n    link: https://beian.miit.gov.cn/\n` }).summary).to.deep.equal([['theme-move', 'info', '_config.particlex.yml:footer.ICP.enable']]);
    const empty = audit('async', { alternate: 'footer:\n  beian:\n    enable: true\n' });
    expect(empty.summary).to.deep.equal([['theme-empty-icp', 'warning', 'node_modules/hexo-theme-async/_config.yml:footer.beian.icp']]);
    expect(empty.findings[0].message).to.equal('Async\'s footer.beian is on but has no ICP number (icp): the footer shows an empty link to beian.miit.gov.cn. Put your numbers in the beian: block of _config.yml instead, for hexo-beian to show. Set footer.beian.enable: false in _config.async.yml to turn Async\'s own line off.');
  });

  it('Solitude: its commented sample is someone else\'s numbers, an MPS link without code, a hot-linked icon', () => {
    const sample = 'footer:\n  beian:\n    - name: 湘公网安备43048102000175号\n      icon: https://beian.mps.gov.cn/img/logo01.dd7ff50e.png\n      url: https://beian.mps.gov.cn/#/query/webSearch\n    - name: 湘ICP备2024080357号-1\n      url: https://beian.miit.gov.cn/\n';
    const { summary, findings, settings } = audit('solitude', { alternate: sample });
    expect(summary).to.deep.equal([
      ['example-number', 'error', '_config.solitude.yml:footer.beian[0].name'],
      ['theme-wrong-link', 'error', '_config.solitude.yml:footer.beian[0].url'],
      ['example-number', 'error', '_config.solitude.yml:footer.beian[1].name']
    ]);
    expect(findings[1].message).to.equal('Solitude links 湘公网安备43048102000175号 to https://beian.mps.gov.cn/#/query/webSearch: the MPS platform without the code: it opens the search form, not this filing. It must link to https://beian.mps.gov.cn/#/query/webSearch?code=…; hexo-beian shows it with that link: write the number in beian.gongan. Remove the number from footer.beian[0].name in _config.solitude.yml to turn Solitude\'s own line off.');
    // The icon goes to the icon audit (icon-hotlinked), at its key.
    expect(themeIcon(settings)).to.deep.equal({ src: 'https://beian.mps.gov.cn/img/logo01.dd7ff50e.png', path: '_config.solitude.yml:footer.beian[0].icon' });
    // Someone else's numbers are never suggested as the site's.
    expect(summary.map(s => s[0])).not.to.include('theme-move');
  });

  it('AnZhiYu: a number in its footer link list; its switch hides the whole footer bar, so the handover takes the number out', () => {
    const { summary, findings, settings } = audit('anzhiyu', { alternate: `footer:\n  footerBar:\n    enable: true\n    linkList:\n      - link: http://beian.miit.gov.cn/\n        text: ${ICP}\n` });
    expect(summary).to.deep.equal([
      ['theme-stale-link', 'warning', '_config.anzhiyu.yml:footer.footerBar.linkList[0].link'],
      ['theme-move', 'info', '_config.anzhiyu.yml:footer.footerBar.linkList[0].text']
    ]);
    expect(findings[1].message).to.contain('Remove the number from footer.footerBar.linkList[0].text in _config.anzhiyu.yml to turn AnZhiYu\'s own line off.');
    expect(themeSwitch(settings)).to.equal(undefined);
    expect(ownLineAdvice('anzhiyu')?.en).to.equal('Remove the number from footer.footerBar.linkList in AnZhiYu\'s config (_config.anzhiyu.yml, theme_config in _config.yml, or themes/anzhiyu/_config.yml)');
    // Its footer bar (on as shipped) off: nothing shown.
    expect(audit('anzhiyu', { alternate: `footer:\n  footerBar:\n    enable: false\n    linkList:\n      - link: https://beian.miit.gov.cn/\n        text: ${ICP}\n` }).summary).to.deep.equal([]);
  });

  it('free text: Butterfly, Icarus (HTML), Stellar, Volantis (Markdown): numbers and links found and checked like the rest', () => {
    const butterfly = audit('butterfly', { alternate: `footer:\n  custom_text: '<a href="http://beian.miit.gov.cn/">${ICP}</a>'\n`, site: `beian:\n  icp: ${ICP}\n` });
    expect(butterfly.summary).to.deep.equal([['theme-stale-link', 'warning', '_config.butterfly.yml:footer.custom_text'], ['theme-shows', 'info', '_config.butterfly.yml:footer.custom_text']]);
    expect(butterfly.findings[1].message).to.equal(`Butterfly shows ${ICP} itself (footer.custom_text in _config.butterfly.yml); hexo-beian leaves it out of its line, so it cannot vouch for Butterfly's link. To hand over to hexo-beian (checked numbers, current query pages): Remove the number from footer.custom_text in _config.butterfly.yml to turn Butterfly's own line off. hexo beian fix shows these changes, and hexo beian fix --write makes them (commit first).`);
    expect(butterfly.findings[1].suggestion).to.equal(undefined);
    const icarus = audit('icarus', { alternate: `footer:\n  copyright: '© 2024 <a href="https://beian.miit.gov.cn/">${ICP}</a> <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010502030413"><img src="/ga.png">&nbsp;京公网安备 11010502030413号</a>'\n` });
    expect(icarus.summary).to.deep.equal([
      ['theme-stale-link', 'warning', '_config.icarus.yml:footer.copyright'],
      ['theme-move', 'info', '_config.icarus.yml:footer.copyright']
    ]);
    // An icon the site does not serve (icon-not-found) stays out of the block, as fix leaves it out (a second newcomer's trial).
    const missingIcon = audit('icarus', { alternate: `footer:\n  copyright: '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413"><img src="/ga.png">京公网安备11010502030413号</a>'\n` }, 'en', false);
    expect(missingIcon.findings.find(f => f.code === 'theme-move')?.suggestion).to.equal(`beian:\n  gongan: ${GONGAN}`);
    // The <img> in its 公安 link is its icon, and the block carries it (a newcomer's trial: it was lost).
    expect(icarus.findings[1].suggestion).to.equal(`beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /ga.png`);
    expect(audit('stellar', { alternate: `footer:\n  content: |\n    本站由 [@anon](/) 创建\n    [${ICP}](https://beian.miit.gov.cn/)\n` }).summary).to.deep.equal([['theme-move', 'info', '_config.stellar.yml:footer.content']]);
    expect(audit('volantis', { alternate: `site_footer:\n  layout: [beian, copyright]\n  beian: '[${ICP}](https://beian.mps.gov.cn/)'\n` }).summary).to.deep.equal([
      ['theme-wrong-link', 'error', '_config.volantis.yml:site_footer.beian'], ['theme-move', 'info', '_config.volantis.yml:site_footer.beian']
    ]);
    // Free text without a number: nothing.
    expect(audit('butterfly', { alternate: 'footer:\n  custom_text: Hi, welcome to my blog!\n' }).summary).to.deep.equal([]);
    expect(audit('butterfly', {}).summary).to.deep.equal([]);
  });

  it('described, not built here: ShokaX, NexT 7, Matery, Melody, Kratos-Rebirth', () => {
    const shokax = audit('shokax', { theme: 'footer:\n  icp:\n    enable: true\n    icon:\n    icpnumber: xxx\n    beian: xxx\n    recordcode: xxx\n' });
    expect(shokax.summary).to.deep.equal([['placeholder', 'error', 'themes/shokax/_config.yml:footer.icp.icpnumber'], ['placeholder', 'error', 'themes/shokax/_config.yml:footer.icp.beian']]);
    expect(themeIcon(shokax.settings)).to.deep.equal({ src: '/assets/', path: 'themes/shokax/_config.yml:footer.icp.beian' });
    const next7 = audit('next7', { theme: `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n    gongan_id: 11010502030413\n    gongan_num: ${GONGAN}\n` });
    expect(next7.summary).to.deep.equal([
      ['theme-stale-link', 'warning', 'themes/next7/_config.yml:footer.beian.icp'],
      ['theme-stale-link', 'warning', 'themes/next7/_config.yml:footer.beian.gongan_id'],
      ['theme-move', 'info', 'themes/next7/_config.yml:footer.beian.enable']
    ]);
    expect(next7.findings[0].message).to.contain('NexT 7 links the ICP number to the retired http://www.beian.miit.gov.cn (replaced by https://beian.miit.gov.cn/ in 2019–2020)');
    expect(audit('matery', { theme: `icp:\n  enable: true\n  url: https://beian.miit.gov.cn/\n  text: ${ICP}\n` }).summary).to.deep.equal([['theme-move', 'info', 'themes/matery/_config.yml:icp.enable']]);
    expect(audit('melody', { theme: `ICP:\n  enable: true\n  url: http://www.miitbeian.gov.cn/\n  text: ${ICP}\n` }).summary).to.deep.equal([
      ['theme-stale-link', 'warning', 'themes/melody/_config.yml:ICP.url'], ['theme-move', 'info', 'themes/melody/_config.yml:ICP.enable']
    ]);
    expect(audit('kratos-rebirth', { theme: `icp: ${ICP}\npsr: ${GONGAN}\n` }).summary).to.deep.equal([
      ['theme-wrong-link', 'error', 'themes/kratos-rebirth/_config.yml:psr'], ['theme-move', 'info', 'themes/kratos-rebirth/_config.yml:icp']
    ]);
  });

  it('described, not built here: the sidebar themes (Nexmoe, Arknights) and Aurora, which draws it in the browser', () => {
    const nexmoe = audit('nexmoe', { theme: 'slotSidebar: \'<a href="https://beian.miit.gov.cn/">鄂ICP备2020018486号</a>\'\n' });
    expect(nexmoe.summary).to.deep.equal([['example-number', 'error', 'themes/nexmoe/_config.yml:slotSidebar'], ['theme-not-footer', 'warning', 'themes/nexmoe/_config.yml:slotSidebar']]);
    expect(nexmoe.findings[1].message).to.equal('Nexmoe shows the filing number in its sidebar, not at the bottom of the page: the ICP number belongs at the bottom of the home page (MIIT Order No. 33, art. 13). hexo-beian puts it in the footer: write the number in beian.icp. Remove the number from slotSidebar in themes/nexmoe/_config.yml to turn Nexmoe\'s own line off.');
    expect(audit('arknights', { theme: `aside:\n  copyright:\n    备案: ${ICP}\n` }).summary).to.deep.equal([
      ['theme-unlinked', 'error', 'themes/arknights/_config.yml:aside.copyright.备案'],
      ['theme-not-footer', 'warning', 'themes/arknights/_config.yml:aside.copyright.备案'],
      ['theme-move', 'info', 'themes/arknights/_config.yml:aside.copyright.备案']
    ]);
    const aurora = audit('aurora', { theme: `site:\n  beian:\n    number: ${ICP}\n    link: https://beian.miit.gov.cn/\n` }, 'zh');
    expect(aurora.summary).to.deep.equal([['theme-not-footer', 'warning', 'themes/aurora/_config.yml:site.beian.number'], ['theme-move', 'info', 'themes/aurora/_config.yml:site.beian.number']]);
    expect(aurora.findings[0].message).to.equal('Aurora 只在浏览器里显示备案号（由脚本绘制，生成的 HTML 里没有），而不是在页面底部：ICP备案号应在网站首页底部标明（《非经营性互联网信息服务备案管理办法》第十三条）。hexo-beian 把号码放进页脚：把编号写在 beian.icp。在 themes/aurora/_config.yml 中设置 site.beian.number: ""，关闭 Aurora 自己的备案显示。');
  });
});

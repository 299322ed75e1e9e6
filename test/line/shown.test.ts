import { expect } from 'chai';
import { alreadyShown } from '../../lib/line/shown';

describe('shown: a number the page already shows', () => {
  it('alreadyShown(): names the page, the number, its config path, and what to change in this theme', () => {
    const icp = { kind: 'icp' as const, text: '京ICP备20000491号-1', path: 'beian.domains["blog.example.cn"].icp' };
    const butterfly = alreadyShown(icp, 'index.html', undefined, 'butterfly', 'zh');
    expect(butterfly).to.deep.include({ code: 'already-shown', severity: 'info', page: 'index.html', path: 'beian.domains["blog.example.cn"].icp' });
    expect(butterfly.message).to.equal('页面已显示 京ICP备20000491号-1（beian.domains["blog.example.cn"].icp），hexo-beian 没有再显示一遍（其他这样的页面同样处理）。'
      + '请从 Butterfly 配置（_config.butterfly.yml、_config.yml 的 theme_config，或 themes/butterfly/_config.yml）的 footer.custom_text 中删去这个号码，由 hexo-beian 显示经过校验、带正确链接的号码；若要两者都显示，请设置 beian.duplicates: keep。');
    const other = alreadyShown({ kind: 'extra', text: '京ICP证030173号', path: 'beian.extra[0]' }, 'a/index.html', undefined, 'hexo-theme-landscape', 'en');
    expect(other.path).to.equal('beian.extra[0]');
    expect(other.message).to.equal('The page already shows 京ICP证030173号 (beian.extra[0]), so hexo-beian left it out of its line there (and on other such pages). '
      + 'Remove the number from the theme\'s footer settings so that hexo-beian shows it, checked and correctly linked; to show both, set beian.duplicates: keep.');
  });

  it('alreadyShown(): a described theme whose file is not known is told its keys, from its description (lib/themes)', () => {
    const icp = { kind: 'icp' as const, text: '京ICP备20000491号-1', path: 'beian.icp' };
    expect(alreadyShown(icp, 'index.html', undefined, 'hexo-theme-icarus', 'en').message).to.contain('Remove the number from footer.copyright in Icarus\'s config (_config.icarus.yml, theme_config in _config.yml, or themes/icarus/_config.yml) so that hexo-beian shows it');
    expect(alreadyShown(icp, 'index.html', undefined, 'ayer', 'en').message).to.contain('Set icp.enable / gongan.enable: false in Ayer\'s config (_config.ayer.yml');
    expect(alreadyShown(icp, 'index.html', undefined, 'kaze', 'zh').message).to.contain('请在 Kaze 配置（_config.kaze.yml、_config.yml 的 theme_config，或 themes/kaze/_config.yml）中把 footer.RecordInfo / footer.govRecordInfo 设为 ""，');
  });

  it('alreadyShown(): a theme whose line the theme audit found on is told off in the file it is on in', () => {
    const icp = { kind: 'icp' as const, text: '京ICP备20000491号-1', path: 'beian.icp' };
    const next = alreadyShown(icp, 'index.html', { label: 'NexT', file: 'themes/next/_config.yml', key: 'footer.beian.enable' }, 'next', 'en');
    expect(next.message).to.contain('This is NexT\'s own filing line: set footer.beian.enable: false in themes/next/_config.yml');
    expect(next.message).not.to.contain('_config.next.yml');
  });
});

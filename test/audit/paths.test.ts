import { expect } from 'chai';
import { readConfig } from '../../lib/config/read';
import { auditIcon } from '../../lib/audit/icon';
import { auditConfig } from '../../lib/audit/config';
import { auditPage, pagePlan } from '../../lib/audit/pages';
import { auditTheme } from '../../lib/audit/theme';
import { lineItems } from '../../lib/line/items';

/**
 * With `domains`, the numbers of a build live under `beian.domains["host"]`: every finding
 * about them names that path, as the read config carries it, never `beian.icp`.
 */
describe('config paths with domains: findings name the entry where the value is written', () => {
  const ENTRY = 'beian.domains["blog.example.cn"]';
  const raw = {
    domains: {
      'blog.example.cn': { icp: { number: '京ICP备20180491号-1', approved: '2024-05-20' }, gongan: { number: '京公网安备11010502030413号', icon: '/images/missing.png' } },
      'blog.example.com': { icp: '沪ICP备09007023号' }
    }
  };
  const { config, findings } = readConfig(raw, 'en', { url: 'https://blog.example.cn/' });

  it('the read config carries the entry\'s paths', () => {
    expect(findings).to.deep.equal([]);
    expect(config.paths).to.deep.include({ block: ENTRY, icp: `${ENTRY}.icp`, gongan: `${ENTRY}.gongan`, gonganIcon: `${ENTRY}.gongan.icon`, icpApproved: `${ENTRY}.icp.approved` });
    expect(config.icp?.path).to.equal(`${ENTRY}.icp.number`);
    expect(lineItems(config, 'en', p => p).map(i => i.path)).to.deep.equal([`${ENTRY}.icp`, `${ENTRY}.gongan`]);
  });

  it('icon-not-found is at the entry\'s gongan.icon', () => {
    const [missing] = auditIcon(config, { language: 'en', siteUrl: 'https://blog.example.cn/', found: false });
    expect(missing).to.include({ code: 'icon-not-found', path: `${ENTRY}.gongan.icon` });
  });

  it('the deadline names the entry\'s approval date; a page showing another number names the entry\'s key', () => {
    const icpOnly = readConfig({ domains: { 'blog.example.cn': { icp: { number: '京ICP备20180491号-1', approved: '2024-05-20' } } } }, 'en', { url: 'https://blog.example.cn/' });
    const [deadline] = auditConfig({ ...icpOnly, language: 'en' }, '2024-06-01').filter(f => f.code === 'gongan-missing');
    expect(deadline.path).to.equal(`${ENTRY}.gongan`);
    expect(deadline.message).to.contain(`${ENTRY}.icp.approved 2024-05-20`);
    const items = lineItems(config, 'en', p => p);
    const page = '<html><body><footer><a href="https://beian.miit.gov.cn/">京ICP备11111111号</a></footer></body></html>';
    const [other] = auditPage('a/index.html', Buffer.from(page), pagePlan(config, items, 'en'))
      .filter(f => f.code === 'page-other-number');
    expect(other.message).to.contain(`(${ENTRY}.icp)`);
  });

  it('a theme that shows another number is told to keep the right one in the entry\'s key', () => {
    const theme = { theme: 'next' as const, enable: { value: true, path: '_config.next.yml:footer.beian.enable' }, icp: { value: '京ICP备11111111号', path: '_config.next.yml:footer.beian.icp' } };
    const [disagrees] = auditTheme(theme, lineItems(config, 'en', p => p), config, 'en').filter(f => f.code === 'theme-disagrees');
    expect(disagrees.message).to.contain(`Keep the right one in ${ENTRY}.icp`);
  });

  it('same-number and wrong-kind inside an entry name the entry\'s keys', () => {
    const same = readConfig({ domains: { 'a.cn': { icp: '京公网安备11010502030413号', gongan: '京公网安备11010502030413号' } } }, 'en', { url: 'https://a.cn/' });
    const messages = same.findings.map(f => f.message).join('\n');
    expect(messages).to.contain('move it to beian.domains["a.cn"].gongan');
    expect(messages).to.contain('beian.domains["a.cn"].icp and beian.domains["a.cn"].gongan hold the same number');
  });
});

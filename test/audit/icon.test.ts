import { expect } from 'chai';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readConfig } from '../../lib/config/read';
import { auditIcon, iconExists, iconFile } from '../../lib/audit/icon';
import type { Finding } from '../../lib/finding';
import { makeSite } from '../site';

const GONGAN = '京公网安备11010502030413号';

function audit(icon: string, found: boolean | undefined, siteUrl = 'https://blog.example.cn'): Finding[] {
  const { config } = readConfig({ gongan: { number: GONGAN, icon } }, 'en');
  return auditIcon(config, { language: 'en', siteUrl, found });
}

describe('icon', () => {
  let site: string;
  before(() => {
    // A real site folder, with the theme from npm linked in as Hexo finds it.
    site = makeSite({ theme: 'fluid' });
    mkdirSync(join(site, 'source', 'images'), { recursive: true });
    writeFileSync(join(site, 'source', 'images', '公安.png'), 'png');
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  const dirs = () => [join(site, 'source'), join(site, 'node_modules', 'hexo-theme-fluid', 'source')];

  it('iconFile(): the file behind a site path; none behind a URL', () => {
    expect(iconFile('/images/gongan.png?v=2#x')).to.equal('images/gongan.png');
    expect(iconFile('images/%E5%85%AC%E5%AE%89.png')).to.equal('images/公安.png');
    expect(iconFile('https://cdn.example.cn/g.png')).to.equal(undefined);
    expect(iconFile('//cdn.example.cn/g.png')).to.equal(undefined);
  });

  it('finds the file in the site\'s source folder or in the theme\'s', () => {
    expect(iconExists('/images/公安.png', dirs())).to.equal(true);
    expect(iconExists('/img/police_beian.png', dirs())).to.equal(true); // shipped by Fluid
    expect(iconExists('/images/gongan.png', dirs())).to.equal(false);
    expect(iconExists('/images', dirs())).to.equal(false); // a folder is no image
    expect(iconExists('https://cdn.example.cn/g.png', dirs())).to.equal(undefined);
    // A browser never climbs above the site (an outside review: a theme's /../package.json was "found" outside source/).
    expect(['/../package.json', '/%2e%2e/package.json', '/images/../../_config.yml'].map(iconFile)).to.deep.equal(['package.json', 'package.json', '_config.yml']);
    writeFileSync(join(site, 'outside.png'), 'x'); // beside source/, in the site folder
    expect(iconExists('/../outside.png', dirs())).to.equal(false);
  });

  it('a site path that is no file: an error saying where to put it', () => {
    const [finding, ...rest] = audit('/images/gongan.png', iconExists('/images/gongan.png', dirs()));
    expect(rest).to.deep.equal([]);
    expect([finding.code, finding.severity, finding.path]).to.deep.equal(['icon-not-found', 'error', 'beian.gongan.icon']);
    expect(finding.message).to.equal('The icon /images/gongan.png is not a file in the site\'s source folder (nor in the theme\'s), so every page would show a broken image: put the icon file at source/images/gongan.png, or write its real path.');
    // The folder's name written into the path (a newcomer's trial was told to put it at source/source/images/): the path to write.
    const [named] = audit('/source/images/gongan.png', false);
    expect(named.message).to.contain('a site path leaves out source/; source/images/gongan.png is served at /images/gongan.png, so write /images/gongan.png.');
    expect(named.suggestion).to.equal('icon: /images/gongan.png');
  });

  it('an http icon on an https site is mixed content; on an http site it is not', () => {
    expect(audit('http://cdn.example.cn/g.png', undefined).map(f => [f.code, f.severity])).to.deep.equal([['icon-mixed-content', 'warning']]);
    expect(audit('http://cdn.example.cn/g.png', undefined, 'http://blog.example.cn')).to.deep.equal([]);
    expect(audit('https://cdn.example.cn/g.png', undefined)).to.deep.equal([]);
  });

  it('an image hot-linked from the MPS platform is a warning (http: mixed content too)', () => {
    expect(audit('https://beian.mps.gov.cn/web/assets/logo01.6189a29f.png', undefined).map(f => f.code)).to.deep.equal(['icon-hotlinked']);
    expect(audit('http://www.beian.gov.cn/img/ghs.png', undefined).map(f => f.code)).to.deep.equal(['icon-mixed-content', 'icon-hotlinked']);
  });

  it('no icon, nothing to say', () => {
    expect(auditIcon(readConfig({ gongan: GONGAN }, 'en').config, { language: 'en', siteUrl: 'https://x.cn', found: undefined })).to.deep.equal([]);
  });
});

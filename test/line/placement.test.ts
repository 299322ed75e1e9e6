import { expect } from 'chai';
import { carriesLine, expectedItems, isHomePage, isHtmlRoute, onShownPages } from '../../lib/line/placement';
import type { LineItem } from '../../lib/line/items';

describe('placement: which pages get the line', () => {
  it('isHomePage(): the root index.html only', () => {
    expect(isHomePage('index.html')).to.equal(true);
    for (const path of ['page/2/index.html', 'blog/index.html', 'about/index.html', '', undefined]) {
      expect(isHomePage(path), String(path)).to.equal(false);
    }
  });

  it('isHtmlRoute(): .html and .htm routes; without a path the page decides', () => {
    for (const path of ['index.html', '404.html', 'a/b.HTM']) expect(isHtmlRoute(path), path).to.equal(true);
    for (const path of ['api.json', 'atom.xml', 'search.xml', 'robots.txt', 'index']) expect(isHtmlRoute(path), path).to.equal(false);
    expect(isHtmlRoute(undefined)).to.equal(true);
  });

  it('onShownPages(): pages: home keeps it to the home page', () => {
    expect(onShownPages('a/index.html', { pages: 'all' })).to.equal(true);
    expect(onShownPages('a/index.html', { pages: 'home' })).to.equal(false);
    expect(onShownPages('index.html', { pages: 'home' })).to.equal(true);
  });

  it('carriesLine(): themed HTML routes, not with position: none, not beyond pages: home', () => {
    const all = { pages: 'all', position: 'footer' } as const;
    expect(carriesLine({ path: 'a/index.html', themed: true }, all)).to.equal(true);
    expect(carriesLine({ path: 'a/index.html', themed: false }, all)).to.equal(false);
    expect(carriesLine({ path: 'search.json', themed: true }, all)).to.equal(false);
    expect(carriesLine({ path: 'a/index.html', themed: true }, { ...all, position: 'none' })).to.equal(false);
    expect(carriesLine({ path: 'a/index.html', themed: true }, { ...all, pages: 'home' })).to.equal(false);
    expect(carriesLine({ path: 'index.html', themed: true }, { ...all, position: 'body_end', pages: 'home' })).to.equal(true);
  });

  it('expectedItems(): the home page always; a layout: false page (not themed) never, though it has </body>', () => {
    const items: LineItem[] = [
      { kind: 'icp', text: '京ICP备20180491号-1', href: 'https://beian.miit.gov.cn/', path: 'beian.icp' },
      { kind: 'extra', text: '京ICP证030713号', path: 'beian.extra[0]' }
    ];
    const settings = { pages: 'all', position: 'footer' } as const;
    expect(expectedItems(items, { path: '404.html', themed: false, hasSlot: true }, settings)).to.deep.equal([]);
    expect(expectedItems(items, { path: '404.html', themed: true, hasSlot: true }, settings).map(i => i.kind)).to.deep.equal(['icp']);
    expect(expectedItems(items, { path: 'index.html', themed: false, hasSlot: false }, { pages: 'home', position: 'none' }).map(i => i.kind)).to.deep.equal(['icp']);
    expect(expectedItems(items, { path: 'a.html', themed: true, hasSlot: false }, settings)).to.deep.equal([]);
  });
});

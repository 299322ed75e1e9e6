import { expect } from 'chai';
import fc from 'fast-check';
import { findSlots, injectLine, MAX_ELEMENTS, MAX_OPEN, scanSlots, scanWork, treeSlots, treeWork, type Shown } from '../../lib/line/inject';
import { parse, serialize } from 'parse5';
import { cleanPage, tokenPages } from '../adversarial';

const LINE = '<div class="hexo-beian" data-hexo-beian>京ICP备20180491号-1</div>';

describe('inject', () => {
  describe('findSlots()', () => {
    it('points at the site footer, not at article footers before it', () => {
      const html = '<body><article><footer>meta</footer></article><footer id="footer">site</footer></body>';
      const { footerEnd, bodyEnd } = findSlots(html);
      expect(html.slice(footerEnd)).to.equal('</footer></body>');
      expect(html.slice(bodyEnd)).to.equal('</body>');
    });

    it('ignores footers inside aside, nav, section and template', () => {
      const html = '<body><aside><footer>a</footer></aside><nav><footer>n</footer></nav>'
        + '<section><footer>s</footer></section><template><footer>t</footer></template></body>';
      expect(findSlots(html).footerEnd).to.equal(-1);
    });

    it('ignores closing tags inside script, style, comments and attribute values', () => {
      const html = '<body><footer data-x="</footer></body>"><script>document.write("</footer></body>")</script>'
        + '<style>/* </footer> */</style><!-- </footer></body> -->end</footer><p>after</p></body>';
      const { footerEnd, bodyEnd } = findSlots(html);
      expect(html.slice(footerEnd)).to.equal('</footer><p>after</p></body>');
      expect(html.slice(bodyEnd)).to.equal('</body>');
    });

    it('reads upper-case tags with attributes, minified on one line', () => {
      const html = '<HTML><BODY class="x"><ARTICLE><FOOTER>a</FOOTER></ARTICLE><FOOTER ID="f" CLASS="site">s</FOOTER></BODY></HTML>';
      expect(html.slice(findSlots(html).footerEnd)).to.equal('</FOOTER></BODY></HTML>');
    });

    it('takes no footer that is never closed', () => {
      expect(findSlots('<body><footer>open').footerEnd).to.equal(-1);
    });

    it('takes no </footer> or </body> inside a <template>, even in the site footer', () => {
      const html = '<body><footer id="site">s<template></footer></body></template></footer><p>x</p></body>';
      const { footerEnd, bodyEnd } = findSlots(html);
      expect(html.slice(footerEnd)).to.equal('</footer><p>x</p></body>');
      expect(html.slice(bodyEnd)).to.equal('</body>');
    });

    it('takes the last of several site-level footers, after article footers on an index page', () => {
      const html = '<BODY><main><article><footer>1</footer></article><article><footer>2</footer></article></main>'
        + '<footer class="page-footer">nav</footer><div><footer id="footer">site</footer></div></BODY>';
      const { footerStart, footerEnd } = findSlots(html);
      expect(html.slice(footerStart, footerEnd)).to.equal('<footer id="footer">site');
    });

    it('with {text: true}: the text the site footer shows, decoded, without script, style, template or comments', () => {
      const html = '<body><p>京ICP备11111111号 in a post</p><footer>'
        + '<a href="x" title="京ICP备22222222号">京ICP备20180491号&#45;1</a>&nbsp;|<script>var x = "京ICP备33333333号"</script>'
        + '<style>/* 京ICP备44444444号 */</style><!-- 京ICP备55555555号 --><template>京ICP备66666666号</template>© me</footer></body>';
      expect(findSlots(html, { text: true }).text).to.deep.equal({ text: '京ICP备20180491号-1 \u00a0| © me', links: [{ href: 'x', text: '京ICP备20180491号-1' }] });
      expect(findSlots(html).text).to.equal(undefined);
    });

    it('with {text: true}: a link\'s href as the browser reads it, without the spaces around it (Redefine indents its ICP link\'s over three lines)', () => {
      const html = '<body><footer><div class="icp-info my-1"><a target="_blank" rel="nofollow" href="\n                \n                    http://www.beian.miit.gov.cn/\n                \n                ">京ICP备20180491号-1</a></div></footer></body>';
      expect(findSlots(html, { text: true }).text?.links).to.deep.equal([{ href: 'http://www.beian.miit.gov.cn/', text: '京ICP备20180491号-1' }]);
    });

    it('with {text: true} and no site footer: the whole page\'s text', () => {
      const html = '<html><head><title>T</title></head><body><article><footer>a</footer></article><div id="footer">京ICP备20180491号-1</div></body></html>';
      // The <title> is the tab's, not the page's (nor a <textarea>'s value, an <xmp>'s letters).
      expect(findSlots(html, { text: true }).text).to.deep.equal({ text: 'a 京ICP备20180491号-1', links: [] });
      expect(findSlots('<body><div><textarea>京ICP备20180491号-1</textarea><xmp><a href="https://beian.miit.gov.cn/">x</a></xmp>b</div></body>', { text: true }).text).to.deep.equal({ text: 'b', links: [] });
      expect(findSlots('<body><footer><p hidden>京ICP备20180491号-1</p>c</footer></body>', { text: true }).text).to.deep.equal({ text: 'c', links: [] });
    });

    it('sees a page that already carries the filing line', () => {
      const html = `<body><footer>${LINE}</footer></body>`;
      expect(findSlots(html).marks).to.deep.equal([html.indexOf(LINE)]);
      expect(findSlots('<body><p>data-hexo-beian is text here</p></body>').marks).to.deep.equal([]);
    });

    it('a line in an element carrying hidden is on no screen: not carried, and the line is added where a visitor sees it', () => {
      // A theme that calls beian() inside <div hidden> (the issue 12 review), or a post that hides the markup.
      for (const hide of [`<div hidden>${LINE}</div>`, `<span HIDDEN=""><span>x</span>${LINE}</span>`, `<div data-hexo-beian hidden class="hexo-beian">x</div>`, `<section hidden><p>${LINE}</p></section>`, `<ul hidden><li>${LINE}</ul>`]) {
        const html = `<!DOCTYPE html><html><body><footer>${hide}</footer></body></html>`;
        for (const reading of [findSlots(html), treeSlots(html)]) {
          expect(reading.marks, hide).to.deep.equal([]);
          expect(reading.hidden, hide).to.deep.equal([[html.indexOf(hide), html.indexOf(hide) + hide.lastIndexOf('</')]]);
        }
        expect(scanSlots(html), hide).not.to.equal(undefined);
        expect(injectLine(html, LINE), hide).to.equal(html.replace('</footer>', `${LINE}</footer>`));
      }
      // A line where the filter puts it, in a hidden element left open: not carried. The footer's end is in
      // it, as is a hidden footer's: the line goes before </body> (the second outside review).
      for (const footer of [`<footer><p>© me</p><div hidden>${LINE}</footer>`, `<footer><span hidden/>${LINE}</footer>`, `<footer hidden>© me</footer>`, `<div hidden><footer>© me</footer></div>`, `<footer><div/hidden>${LINE}</div></footer>`, `<footer><i title="a"hidden>${LINE}</i></footer>`]) {
        const html = `<!DOCTYPE html><html><body>${footer}</body></html>`;
        expect(findSlots(html).marks, footer).to.deep.equal([]);
        // A hidden element closed inside the footer leaves its end where a visitor sees it.
        const closed = footer.includes('<div/hidden>') || footer.includes('<i title');
        expect(injectLine(html, LINE), footer).to.equal(closed ? html.replace('</footer>', `${LINE}</footer>`) : html.replace('</body>', `${LINE}</body>`));
        expect(injectLine(injectLine(html, LINE), LINE), footer).to.equal(injectLine(html, LINE));
      }
      // Where a formatting element opened in a hidden one may be the current node (a heading or </form>
      // would end it otherwise), and a <body hidden>: the tree's reading.
      for (const footer of [`<footer><h4 hidden><em>x<h5>y</h5>${LINE}</footer>`, `<footer><form hidden><b></form>${LINE}</footer>`, `<p>x</p><body hidden><footer>${LINE}</footer>`]) {
        const html = `<!DOCTYPE html><html><body>${footer}</body></html>`;
        expect(findSlots(html).marks, footer).to.deep.equal([]);
        expect(scanSlots(html), footer).to.equal(undefined);
      }
      // Elements that render nothing of what they hold (the second outside review): a theme's beian() in
      // one is not carried; one a post leaves open holds the footer, and the line in it is on no screen.
      for (const holder of ['video controls', 'audio', 'canvas', 'datalist', 'meter value=1', 'progress', 'dialog', 'dialog class="d"']) {
        const html = `<!DOCTYPE html><html><body><footer>© me<${holder}>${LINE}</${holder.split(' ')[0]}></footer></body></html>`;
        expect(findSlots(html).marks, holder).to.deep.equal([]);
        expect(treeSlots(html).marks, holder).to.deep.equal([]);
        expect(injectLine(html, LINE), holder).to.equal(html.replace('</footer>', `${LINE}</footer>`));
      }
      // A <dialog open> is shown.
      const open = `<!DOCTYPE html><html><body><footer>© me<dialog open>${LINE}</dialog></footer></body></html>`;
      expect(findSlots(open).marks).to.deep.equal([open.indexOf(LINE)]);
      expect(scanSlots(open)).to.deep.equal(treeSlots(open));
      // A folded <details> shows its first <summary> alone (the third outside review): a line beside
      // the summary, or in a <details> without one, is not carried; in the summary, or with open, it is.
      for (const [folded, carried] of [[`<details><summary>Filing</summary>${LINE}</details>`, false], [`<details>${LINE}</details>`, false],
        [`<details class="folding-tag"><p>x</p><summary>S</summary><p>${LINE}</p></details>`, false], [`<details><summary>${LINE}</summary>x</details>`, true],
        [`<details open><summary>S</summary>${LINE}</details>`, true], [`<DETAILS OPEN=""><p>${LINE}</p></DETAILS>`, true]] as const) {
        const html = `<!DOCTYPE html><html><body><footer>© me${folded}</footer></body></html>`;
        expect(findSlots(html).marks, folded).to.deep.equal(carried ? [html.indexOf(LINE)] : []);
        expect(injectLine(html, LINE), folded).to.equal(carried ? html : html.replace('</footer>', `${LINE}</footer>`));
        // The scan reads them, as the tree does.
        expect(scanSlots(html), folded).not.to.equal(undefined);
        expect(scanSlots(html), folded).to.deep.equal(treeSlots(html));
        // What the footer shows: the summary alone.
        expect(findSlots(html, { text: true }).text?.text, folded).to.equal(carried ? `© me ${folded.includes('<summary>S') ? 'S ' : ''}京ICP备20180491号-1` : `© me${folded.includes('Filing') ? ' Filing' : folded.includes('<summary>S') ? ' S' : ''}`);
      }
      // A folded <details> that the footer's end closes (holding nothing after its summary, or nothing at all):
      // what is inserted there is in it (the third outside review): before </body>.
      for (const folded of ['<details><summary>s</summary>', '<details>', '<details><summary>s']) {
        const html = `<!DOCTYPE html><html><body><footer>© me${folded}</footer></body></html>`;
        // (Before a </footer> that ends the summary too, the line is in the summary: shown.)
        expect(injectLine(html, LINE), folded).to.equal(folded.endsWith('s') ? html.replace('</footer>', `${LINE}</footer>`) : html.replace('</body>', `${LINE}</body>`));
        expect(serialize(parse(injectLine(html, LINE)))).not.to.match(/<details>(?:<summary>s<\/summary>)?<div class="hexo-beian"/);
      }
      // A post that leaves a <details> folded takes the footer in: the line goes before </body>.
      const post = `<!DOCTYPE html><html><body><article><details><summary>S</summary><p>x</article><footer>© me</footer></body></html>`;
      expect(injectLine(post, LINE)).to.equal(post.replace('</footer>', `${LINE}</footer>`)); // </article> closes it
      // One left open to </body>: nowhere a visitor sees, and the page is left as it was.
      const left = `<!DOCTYPE html><html><body><div><details><summary>S</summary><p>x<footer>© me</footer></body></html>`;
      expect(injectLine(left, LINE)).to.equal(left);
      // So is a <select> a post left open (the third outside review): its options' text would take the line's.
      for (const post of ['<select><option>a', '<video><marquee>', '<dialog><marquee>']) {
        const html = `<!DOCTYPE html><html><body><article>${post}</article><footer id=footer>© me</footer></body></html>`;
        expect(injectLine(html, LINE), post).to.equal(html);
      }
      // A <select> closed in the footer (a language switcher) changes nothing.
      const switcher = '<!DOCTYPE html><html><body><footer><select><option>en<option>zh</select>© me</footer></body></html>';
      expect(injectLine(switcher, LINE)).to.equal(switcher.replace('</footer>', `${LINE}</footer>`));
      // An SVG icon's <desc>, <title> or <metadata>, MathML's annotation: HTML in them is HTML, and on no screen.
      for (const foreign of [`<svg><desc>${LINE}</desc></svg>`, `<svg viewBox="0 0 1 1"><title>${LINE}</title></svg>`, `<svg><desc><p>${LINE}</p></desc></svg>`, `<math><semantics><mi>x</mi><annotation-xml encoding="text/html">${LINE}</annotation-xml></semantics></math>`]) {
        const html = `<!DOCTYPE html><html><body><footer>© me${foreign}</footer></body></html>`;
        expect(findSlots(html).marks, foreign).to.deep.equal([]);
        expect(injectLine(html, LINE), foreign).to.equal(html.replace('</footer>', `${LINE}</footer>`));
        expect(findSlots(html, { text: true }).text?.text, foreign).to.equal(foreign.startsWith('<math') ? '© me x' : '© me');
      }
      expect(findSlots(`<body><footer>© me<svg><metadata>京ICP备20180491号-1</metadata><text>T</text></svg></footer></body>`, { text: true }).text?.text).to.equal('© me T');
      // Its <foreignObject> is shown.
      const shownIn = `<!DOCTYPE html><html><body><footer>© me<svg><foreignObject>${LINE}</foreignObject></svg></footer></body></html>`;
      expect(findSlots(shownIn).marks).to.deep.equal([shownIn.indexOf(LINE)]);
      // Ended where the tree ends it: a <p> closed by a <div>, an inline element by its parent's end tag.
      for (const html of [`<body><footer><p hidden>x<div>${LINE}</div></footer></body>`, `<body><footer><div><span hidden>x</div>${LINE}</footer></body>`]) {
        expect(findSlots(html).marks, html).to.deep.equal([html.indexOf(LINE)]);
        expect(scanSlots(html), html).to.deep.equal(treeSlots(html));
      }
    });
  });

  describe('the fast scan agrees with the tokenizer', () => {
    /** The markup of issue 5 and every quirk of htmlparser2's Tokenizer the scan must read as it does. */
    const TRICKY = [
      '<body>', '</body>', '<BODY class="x">', '</BODY >', '<footer>', '</footer>', '<FOOTER id="f">', '</FOOTER>',
      '<footer class=site data-x=\'</footer>\'>', '</footer x="y">', '</footer/>', '</ footer>', '<footer/>',
      '<article>', '</article>', '<ARTICLE class="a">', '<aside>', '</aside>', '<nav>', '</nav>', '<section>', '</section>',
      '<template>', '</template>', '<TEMPLATE id=t>', '<p>', '</p>', '<br/>', '<img src=/a/b/>', 'text', '中文 京ICP备20180491号-1',
      '<div title="</footer></body>">', '<div title=\'a>b\'>', '<a href=x"y>', '<a b="c"d=\'e\'>', '<a =x>', '<a "b"=c>',
      '<p x=y=">">', '<a b = "c>d" e>', '<a b=>', '<a b/=c>', '</div>', '"', '\'', '=', '>', ' ', '\n', '<', '< p>', '</>', '</1>', '</',
      '<script>"</footer></body>"</script>', '<script>', '</script>', '<SCRIPT type="t">a</script >', '<script/>', '<script />',
      '<script src=x/>', '<script data-hexo-beian>', '<style>/*</footer>*/</style>', '<style>', '</STYLE>', '<title>T &amp; </title>',
      '<textarea></footer></textarea>', '<xmp></body></xmp>', '<xitle>', '<tmp>', '</title>', '</xmp>',
      '<!-- </footer></body> -->', '<!--', '-->', '<!-->', '<!--->', '--!>', '<!DOCTYPE html>', '<!>', '<![CDATA[', ']]>', '<?xml a="b"?>',
      '&amp;', '&copy;', '&#x41;', '&', '&lt;/footer&gt;', '&nbsp',
      '<p data-hexo-beian>', '<P DATA-HEXO-BEIAN="">', '<footer data-hexo-beian>', '<div xdata-hexo-beian>', '<div data-hexo-beianx>',
      '<div title="data-hexo-beian">', '<template data-hexo-beian>', 'data-hexo-beian', '<a x=1 data-hexo-beian=2>',
      // What a browser's tree construction decides (issue 12): raw text, foreign content, tables, implied ends, scopes.
      '<noscript>', '</noscript>', '<iframe>', '</iframe>', '<noembed>', '</noembed>', '<noframes>', '</noframes>',
      '<svg>', '</svg>', '<math>', '</math>', '<select>', '</select>', '<option>', '<plaintext>', '<frameset>',
      '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th>', '<tbody>', '</tbody>', '<caption>', '<colgroup>', '<col>',
      '<li>', '</li>', '<ul>', '</ul>', '<ol>', '<dd>', '<dt>', '<dl>', '</dl>', '<b>', '</b>', '<a href=x>', '</a>', '<i>', '</i>', '<nobr>',
      '<form>', '</form>', '<button>', '</button>', '<h1>', '</h2>', '<div>', '<span>', '</span>', '<ruby>', '<rt>', '<rb>',
      '<head>', '</head>', '<html>', '</html>', '<object>', '</object>', '<main>', '</main>', '<header>', '<pre>', '<hr>', '<image>',
      '<input>', '<!--x--!>', '<!--x--!', '\r\n', '\0', '<x-y>', '</x-y>',
      '<em>', '</strong>', '<strong>', '<code class="x">', '</code>', '<img src=x>', '<span data-hexo-beian>', '<b data-hexo-beian>', '<span class="a b" id=c>', '</SPAN >', '<br/>',
      // Elements the scan reads whole when they hold only inline markup (a list item of links, a paragraph, a heading).
      '<li class="x"><a href=x>t</a></li>', '<p>t<b>x</b></p>', '<div class=a>y</div>', '<h3>x</h3>', '</h1>', '<h2>', '</h3>', '<LI>x</Li >',
      '<p/>x</p>', '<div data-hexo-beian>x</div>', '<div title="data-hexo-beian">x</div>', '<li><!-- c --></li>', '<dd>x</dd>',
      // The head's void elements, read at once before the body.
      '<meta charset=utf-8>', '<link rel=x href="y">', '<META name=a content="b">', '<base href=/>', '<meta data-hexo-beian>', '<link/>',
      // Rows and cells read whole in a table.
      '<table><tr><td>x</td></tr></table>', '<thead>', '</thead>', '<tfoot>', '<td class=a><pre>1</pre></td>', '<tr><th>h</th></tr>', '<td data-hexo-beian>x</td>', '<form data-hexo-beian>',
      LINE, `<article>${LINE}</article>`, `<template>${LINE}</template>`, `<noscript>${LINE}</noscript>`, `<svg>${LINE}</svg>`,
      // The `hidden` attribute: what it holds, inline elements and formatting included, until the tree ends it.
      '<div hidden>', '<span hidden>', '<P HIDDEN=x>', '<b hidden>', '<a hidden href=x>', '<footer hidden>', '<td hidden>', '<tr hidden>', '<li hidden>x</li>',
      '<img hidden>', '<meta hidden>', '<template hidden>', '<label>', '</label>', '<div class="hidden">', '<div title=hidden>', '<div hiddenx>', '<div x-hidden>',
      `<div hidden>${LINE}</div>`, `<span hidden="">${LINE}</span>`, `<div data-hexo-beian hidden>x</div>`, '<span hidden itemprop="author"><meta itemprop="name" content="a"></span>',
      '<h4 hidden>', '<h5>', '<form hidden>', '<body hidden>', '<span hidden/>', '<div/hidden>', '<i title="a"hidden>', '<option hidden>', '<ruby hidden>',
      // Elements that render nothing of what they hold.
      '<video controls>', '</video>', '<AUDIO>', '<canvas>', '</canvas>', '<datalist id=d>', '<meter value=1>', '<progress>', '</progress>', '<rp>(', '</rp>', `<video>${LINE}</video>`,
      '<dialog>', '<dialog open>', '<DIALOG OPEN="">', '<dialog class=x>', '</dialog>', `<dialog>${LINE}</dialog>`, `<dialog open>${LINE}</dialog>`,
      // A folded <details> shows its first <summary> alone; an SVG <desc> or <title>, MathML's annotations, nothing.
      '<details>', '<details open>', '<DETAILS class=x>', '</details>', '<summary>', '</summary>', `<details><summary>S</summary>${LINE}</details>`, `<details open>${LINE}</details>`,
      `<details><summary>${LINE}</summary></details>`, '<svg><desc>', '</desc>', `<svg><title>${LINE}</title></svg>`, '<math><annotation-xml encoding="text/html">'
    ];
    const page = fc.array(fc.constantFrom(...TRICKY), { maxLength: 30 }).map(parts => parts.join(''));

    it('on random pages of tricky markup: the same slots and text, or it declines', () => {
      let scanned = 0;
      fc.assert(fc.property(page, fc.boolean(), (html, text) => {
        const fast = scanSlots(html, { text });
        const reference = treeSlots(html, { text });
        if (fast) {
          scanned++;
          expect(fast, html).to.deep.equal(reference);
        }
        expect(findSlots(html, { text })).to.deep.equal(reference);
      }), { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) });
      // A scan that declined everything would agree vacuously.
      expect(scanned).to.be.greaterThan(300);
    });

    it('folded <details> (the scan reads them too): the same slots and text as the tree, or it declines', () => {
      const FOLDS = ['<details>', '<details open>', '<details hidden>', '</details>', '<details data-hexo-beian>', '<textarea HIDDEN>', '<summary>', '<summary hidden>', '</summary>', '<summary>S</summary>',
        '<b>', '</b>', '<i class=x></i>', '<span>', '</span>', '<div>', '</div>', '<p>', '<h4>', '<h5>', 'x', '<footer>', '</footer>', '<div hidden>', '<dialog>', '</dialog>',
        '<template>', '</template>', '<table>', '<td>', '<a href=x>', '</a>', '</body>', LINE, `<summary>${LINE}</summary>`, '<ul><li>', '<button>', '</p>'];
      const folds = fc.array(fc.constantFrom(...FOLDS), { maxLength: 14 }).map(parts => `<!DOCTYPE html><html><body>${parts.join('')}`);
      let scanned = 0;
      fc.assert(fc.property(folds, fc.boolean(), (html, text) => {
        const fast = scanSlots(html, { text });
        if (fast) {
          scanned++;
          expect(fast, html).to.deep.equal(treeSlots(html, { text }));
        }
      }), { numRuns: Number(process.env.FUZZ_RUNS ?? 3000) });
      expect(scanned).to.be.greaterThan(300);
    });

    it('elements read whole (a list item, a paragraph, a heading of inline markup) only where their start tag closes nothing: an open <p>, a heading, a list item', () => {
      // Every leaf after every opener it may close, then an end tag that tells the two readings apart: all of them, against parse5.
      const OPENERS = ['', '<p>', '<li>', '<h1>', '<dd>', '<ul><li>', '<button><p>', '<div><p>', '<li><p>', '<h3><p>', '<table><td><p>', '<ol><li><h4>',
        '<table>', '<table><tbody>', '<table><thead>', '<table><tr>', '<p><table><tr>', '<table><tr><td><table><tbody>'];
      const LEAVES = ['<li>x</li>', '<p>x</p>', '<h2>x</h2>', '<div class=a>x<b>y</b></div>', '<LI>x</Li >', '<h4 id=h>x<a href=y>z</a></h4>', '<pre>1<br>2</pre>',
        // In a table: rows and cells (a highlighted code block's).
        '<tr><td>x</td></tr>', '<td>x<b>y</b></td>', '<th>h</th> <td></td>', '<tr><td class="gutter"><pre><span class="line">1</span><br></pre></td><td><p>x</p></td></tr>', '<TR><TH>x</TH></TR >'];
      const CLOSERS = ['', '</li>', '</p>', '</h1>', '</h3>', '</h4>', '</div>', '</ul>', '</button>', '</dd>', '</td>', '</tr>', '</tbody>', '</table>'];
      let scanned = 0;
      for (const opener of OPENERS) {
        for (const leaf of LEAVES) {
          for (const closer of CLOSERS) {
            for (const html of [`<!DOCTYPE html><body>${opener}${leaf}<footer>x${closer}</footer></body>`, `<!DOCTYPE html><body>${opener}${leaf}${closer}<footer>x</footer></body>`]) {
              const fast = scanSlots(html);
              if (fast) expect(fast, html).to.deep.equal(treeSlots(html));
              if (fast) scanned++;
            }
          }
        }
      }
      expect(scanned).to.be.greaterThan(2500);
    });

    it('a link left open before the site footer is reopened in it, as the tree builder does: the footer\'s text links to it (fuzz case)', () => {
      const fuzz = '<a b=><footer/><a =x></footer x="y">';
      expect(findSlots(fuzz, { text: true })).to.deep.equal(treeSlots(fuzz, { text: true }));
      const post = '<body><main><p>见 <a href="https://beian.miit.gov.cn/">这里</main><footer>京ICP备20180491号-1</footer></body>';
      expect(findSlots(post, { text: true }).text?.links).to.deep.equal([{ href: 'https://beian.miit.gov.cn/', text: '京ICP备20180491号-1' }]);
      const shown: Shown[] = [];
      injectLine(post, s => (shown.push(s), LINE));
      expect(shown.map(s => s.links.map(l => l.text))).to.deep.equal([['京ICP备20180491号-1']]);
    });

    it('reads the markup of real themes itself (inline scripts, comments, quoted attributes, the filing line)', () => {
      const html = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>标题 | Blog</title>'
        + '<script>var x = "<footer></footer>" < 1;</script><style>footer > a { color: red }</style></head>'
        + '<body><!-- header --><nav><a href="/" class="a b">Home</a></nav><main><article class="post"><footer>meta</footer></article>'
        + `<section><footer>s</footer></section></main><footer id="footer" data-x='a>b'>&copy; 2024 me${LINE}</footer>`
        + '<script src="/js/x.js" async></script></body></html>';
      const fast = scanSlots(html, { text: true });
      expect(fast).to.deep.equal(treeSlots(html, { text: true }));
      expect(fast?.marks).to.deep.equal([html.indexOf(LINE)]);
      expect(fast?.text?.text).to.equal('© 2024 me 京ICP备20180491号-1');
    });

    it('reads what htmlparser2 read otherwise as the standard does: <script/>, CDATA in HTML, a quote left open, `</ footer>`', () => {
      for (const html of ['<body><script/></body>', '<body><![CDATA[</body>]]></body>', '<body><xitle></body></title></body>', '<body><footer>x</footer><p a="', '<body></ footer></body>']) {
        expect(scanSlots(html), html).to.deep.equal(treeSlots(html));
      }
      expect(findSlots('<body><script/></body>').bodyEnd).to.equal(-1); // the script runs to the end of the page
      expect(findSlots('<body><![CDATA[</body>]]></body>').bodyEnd).to.equal('<body><![CDATA[</body>]]>'.length); // a bogus comment, ended by its first >
    });

    it('declines a tag cut off by the end of the page, however many attributes it has (no exponential backtracking)', () => {
      // Each of these would take longer than the test's timeout if an expression tried every reading.
      for (const tail of [' b'.repeat(20_000), ' b="x"'.repeat(20_000), ' '.repeat(20_000), '/ '.repeat(20_000), ' x="1"y z= w'.repeat(5_000)]) {
        const html = `<body><footer>x</footer><a${tail}`;
        expect(scanSlots(html)).to.deep.equal(treeSlots(html));
        expect(findSlots(html).footerEnd).to.equal(html.indexOf('</footer>'));
      }
    });

    it('a page without a site footer: the whole page\'s text comes from the tokenizer', () => {
      const html = '<body><p>京ICP备20180491号-1</p></body>';
      expect(scanSlots(html, { text: true })).to.equal(undefined);
      expect(scanSlots(html)).to.deep.equal({ footerEnd: -1, footerStart: -1, bodyEnd: html.indexOf('</body>'), marks: [], hidden: [] });
      expect(findSlots(html, { text: true }).text?.text).to.equal('京ICP备20180491号-1');
    });
  });

  describe('injectLine()', () => {
    it('puts the line at the end of the site footer', () => {
      const html = '<body><article><footer>meta</footer></article><footer id="footer"><p>©</p></footer></body>';
      expect(injectLine(html, LINE)).to.equal(
        `<body><article><footer>meta</footer></article><footer id="footer"><p>©</p>${LINE}</footer></body>`);
    });

    it('falls back to just before </body>', () => {
      expect(injectLine('<html><body><p>x</p></body></html>', LINE)).to.equal(`<html><body><p>x</p>${LINE}</body></html>`);
    });

    it('leaves a page with neither footer nor </body> byte-identical', () => {
      const page = '<p>fragment <footer-ish> </foot></p>';
      expect(injectLine(page, LINE)).to.equal(page);
      expect(injectLine('{"json": "</footer>"}', LINE)).to.equal('{"json": "</footer>"}');
    });

    it('injects once: its own output passes through unchanged', () => {
      const once = injectLine('<body><footer>x</footer></body>', LINE);
      expect(injectLine(once, LINE)).to.equal(once);
      expect(once.split('data-hexo-beian').length - 1).to.equal(1);
    });

    it('changes nothing when there is nothing to show', () => {
      const page = '<body><footer>x</footer></body>';
      expect(injectLine(page, '')).to.equal(page);
      expect(injectLine(page, () => '')).to.equal(page);
    });

    it('body_end: just before </body>, even when there is a site footer', () => {
      const html = '<body><footer>x</footer><script>"</body>"</script></body>';
      expect(injectLine(html, LINE, 'body_end')).to.equal(`<body><footer>x</footer><script>"</body>"</script>${LINE}</body>`);
      expect(injectLine('<footer>x</footer>', LINE, 'body_end')).to.equal('<footer>x</footer>');
    });

    it('a line made from what the site footer already shows', () => {
      const seen: Shown[] = [];
      const html = '<body><p>京ICP备20180491号-1</p><footer>© <a href="https://beian.miit.gov.cn/">京ICP备20180491号-1</a></footer></body>';
      const page = injectLine(html, shown => {
        seen.push(shown);
        return shown.text.includes('京ICP备20180491号-1') ? '<p data-hexo-beian>公安</p>' : LINE;
      });
      expect(seen).to.deep.equal([{ text: '© 京ICP备20180491号-1', links: [{ href: 'https://beian.miit.gov.cn/', text: '京ICP备20180491号-1' }] }]);
      expect(page).to.equal('<body><p>京ICP备20180491号-1</p><footer>© <a href="https://beian.miit.gov.cn/">京ICP备20180491号-1</a><p data-hexo-beian>公安</p></footer></body>');
    });

    it('is not fooled by its own line: a page that has one is left as it is', () => {
      const once = injectLine('<body><footer>x</footer></body>', LINE);
      let called = false;
      expect(injectLine(once, () => { called = true; return LINE; }, 'footer', [LINE])).to.equal(once);
      expect(called).to.equal(false);
    });

    it('minified, upper-case, attributes everywhere, closing tags in attribute values and comments', () => {
      const html = '<!DOCTYPE html><HTML LANG="zh-CN"><BODY CLASS="a" data-x=\'</body>\'><ARTICLE><FOOTER>a</FOOTER></ARTICLE>'
        + '<FOOTER ID="f" data-end="</FOOTER>"><!-- </FOOTER> -->c</FOOTER><SCRIPT>x="</BODY>"</SCRIPT></BODY></HTML>';
      expect(injectLine(html, LINE)).to.equal(html.replace('c</FOOTER>', `c${LINE}</FOOTER>`));
    });
  });

  describe('where a browser sees the site footer (the HTML standard, parse5)', () => {
    const site = (post: string) => `<!DOCTYPE html><html><head><title>t</title></head><body><main><article>${post}</article></main><footer id="f">© me</footer></body></html>`;
    /** The page with the line at the end of its site footer, as it must come out. */
    const expected = (html: string) => html.replace('© me</footer>', `© me${LINE}</footer>`);

    it('a post that shows the line\'s markup (a demo, even a copy of the real line) does not count as the line', () => {
      for (const post of ['<div data-hexo-beian>demo</div>', '<div class="hexo-beian" data-hexo-beian>京ICP备20180491号-1</div>', '<p><span data-hexo-beian>x</span></p>']) {
        const html = site(post);
        expect(injectLine(html, LINE), post).to.equal(expected(html));
      }
    });

    it('an element a post leaves open (<section>, <div>, <aside>) does not hide the site footer, nor make the post\'s text the footer\'s', () => {
      for (const post of ['<section>京ICP备20180491号-1', '<aside><p>京ICP备20180491号-1', '<div><section><nav>京ICP备20180491号-1</div>']) {
        const html = site(post);
        const slots = findSlots(html, { text: true });
        expect(slots.text, post).to.deep.equal({ text: '© me', links: [] });
        expect(injectLine(html, () => LINE), post).to.equal(expected(html));
      }
    });

    it('an unclosed <![CDATA[ and a comment ending --!> end where a browser ends them', () => {
      for (const post of ['<![CDATA[ x', '<!-- a comment --!>', '<!-- x --!> <p>y</p>', '<![CDATA[</footer>]]>']) {
        const html = site(post);
        expect(injectLine(html, LINE), post).to.equal(expected(html));
      }
    });

    it('</footer> inside <noscript>, <iframe>, <noembed>, <noframes> (raw text) or a <select> is not the footer\'s end', () => {
      for (const inner of ['<noscript></footer></noscript>', '<iframe></footer></iframe>', '<noembed></footer></noembed>', '<noframes></footer></noframes>', '<select></footer></select>', '<textarea></footer></textarea>']) {
        const html = `<!DOCTYPE html><html><body><footer id="f">© me${inner} end</footer></body></html>`;
        expect(injectLine(html, LINE), inner).to.equal(html.replace(' end</footer>', ` end${LINE}</footer>`));
      }
    });

    it('an SVG or MathML <style> is no raw text: a </footer> in it ends the footer, as in a browser', () => {
      for (const inner of ['<svg><style></footer></style></svg>', '<math><style></footer></style></math>']) {
        const html = `<!DOCTYPE html><html><body><footer id="f">© me${inner} end</footer></body></html>`;
        const at = html.indexOf('</footer>');
        expect(findSlots(html).footerEnd, inner).to.equal(at);
        expect(injectLine(html, LINE), inner).to.equal(html.slice(0, at) + LINE + html.slice(at));
      }
    });

    it('data-hexo-beian inside <template>, <noscript> or <svg> does not count as present', () => {
      for (const inner of [`<template>${LINE}</template>`, `<noscript>${LINE}</noscript>`, '<svg><g data-hexo-beian></g></svg>']) {
        const html = `<!DOCTYPE html><html><body><footer id="f">© me${inner} end</footer></body></html>`;
        expect(findSlots(html).marks, inner).to.deep.equal([]);
        expect(injectLine(html, LINE), inner).to.equal(html.replace(' end</footer>', ` end${LINE}</footer>`));
      }
    });

    it('the line the theme put with beian(), outside any article, counts: no second line', () => {
      const html = `<!DOCTYPE html><html><body><footer id="f"><div class="copy">${LINE}</div>© me</footer></body></html>`;
      expect(injectLine(html, LINE)).to.equal(html);
    });
  });

  describe('linear on any page: each character read once (the work counted, never timed)', () => {
    const SIZE = 200_000;
    const clean = cleanPage(SIZE);
    const ADVERSARIAL = tokenPages(SIZE);

    for (const [kind, html] of Object.entries(ADVERSARIAL)) {
      it(`${kind}: no more work than on a clean page of its size`, () => {
        const perChar = (page: string) => scanWork(page) / page.length;
        expect(perChar(html), kind).to.be.at.most(1.05);
        expect(perChar(html) / perChar(clean), kind).to.be.at.most(3);
        // And it reads it right (parse5 walks the open elements for each tag: too slow on a deep page to be the reference).
        // (The reference unbounded: a page the scan reads itself may hold more than MAX_OPEN inert elements open.)
        if (kind.includes('(a tree)')) expect(findSlots(html)).to.deep.equal(treeSlots(html));
        else if (!kind.includes('deep')) expect(findSlots(html)).to.deep.equal(treeSlots(html, { maxOpen: Infinity }));
        else expect(findSlots(html)).to.deep.include({ footerEnd: html.indexOf('</footer>'), bodyEnd: html.indexOf('</body>') }); // </main> closes all that the post left open
      });
    }
  });

  describe('a post leaves open what </body> cannot close: the line still goes before the last </body>', () => {
    // The theme's footer is then inside the post's element, and the tree ignores `</body>`: the
    // line went nowhere, and the build said nothing (an outside review).
    const POSTS = ['<table><tr><td>open table', '<table>x', '<math><mi>open math', '<table><caption>open caption'];
    for (const post of POSTS) {
      it(`${post}: before </body>, where a browser shows it, once however often the filter runs`, () => {
        const html = `<!DOCTYPE html><html><body><article>${post}</article><footer id="footer">© me</footer></body></html>`;
        expect(findSlots(html), post).to.deep.include({ footerEnd: -1, bodyEnd: -1 });
        const out = injectLine(html, LINE);
        expect(out, post).to.equal(html.replace('</body>', `${LINE}</body>`));
        expect(injectLine(out, LINE), post).to.equal(out);
        // In the tree, its element is there, outside any template: shown.
        const holdsLine = (node: { childNodes?: unknown[]; nodeName: string; value?: string; attrs?: { name: string }[] }): boolean =>
          (node.attrs?.some(attr => attr.name === 'data-hexo-beian') ?? false) || (node.nodeName !== 'template' && (node.childNodes ?? []).some(child => holdsLine(child as typeof node)));
        expect(holdsLine(parse(out) as unknown as Parameters<typeof holdsLine>[0]), post).to.equal(true);
      });
    }
  });

  // The third outside review: the last </body> written was taken whatever it was, and the line
  // became text in a text box, a comment's, the markup shown by <plaintext>, or inert.
  it('a post leaves open what makes </body> text (a <textarea>, a comment, <plaintext>, <template>, <style>, <title>, <noscript>): the page as it was', () => {
    for (const post of ['<textarea>code', '<!-- x', '<plaintext>x', '<template>', '<style>x', '<title>x', '<noscript>', '<xmp>', '<iframe>']) {
      const html = `<!DOCTYPE html><html><body><article>${post}</article><footer id="footer">© me</footer></body></html>`;
      expect(injectLine(html, LINE), post).to.equal(html);
    }
    // A page of 150,000 elements in one parent, whose </body> the tree ignores (a table left open): read without a RangeError.
    const wide = `<!DOCTYPE html><html><body>${'<br>'.repeat(150_000)}<table><tr><td>x</body></html>`;
    expect(injectLine(wide, LINE)).to.equal(wide.replace('</body>', `${LINE}</body>`));
    // In an attribute's value, likewise (in a table left open, it is a tag the tree ignores: see above); and
    // (the fourth outside review) in a tag the tree drops, a doctype, a tag the page's end cuts off, a template the page's end closes.
    for (const tail of ['<p title="</body>">x', '<p>x</p></p title="</body>">', '<p>x</p><body title="</body>">', '<table><tr><td>x</table title="</body>">',
      '<p>x</p><col title="</body>">', '<p title="</body>', '<p>x</p><template><p>unclosed</body>\n', '<p>x<template><template></template></body>']) {
      const html = `<!DOCTYPE html><html><body>${tail}`;
      expect(injectLine(html, LINE), tail).to.equal(html);
    }
    const doctype = '<!DOCTYPE html SYSTEM "</body>"><p>x</p>';
    expect(injectLine(doctype, LINE)).to.equal(doctype);
  });

  describe('linear when read as a tree too: content fostered out of tables, formatting reopened (the work counted, never timed)', () => {
    // parse5's own tree adapter looked for the table from the first of its parent's children:
    // `<table>x` × 200,000 took 30 s in the filter, a clean page of that size 7 ms.
    const SIZE = 200_000;
    const wrap = (body: string) => `<!DOCTYPE html><html><body><main>${body}</main><footer>x</footer></body></html>`;
    const PAGES = {
      'tables left open, text in each': '<table>x',
      'tables closed, text in each': '<table>x</table>',
      'text in rows': '<table><tr>x</tr></table>',
      'formatting in tables': '<table><b>x</b></table>',
      'misnested formatting (the adoption agency)': '<b><p>x</b>y</p>',
      'an <svg> first, then tables': '<svg></svg><table>x</table>'
    };
    for (const [kind, unit] of Object.entries(PAGES)) {
      it(`${kind}: each lookup goes past a child or two, whatever the page's size`, () => {
        const html = wrap(unit.repeat(SIZE / unit.length));
        const half = wrap(unit.repeat(SIZE / 2 / unit.length));
        expect(treeWork(html), kind).to.be.greaterThan(0); // read as a tree, through the lookups counted
        expect(treeWork(html) / html.length, kind).to.be.at.most(0.5);
        expect(treeWork(html) / treeWork(half), kind).to.be.at.most(2.1);
        // And the line still lands in the site footer.
        expect(injectLine(html, LINE), kind).to.equal(html.replace('x</footer>', `x${LINE}</footer>`));
      });
    }
  });

  describe('a page too large for the expressions: their backtracking stack overflows (about 10 MB of one run)', () => {
    // Each threw RangeError: Maximum call stack size exceeded out of the filter, and so out of hexo generate.
    const SIZE = 16 * 1024 * 1024;
    const wrap = (body: string) => `<!DOCTYPE html><html><body><main>${body}</main><footer>x</footer></body></html>`;
    const PAGES = {
      'inline tags': () => wrap('<a>x</a> '.repeat(SIZE / 9)),
      'one tag of many unquoted attributes': () => wrap(`<div${' a=b'.repeat(SIZE / 4)}>x</div>`),
      'one tag of many quoted attributes': () => wrap(`<div${' a="b"'.repeat(SIZE / 6)}>x</div>`),
      'one comment': () => wrap(`<!--${'a-'.repeat(SIZE / 2)}-->`)
    };
    for (const [kind, page] of Object.entries(PAGES)) {
      it(`${kind}: read on by hand, the line in the site footer`, () => {
        const html = page();
        expect(injectLine(html, LINE)).to.equal(html.replace('</footer>', `${LINE}</footer>`));
      });
    }
  });

  describe('a page parse5 would read in quadratic time: more than MAX_OPEN elements open at once', () => {
    const SIZE = 200_000;
    const pages = tokenPages(SIZE);
    const DEEP = [pages['elements never closed beside an <svg> (a tree)'], pages['elements moved out of a table beside an <svg> (a tree)']];

    it('is not read as a tree: no site footer, the line right before the last </body>, nothing left out, and idempotent', () => {
      for (const html of DEEP) {
        expect(scanSlots(html), 'the scan declines it (SVG)').to.equal(undefined);
        expect(treeSlots(html, { text: true })).to.deep.equal({ footerEnd: -1, footerStart: -1, bodyEnd: html.lastIndexOf('</body>'), marks: [], hidden: [], text: { text: '', links: [] } });
        const shown: Shown[] = [];
        const out = injectLine(html, s => (shown.push(s), LINE));
        expect(out).to.equal(html.replace('</body>', `${LINE}</body>`));
        expect(shown).to.deep.equal([{ text: '', links: [] }]);
        expect(injectLine(out, LINE)).to.equal(out);
      }
    });

    it('a site footer holding them, which the scan reads, shows nothing: the line leaves nothing out', () => {
      const html = `<body><footer>${'<div>'.repeat(SIZE / 5)}京ICP备20180491号-1</footer></body>`;
      const shown: Shown[] = [];
      expect(injectLine(html, s => (shown.push(s), LINE))).to.equal(html.replace('</footer>', `${LINE}</footer>`));
      expect(shown).to.deep.equal([{ text: '', links: [] }]);
    });

    it('up to MAX_OPEN, the page is still the tree\'s: its site footer found', () => {
      const html = `<body><svg></svg>${'<div>'.repeat(MAX_OPEN - 4)}<footer>京ICP备20180491号-1</footer></body>`;
      expect(treeSlots(html, { text: true })).to.deep.include({ footerStart: html.indexOf('<footer>'), footerEnd: html.indexOf('</footer>'), bodyEnd: html.indexOf('</body>') });
      expect(treeSlots(html, { text: true }).text?.text).to.equal('京ICP备20180491号-1');
    });

    // The second outside review: a 32 MB page of this ran hexo beian check out of heap (parse5 cloned a <b> at every turn).
    it('nor one of which it would make more than MAX_ELEMENTS elements: the same reading, in bounded memory', () => {
      const html = `<!DOCTYPE html><html><body>${'<table><b>x'.repeat(MAX_ELEMENTS)}<footer>京ICP备20180491号-1</footer></body></html>`;
      expect(scanSlots(html)).to.equal(undefined);
      expect(treeSlots(html, { text: true })).to.deep.equal({ footerEnd: -1, footerStart: -1, bodyEnd: html.lastIndexOf('</body>'), marks: [], hidden: [], text: { text: '', links: [] } });
      expect(injectLine(html, LINE)).to.equal(html.replace('</body>', `${LINE}</body>`));
      // Well below it, the tree's reading.
      const small = `<!DOCTYPE html><html><body>${'<table><b>x'.repeat(2000)}<footer>c</footer></body></html>`;
      expect(treeSlots(small)).to.deep.include({ footerStart: small.indexOf('<footer>') });
    });
  });

  describe('properties (fast-check)', () => {
    /** Pieces of markup, tricky ones included; any sequence of them is a page to feed the filter. */
    const PIECES = [
      '<body>', '</body>', '<BODY class="x">', '</BODY>', '<footer>', '</footer>', '<FOOTER id="f">', '</FOOTER>',
      '<article>', '</article>', '<section>', '</section>', '<template>', '</template>', '<p>', '</p>', 'text',
      '<script>"</footer></body>"</script>', '<style>/*</footer>*/</style>', '<!-- </footer></body> -->',
      '<div title="</footer></body>">', '</div>', '京ICP备20180491号-1', '<html>', '</html>', '\n'
    ];
    const page = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map(parts => parts.join(''));

    it('never throws; adds the line at most once, and removing it gives back the page', () => {
      fc.assert(fc.property(page, fc.constantFrom('footer', 'body_end') as fc.Arbitrary<'footer' | 'body_end'>, (html, placement) => {
        const out = injectLine(html, LINE, placement);
        if (out === html) return;
        expect(out.split(LINE)).to.have.length(2);
        expect(out.replace(LINE, '')).to.equal(html);
      }), { numRuns: 500 });
    });

    it('is idempotent: its own output passes through unchanged', () => {
      fc.assert(fc.property(page, html => {
        const once = injectLine(html, LINE);
        expect(injectLine(once, LINE)).to.equal(once);
      }), { numRuns: 500 });
    });

    it('a page with no </footer> and no </body> is returned byte-identical', () => {
      const noClosing = fc.array(fc.constantFrom(...PIECES.filter(p => !/<\/(?:footer|body)/i.test(p))), { maxLength: 24 }).map(parts => parts.join(''));
      fc.assert(fc.property(noClosing, html => {
        expect(injectLine(html, LINE)).to.equal(html);
      }), { numRuns: 300 });
    });
  });
});

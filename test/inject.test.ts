import { expect } from 'chai';
import { findSlots, injectFooter } from '../lib/inject';

const LINE = '<div class="hexo-beian" data-hexo-beian>京ICP备20000491号-1</div>';

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

    it('sees a page that already carries the filing line', () => {
      expect(findSlots(`<body><footer>${LINE}</footer></body>`).marked).to.equal(true);
      expect(findSlots('<body><p>data-hexo-beian is text here</p></body>').marked).to.equal(false);
    });
  });

  describe('injectFooter()', () => {
    it('puts the line at the end of the site footer', () => {
      const html = '<body><article><footer>meta</footer></article><footer id="footer"><p>©</p></footer></body>';
      expect(injectFooter(html, LINE)).to.equal(
        `<body><article><footer>meta</footer></article><footer id="footer"><p>©</p>${LINE}</footer></body>`);
    });

    it('falls back to just before </body>', () => {
      expect(injectFooter('<html><body><p>x</p></body></html>', LINE)).to.equal(`<html><body><p>x</p>${LINE}</body></html>`);
    });

    it('leaves a page with neither footer nor </body> byte-identical', () => {
      const page = '<p>fragment <footer-ish> </foot></p>';
      expect(injectFooter(page, LINE)).to.equal(page);
      expect(injectFooter('{"json": "</footer>"}', LINE)).to.equal('{"json": "</footer>"}');
    });

    it('injects once: its own output passes through unchanged', () => {
      const once = injectFooter('<body><footer>x</footer></body>', LINE);
      expect(injectFooter(once, LINE)).to.equal(once);
      expect(once.split('data-hexo-beian').length - 1).to.equal(1);
    });

    it('changes nothing when there is nothing to show', () => {
      const page = '<body><footer>x</footer></body>';
      expect(injectFooter(page, '')).to.equal(page);
    });
  });
});

/**
 * Benchmark of the per-page path of the footer filter (not a test: it asserts nothing).
 *
 * Builds a page the size of a themed blog page (article footers, scripts, a site footer),
 * then prints the mean cost of placing the line in it, in microseconds: with a fixed line,
 * and with the line made from what the site footer already shows (`duplicates: skip`).
 * Run after a build: `node dist/bench/inject.js [N]` (default N = 2000).
 */
import { injectFooter } from '../lib/inject';
import { compactText, shows, type FooterItem } from '../lib/render';

const LINE = '<div class="hexo-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/">京ICP备20000491号-1</a></div>';
const ITEM: FooterItem = { kind: 'icp', text: '京ICP备20000491号-1' };

/** About 60 kB: ten articles with their own footers, a sidebar, scripts, then the site footer. */
function page(): string {
  const article = '<article class="post"><header><h2><a href="/p/">A post</a></h2></header>'
    + `<div class="entry">${'<p>Some text of the post, 中文内容，还有 <code>code</code> &amp; entities.</p>'.repeat(30)}</div>`
    + '<footer class="article-footer"><a href="/tags/x/">x</a></footer></article>';
  return '<!DOCTYPE html><html><head><title>Blog</title><style>footer{color:red}</style></head><body>'
    + `<main>${article.repeat(10)}</main><aside>${'<div class="widget">w</div>'.repeat(20)}</aside>`
    + '<script>var s = "</footer></body>";</script>'
    + '<footer id="footer"><div class="outer">&copy; 2024 John Doe<br>Powered by <a href="https://hexo.io/">Hexo</a></div></footer>'
    + '<script src="/js/script.js"></script></body></html>';
}

function main(): void {
  const rounds = Math.max(1, Number.parseInt(process.argv[2] ?? '', 10) || 2000);
  const html = page();
  const cases: [string, () => string][] = [
    ['fixed line', () => injectFooter(html, LINE)],
    ['line from what the footer shows', () => injectFooter(html, shown => (shows(compactText(shown), ITEM) ? '' : LINE))]
  ];
  for (const [name, run] of cases) {
    for (let i = 0; i < 50; i++) run(); // warm-up
    let sink = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) sink += run().length;
    const elapsed = Number(process.hrtime.bigint() - start) / 1000; // µs
    console.log(`inject (${name}): ${(html.length / 1024).toFixed(0)} kB page × ${rounds}: ${(elapsed / rounds).toFixed(1)} µs per page (${(elapsed / 1000).toFixed(0)} ms; ${sink} chars out)`);
  }
}

main();

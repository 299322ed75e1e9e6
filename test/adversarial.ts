/**
 * Pages made to be slow: what an audit or a filter that searches back from every hit, or
 * forward to the end of the page from it, takes quadratic time on. Shared by the tests (which
 * count the work done on them) and `npm run bench` (which times it, bench/worst.ts), each
 * against {@link cleanPage} of the same size.
 */

export const ICP = '京ICP备20180491号-1';
export const GONGAN = '京公网安备11010502030413号';
const MPS = 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030413';

/** `unit` repeated to at least `bytes` bytes (UTF-8). */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/** The filing line as hexo-beian writes it, in a footer: what a clean page ends with. */
const LINE = `<footer><div class="hexo-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">${ICP}</a> <a href="${MPS}" rel="noopener" target="_blank"><img class="hexo-beian-icon" src="/images/gongan.png" alt="" width="16" height="16">${GONGAN}</a></div></footer>`;

/**
 * The adversarial pages of about `bytes` bytes each, by name: the number repeated with
 * nothing else (the issue's 1.9 MB post is 40,000 of them), `<a` opened before every number
 * and never closed, `<footer` opened before every number, 公安 links without their `</a` and
 * without the icon, `<img` tags never ended, the start of a retired host repeated, and tags
 * never ended at all.
 */
export function adversarialPages(bytes: number): Record<string, string> {
  return {
    'the number repeated': fill(`${ICP} `, bytes),
    '<a without </a': fill(`<a href="https://beian.miit.gov.cn/">${ICP} `, bytes),
    '<a without >': `<a ${fill(`${ICP} `, bytes)}`,
    '<footer without </footer': fill(`<footer>${ICP} `, bytes),
    'the line opened, never closed': fill(`<div data-hexo-beian>${GONGAN} `, bytes),
    '公安 links without </a or icon': fill(`<a href="${MPS}">${GONGAN}<img src="/x.png">`, bytes),
    '<img never ended': `<a href="${MPS}">${GONGAN}${fill('<img src="/x.png" ', bytes)}`,
    'retired hosts': fill('<a href="http://www.beian.miit.gov.cn/">www.beian.', bytes),
    '< never closed': fill(`<${ICP} `, bytes),
    'no </body, many </footer': fill(`</footer><footer>${ICP}`, bytes),
    // A theme's config copied into inline scripts, comments: each is skipped, and read once.
    'numbers in scripts and comments': fill(`<footer><script>var c={"icp":"${ICP}"}</script><!--${GONGAN}--></footer>`, bytes),
    'a script never closed': `<footer><script>${fill(`${ICP} </scripts <!-- `, bytes)}`,
    // Redefine indents its ICP link's address over lines: each read back over its spaces once.
    'retired hrefs indented': fill('<a href="\n      \n      http://www.beian.miit.gov.cn/">www.beian.</a>', bytes)
  };
}

/**
 * An ordinary post page of about `bytes` bytes: paragraphs of text, links and markup, with
 * the filing line in its footer and `</body>`.
 */
export function cleanPage(bytes: number): string {
  const paragraph = '<p>这是一篇普通的文章，有 <a href="/about/">链接</a>、<strong>粗体</strong>和 <code>code</code>。An ordinary paragraph of a post, with <em>some</em> markup.</p>\n';
  const tail = `${LINE}</body></html>`;
  return `<!DOCTYPE html><html><head><title>post</title></head><body>${fill(paragraph, bytes - Buffer.byteLength(tail))}${tail}`;
}

/** A page of `unit` repeated to about `size` characters in the main content, with `tail` after it, and a site footer. */
function filled(unit: string, size: number, tail = ''): string {
  return `<!DOCTYPE html><html><body><main>${unit.repeat(Math.ceil(size / unit.length))}${tail}</main><footer>x</footer></body></html>`;
}

/**
 * Pages against the footer scan, by the kind of token they attack: attribute values quoted and
 * unquoted, comments, raw text, CDATA, bogus comments, unclosed everything (issue 12).
 */
export function tokenPages(size: number): Record<string, string> {
  return {
    'an unquoted attribute value of many /, no > (issue 12)': `<!DOCTYPE html><body><footer>x</footer><div x=${'a/'.repeat(size / 2)}<b>bold</b></body>`,
    'unquoted values, a tag never closed': `<body><div${' x=a'.repeat(size / 4)}`,
    'quoted values, a quote never closed': `<body><div${' x="a"'.repeat(size / 6)} y="`,
    'many attributes of one tag': filled('<i a b c d e f g h>', size),
    'comments, one left open': filled('<!-- a -- b --!- c -->', size, '<!-- open'),
    'comments that are all dashes': filled('<!------>-', size),
    'raw text (script), almost closed': filled('<script>a</scrip </scriptx </script>', size),
    'raw text left open': filled('<p>x</p>', size, `<script>${'</scrip'.repeat(size / 7)}`),
    'CDATA in HTML (bogus comments)': filled('<![CDATA[ a ]]> b', size),
    'bogus comments': filled('<? x ?></1 y><!x>', size),
    'end tags that match nothing': filled('</p></li></span></x-y></td>', size),
    'elements never closed (deep nesting)': filled('<div><span><section><li>', size),
    'stray table parts and formatting': filled('<td><tr><b>x</b><a>y</a>', size),
    // Pages the scan declines (SVG), read by parse5, whose scope checks walk the open elements:
    // bounded by MAX_OPEN (lib/line/inject.ts), or quadratic.
    'elements never closed beside an <svg> (a tree)': filled('<div>', size).replace('<main>', '<main><svg></svg>'),
    'elements moved out of a table beside an <svg> (a tree)': filled('<div>', size).replace('<main>', '<main><svg></svg><table>'),
    // Text fostered out of each table, inserted before it: parse5's adapter looked for the table from the parent's first child.
    'text fostered out of tables (a tree)': filled('<table>x', size),
    'a number repeated in the footer': `<body><footer>${'京ICP备20180491号-1 '.repeat(size / 16)}</footer></body>`
  };
}

import { expect } from 'chai';
import { execFileSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readConfig } from '../../lib/config/read';
import { pagePlan, type PagePlan } from '../../lib/audit/pages';
import { auditPublic, displayName, PAGE_LIMIT } from '../../lib/audit/public';
import { lineItems } from '../../lib/line/items';
import { PAGES_KEPT } from '../../lib/finding';
import { report, toJson } from '../../lib/hexo/report';
import { cleanPage, ICP } from '../adversarial';

function planFor(raw: unknown, language: 'en' | 'zh' = 'en'): PagePlan {
  const { config } = readConfig(raw, language);
  return pagePlan(config, lineItems(config, language === 'zh' ? 'zh-Hans' : 'en', path => path), language);
}

const PLAN = planFor({ icp: ICP });
const GOOD = `<html><body><footer><div class="hexo-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/">${ICP}</a></div></footer></body></html>`;
const BAD = '<html><body><footer>nothing here</footer></body></html>';

/** A public/ folder in the temp folder, removed after the test. */
function folder(): string {
  return mkdtempSync(join(tmpdir(), 'hexo-beian-public-'));
}

describe('public: reading the generated site (no Hexo)', () => {
  const dirs: string[] = [];
  const make = () => {
    const dir = folder();
    dirs.push(dir);
    writeFileSync(join(dir, 'index.html'), GOOD);
    return dir;
  };
  after(() => {
    for (const dir of dirs) {
      try {
        chmodSync(join(dir, 'locked'), 0o755);
      } catch {
        // not every test locks a folder
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a page named in Latin-1 (café.html, not UTF-8) is read and audited, its name shown with the byte escaped', () => {
    const dir = make();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.html')]), BAD);
    const { pages, findings } = auditPublic(dir, PLAN);
    expect(pages).to.equal(2);
    expect(findings.map(f => [f.code, f.page])).to.deep.equal([['page-missing', 'caf\\xe9.html']]);
  });

  it('displayName: UTF-8 as it is; stray bytes, control characters and the backslash escaped', () => {
    expect(displayName(Buffer.from('备案/café.html'))).to.equal('备案/café.html');
    expect(displayName(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x68]))).to.equal('caf\\xe9.h');
    expect(displayName(Buffer.from('a\nb\\c.html'))).to.equal('a\\x0ab\\\\c.html');
    // A truncated character, an overlong form, a surrogate: bytes, not characters.
    expect(displayName(Buffer.from([0xe5, 0x85, 0x2e]))).to.equal('\\xe5\\x85.');
    expect(displayName(Buffer.from([0xc0, 0xae]))).to.equal('\\xc0\\xae');
    expect(displayName(Buffer.from([0xed, 0xa0, 0x80]))).to.equal('\\xed\\xa0\\x80');
  });

  it('a dangling symbolic link and a looping one named .html: page-unreadable, saying why; a link to a page is read', () => {
    const dir = make();
    symlinkSync(join(dir, 'gone.html'), join(dir, 'dangling.html'));
    symlinkSync(join(dir, 'loop.html'), join(dir, 'loop.html'));
    symlinkSync(join(dir, 'index.html'), join(dir, 'copy.html'));
    const { pages, findings } = auditPublic(dir, PLAN);
    expect(pages).to.equal(2);
    expect(findings.map(f => [f.code, f.severity, f.page])).to.deep.equal([
      ['page-unreadable', 'error', 'dangling.html'],
      ['page-unreadable', 'error', 'loop.html']
    ]);
    expect(findings[0].message).to.equal('This page cannot be read (it is a symbolic link to nothing, or was removed meanwhile (ENOENT)): it is not checked, and may lack the filing numbers. Make it a readable regular file, or remove it, then run hexo beian check again.');
    expect(findings[1].message).to.contain('(it is a symbolic link that loops (ELOOP))');
  });

  it('a FIFO named x.html is never opened to wait on: page-unreadable, not a regular file', function () {
    const dir = make();
    try {
      execFileSync('mkfifo', [join(dir, 'x.html')]);
    } catch {
      this.skip(); // no mkfifo here
    }
    const { findings } = auditPublic(dir, PLAN);
    expect(findings.map(f => [f.code, f.page])).to.deep.equal([['page-unreadable', 'x.html']]);
    expect(findings[0].message).to.contain('(it is a FIFO (named pipe), not a regular file)');
  });

  // An outside review: a socket was "reading it failed: ENXIO …" with the path.
  it('a socket named s.html: page-unreadable, not a regular file', async () => {
    const dir = make();
    const { createServer } = await import('net');
    const server = createServer();
    await new Promise<void>(done => server.listen(join(dir, 's.html'), done));
    try {
      const { findings } = auditPublic(dir, PLAN);
      expect(findings.map(f => [f.code, f.page])).to.deep.equal([['page-unreadable', 's.html']]);
      expect(findings[0].message).to.match(/\(it is (a socket|a socket or another special file), not a regular file( \(ENXIO\))?\)/);
    } finally {
      server.close();
    }
  });

  it('a sparse 600 MB .html is not read: page-unreadable, too large, in bounded memory', () => {
    const dir = make();
    const file = join(dir, 'huge.html');
    writeFileSync(file, '');
    truncateSync(file, 600 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const { pages, findings } = auditPublic(dir, PLAN);
    expect(process.memoryUsage().rss - before).to.be.below(PAGE_LIMIT);
    expect(pages).to.equal(1);
    expect(findings.map(f => [f.code, f.page])).to.deep.equal([['page-unreadable', 'huge.html']]);
    expect(findings[0].message).to.contain('(it is 600 MiB, more than the 64 MiB the audit reads of a page)');
  });

  it('a large page (2 MiB) is read and audited', function () {
    this.timeout(60_000);
    const dir = make();
    writeFileSync(join(dir, 'big.html'), cleanPage(2 * 1024 * 1024).replace(ICP, '京ICP备20180492号-1'));
    const { findings } = auditPublic(dir, PLAN);
    expect(findings.map(f => [f.code, f.page])).to.deep.equal([['page-missing', 'big.html'], ['page-other-number', 'big.html'], ['page-unconfigured-number', 'big.html']]);
  });

  it('a page and a folder it may not read (EACCES, not as root): page-unreadable, the rest audited', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads whatever the mode says: the links above stand in
    const dir = make();
    writeFileSync(join(dir, 'secret.html'), GOOD);
    chmodSync(join(dir, 'secret.html'), 0);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'index.html'), GOOD);
    chmodSync(join(dir, 'locked'), 0);
    const { findings } = auditPublic(dir, PLAN);
    expect(findings.map(f => [f.code, f.page])).to.deep.equal([['page-unreadable', 'locked/'], ['page-unreadable', 'secret.html']]);
    expect(findings[1].message).to.contain('(permission denied (EACCES): the user running hexo may not read it)');
  });

  it('a public_dir it cannot list: one finding, no throw, no home-missing', () => {
    const { pages, findings } = auditPublic(join(tmpdir(), `hexo-beian-none-${process.pid}`), PLAN);
    expect(pages).to.equal(0);
    expect(findings.map(f => [f.code, f.page])).to.deep.equal([['page-unreadable', './']]);
    expect(findings[0].message).to.match(/^This folder cannot be listed \(it is a symbolic link to nothing, or was removed meanwhile \(ENOENT\)\): its pages are not checked/);
  });

  it('in Chinese too', () => {
    const dir = make();
    symlinkSync(join(dir, 'gone.html'), join(dir, 'dangling.html'));
    const { findings } = auditPublic(dir, planFor({ icp: ICP }, 'zh'));
    expect(findings[0].message).to.equal('无法读取这个页面（它是指向不存在的文件的符号链接，或已被删除（ENOENT））：它没有被检查，可能缺少备案号。请把它换成可读的普通文件，或删除它，然后重新运行 hexo beian check。');
  });

  describe('findings that repeat are counted, not kept per page', () => {
    const site = (failing: number) => {
      const dir = make();
      for (let i = 0; i < failing; i++) writeFileSync(join(dir, `p${String(i).padStart(5, '0')}.html`), BAD);
      return dir;
    };

    it('2,000 failing pages: one finding, its first pages and the count; the report says how many more', () => {
      const { pages, findings } = auditPublic(site(2000), PLAN);
      expect(pages).to.equal(2001);
      expect(findings).to.have.length(1);
      const [found] = findings;
      expect(found.code).to.equal('page-missing');
      expect(found.page).to.equal('p00000.html');
      expect(found.pageCount).to.equal(2000);
      expect(found.pages).to.have.length(PAGES_KEPT);
      expect(found.pages?.slice(0, 3)).to.deep.equal(['p00000.html', 'p00001.html', 'p00002.html']);
      const text = report(findings, 'en', pages, false);
      expect(text).to.contain('ERROR p00000.html, p00001.html, p00002.html and 1997 more pages: The ICP number');
      expect(text.trimEnd().split('\n').pop()).to.equal('hexo-beian: 2000 error(s), 0 warning(s), 0 info; 2001 page(s) checked.');
      const json = toJson(findings, pages, false);
      expect(json.summary.errors).to.equal(2000);
      expect(json.findings[0]).to.include({ page: 'p00000.html', pageCount: 2000 });
    });

    it('what is kept does not grow with the failing pages', () => {
      // The same pages by name, and a count of one digit more.
      const size = (failing: number) => JSON.stringify(auditPublic(site(failing), PLAN).findings).length;
      expect(size(3000)).to.equal(size(300) + 1);
    });

    it('a finding of one page stays as it was: no pages, no pageCount', () => {
      const { findings } = auditPublic(site(1), PLAN);
      expect(Object.keys(findings[0]).sort()).to.deep.equal(['code', 'message', 'page', 'severity']);
    });
  });
});

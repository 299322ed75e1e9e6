import { expect } from 'chai';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runHexo, siteMaker, type SiteOptions } from '../site';
import { repoRoot } from '../paths';

/**
 * The theme handover of `hexo beian fix`, end to end on real sites from npm themes: the theme's
 * own line on with the user's numbers → `hexo beian fix --write` → `hexo generate` → every page
 * shows exactly one filing line, correctly linked, the theme's own line gone, every other byte as
 * the same site builds without hexo-beian → `hexo beian check --strict` exits 0; a second
 * `--write` writes nothing.
 */

const ICP = '京ICP备20180491号-1';
const GONGAN = '京公网安备11010502030413号';
const DIGITS = '11010502030413';
const MIIT = 'https://beian.miit.gov.cn/';
const MPS = `https://beian.mps.gov.cn/#/query/webSearch?code=${DIGITS}`;
const HEAD = 'title: Test Blog\nurl: https://blog.example.cn\ntimezone: Asia/Shanghai\n';

function htmlPages(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap(e => e.isDirectory() ? htmlPages(dir, join(prefix, e.name)) : e.name.endsWith('.html') ? [join(prefix, e.name)] : []);
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** The line on a page, and the page without it; exactly one. */
function takeLine(page: string, name: string): { line: string; rest: string } {
  expect(page.split('data-hexo-beian').length - 1, name).to.equal(1);
  const at = page.indexOf('<div class="hexo-beian" data-hexo-beian');
  const end = page.indexOf('</div>', at) + '</div>'.length;
  return { line: page.slice(at, end), rest: page.slice(0, at) + page.slice(end) };
}

describe('fix: the theme handover on real sites (hexo beian fix --write, then generate and check)', function () {
  this.timeout(240_000);
  const make = siteMaker();

  /** Fix, write, fix again, generate; the files of the site as the fix left them. */
  async function handOver(options: SiteOptions, files: readonly string[]): Promise<{ dir: string; before: Record<string, string>; after: Record<string, string>; dry: string }> {
    const dir = make(options);
    const snapshot = () => Object.fromEntries(files.map(file => [file, read(dir, file)]));
    const before = snapshot();
    const dry = await runHexo(dir, ['beian', 'fix']);
    expect(dry.code, dry.stdout + dry.stderr).to.equal(0);
    expect(snapshot(), 'without --write nothing is written').to.deep.equal(before);
    const write = await runHexo(dir, ['beian', 'fix', '--write']);
    expect(write.code, write.stdout + write.stderr).to.equal(0);
    const after = snapshot();
    const again = await runHexo(dir, ['beian', 'fix', '--write']);
    expect(again.code, again.stdout).to.equal(0);
    expect(again.stdout).to.contain('nothing to fix');
    expect(snapshot(), 'a second --write writes nothing').to.deep.equal(after);
    const generated = await runHexo(dir, ['generate']);
    expect(generated.code, generated.stderr).to.equal(0);
    return { dir, before, after, dry: dry.stdout };
  }

  async function strictCheck(dir: string): Promise<void> {
    const check = await runHexo(dir, ['beian', 'check', '--strict']);
    expect(check.code, check.stdout).to.equal(0);
    expect(check.stdout).to.contain('0 error(s), 0 warning(s)');
  }

  describe('NexT from npm, its line on in _config.next.yml (a gongan_id one digit off)', () => {
    const NEXT = `# NexT 的配置\nfooter:\n  beian:\n    enable: true   # 备案信息\n    icp: ${ICP}\n    gongan_id: 11010502030414\n    gongan_num: ${GONGAN}\n`;
    let site: Awaited<ReturnType<typeof handOver>>;
    before(async () => {
      site = await handOver({ theme: 'next', files: { '_config.next.yml': NEXT } }, ['_config.yml', '_config.next.yml']);
    });

    it('writes exactly the diff it showed: the numbers into beian:, NexT\'s switch off, the wrong gongan_id dropped, every other byte kept', () => {
      expect(site.after['_config.yml']).to.equal(`${site.before['_config.yml']}beian:\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`);
      expect(site.after['_config.next.yml']).to.equal(NEXT.replace('enable: true', 'enable: false').replace('    gongan_id: 11010502030414\n', ''));
      expect(site.dry).to.contain('-    enable: true   # 备案信息\n+    enable: false   # 备案信息');
      expect(site.dry).to.contain("NexT's ICP number 京ICP备20180491号-1 written in beian.icp");
    });

    it('every page: one line with both numbers correctly linked, NexT\'s own gone, every other byte as without hexo-beian', async () => {
      const without = make({ theme: 'next', withoutPlugin: true, files: { '_config.next.yml': site.after['_config.next.yml'] } });
      writeFileSync(join(without, '_config.yml'), site.after['_config.yml']);
      expect((await runHexo(without, ['generate'])).code).to.equal(0);
      const pages = htmlPages(join(site.dir, 'public'));
      expect(pages.length).to.be.greaterThan(4);
      expect(htmlPages(join(without, 'public'))).to.deep.equal(pages);
      for (const page of pages) {
        const { line, rest } = takeLine(read(site.dir, join('public', page)), page);
        expect(line, page).to.match(new RegExp(`<a [^>]*href="${MIIT}"[^>]*>${ICP}</a>`));
        expect(line, page).to.match(new RegExp(`<a [^>]*href="${MPS.replace(/[?#.]/g, '\\$&')}"[^>]*>(?:<img [^>]*>)?${GONGAN}</a>`));
        expect(rest, page).not.to.contain(ICP);
        expect(rest, page).to.equal(read(without, join('public', page)));
      }
      await strictCheck(site.dir);
    });
  });

  it('Fluid from npm on Hexo 5.4, its whole config copied into _config.fluid.yml: both numbers and the icon the site serves into beian:, the line off; --strict passes', async () => {
    // As Fluid's docs have users do; YAML 1.2 reads the copy with errors (footer.content), js-yaml does not.
    const FLUID = read(join(repoRoot, 'node_modules', 'hexo-theme-fluid'), '_config.yml').replace('  beian:\n    enable: false', '  beian:\n    enable: true')
      .replace('icp_text: 京ICP证123456号', `icp_text: ${ICP}`).replace('police_text: 京公网安备12345678号', `police_text: ${GONGAN}`).replace('police_code: 12345678', `police_code: ${DIGITS}`);
    const site = await handOver({ theme: 'fluid', hexo: 'hexo5', files: { '_config.fluid.yml': FLUID } }, ['_config.yml', '_config.fluid.yml']);
    expect(site.after['_config.yml']).to.equal(`${site.before['_config.yml']}beian:\n  icp: ${ICP}\n  gongan:\n    number: ${GONGAN}\n    icon: /img/police_beian.png\n`);
    expect(site.after['_config.fluid.yml']).to.equal(FLUID.replace('  beian:\n    enable: true', '  beian:\n    enable: false'));
    for (const page of htmlPages(join(site.dir, 'public'))) {
      const { line, rest } = takeLine(read(site.dir, join('public', page)), page);
      expect(line, page).to.contain('/img/police_beian.png');
      expect(rest, page).not.to.contain(GONGAN);
    }
    await strictCheck(site.dir);
  });

  it('Butterfly\'s custom_text: the numbers and their links taken out, the rest of the text kept and shown', async () => {
    const CUSTOM = `<a href="${MIIT}" target="_blank">${ICP}</a> | <a href="${MPS}">${GONGAN}</a><br>欢迎来访`;
    const BUTTERFLY = `footer:\n  # 页脚文字\n  custom_text: '${CUSTOM}'\n`;
    const site = await handOver({ theme: 'butterfly', config: 'beian:\n  position: footer\n', files: { '_config.butterfly.yml': BUTTERFLY } }, ['_config.yml', '_config.butterfly.yml']);
    expect(site.after['_config.butterfly.yml']).to.equal("footer:\n  # 页脚文字\n  custom_text: '欢迎来访'\n");
    expect(site.after['_config.yml']).to.equal(`${HEAD}theme: butterfly\nbeian:\n  position: footer\n  icp: ${ICP}\n  gongan: ${GONGAN}\n`);
    for (const page of htmlPages(join(site.dir, 'public'))) {
      const html = read(site.dir, join('public', page));
      const { rest } = takeLine(html, page);
      expect(rest, page).not.to.contain(ICP);
      if (html.includes('id="footer"')) expect(html, page).to.contain('欢迎来访');
    }
    await strictCheck(site.dir);
  });

  it('NexT committed under themes/next: the switch turned off in themes/next/_config.yml, that line alone', async () => {
    const dir = make({ theme: 'next' });
    cpSync(join(repoRoot, 'node_modules', 'hexo-theme-next'), join(dir, 'themes', 'next'), { recursive: true });
    const shipped = read(dir, 'themes/next/_config.yml');
    const on = shipped.replace(/^ {2}beian:\n {4}enable: false$/m, '  beian:\n    enable: true').replace(/^ {4}icp:$/m, `    icp: ${ICP}`);
    expect(on).not.to.equal(shipped);
    writeFileSync(join(dir, 'themes/next/_config.yml'), on);
    const write = await runHexo(dir, ['beian', 'fix', '--write']);
    expect(write.code, write.stdout).to.equal(0);
    expect(read(dir, 'themes/next/_config.yml')).to.equal(on.replace(/^ {4}enable: true$/m, '    enable: false'));
    expect(read(dir, '_config.yml')).to.equal(`${HEAD}theme: next\nbeian:\n  icp: ${ICP}\n`);
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    for (const page of htmlPages(join(dir, 'public'))) expect(takeLine(read(dir, join('public', page)), page).rest, page).not.to.contain(ICP);
    await strictCheck(dir);
  });

  it('Kaze committed under themes/kaze (no switch): its number keys emptied in themes/kaze/_config.yml, the rest of it kept', async () => {
    const dir = make({ theme: 'kaze' });
    cpSync(join(repoRoot, 'node_modules', 'hexo-theme-kaze'), join(dir, 'themes', 'kaze'), { recursive: true, dereference: true });
    const shipped = read(dir, 'themes/kaze/_config.yml');
    const on = shipped.replace('RecordInfo: ""', `RecordInfo: "${ICP}"`).replace('govRecordInfo: ""', `govRecordInfo: "${GONGAN}"`).replace('govRecordUrl: ""', `govRecordUrl: "${MPS}"`);
    expect(on).not.to.equal(shipped);
    writeFileSync(join(dir, 'themes/kaze/_config.yml'), on);
    const write = await runHexo(dir, ['beian', 'fix', '--write']);
    expect(write.code, write.stdout).to.equal(0);
    expect(read(dir, 'themes/kaze/_config.yml')).to.equal(on.replace(`RecordInfo: "${ICP}"`, 'RecordInfo: ""').replace(`govRecordInfo: "${GONGAN}"`, 'govRecordInfo: ""'));
    expect(read(dir, '_config.yml')).to.match(new RegExp(`beian:\n  icp: ${ICP}\n  gongan:(?: ${GONGAN}\n|\n    number: ${GONGAN}\n    icon: [^\n]+\n)$`));
    expect((await runHexo(dir, ['generate'])).code).to.equal(0);
    for (const page of htmlPages(join(dir, 'public'))) {
      const { rest } = takeLine(read(dir, join('public', page)), page);
      expect(rest, page).not.to.contain(ICP);
      expect(rest, page).not.to.contain(GONGAN);
    }
    await strictCheck(dir);
    expect((await runHexo(dir, ['beian', 'fix'])).stdout).to.contain('nothing to fix');
  });

  it('never guesses: the theme shows another ICP number than beian: has — nothing written, exit 1, what to do listed', async () => {
    const NEXT = `footer:\n  beian:\n    enable: true\n    icp: ${ICP}\n`;
    const dir = make({ theme: 'next', config: 'beian:\n  icp: 京ICP备20180492号-1\n', files: { '_config.next.yml': NEXT } });
    const before = [read(dir, '_config.yml'), read(dir, '_config.next.yml')];
    const write = await runHexo(dir, ['beian', 'fix', '--write']);
    expect(write.code, write.stdout).to.equal(1);
    expect(write.stdout).to.contain('(fix-refused)');
    expect(write.stdout).to.contain('beian.icp in _config.yml is 京ICP备20180492号-1 while NexT shows 京ICP备20180491号-1');
    expect([read(dir, '_config.yml'), read(dir, '_config.next.yml')]).to.deep.equal(before);
  });
});

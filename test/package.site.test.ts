import { expect } from 'chai';
import { execFile } from 'child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, sep } from 'path';
import { promisify } from 'util';
import { makeSite, generate, readPublic } from './site';
import { repoRoot } from './paths';

const exec = promisify(execFile);

/** The package as npm publishes it, installed into a site the way a user installs it. */
describe('package (npm pack, installed into a site)', function () {
  this.timeout(180_000);
  let packDir: string;
  let files: string[];
  let tarball: string;
  let site: string;

  before(async () => {
    packDir = mkdtempSync(join(tmpdir(), 'hexo-beian-pack-'));
    // Built already by `npm test`; --ignore-scripts keeps `prepare` from building twice.
    const { stdout } = await exec('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: repoRoot });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    files = packed.files.map(f => f.path).sort();
    tarball = join(packDir, packed.filename);
  });

  after(() => {
    for (const dir of [packDir, site]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships the compiled plugin and its template, not the tests or the sources', () => {
    expect(files).to.include.members(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/lib/line/inject.js', 'templates/beian.njk']);
    expect(files.filter(f => f.startsWith('dist/test/') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).to.deep.equal([]);
  });

  it('ships exactly the built code, the templates, the two READMEs, LICENSE, CHANGELOG.md and package.json', () => {
    const shipped = [
      /^dist\/index\.(js|d\.ts)$/,
      /^dist\/lib\/([\w.-]+\/)*[\w.-]+\.(js|d\.ts)$/,
      /^templates\/[\w.-]+\.njk$/,
      /^(package\.json|README\.md|README\.zh-CN\.md|LICENSE|CHANGELOG\.md)$/,
    ];
    expect(files.filter(f => !shipped.some(pattern => pattern.test(f))), 'packed files outside the package').to.deep.equal([]);
    expect(files).to.include.members(['package.json', 'README.md', 'README.zh-CN.md', 'LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts']);
    expect(files.filter(f => /^dist\/(test|bench)\//.test(f) || f.endsWith('.map')), 'tests, benchmarks or source maps').to.deep.equal([]);
    // Each lib/ source, wherever it lives now, ships compiled with its declarations, and
    // nothing else does.
    const sources = (readdirSync(join(repoRoot, 'lib'), { recursive: true }) as string[])
      .map(f => f.split(sep).join('/'))
      .filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    expect(sources).to.not.be.empty;
    const compiled = sources.flatMap(f => [`dist/lib/${f.slice(0, -3)}.js`, `dist/lib/${f.slice(0, -3)}.d.ts`]).sort();
    expect(files.filter(f => f.startsWith('dist/lib/'))).to.deep.equal(compiled);
    // Every template the repository has.
    const templates = readdirSync(join(repoRoot, 'templates')).map(f => `templates/${f}`).sort();
    expect(templates).to.include('templates/beian.njk');
    expect(files.filter(f => f.startsWith('templates/'))).to.deep.equal(templates);
  });

  it('installed from the tarball, generates a site with the filing line on Hexo 8 and Hexo 5.4', async () => {
    site = mkdtempSync(join(tmpdir(), 'hexo-beian-installed-'));
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, dependencies: { 'hexo-beian': `file:${tarball}` } }));
    await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: site });
    // The rest of the site comes from a helper site: theme, renderers and Hexo linked in.
    const helper = makeSite({ withoutPlugin: true, config: 'beian:\n  icp: 京ICP备20180491号-1\n  gongan: 11010502030413\n' });
    const pkg = JSON.parse(readFileSync(join(helper, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    pkg.dependencies['hexo-beian'] = `file:${tarball}`;
    writeFileSync(join(site, 'package.json'), JSON.stringify(pkg));
    for (const name of Object.keys(pkg.dependencies).filter(n => n !== 'hexo-beian')) {
      symlinkSync(join(repoRoot, 'node_modules', name), join(site, 'node_modules', name));
    }
    for (const file of ['_config.yml', 'source']) {
      cpSync(join(helper, file), join(site, file), { recursive: true });
    }
    rmSync(helper, { recursive: true, force: true });
    // The same install, on Hexo 8 and on Hexo 5.4 (the oldest real blogs still pin).
    for (const hexo of ['hexo', 'hexo5'] as const) {
      rmSync(join(site, 'public'), { recursive: true, force: true });
      await generate(site, hexo);
      const page = readPublic(site, 'index.html');
      expect(page, hexo).to.contain('<div class="hexo-beian" data-hexo-beian');
      expect(page, hexo).to.contain('>京公网安备11010502030413号</a>');
    }
    // Loaded from the install, not from this repository.
    expect(readFileSync(join(site, 'node_modules', 'hexo-beian', 'templates', 'beian.njk'), 'utf8')).to.contain('data-hexo-beian');
  });
});

/**
 * `npm run bench`: what hexo-beian costs on a large site, against the floor, in one run
 * (not a test: it asserts nothing). BENCHMARKS.md gives the method and the numbers.
 *
 *   npm run bench [-- --posts N] [--rounds R] [--growth] [--json] [--keep] [--worst]
 *
 * 1. generate: the same synthetic site (bench/site.ts, landscape) without the plugin in its
 *    dependencies (the floor) and with it, each `hexo generate` a fresh process of the real
 *    CLI on a clean folder, alternated (A B A B …) after one untimed pair; medians, ratio.
 * 2. filter: the plugin's `after_render:html` filter per page (a real post page grown to
 *    50 kB and to 1 MB, and every page of the site) against one plain scan of the same
 *    string for `</footer>` (every occurrence: one pass over the page).
 * 3. audit: `hexo beian check` (a fresh process) and its page audit alone, against
 *    `grep -rLF <ICP number> public` on the same folder; peak memory.
 * 4. the worst case (bench/worst.ts): the page audit on the tests' adversarial pages of 1 MiB
 *    (the number repeated, `<a` never closed, …) against a clean post page of the same size.
 * 5. with --growth: 1, 2 and 3 at 1,000, 5,000 and 10,000 posts, and whether the cost per
 *    page stays flat.
 *
 * --json also writes bench/results.json. --keep leaves the sites in the temp folder. --worst
 * measures 4 alone, without building a site.
 */
import { execFile, spawn } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { cpus, tmpdir, totalmem } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import type Hexo from 'hexo';
import { readConfig } from '../lib/config/read';
import { lineFilter, type LineFilter } from '../lib/hexo/filter';
import { publishGuard } from '../lib/hexo/guard';
import { siteOf } from '../lib/hexo/site';
import { forgetTree, treeSlots } from '../lib/line/inject';
import { pagePlan, type PagePlan } from '../lib/audit/pages';
import { auditPublic } from '../lib/audit/public';
import { lineItems } from '../lib/line/items';
import { parseGongan, parseIcp } from '../lib/engine/filing';
import { filingFixture, repoRoot } from '../test/paths';
import { BEIAN, benchSite, ICP } from './site';
import { worstCase, worstReport, type WorstCase } from './worst';

const HEXO_CLI = join(repoRoot, 'node_modules', 'hexo-cli', 'bin', 'hexo');
const USAGE = join(__dirname, 'usage.js');
const GROWTH = [1000, 5000, 10_000];
/** The size of the worst case's pages (the post repeating its number was 1.9 MB). */
const WORST_BYTES = 1024 * 1024;

interface Options {
  posts: number;
  rounds: number;
  growth: boolean;
  json: boolean;
  keep: boolean;
  /** Only the worst-case rows: no site is built. */
  worst: boolean;
}

function options(argv: string[]): Options {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    const n = at >= 0 ? Number.parseInt(argv[at + 1] ?? '', 10) : NaN;
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  return {
    posts: value('--posts') ?? 2000,
    rounds: Math.max(3, value('--rounds') ?? 5),
    growth: argv.includes('--growth'),
    json: argv.includes('--json'),
    keep: argv.includes('--keep'),
    worst: argv.includes('--worst')
  };
}

// ---------------------------------------------------------------- measuring

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function now(): bigint {
  return process.hrtime.bigint();
}

function msSince(start: bigint): number {
  return Number(now() - start) / 1e6;
}

interface Run {
  /** Wall-clock time, ms. */
  wall: number;
  /** User + system CPU time of the process, ms (hexo runs only). */
  cpu: number;
  /** Peak resident memory, MB (hexo runs only). */
  rss: number;
  /** In a generate with the plugin (bench/usage.ts): each page's first read (V8 flattening Hexo's string), ms. */
  firstRead: number;
  /** The plugin's after_render:html filter on the flattened pages, ms, and the pages it saw. */
  filter: number;
  pages: number;
  /** The plugin's two before_generate filters, ms. */
  beforeGenerate: number;
}

/** Runs the real hexo CLI in a site, as a fresh process; its wall time, CPU time and peak memory. */
async function hexo(dir: string, args: string[]): Promise<Run> {
  const usageDir = mkdtempSync(join(tmpdir(), 'hexo-beian-usage-'));
  const usageFile = join(usageDir, 'usage.json');
  const start = now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', USAGE, HEXO_CLI, ...args], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, HEXO_BEIAN_BENCH_USAGE: usageFile, NO_COLOR: '1' }
    });
    child.on('error', reject);
    child.on('close', c => resolve(c ?? -1));
  });
  const wall = msSince(start);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Omit<Run, 'wall'>;
  rmSync(usageDir, { recursive: true, force: true });
  // `hexo beian check` exits 1 when it finds something; the site here has nothing to find.
  if (code !== 0) throw new Error(`hexo ${args.join(' ')} exited with ${code} in ${dir}`);
  return { wall, ...usage };
}

async function grep(publicDir: string): Promise<number> {
  const start = now();
  try {
    await promisify(execFile)('grep', ['-rLF', ICP, publicDir], { maxBuffer: 64 << 20 });
  } catch {
    // grep exits 1 when it lists no file: only the time matters.
  }
  return msSince(start);
}

/** HTML pages under a folder, with their paths relative to it, and their total bytes. */
function htmlPages(dir: string, prefix = ''): { path: string; bytes: number }[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap(entry => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return htmlPages(dir, path);
    return entry.name.endsWith('.html') ? [{ path, bytes: statSync(join(dir, path)).size }] : [];
  });
}

/**
 * Per-call times of functions called in turns (one call of each, again and again), so that
 * each turn meets the same moment of a machine shared with other work: the median over the
 * turns of each, and the fastest call of each (the least disturbed), in µs per call.
 */
function interleaved(fns: (() => unknown)[], turns: number): { median: number; fastest: number }[] {
  for (const fn of fns) for (let i = 0; i < 20; i++) fn(); // warm-up: the JIT compiles them
  const times: number[][] = fns.map(() => []);
  for (let turn = 0; turn < turns; turn++) {
    fns.forEach((fn, i) => {
      forgetTree(); // each run parses the page, as a build's first reading of it does
      const start = now();
      fn();
      times[i].push(msSince(start) * 1000);
    });
  }
  return times.map(t => ({ median: median(t), fastest: Math.min(...t) }));
}

/** The floor: one plain pass over the page for `</footer>` (every occurrence). */
function plainScan(html: string): number {
  let found = 0;
  for (let at = html.indexOf('</footer>'); at >= 0; at = html.indexOf('</footer>', at + 9)) found++;
  return found;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);

// ---------------------------------------------------------------- 1. generate

interface GenerateResult {
  posts: number;
  pages: number;
  megabytes: number;
  floor: Run[];
  plugin: Run[];
  /** Median wall times, ms, and their ratio; the same for CPU time. */
  floorMs: number;
  pluginMs: number;
  ratio: number;
  cpuRatio: number;
  /** The least disturbed run of each: fastest with / fastest without. */
  minRatio: number;
}

function clean(dir: string): void {
  rmSync(join(dir, 'public'), { recursive: true, force: true });
  rmSync(join(dir, 'db.json'), { force: true });
}

async function generateOverhead(floorDir: string, pluginDir: string, posts: number, rounds: number): Promise<GenerateResult> {
  const floor: Run[] = [];
  const plugin: Run[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const [dir, runs] of [[floorDir, floor], [pluginDir, plugin]] as const) {
      clean(dir);
      const run = await hexo(dir, ['generate', '--silent']);
      if (round > 0) runs.push(run); // round 0 warms the disk cache and is not counted
      process.stderr.write(`  generate ${posts} posts, ${dir === floorDir ? 'without' : 'with'} the plugin, round ${round}${round ? '' : ' (warm-up)'}: ${fmt(run.wall / 1000)} s wall, ${fmt(run.cpu / 1000)} s CPU\n`);
    }
  }
  const pages = htmlPages(join(pluginDir, 'public'));
  const floorMs = median(floor.map(r => r.wall));
  const pluginMs = median(plugin.map(r => r.wall));
  return {
    posts,
    pages: pages.length,
    megabytes: pages.reduce((sum, p) => sum + p.bytes, 0) / 1e6,
    floor,
    plugin,
    floorMs,
    pluginMs,
    ratio: pluginMs / floorMs,
    cpuRatio: median(plugin.map(r => r.cpu)) / median(floor.map(r => r.cpu)),
    minRatio: Math.min(...plugin.map(r => r.wall)) / Math.min(...floor.map(r => r.wall))
  };
}

// ---------------------------------------------------------------- 2. filter

/** A Hexo instance of the site, initialised (plugins loaded, nothing generated), for in-process measurements. */
async function openSite(dir: string): Promise<Hexo> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const HexoClass = require('hexo') as new (base: string, args: object) => Hexo;
  const site = new HexoClass(dir, { silent: true });
  await site.init();
  return site;
}

/** A real post page of the site with its article body repeated until the page is `bytes` long. */
function grownPage(page: string, bytes: number): string {
  const open = page.indexOf('itemprop="articleBody">');
  const close = page.indexOf('<footer class="article-footer">', open);
  if (open < 0 || close < 0) throw new Error('no landscape article body in the sample page');
  const bodyStart = open + 'itemprop="articleBody">'.length;
  const bodyEnd = page.lastIndexOf('</div>', close);
  const body = page.slice(bodyStart, bodyEnd);
  const rest = Buffer.byteLength(page) - Buffer.byteLength(body);
  const times = Math.max(1, Math.round((bytes - rest) / Buffer.byteLength(body)));
  return page.slice(0, bodyStart) + body.repeat(times) + page.slice(bodyEnd);
}

/** One page through the filter, µs: medians, their ratio, the ratio of the fastest calls, and the tokenizer alone. */
interface PageCost {
  kb: number;
  filter: number;
  floor: number;
  ratio: number;
  fastestRatio: number;
  tokenizer: number;
}

interface FilterResult {
  /** Per page, µs: the filter, the plain scan, their ratio; and the tokenizer alone (the filter before the scan). */
  page50k: PageCost;
  page1m: PageCost;
  /** Every page of the site once per round: each page's best round, µs per page (mean). */
  site: { pages: number; filter: number; floor: number; ratio: number };
  /** The plugin's work once per build, ms, cold (the first size's first call in this process). */
  prepareMs: number;
  guardMs: number;
  loadMs: number;
}

/** The once-per-build costs as the first size met them: cold, as every `hexo generate` does. */
let firstBuild: { prepareMs: number; guardMs: number } | undefined;

async function filterCost(floorDir: string, pluginDir: string, rounds: number): Promise<FilterResult> {
  const site = await openSite(pluginDir);
  site.env.cmd = 'generate';
  let start = now();
  const reading = siteOf(site);
  const filter: LineFilter = lineFilter(site, reading);
  await filter.prepare();
  const prepared = msSince(start);
  start = now();
  await publishGuard(site, reading).beforeGenerate();
  const guarded = msSince(start);
  // A generate meets them cold; in this process only the first size does.
  firstBuild ??= { prepareMs: prepared, guardMs: guarded };
  const { prepareMs, guardMs } = firstBuild;

  const publicDir = join(floorDir, 'public');
  const sample = readFileSync(join(publicDir, '2020', '01', '01', 'post-1', 'index.html'), 'utf8');
  const one = (html: string, path: string): PageCost => {
    const kb = Buffer.byteLength(html) / 1024;
    const [filtered, floor, tokenizer] = interleaved([
      () => filter.inject(html, { path }),
      () => plainScan(html),
      () => treeSlots(html, { text: true })
    ], kb > 500 ? 25 : 301);
    return { kb, filter: filtered.median, floor: floor.median, ratio: filtered.median / floor.median, fastestRatio: filtered.fastest / floor.fastest, tokenizer: tokenizer.median };
  };
  const page50k = one(grownPage(sample, 50 * 1024), 'post/index.html');
  const page1m = one(grownPage(sample, 1024 * 1024), 'post/index.html');

  // Page by page, the filter then the scan, so that both meet the same moment of a shared
  // machine; each page's least disturbed time over the rounds. Pages are read again in each
  // round, untimed, so that the process never holds the whole site.
  const pages = htmlPages(publicDir);
  const filterBest = pages.map(() => Infinity);
  const floorBest = pages.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    pages.forEach((p, i) => {
      const html = readFileSync(join(publicDir, p.path), 'utf8');
      const start = now();
      filter.inject(html, { path: p.path });
      const middle = now();
      plainScan(html);
      const end = now();
      filterBest[i] = Math.min(filterBest[i], Number(middle - start) / 1e6);
      floorBest[i] = Math.min(floorBest[i], Number(end - middle) / 1e6);
    });
  }
  await site.exit();
  const perPage = (ms: number[]) => (ms.reduce((sum, t) => sum + t, 0) * 1000) / pages.length;
  const siteFilter = perPage(filterBest);
  const siteFloor = perPage(floorBest);
  return { page50k, page1m, site: { pages: pages.length, filter: siteFilter, floor: siteFloor, ratio: siteFilter / siteFloor }, prepareMs, guardMs, loadMs: await loadCost() };
}

/**
 * What requiring the plugin costs a Hexo process that has loaded Hexo (and with it nunjucks,
 * hexo-util and htmlparser2): ms, median of fresh processes.
 */
async function loadCost(runs = 5): Promise<number> {
  const script = `require('hexo'); const t = process.hrtime.bigint(); require(${JSON.stringify(join(repoRoot, 'dist', 'index.js'))}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: repoRoot });
    times.push(Number.parseFloat(stdout));
  }
  return median(times);
}

// ---------------------------------------------------------------- 3. audit

interface AuditResult {
  /** `hexo beian check` (fresh process) and grep, wall ms medians, and the ratio. */
  checkMs: number;
  grepMs: number;
  ratio: number;
  /** Fastest check / fastest grep. */
  minRatio: number;
  checkRss: number;
  /** `hexo help` in the same site (fresh process), wall ms median: Hexo's own start, which every command pays. */
  startupMs: number;
  /** The page audit alone (auditPublic, in this process): first run, median of the next; ratio to grep. */
  pagesFirstMs: number;
  pagesMs: number;
  pagesRatio: number;
  /** Peak growth of the JS heap while the page audit ran, MB, and the site's HTML, MB. */
  heapGrowth: number;
  siteMegabytes: number;
}

async function auditCost(pluginDir: string, rounds: number): Promise<AuditResult> {
  const publicDir = join(pluginDir, 'public');
  await grep(publicDir); // the pages into the OS cache, for both
  const checks: Run[] = [];
  const starts: number[] = [];
  const greps: number[] = [];
  for (let round = 0; round < rounds; round++) {
    checks.push(await hexo(pluginDir, ['beian', 'check', '--silent']));
    starts.push((await hexo(pluginDir, ['help', '--silent'])).wall);
    greps.push(await grep(publicDir));
  }
  const { config } = readConfig(BEIAN, 'en');
  const plan: PagePlan = pagePlan(config, lineItems(config, 'en', path => path), 'en');
  const runs: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const start = now();
    const { findings } = auditPublic(publicDir, plan);
    runs.push(msSince(start));
    if (findings.length) throw new Error(`the audit found ${findings.length} problem(s) on the bench site: ${findings[0].code}`);
    greps.push(await grep(publicDir));
  }
  // Peak heap while auditing, sampled every 50 pages, after a collection when exposed (--expose-gc).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  auditPublic(publicDir, plan, pages => {
    if (pages % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  });
  const [first, ...warm] = runs;
  const grepMs = median(greps);
  const checkMs = median(checks.map(r => r.wall));
  const pagesMs = median(warm);
  const bytes = htmlPages(publicDir).reduce((sum, p) => sum + p.bytes, 0);
  return {
    checkMs,
    grepMs,
    ratio: checkMs / grepMs,
    minRatio: Math.min(...checks.map(r => r.wall)) / Math.min(...greps),
    checkRss: Math.max(...checks.map(r => r.rss)),
    startupMs: median(starts),
    pagesFirstMs: first,
    pagesMs,
    pagesRatio: pagesMs / grepMs,
    heapGrowth: (peak - base) / 1e6,
    siteMegabytes: bytes / 1e6
  };
}

// ---------------------------------------------------------------- the validator (bench/filing.ts before)

function filingCost(): number | undefined {
  if (!existsSync(filingFixture)) return undefined;
  const rows = readFileSync(filingFixture, 'utf8').split('\n').slice(1).filter(line => line.trim() !== '').map(line => {
    const [field, input] = line.replace(/\r$/, '').split('\t');
    return { field, input: input.replace(/\\([nt])/g, (_, c: string) => (c === 'n' ? '\n' : '\t')) };
  });
  const [perParse] = interleaved([() => {
    for (const row of rows) (row.field === 'gongan' ? parseGongan : parseIcp)(row.input, { language: 'zh' });
  }], 51);
  return perParse.median / rows.length;
}

// ---------------------------------------------------------------- one size, the report

interface SizeResult {
  generate: GenerateResult;
  filter: FilterResult;
  audit: AuditResult;
}

async function measureSize(posts: number, rounds: number, keep: boolean): Promise<SizeResult> {
  process.stderr.write(`writing two sites of ${posts} posts …\n`);
  const floorDir = benchSite(posts, { withoutPlugin: true });
  const pluginDir = benchSite(posts);
  try {
    const generate = await generateOverhead(floorDir, pluginDir, posts, rounds);
    process.stderr.write('  the filter per page …\n');
    const filter = await filterCost(floorDir, pluginDir, rounds);
    process.stderr.write('  the audit …\n');
    const audit = await auditCost(pluginDir, rounds);
    return { generate, filter, audit };
  } finally {
    if (keep) process.stderr.write(`  kept: ${floorDir} (without), ${pluginDir} (with)\n`);
    else for (const dir of [floorDir, pluginDir]) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The plugin's own work in one generate, ms: its filter on every page and its before_generate
 * filters as timed inside the real generate runs (medians), and requiring it.
 */
function ownWork(r: SizeResult): number {
  const runs = r.generate.plugin;
  return median(runs.map(x => x.filter)) + median(runs.map(x => x.beforeGenerate)) + r.filter.loadMs;
}

/** The same from the measurements in the bench process: the filter per page × pages, prepare, guard, require. */
function ownWorkInProcess(r: SizeResult): number {
  const { filter: f, generate: g } = r;
  return (f.site.filter * g.pages) / 1000 + f.prepareMs + f.guardMs + f.loadMs;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

function report(r: SizeResult): string {
  const { generate: g, filter: f, audit: a } = r;
  const perPage = (g.pluginMs - g.floorMs) / g.pages;
  const own = ownWork(r);
  const inProcess = ownWorkInProcess(r);
  const runs = g.plugin;
  const filterMs = median(runs.map(x => x.filter));
  const spread = (list: Run[]) => `${fmt(Math.min(...list.map(x => x.wall)) / 1000, 1)}–${fmt(Math.max(...list.map(x => x.wall)) / 1000, 1)} s`;
  return [
    `site: ${g.posts} posts, ${g.pages} HTML pages, ${fmt(g.megabytes, 0)} MB`,
    '',
    `1. hexo generate (median of ${g.floor.length} alternated runs each, fresh processes; target ratio ≤ 1.01)`,
    `   without the plugin  ${fmt(g.floorMs / 1000)} s (${spread(g.floor)})   CPU ${fmt(median(g.floor.map(x => x.cpu)) / 1000)} s`,
    `   with the plugin     ${fmt(g.pluginMs / 1000)} s (${spread(g.plugin)})   CPU ${fmt(median(g.plugin.map(x => x.cpu)) / 1000)} s`,
    `   ratio               ${fmt(g.ratio, 3)} wall, ${fmt(g.cpuRatio, 3)} CPU (${fmt(perPage * 1000, 0)} µs per page); fastest run of each: ${fmt(g.minRatio, 3)}`,
    `   timed inside the runs with the plugin: its filter ${fmt(filterMs, 0)} ms (${fmt((filterMs * 1000) / Math.max(1, median(runs.map(x => x.pages))), 1)} µs per page),`
      + ` its before_generate filters ${fmt(median(runs.map(x => x.beforeGenerate)), 1)} ms; requiring it ${fmt(f.loadMs, 1)} ms`,
    `     (and each page's first read, V8 flattening the string Hexo built: ${fmt(median(runs.map(x => x.firstRead)), 0)} ms, which without the plugin the next reader pays)`,
    `   the plugin's own work ${fmt(own, 0)} ms → ratio ${fmt(1 + own / g.floorMs, 3)} of the median generate without it: ${verdict(1 + own / g.floorMs <= 1.01)}`,
    `     (from the measurements in this process: ${fmt(inProcess, 0)} ms → ${fmt(1 + inProcess / g.floorMs, 3)})`,
    '',
    '2. the after_render:html filter per page (median µs) against one plain scan for </footer> (target ratio ≤ 2)',
    `   ${fmt(f.page50k.kb, 0)} kB post    filter ${fmt(f.page50k.filter, 1)}   scan ${fmt(f.page50k.floor, 1)}   ratio ${fmt(f.page50k.ratio)} ${verdict(f.page50k.ratio <= 2)} (fastest calls: ${fmt(f.page50k.fastestRatio)})   (the tokenizer alone: ${fmt(f.page50k.tokenizer, 0)})`,
    `   ${fmt(f.page1m.kb, 0)} kB post  filter ${fmt(f.page1m.filter, 0)}   scan ${fmt(f.page1m.floor, 0)}   ratio ${fmt(f.page1m.ratio)} ${verdict(f.page1m.ratio <= 2)} (fastest calls: ${fmt(f.page1m.fastestRatio)})   (the tokenizer alone: ${fmt(f.page1m.tokenizer, 0)})`,
    `   all ${f.site.pages} pages  filter ${fmt(f.site.filter, 1)}   scan ${fmt(f.site.floor, 1)}   ratio ${fmt(f.site.ratio)} ${verdict(f.site.ratio <= 2)}`,
    '',
    `3. the audit against grep -rLF ${ICP} public (median ms; target ratio ≤ 1.5)`,
    `   hexo beian check    ${fmt(a.checkMs, 0)}   grep ${fmt(a.grepMs, 0)}   ratio ${fmt(a.ratio)} ${verdict(a.ratio <= 1.5)} (fastest of each: ${fmt(a.minRatio)})   peak RSS ${fmt(a.checkRss, 0)} MB`,
    `     of which Hexo's own start (hexo help) ${fmt(a.startupMs, 0)}; the rest ${fmt(a.checkMs - a.startupMs, 0)}: ratio ${fmt((a.checkMs - a.startupMs) / a.grepMs)}`,
    `   the page audit alone ${fmt(a.pagesMs, 0)} (first run ${fmt(a.pagesFirstMs, 0)})   ratio ${fmt(a.pagesRatio)} ${verdict(a.pagesRatio <= 1.5)} (first run ${fmt(a.pagesFirstMs / a.grepMs)})   ${fmt((a.pagesMs * 1000) / g.pages, 1)} µs per page`,
    `   memory: the JS heap grew at most ${fmt(a.heapGrowth, 1)} MB while the audit read ${fmt(a.siteMegabytes, 0)} MB of pages`
  ].join('\n');
}

function growthReport(results: SizeResult[]): string {
  const kb = (r: SizeResult) => (r.generate.megabytes * 1e6) / 1024 / r.generate.pages; // mean page, kB
  const rows = results.map(r => {
    const { generate: g, filter: f, audit: a } = r;
    return [
      String(g.posts), String(g.pages), fmt(kb(r), 1),
      fmt(g.floorMs / 1000, 1), fmt(g.pluginMs / 1000, 1), fmt(g.ratio, 3), fmt(g.cpuRatio, 3), fmt(1 + ownWork(r) / g.floorMs, 3),
      fmt(f.site.filter, 1), fmt(f.site.ratio),
      fmt(a.checkMs, 0), fmt(a.grepMs, 0), fmt(a.ratio), fmt(a.pagesRatio), fmt((a.pagesMs * 1000) / g.pages, 1), fmt(a.checkRss, 0)
    ];
  });
  const head = ['posts', 'pages', 'kB/pg', 'gen A s', 'gen B s', 'ratio', 'CPU', 'own work', 'filter µs/pg', 'ratio', 'check ms', 'grep ms', 'ratio', 'pages', 'audit µs/pg', 'RSS MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map(row => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  const flat = (label: string, values: number[]) => {
    const spread = Math.max(...values) / Math.min(...values);
    return `   ${label}: ${values.map(v => fmt(v)).join(', ')} — ${spread <= 1.25 ? 'flat' : 'not flat'} (largest / smallest ${fmt(spread)})`;
  };
  return [
    'growth (A: without the plugin, B: with it; own work: the ratio from the in-process measures)',
    line(head),
    ...rows.map(line),
    'cost per kB of page across sizes (the pages grow with the site: landscape lists every month in its sidebar):',
    flat('filter, µs per kB', results.map(r => r.filter.site.filter / kb(r))),
    flat('one plain scan, µs per kB', results.map(r => r.filter.site.floor / kb(r))),
    flat('page audit, µs per kB', results.map(r => (r.audit.pagesMs * 1000) / r.generate.pages / kb(r))),
    flat('grep, µs per kB', results.map(r => (r.audit.grepMs * 1000) / r.generate.pages / kb(r)))
  ].join('\n');
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GB, ${process.platform} ${process.arch}, Node ${process.version}`;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (opts.worst) {
    console.log(`hexo-beian bench: ${machine()}\n\n${worstReport(worstCase(WORST_BYTES, opts.rounds), WORST_BYTES, fmt)}`);
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hexoVersion = (require('hexo/package.json') as { version: string }).version;
  console.log(`hexo-beian bench: ${machine()}, Hexo ${hexoVersion}, grep ${(await promisify(execFile)('grep', ['--version'])).stdout.split('\n')[0]}`);
  const filing = filingCost();
  if (filing !== undefined) console.log(`the validator: ${fmt(filing)} µs per parse of a fixture number`);

  const main = await measureSize(opts.posts, opts.rounds, opts.keep);
  console.log(`\n${report(main)}`);
  process.stderr.write('the worst case …\n');
  const worst: WorstCase = worstCase(WORST_BYTES, opts.rounds);
  console.log(`\n${worstReport(worst, WORST_BYTES, fmt)}`);
  const growth: SizeResult[] = [];
  if (opts.growth) {
    for (const posts of GROWTH) {
      growth.push(posts === opts.posts ? main : await measureSize(posts, Math.max(3, opts.rounds - 2), opts.keep));
      console.log(`\n${report(growth[growth.length - 1])}`);
    }
    const series = [...growth, ...(GROWTH.includes(opts.posts) ? [] : [main])].sort((a, b) => a.generate.posts - b.generate.posts);
    console.log(`\n${growthReport(series)}`);
  }
  if (opts.json) {
    const summary = (r: SizeResult) => ({
      posts: r.generate.posts,
      pages: r.generate.pages,
      generate_ratio: Number(fmt(r.generate.ratio, 4)),
      generate_cpu_ratio: Number(fmt(r.generate.cpuRatio, 4)),
      generate_fastest_ratio: Number(fmt(r.generate.minRatio, 4)),
      filter_ratio: Number(fmt(r.filter.page50k.ratio, 3)),
      filter_fastest_ratio: Number(fmt(r.filter.page50k.fastestRatio, 3)),
      filter_1mb_ratio: Number(fmt(r.filter.page1m.ratio, 3)),
      filter_site_ratio: Number(fmt(r.filter.site.ratio, 3)),
      audit_ratio: Number(fmt(r.audit.ratio, 3)),
      audit_pages_ratio: Number(fmt(r.audit.pagesRatio, 3)),
      audit_rss_mb: Number(fmt(r.audit.checkRss, 0)),
      own_work_ratio: Number(fmt(1 + ownWork(r) / r.generate.floorMs, 4)),
      own_work_in_process_ratio: Number(fmt(1 + ownWorkInProcess(r) / r.generate.floorMs, 4)),
      hexo_start_ms: Number(fmt(r.audit.startupMs, 0))
    });
    const file = join(repoRoot, 'bench', 'results.json');
    const series = opts.growth ? [...growth, ...(GROWTH.includes(opts.posts) ? [] : [main])].sort((a, b) => a.generate.posts - b.generate.posts) : [];
    const worstRatios = { ...Object.fromEntries(worst.rows.map(w => [`worst_${w.key}_ratio`, Number(fmt(w.worst, 2))])), worst_yardstick_ms: Number(fmt(worst.yardstickMs, 2)) };
    writeFileSync(file, `${JSON.stringify({ ...summary(main), ...worstRatios, node: process.version, hexo: hexoVersion, machine: machine(), growth: series.map(summary) }, null, 2)}\n`);
    console.log(`\nwrote ${file}`);
  }
}

main().catch(err => {
  console.error(err);
  process.exitCode = 1;
});

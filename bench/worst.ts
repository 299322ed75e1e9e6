/**
 * The worst case (part of `npm run bench`): each piece of the plugin that reads a whole page,
 * on the adversarial pages of the tests (test/adversarial.ts: the number repeated, `<a`
 * never closed, …, and the pages against each kind of token the footer scan reads), as a ratio to the same piece on a clean post page of the same size.
 * Target: ≤ 3 × on every page. One row per piece ({@link WORST_ROWS}); a row for another
 * piece (the filter) is one more entry there.
 */
import { readConfig } from '../lib/config/read';
import { auditPage, pagePlan, type PagePlan } from '../lib/audit/pages';
import { lineItems } from '../lib/line/items';
import { forgetTree, injectLine, treeSlots } from '../lib/line/inject';
import { adversarialPages, cleanPage, ICP, tokenPages } from '../test/adversarial';

/** A page as each piece takes it. */
export interface WorstPage {
  html: string;
  bytes: Buffer;
}

/** One row: a piece of the plugin, run on one page. */
export interface WorstRow {
  /** For bench/results.json: `worst_<key>_ratio`. */
  key: string;
  name: string;
  run(page: WorstPage): void;
}

const { config } = readConfig({ icp: ICP, gongan: { number: 11010502030413, icon: '/images/gongan.png' } }, 'en');
const PLAN: PagePlan = pagePlan(config, lineItems(config, 'en', path => path), 'en');

/** A line other than the one the clean page carries, so that the filter does all its work on it. */
const FILTER_LINE = '<div class="hexo-beian" data-hexo-beian><a href="https://beian.miit.gov.cn/">京ICP备20180491号-2</a></div>';

/** The rows measured. */
export const WORST_ROWS: WorstRow[] = [
  { key: 'audit', name: 'the page audit (auditPage)', run: page => void auditPage('index.html', page.bytes, PLAN) },
  // The filter's page work with duplicates: skip (the default): the scan, and the footer's text for a page that gets a line.
  { key: 'filter', name: 'the filter (injectLine)', run: page => void injectLine(page.html, () => FILTER_LINE) }
];

export interface WorstResult {
  key: string;
  row: string;
  /** Per adversarial page: the best of the runs, ms, on it and on the clean page, and their ratio. */
  pages: { page: string; ms: number; cleanMs: number; ratio: number }[];
  worst: number;
  /** The worst page's time, ms. */
  worstMs: number;
}

/** The rows, and the yardstick: the filter's tree reading (parse5, its fallback) of the clean page, ms. */
export interface WorstCase {
  rows: WorstResult[];
  yardstickMs: number;
}

function best(run: () => void, rounds: number): number {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) {
    forgetTree(); // each run parses the page, as a build's first reading of it does
    const start = process.hrtime.bigint();
    run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
}

/** Every row on every adversarial page of about `bytes` bytes, against the clean page of the same size. */
export function worstCase(bytes: number, rounds: number, rows: readonly WorstRow[] = WORST_ROWS): WorstCase {
  const pages = Object.entries({ ...adversarialPages(bytes), ...tokenPages(bytes) }).map(([page, html]) => {
    const adversarial = Buffer.from(html);
    const clean = cleanPage(adversarial.length);
    return { page, bad: { html, bytes: adversarial }, clean: { html: clean, bytes: Buffer.from(clean) } };
  });
  const clean = cleanPage(bytes);
  treeSlots(clean);
  const yardstickMs = best(() => treeSlots(clean), rounds);
  const results = rows.map(row => {
    const measured = pages.map(({ page, bad, clean }) => {
      row.run(bad); // warm
      row.run(clean);
      const ms = best(() => row.run(bad), rounds);
      const cleanMs = best(() => row.run(clean), rounds);
      return { page, ms, cleanMs, ratio: ms / cleanMs };
    });
    const worst = measured.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    return { key: row.key, row: row.name, pages: measured, worst: worst.ratio, worstMs: worst.ms };
  });
  return { rows: results, yardstickMs };
}

/** The report's section. */
export function worstReport({ rows, yardstickMs }: WorstCase, bytes: number, fmt: (n: number, digits?: number) => string): string {
  const lines = [
    `4. the worst case: adversarial pages of ${fmt(bytes / 1024, 0)} kB against a clean post page of the same size (best of the runs, ms; target ratio ≤ 3)`,
    // The clean page is read by the fast path; this says what the worst page costs next to reading the clean page as the standard does.
    `   yardstick: the filter's tree reading (parse5, its fallback) of the clean page: ${fmt(yardstickMs, 2)} ms`
  ];
  for (const result of rows) {
    lines.push(`   ${result.row}: worst ratio ${fmt(result.worst, 1)} ${result.worst <= 3 ? 'met' : 'missed'}; worst page ${fmt(result.worstMs / yardstickMs, 2)} × the yardstick`);
    for (const p of result.pages) lines.push(`     ${p.page.padEnd(56)} ${fmt(p.ms, 2).padStart(8)}   clean ${fmt(p.cleanMs, 2).padStart(6)}   ratio ${fmt(p.ratio, 1)}`);
  }
  return lines.join('\n');
}

/**
 * A unified diff of two texts, line by line, as `diff -u` and git print it: what `hexo beian
 * fix` shows before it writes. Written here rather than taken from a package: the fixer's edits
 * are a few lines of a small file, and what is needed is the lines in common at both ends
 * trimmed (linear), then Myers' O((N+M)·D) shortest edit script on what is left, with D
 * capped: past the cap the middle is shown as one block replaced, which is still a true diff.
 */

/** One line of the diff's body: kept (context), removed or added. */
export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
}

/** A hunk: where it starts in each text (1-based) and its lines. */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

/** Lines of context around each change. */
const CONTEXT = 3;
/** The most differing lines the Myers search looks for; more is shown as one block. */
const MAX_D = 500;

/** Lines without their line break (a CR before it stays part of the line); the text's last line break noted. */
function linesOf(text: string): { lines: string[]; finalBreak: boolean } {
  if (text === '') return { lines: [], finalBreak: true };
  const finalBreak = text.endsWith('\n');
  const lines = (finalBreak ? text.slice(0, -1) : text).split('\n');
  return { lines, finalBreak };
}

/** The hunks that turn `before` into `after`; none when they are the same text. */
export function diffHunks(before: string, after: string): Hunk[] {
  if (before === after) return [];
  const a = linesOf(before);
  const b = linesOf(after);
  // A last line that lost or gained its line break differs: compare it with its break.
  const old = a.lines.map((line, i) => (i === a.lines.length - 1 && !a.finalBreak ? `${line}\u0000` : line));
  const now = b.lines.map((line, i) => (i === b.lines.length - 1 && !b.finalBreak ? `${line}\u0000` : line));
  const script = editScript(old, now);
  return hunks(script, old, now);
}

/** `--- a/_config.yml` / `+++ b/_config.yml` and the hunks, each line as written (a CR at a line's end dropped). */
export function unifiedDiff(before: string, after: string, name: string): string {
  const found = diffHunks(before, after);
  if (found.length === 0) return '';
  const out = [`--- a/${name}`, `+++ b/${name}`];
  for (const hunk of found) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`);
    for (const line of hunk.lines) {
      const noBreak = line.text.endsWith('\u0000');
      out.push(`${line.kind}${(noBreak ? line.text.slice(0, -1) : line.text).replace(/\r$/, '')}`);
      if (noBreak) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}

function range(start: number, count: number): string {
  // As diff -u: an empty range names the line before it.
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

type Op = ' ' | '-' | '+';

/** The shortest edit script: one op per line of either text, in order. */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return [...Array<Op>(head).fill(' '), ...middle, ...Array<Op>(tail).fill(' ')];
}

/** Myers' greedy forward search, keeping each round's frontier to walk back; capped at {@link MAX_D}. */
function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [...Array<Op>(n).fill('-'), ...Array<Op>(m).fill('+')];
  const max = Math.min(n + m, MAX_D);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m, d, a, b);
    }
    v = next;
  }
  // Too different to search further: the whole middle replaced (true, if not the shortest).
  return [...Array<Op>(n).fill('-'), ...Array<Op>(m).fill('+')];
}

function backtrack(trace: Int32Array[], offset: number, n: number, m: number, depth: number, a: readonly string[], b: readonly string[]): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(' ');
      x--;
      y--;
    }
    ops.push(down ? '+' : '-');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0 && a[x - 1] === b[y - 1]) {
    ops.push(' ');
    x--;
    y--;
  }
  return ops.reverse();
}

function hunks(script: readonly Op[], a: readonly string[], b: readonly string[]): Hunk[] {
  // Each op with its line numbers in both texts.
  const rows: { op: Op; i: number; j: number }[] = [];
  let i = 0;
  let j = 0;
  for (const op of script) {
    rows.push({ op, i, j });
    if (op !== '+') i++;
    if (op !== '-') j++;
  }
  const out: Hunk[] = [];
  let r = 0;
  while (r < rows.length) {
    if (rows[r].op === ' ') {
      r++;
      continue;
    }
    // A change: take context before, then changes and the context between them while it is short.
    // The previous hunk stopped more than 2 × CONTEXT lines before this change: no overlap.
    const start = Math.max(0, r - CONTEXT);
    let end = r;
    let scan = r;
    while (scan < rows.length) {
      if (rows[scan].op !== ' ') {
        end = scan;
        scan++;
        continue;
      }
      let run = scan;
      while (run < rows.length && rows[run].op === ' ') run++;
      if (run < rows.length && run - scan <= 2 * CONTEXT) {
        scan = run;
        continue;
      }
      break;
    }
    const stop = Math.min(rows.length, end + 1 + CONTEXT);
    const slice = rows.slice(start, stop);
    const lines = slice.map(row => ({ kind: row.op, text: row.op === '+' ? b[row.j] : a[row.i] }));
    const first = slice[0];
    out.push({
      oldStart: first.i + 1,
      oldLines: slice.filter(row => row.op !== '+').length,
      newStart: first.j + 1,
      newLines: slice.filter(row => row.op !== '-').length,
      lines
    });
    r = stop;
  }
  return out;
}

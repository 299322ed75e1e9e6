import { diffHunks } from '../../lib/fix/diff';

/**
 * The hunks of lib/fix/diff.ts applied to the old text, checking each context and removed line
 * against it: the text the diff says comes out. Equal to the new text, byte for byte, exactly
 * when the diff shows every change and nothing else changed.
 */
export function patched(before: string, after: string): string {
  const lines = before === '' ? [] : before.split(/(?<=\n)/);
  const out: string[] = [];
  let at = 0;
  for (const hunk of diffHunks(before, after)) {
    const start = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    while (at < start) out.push(lines[at++]);
    for (const line of hunk.lines) {
      // The diff marks a last line without its line break with a NUL; the file's line has none.
      const text = line.text.endsWith('\u0000') ? line.text.slice(0, -1) : `${line.text}\n`;
      if (line.kind !== '+') {
        if (lines[at] !== text) throw new Error(`the diff's line ${JSON.stringify(text)} is not the file's ${JSON.stringify(lines[at])} (line ${at + 1})`);
        at++;
      }
      if (line.kind !== '-') out.push(text);
    }
  }
  while (at < lines.length) out.push(lines[at++]);
  return out.join('');
}

/** The lines the diff removes and adds, without their marks: what a reader of the diff sees change. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const hunks = diffHunks(before, after);
  const pick = (kind: '-' | '+') => hunks.flatMap(h => h.lines.filter(l => l.kind === kind).map(l => l.text.replace(/\u0000$/, '').replace(/\r$/, '')));
  return { removed: pick('-'), added: pick('+') };
}

/**
 * The work a piece of code does on Buffers and strings, counted rather than timed: every
 * byte a `Buffer#indexOf`, `lastIndexOf`, `includes`, `compare` or `toString` may examine
 * (from where it starts to where it stops: the hit, or the end), every character a regular
 * expression is run over (from `lastIndex` to the end of its match, or of its input), every
 * character `Buffer.byteLength` measures (an offset turned into bytes), and every call. The
 * audit does all its reading of a page through these, so its work on a page is measured
 * whatever the machine's speed or load.
 */

export interface Work {
  bytes: number;
  calls: number;
}

type Method = (this: Buffer, ...args: unknown[]) => unknown;

/** The start offset a search or a slice begins at, as Node normalises it. */
function offset(value: unknown, length: number, fallback: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  const at = Math.trunc(value);
  return at < 0 ? Math.max(0, length + at) : Math.min(at, length);
}

function needleLength(value: unknown): number {
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (value instanceof Uint8Array) return value.length;
  return 1;
}

/** Runs `run` with the counters on; what it did. */
export function countWork<T>(run: () => T): { work: Work; result: T } {
  const work: Work = { bytes: 0, calls: 0 };
  const proto = Buffer.prototype as unknown as Record<string, Method>;
  const saved = { indexOf: proto.indexOf, lastIndexOf: proto.lastIndexOf, includes: proto.includes, compare: proto.compare, toString: proto.toString };
  const exec = RegExp.prototype.exec;
  proto.indexOf = function (this: Buffer, ...args: unknown[]) {
    const found = saved.indexOf.apply(this, args) as number;
    const from = offset(typeof args[1] === 'number' ? args[1] : undefined, this.length, 0);
    work.calls++;
    work.bytes += Math.max(0, (found >= 0 ? found + needleLength(args[0]) : this.length) - from);
    return found;
  };
  proto.includes = function (this: Buffer, ...args: unknown[]) {
    work.calls++;
    work.bytes += this.length - offset(typeof args[1] === 'number' ? args[1] : undefined, this.length, 0);
    return saved.includes.apply(this, args);
  };
  proto.lastIndexOf = function (this: Buffer, ...args: unknown[]) {
    const found = saved.lastIndexOf.apply(this, args) as number;
    const from = offset(typeof args[1] === 'number' ? args[1] : undefined, this.length, this.length);
    work.calls++;
    work.bytes += Math.max(0, Math.min(this.length, from + needleLength(args[0])) - Math.max(0, found));
    return found;
  };
  proto.compare = function (this: Buffer, ...args: unknown[]) {
    work.calls++;
    work.bytes += Math.min(offset(args[2], (args[0] as Buffer).length, (args[0] as Buffer).length) - offset(args[1], (args[0] as Buffer).length, 0),
      offset(args[4], this.length, this.length) - offset(args[3], this.length, 0));
    return saved.compare.apply(this, args);
  };
  proto.toString = function (this: Buffer, ...args: unknown[]): string {
    work.calls++;
    work.bytes += Math.max(0, offset(args[2], this.length, this.length) - offset(args[1], this.length, 0));
    return (saved.toString as Method).apply(this, args) as string;
  };
  const byteLength = Buffer.byteLength;
  Buffer.byteLength = function (value: Parameters<typeof Buffer.byteLength>[0], encoding?: BufferEncoding) {
    work.calls++;
    work.bytes += typeof value === 'string' ? value.length : 0;
    return byteLength(value, encoding);
  } as typeof Buffer.byteLength;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const found = exec.call(this, text);
    work.calls++;
    // To the end of the match, or of the input when there is none (a sticky one tries one place).
    work.bytes += Math.max(0, (found ? found.index + found[0].length : this.sticky ? from + 1 : text.length) - from);
    return found;
  };
  try {
    return { work, result: run() };
  } finally {
    Object.assign(proto, saved);
    RegExp.prototype.exec = exec;
    Buffer.byteLength = byteLength;
  }
}

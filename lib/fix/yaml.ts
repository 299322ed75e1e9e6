import { isAlias, isMap, isScalar, parse, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

/**
 * Edits a YAML file in place, as a person would: the text is spliced where the edited nodes
 * are, found by the `yaml` package's parse (each node's source range), and every other byte —
 * comments, blank lines, key order, quoting, indentation, CRLF, a BOM — stays as it was. The
 * file is never re-serialised.
 *
 * Each edit is checked twice: before (the nodes it touches carry no anchor, alias, tag or merge
 * key, and every key on its path is written once), and after (the new text parses, and reads
 * as the old one with exactly this edit made, key for key). An edit that fails either is
 * refused, with the reason, and the text is left as it was. Pure: no files, no Hexo.
 */

/** A key path: `['beian', 'icp', 'number']`. */
export type KeyPath = readonly string[];

/** A YAML scalar copied verbatim (a date as written, `2024-05-20`; a quoted value with its quotes). */
export interface Written {
  written: string;
}

/** A block of keys to write, in this order. */
export interface Mapping {
  entries: readonly (readonly [string, Value])[];
}

/** A value to write: text (quoted only where YAML needs it), a number, true/false, verbatim, or a block. */
export type Value = string | number | boolean | Written | Mapping;

/**
 * One edit of one file:
 * - `set`: the value at `path`, replaced in place, or added at the end of the deepest block
 *   that exists (the blocks between written too);
 * - `rename`: the key at `path` renamed to `to` where it stands (its comments stay beside it),
 *   and its value replaced when `value` is given;
 * - `delete`: the key at `path` and its value, with its line(s).
 */
export type Edit =
  | { op: 'set'; path: KeyPath; value: Value }
  | { op: 'rename'; path: KeyPath; to: string; value?: Value }
  | { op: 'delete'; path: KeyPath };

/** Why an edit was refused. */
export type Refusal =
  /** The file is no YAML (or several documents, or tab indentation): nothing is edited. */
  | 'syntax'
  /** A node on the path has an anchor (`&name`): other places may read it through an alias. */
  | 'anchor'
  /** A node on the path is an alias (`*name`): its value is written elsewhere. */
  | 'alias'
  /** A node on the path has a tag (`!!str`, `!custom`). */
  | 'tag'
  /** A block on the path has a merge key (`<<:`): its keys come from elsewhere too. */
  | 'merge'
  /** A key on the path is written twice. */
  | 'duplicate'
  /** The value there is not what the edit expects (a list, a block scalar, text where a block is needed). */
  | 'shape'
  /** The key shares its line with something the edit cannot move (`- icp: …` in a list). */
  | 'layout'
  /** `rename` onto a key that exists, or `delete`/`rename` of one that does not. */
  | 'exists'
  | 'missing'
  /** The result would not read as intended (checked after the edit). */
  | 'unsafe';

export type EditOutcome = { ok: true; text: string } | { ok: false; reason: Refusal; at: KeyPath };

/**
 * Parse options: YAML 1.2 (as js-yaml 4 reads: no yes/no booleans) with merge keys (js-yaml
 * merges `<<:`), duplicate keys tolerated so they can be refused.
 */
const OPTIONS = { uniqueKeys: false, prettyErrors: false, merge: true } as const;

/**
 * The last texts parsed, and their documents: a fix reads the same text several times (to find
 * the next correction, to make it, to check it), and a parse is the costly part. Documents and
 * their values are only ever read, never changed.
 */
const parsed: { text: string; tolerant: boolean; doc: Document | undefined }[] = [];
const values = new WeakMap<Document, unknown>();

/**
 * The document of a text, or undefined when it is no single, error-free YAML document.
 * `tolerant`: a document with errors too, as the yaml package recovers it — for a theme's
 * config that js-yaml reads and YAML 1.2 does not (Fluid's and Volantis's shipped text, which
 * users copy whole into `_config.<theme>.yml`); {@link applyEdit} then edits only outside the
 * errors, and only when the errors stay the same.
 */
export function parseYaml(text: string, tolerant = false): Document | undefined {
  const known = parsed.find(entry => entry.text === text && entry.tolerant === tolerant);
  if (known) return known.doc;
  let doc: Document | undefined;
  try {
    doc = parseDocument(text, OPTIONS) as Document;
    if (doc.errors.length > 0 && (!tolerant || doc.errors.some(e => !e.pos))) doc = undefined;
  } catch {
    doc = undefined;
  }
  parsed.unshift({ text, tolerant, doc });
  parsed.length = Math.min(parsed.length, 4);
  return doc;
}

/** The errors of a document, without where they are: an edit outside them must leave the same ones. */
function errorCodes(doc: Document): string {
  return doc.errors.map(e => e.code).join(' ');
}

/** The file's values as a plain object (what the edit check compares), or undefined. Not to be changed: shared. */
export function valuesOf(doc: Document): unknown {
  if (values.has(doc)) return values.get(doc);
  let read: unknown;
  try {
    read = doc.toJS({ maxAliasCount: 100 });
  } catch {
    read = undefined;
  }
  values.set(doc, read);
  return read;
}

/**
 * Applies the edits in order, all or none: the new text, or the first refusal (and then the
 * text is the caller's, unchanged). Each edit reads the text the previous one left.
 */
export function applyEdits(text: string, edits: readonly Edit[], tolerant = false): EditOutcome {
  let current = text;
  for (const edit of edits) {
    const outcome = applyEdit(current, edit, tolerant);
    if (!outcome.ok) return outcome;
    current = outcome.text;
  }
  return { ok: true, text: sameEnding(text, current, tolerant) };
}

/**
 * The edited text ending as the file did: a file without a final line break does not gain one
 * (the new lines go before where it ends), unless that would change what it reads as.
 */
function sameEnding(text: string, edited: string, tolerant: boolean): string {
  if (text === '' || /\n$/.test(text) || !/\n$/.test(edited)) return edited;
  const trimmed = edited.replace(/\r?\n$/, '');
  const [before, after] = [parseYaml(edited, tolerant), parseYaml(trimmed, tolerant)];
  return before && after && sameValue(valuesOf(after), valuesOf(before)) ? trimmed : edited;
}

/** Applies one edit: the new text, or why not. */
export function applyEdit(text: string, edit: Edit, tolerant = false): EditOutcome {
  const doc = parseYaml(text, tolerant);
  if (!doc) return refuse('syntax', []);
  const before = valuesOf(doc);
  if (before === undefined) return refuse('alias', []);
  let spliced: Splice[] | Refused;
  try {
    spliced = splicesFor(text, doc, edit);
  } catch {
    spliced = { reason: 'unsafe', at: edit.path };
  }
  if (!Array.isArray(spliced)) return refuse(spliced.reason, spliced.at);
  // In a document with errors, nothing is spliced within a line of one (the text there is read two ways).
  const lines = (at: number) => [text.lastIndexOf('\n', at), text.indexOf('\n', at)];
  const near = doc.errors.map(e => [lines(e.pos[0])[0], lines(Math.max(e.pos[0], e.pos[1] - 1))[1]]);
  if (spliced.some(({ start, end }) => near.some(([from, to]) => end >= from && (to < 0 || start <= to)))) return refuse('syntax', edit.path);
  const after = splice(text, spliced);
  // The check after: the edit did exactly what it says, and nothing else moved.
  const afterDoc = parseYaml(after, tolerant);
  if (afterDoc && errorCodes(afterDoc) !== errorCodes(doc)) return refuse('syntax', edit.path);
  const expected = edited(before, edit);
  if (!afterDoc || expected === undefined) return refuse('unsafe', edit.path);
  // A file left with no key reads as nothing, as an empty block.
  const read = valuesOf(afterDoc);
  if (!sameValue(read === null ? {} : read, expected)) return refuse('unsafe', edit.path);
  return { ok: true, text: after };
}

/**
 * What to write by hand for an edit refused: the YAML of the key at its path (`beian:` /
 * `  gongan: 京公网安备…号`), or what to remove.
 */
export function handText(edit: Edit): string {
  const lines = (path: KeyPath, value: Value): string => {
    const head = path.slice(0, -1).map((key, depth) => `${'  '.repeat(depth)}${keyText(key)}:`);
    const last = path[path.length - 1];
    return [...head, ...pairLines(last, value, '  '.repeat(path.length - 1), '  ', '\n')].map(line => line.replace(/\n$/, '')).join('\n');
  };
  if (edit.op === 'set') return lines(edit.path, edit.value);
  if (edit.op === 'rename') {
    const path = [...edit.path.slice(0, -1), edit.to];
    return edit.value === undefined ? `${path.join('.')} (${edit.path.join('.')})` : lines(path, edit.value);
  }
  return `- ${edit.path.join('.')}`;
}

// ---------------------------------------------------------------------------------------
// Finding the nodes
// ---------------------------------------------------------------------------------------

interface Refused {
  reason: Refusal;
  at: KeyPath;
}

function refuse(reason: Refusal, at: KeyPath): EditOutcome {
  return { ok: false, reason, at };
}

/** A text replacement: [start, end) becomes `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

function splice(text: string, splices: readonly Splice[]): string {
  // From the end, so each offset still points into the original text.
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** A node's own marks that make an edit unsafe. */
function marked(node: Node | null | undefined): Refusal | undefined {
  if (!node) return undefined;
  if (isAlias(node)) return 'alias';
  const own = node as { anchor?: string; tag?: string };
  if (own.anchor) return 'anchor';
  if (own.tag) return 'tag';
  return undefined;
}

/** The one pair of `map` with this key; a refusal for a merge key or a key written twice. */
function pairIn(map: YAMLMap, key: string, at: KeyPath): Pair<Node, Node | null> | undefined | Refused {
  let found: Pair<Node, Node | null> | undefined;
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    if (!isScalar(pair.key)) return { reason: 'shape', at };
    // With merge keys on, `<<` reads as a symbol.
    if (typeof pair.key.value === 'symbol' || pair.key.value === '<<') return { reason: 'merge', at };
    const name = String(pair.key.value);
    if (name !== key) continue;
    if (found) return { reason: 'duplicate', at };
    found = pair;
  }
  return found;
}

function isRefused(value: unknown): value is Refused {
  return typeof value === 'object' && value !== null && 'reason' in value && 'at' in value;
}

interface Walk {
  /** The maps along the path that exist, from the document's root. */
  maps: YAMLMap[];
  /** The pairs along the path that exist (one fewer than maps, or as many when the last exists). */
  pairs: Pair<Node, Node | null>[];
}

/** Follows the path as far as it is written; a refusal when a node on the way is marked. */
function walk(doc: Document, path: KeyPath): Walk | Refused {
  const root = doc.contents as Node | null;
  const rootMark = marked(root);
  if (rootMark) return { reason: rootMark, at: [] };
  if (root !== null && !isMap(root)) return { reason: 'shape', at: [] };
  const maps: YAMLMap[] = root ? [root] : [];
  const pairs: Pair<Node, Node | null>[] = [];
  for (let depth = 0; depth < path.length && maps.length === depth + 1; depth++) {
    const at = path.slice(0, depth + 1);
    const pair = pairIn(maps[depth], path[depth], at);
    if (isRefused(pair)) return pair;
    if (!pair) break;
    const mark = marked(pair.key) ?? marked(pair.value);
    if (mark) return { reason: mark, at };
    pairs.push(pair);
    if (depth + 1 < path.length && isMap(pair.value)) maps.push(pair.value);
  }
  return { maps, pairs };
}

// ---------------------------------------------------------------------------------------
// Making the splices
// ---------------------------------------------------------------------------------------

function splicesFor(text: string, doc: Document, edit: Edit): Splice[] | Refused {
  const found = walk(doc, edit.path);
  if (isRefused(found)) return found;
  const { maps, pairs } = found;
  const exists = pairs.length === edit.path.length;
  const layout = new Layout(text, doc);
  if (edit.op === 'delete') {
    if (!exists) return { reason: 'missing', at: edit.path };
    return layout.remove(maps[maps.length - 1], pairs[pairs.length - 1], edit.path);
  }
  if (edit.op === 'rename') {
    if (!exists) return { reason: 'missing', at: edit.path };
    const map = maps[maps.length - 1];
    const sibling = pairIn(map, edit.to, edit.path);
    if (isRefused(sibling)) return sibling;
    if (sibling) return { reason: 'exists', at: [...edit.path.slice(0, -1), edit.to] };
    const pair = pairs[pairs.length - 1];
    const key = pair.key as Scalar;
    const out: Splice[] = [{ start: key.range![0], end: key.range![1], text: scalarText(edit.to, key.type) }];
    if (edit.value !== undefined) {
      const value = layout.replaceValue(map, pair, edit.value, edit.path);
      if (isRefused(value)) return value;
      out.push(...value);
    }
    return out;
  }
  if (exists) return layout.replaceValue(maps[maps.length - 1], pairs[pairs.length - 1], edit.value, edit.path);
  // Not all written: the rest of the path, as a block, at the end of the deepest one there is.
  const depth = pairs.length;
  let value: Value = edit.value;
  for (let i = edit.path.length - 1; i > depth; i--) value = { entries: [[edit.path[i], value]] };
  const key = edit.path[depth];
  if (maps.length === depth + 1) return layout.insert(maps[depth], key, value, edit.path.slice(0, depth + 1));
  if (depth === 0) return layout.insertAtEnd(key, value);
  // The block there is empty (`beian:` with nothing after it, or `~`): write it.
  const holder = pairs[depth - 1];
  if (!isScalar(holder.value) || (holder.value.value !== null && holder.value.value !== undefined)) {
    return { reason: 'shape', at: edit.path.slice(0, depth) };
  }
  return layout.replaceValue(maps[depth - 1], holder, { entries: [[key, value]] }, edit.path.slice(0, depth));
}

/** Positions, lines and the file's own habits (line ending, indentation step). */
class Layout {
  readonly eol: string;
  readonly step: string;

  constructor(readonly text: string, doc: Document) {
    const crlf = (text.match(/\r\n/g) ?? []).length;
    const lf = (text.match(/\n/g) ?? []).length;
    this.eol = crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
    this.step = ' '.repeat(indentStep(text, doc.contents as Node | null) ?? 2);
  }

  /** Where the line holding `pos` starts: after a BOM on the first line, which is no part of it. */
  lineStart(pos: number): number {
    const start = this.text.lastIndexOf('\n', pos - 1) + 1;
    return start === 0 && pos > 0 && this.text.startsWith('\ufeff') ? 1 : start;
  }

  /** The position after the line break of the line holding `pos` (the text's end on the last line). */
  lineEnd(pos: number): number {
    const at = this.text.indexOf('\n', pos);
    return at < 0 ? this.text.length : at + 1;
  }

  column(pos: number): number {
    return pos - this.lineStart(pos);
  }

  /**
   * The line break for lines written at `pos`, a line's start: the one of the line before it
   * (a file of mixed endings keeps each part's own), else the file's own.
   */
  eolAt(pos: number): string {
    if (this.text[pos - 1] !== '\n') return this.eol;
    return this.text[pos - 2] === '\r' ? '\r\n' : '\n';
  }

  /** Only spaces before `pos` on its line. */
  startsLine(pos: number): boolean {
    return /^ *$/.test(this.text.slice(this.lineStart(pos), pos));
  }

  /** Where a pair's text ends: its value's end, or its key's. */
  pairEnd(pair: Pair<Node, Node | null>): number {
    const key = pair.key as Scalar;
    const value = pair.value as Node | null;
    return Math.max(key.range![1], value?.range?.[1] ?? 0);
  }

  remove(map: YAMLMap, pair: Pair<Node, Node | null>, at: KeyPath): Splice[] | Refused {
    const key = pair.key as Scalar;
    if (map.flow) {
      const index = map.items.indexOf(pair);
      const next = map.items[index + 1] as Pair<Node, Node | null> | undefined;
      if (next) return [{ start: key.range![0], end: (next.key as Scalar).range![0], text: '' }];
      const previous = map.items[index - 1] as Pair<Node, Node | null> | undefined;
      return [{ start: previous ? this.pairEnd(previous) : key.range![0], end: this.pairEnd(pair), text: '' }];
    }
    if (!this.startsLine(key.range![0])) return { reason: 'layout', at };
    // The key's lines, to the end of the line where its value ends (its comment there with it).
    return [{ start: this.lineStart(key.range![0]), end: this.lineEnd(this.pairEnd(pair) - 1), text: '' }];
  }

  replaceValue(map: YAMLMap, pair: Pair<Node, Node | null>, value: Value, at: KeyPath): Splice[] | Refused {
    const key = pair.key as Scalar;
    const node = pair.value as Node | null;
    if (node !== null && !isScalar(node)) return { reason: 'shape', at };
    const old = node as Scalar | null;
    if (old && (old.type === 'BLOCK_LITERAL' || old.type === 'BLOCK_FOLDED')) return { reason: 'shape', at };
    const empty = !old || old.range![0] === old.range![1];
    const start = empty ? key.range![1] : old.range![0];
    const end = empty ? key.range![1] : old.range![1];
    // The colon after the key: an empty value is written after it.
    const colon = this.text.indexOf(':', key.range![1]);
    if (colon < 0 || (!empty && colon >= start)) return { reason: 'layout', at };
    const inFlow = Boolean(map.flow);
    if (!isMapping(value)) {
      const written = scalarOf(value, old?.type, inFlow);
      return [empty ? { start: colon + 1, end: colon + 1, text: ` ${written}` } : { start, end, text: written }];
    }
    if (inFlow) return [empty ? { start: colon + 1, end: colon + 1, text: ` ${flowText(value)}` } : { start, end, text: flowText(value) }];
    if (!this.startsLine(key.range![0])) return { reason: 'layout', at };
    // `icp: 京ICP备…  # 注释` → `icp:  # 注释` and the block on the lines after it.
    const indent = ' '.repeat(this.column(key.range![0])) + this.step;
    const lineEnd = this.lineEnd(Math.max(end, colon + 1) - (empty ? 0 : 1));
    const eol = this.eolAt(lineEnd);
    const lead = lineEnd === this.text.length && !this.text.endsWith('\n') ? eol : '';
    const block = value.entries.flatMap(([k, v]) => pairLines(k, v, indent, this.step, eol)).join('');
    const out: Splice[] = [{ start: lineEnd, end: lineEnd, text: lead + block }];
    if (!empty) out.push({ start: colon + 1, end, text: '' });
    return out;
  }

  insert(map: YAMLMap, key: string, value: Value, at: KeyPath): Splice[] | Refused {
    if (map.flow) {
      const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
      const item = `${keyText(key)}: ${isMapping(value) ? flowText(value) : scalarOf(value, undefined, true)}`;
      if (last) return [{ start: this.pairEnd(last), end: this.pairEnd(last), text: `, ${item}` }];
      const open = map.range![0] + 1;
      return [{ start: open, end: open, text: ` ${item} ` }];
    }
    const first = map.items[0] as Pair<Node, Node | null> | undefined;
    const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
    if (!first || !last) return { reason: 'shape', at };
    const keyStart = (first.key as Scalar).range![0];
    if (!this.startsLine(keyStart)) return { reason: 'layout', at };
    const where = this.lineEnd(this.pairEnd(last) - 1);
    const eol = this.eolAt(where);
    const lead = where === this.text.length && !this.text.endsWith('\n') && this.text !== '' ? eol : '';
    return [{ start: where, end: where, text: lead + pairLines(key, value, ' '.repeat(this.column(keyStart)), this.step, eol).join('') }];
  }

  /** A key at the top of a file that has none yet (empty, or comments only): at its end. */
  insertAtEnd(key: string, value: Value): Splice[] {
    const end = this.text.length;
    const eol = this.eolAt(end);
    const lead = this.text.replace(/^\ufeff/, '') !== '' && !this.text.endsWith('\n') ? eol : '';
    return [{ start: end, end, text: lead + pairLines(key, value, '', this.step, eol).join('') }];
  }
}

/** The indentation step the file uses: a nested block's indentation less its parent's. */
function indentStep(text: string, root: Node | null): number | undefined {
  const column = (pos: number) => pos - (text.lastIndexOf('\n', pos - 1) + 1);
  const queue: Node[] = root ? [root] : [];
  for (let seen = 0; queue.length > 0 && seen < 1000; seen++) {
    const node = queue.shift()!;
    if (!isMap(node) || node.flow) continue;
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const child = pair.value;
      if (isMap(child) && !child.flow && isScalar(pair.key) && child.items.length > 0 && isScalar(child.items[0].key)) {
        const step = column((child.items[0].key as Scalar).range![0]) - column(pair.key.range![0]);
        if (step > 0 && step <= 8) return step;
        queue.push(child);
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Writing values
// ---------------------------------------------------------------------------------------

function isMapping(value: Value): value is Mapping {
  return typeof value === 'object' && 'entries' in value;
}

function isWritten(value: Value): value is Written {
  return typeof value === 'object' && 'written' in value;
}

/** `key: value` lines of a block, each with its line ending. */
function pairLines(key: string, value: Value, indent: string, step: string, eol: string): string[] {
  if (!isMapping(value)) return [`${indent}${keyText(key)}: ${scalarOf(value, undefined, false)}${eol}`];
  return [`${indent}${keyText(key)}:${eol}`, ...value.entries.flatMap(([k, v]) => pairLines(k, v, indent + step, step, eol))];
}

function flowText(value: Mapping): string {
  return `{${value.entries.map(([k, v]) => `${keyText(k)}: ${isMapping(v) ? flowText(v) : scalarOf(v, undefined, true)}`).join(', ')}}`;
}

function keyText(key: string): string {
  return scalarText(key, 'PLAIN');
}

function scalarOf(value: Exclude<Value, Mapping>, style: Scalar['type'] | undefined, inFlow: boolean): string {
  if (isWritten(value)) return value.written;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return scalarText(value, style, inFlow);
}

/**
 * Text as a YAML scalar, in the style the old value had where it can be: plain when YAML 1.1
 * and 1.2 both read it back as this same text (so js-yaml, whatever its schema, does too),
 * single-quoted when it was and can be, else double-quoted (JSON's escapes are YAML's).
 */
function scalarText(value: string, style: Scalar['type'] | undefined, inFlow = true): string {
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style === 'QUOTE_SINGLE' && !/[\u0000-\u001f\u007f-\u009f]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return isPlainSafe(value, inFlow) ? value : JSON.stringify(value);
}

function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\u0000-\u001f\u007f-\u009f\ufeff]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  try {
    return parse(value, { version: '1.2' }) === value && parse(value, { version: '1.1' }) === value;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// The check after an edit
// ---------------------------------------------------------------------------------------

/** The value a written YAML value reads as. */
function readValue(value: Value): unknown {
  if (isMapping(value)) return Object.fromEntries(value.entries.map(([k, v]) => [k, readValue(v)]));
  if (isWritten(value)) {
    try {
      return parse(value.written, OPTIONS) as unknown;
    } catch {
      return undefined;
    }
  }
  return value;
}

/** The old values with the edit made: what the new text must read as. Undefined when the path is no block. */
function edited(values: unknown, edit: Edit): unknown {
  const copy = structuredClone(values) ?? {};
  let holder: Record<string, unknown> = copy as Record<string, unknown>;
  if (!isObject(holder)) return undefined;
  let parent: { holder: Record<string, unknown>; key: string } | undefined;
  for (const key of edit.path.slice(0, -1)) {
    if (holder[key] === undefined || holder[key] === null) {
      if (edit.op !== 'set') return undefined;
      holder[key] = {};
    }
    const next = holder[key];
    if (!isObject(next)) return undefined;
    parent = { holder, key };
    holder = next;
  }
  const last = edit.path[edit.path.length - 1];
  if (edit.op === 'set') holder[last] = readValue(edit.value);
  else if (edit.op === 'delete') {
    delete holder[last];
    // A block left with no key reads as nothing (`beian:` alone).
    if (parent && Object.keys(holder).length === 0) parent.holder[parent.key] = null;
  }
  else {
    const old = holder[last];
    delete holder[last];
    holder[edit.to] = edit.value === undefined ? old : readValue(edit.value);
  }
  return copy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Deep equality of read YAML values, the order of keys aside. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every(k => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}

import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { splitPath } from '../finding';

/**
 * A config file as written: what it says at a key (the text of a plain value in the YAML
 * source), and where each key is (its line and column). Hexo's loader (js-yaml) has already
 * turned an unquoted date into a Date, rolling an impossible day over (`2024-02-30` →
 * 2024-03-01), and it keeps no positions; only the text says what the user wrote, and where.
 *
 * The YAML is read with `yaml` (eemeli/yaml), which keeps each node's source range, in YAML
 * 1.2 (no timestamp type: a date stays its text). Each file is parsed once ({@link writtenFile})
 * and asked as often as needed. Pure: the caller reads the files.
 */

/** The text written at a key path (`['beian', 'icp', 'approved']`), or undefined. */
export type WrittenText = (keys: readonly string[]) => string | undefined;

/** Where a key is written: 1-based; the column in characters (Unicode code points) of the line as written. */
export interface TextPosition {
  line: number;
  column: number;
}

/** One config file, parsed once: its document and what it takes to turn a source offset into a line and column. */
export interface WrittenFile {
  /** Undefined when the text is no YAML at all. */
  doc?: Document;
  /** Parsed without an error: only then is a key's position given (a broken file's ranges may be anywhere). */
  clean: boolean;
  /** The text as written (before Hexo's tab escape). */
  source: string;
  /** The text parsed, the document's offsets are into it: leading tabs escaped as Hexo's loader escapes them. */
  parsed: string;
  /** Offset of each line's start in `source`, and in `parsed` (the same lines: the escape only widens leading tabs). */
  sourceLines: number[];
  parsedLines: number[];
}

/** Parses one config file's text, as Hexo's loader reads it. Never throws. */
export function writtenFile(source: string): WrittenFile {
  // Hexo's loader turns leading tabs into spaces first (hexo-front-matter's escape).
  const parsed = escapeTabs(source);
  const file: WrittenFile = { clean: false, source, parsed, sourceLines: lineStarts(source), parsedLines: lineStarts(parsed) };
  try {
    // A duplicate key is tolerated (a `.json` config may have one): the last one wins, below.
    const doc = parseDocument(parsed, { uniqueKeys: false, prettyErrors: false }) as Document;
    return { ...file, doc, clean: doc.errors.length === 0 };
  } catch {
    return file;
  }
}

/** Where each line starts: after each LF (a CRLF's CR stays the last character of its line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function escapeTabs(source: string): string {
  return source.replace(/\n(\t+)/g, (_, tabs: string) => `\n${'  '.repeat(tabs.length)}`);
}

/**
 * The written text of a config made of these YAML sources, merged in order as Hexo merges
 * `--config a.yml,b.yml` (a later file wins): the last source that has the key says what is
 * written there. A source that is no YAML, or has no such key, says nothing.
 */
export function writtenText(sources: readonly (string | WrittenFile)[]): WrittenText {
  const ask = lastAnswer(sources);
  return keys => ask(doc => textAt(doc, doc.contents as Node | null, keys));
}

/** Asks each file, the last first, until one answers: as Hexo's merge, a later file wins. */
function lastAnswer(sources: readonly (string | WrittenFile)[]): <T>(question: (doc: Document) => T | undefined) => T | undefined {
  const files = sources.map(source => (typeof source === 'string' ? writtenFile(source) : source));
  return question => {
    for (let i = files.length - 1; i >= 0; i--) {
      const { doc } = files[i];
      if (!doc) continue;
      try {
        const found = question(doc);
        if (found !== undefined) return found;
      } catch {
        // an alias loop or a malformed node: nothing known
      }
    }
    return undefined;
  };
}

function textAt(doc: Document, start: Node | null | undefined, keys: readonly string[]): string | undefined {
  let node = start;
  for (const key of keys) {
    const pair = pairOf(resolved(doc, node), key) ?? mergedPair(doc, resolved(doc, node), key);
    if (!pair) return undefined;
    node = pair.value;
  }
  node = resolved(doc, node);
  if (!isScalar(node) || node.type !== 'PLAIN') return undefined;
  return typeof node.source === 'string' ? node.source : undefined;
}

/** The last pair of a block with this key (js-yaml keeps the last of duplicate keys), or undefined. */
function pairOf(node: Node | undefined, key: string): { key: Node; value: Node | undefined } | undefined {
  if (!isMap(node)) return undefined;
  let found: { key: Node; value: Node | undefined } | undefined;
  for (const pair of node.items) {
    const name = nameOf(pair.key);
    if (name === key) found = { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined };
  }
  return found;
}

/** The keys written in the block at a key path (`['beian', 'domains']`), or undefined when no file writes a block there. */
export type WrittenKeys = (keys: readonly string[]) => string[] | undefined;

/**
 * The keys of a block as the files write them, the last file that writes the block saying:
 * js-yaml reads `constructor:` or `toString:` as keys, and Hexo's config merge drops them, so
 * only the text shows they were written.
 */
export function writtenKeys(sources: readonly (string | WrittenFile)[]): WrittenKeys {
  const ask = lastAnswer(sources);
  return keys => ask(doc => {
    let node = resolved(doc, doc.contents as Node | null);
    for (const key of keys) node = resolved(doc, pairOf(node, key)?.value);
    return isMap(node) ? node.items.map(pair => nameOf(pair.key)).filter((name): name is string => name !== undefined) : undefined;
  });
}

/**
 * The pair a merge key (`<<: *base`, `<<: [*a, *b]`) brings into a block that does not write the
 * key itself, as js-yaml merges: the block's own keys win, then the first merged block that has it.
 */
function mergedPair(doc: Document, node: Node | undefined, key: string, depth = 0): { key: Node; value: Node | undefined } | undefined {
  if (!isMap(node) || depth > 8) return undefined;
  for (const pair of node.items) {
    if (nameOf(pair.key) !== '<<') continue;
    const merged = resolved(doc, pair.value as Node | null | undefined);
    for (const item of isSeq(merged) ? merged.items : [merged]) {
      const block = resolved(doc, item as Node | null | undefined);
      const found = pairOf(block, key) ?? mergedPair(doc, block, key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** A key as Hexo's config has it (`2024:` is the key "2024"); undefined for a key that is a block or a list. */
function nameOf(key: unknown): string | undefined {
  const name = isScalar(key) ? key.value : key;
  return name !== null && typeof name === 'object' ? undefined : String(name);
}

function resolved(doc: Document, node: Node | null | undefined): Node | undefined {
  for (let hops = 0; isAlias(node) && hops < 16; hops++) node = node.resolve(doc) as Node | undefined;
  return node ?? undefined;
}

/**
 * Where the key of a config path is written in the file (`beian.icp.number`,
 * `footer.beian.enable`, `beian.extra[0].text`, `beian.domains["blog.example.cn"]`): the line
 * and column of the key itself (of the item, for a list index). Undefined when the file does not
 * write it (a default), or cannot be parsed cleanly. A key with dots in it (`blog.example.cn`
 * unquoted) is matched too: the longest key written that the path goes on with.
 */
export function positionIn(file: WrittenFile | undefined, path: string): TextPosition | undefined {
  if (!file?.doc || !file.clean) return undefined;
  const { doc } = file;
  let node = doc.contents as Node | null | undefined;
  let rest = path;
  let offset: number | undefined;
  try {
    while (rest !== '') {
      const current = resolved(doc, node);
      const index = /^\[(\d+)\]/.exec(rest);
      const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
      let step: { at: Node; value: Node | undefined; length: number } | undefined;
      if (index) {
        const item = isSeq(current) ? (current.items[Number(index[1])] as Node | undefined) : undefined;
        if (item) step = { at: item, value: item, length: index[0].length };
      } else if (quoted) {
        const pair = pairOf(current, JSON.parse(quoted[1]) as string);
        if (pair) step = { at: pair.key, value: pair.value, length: quoted[0].length };
      } else {
        step = longestKey(current, rest);
      }
      if (!step?.at.range) return undefined;
      offset = step.at.range[0];
      node = step.value;
      rest = rest.slice(step.length).replace(/^\./, '');
    }
  } catch {
    return undefined; // an alias loop or a malformed node: nowhere known
  }
  return offset === undefined ? undefined : positionAt(file, offset);
}

/** The key of a block that the path starts with, the longest one (a key may hold dots), followed by `.`, `[` or nothing. */
function longestKey(node: Node | undefined, rest: string): { at: Node; value: Node | undefined; length: number } | undefined {
  if (!isMap(node)) return undefined;
  let best: { at: Node; value: Node | undefined; length: number } | undefined;
  for (const pair of node.items) {
    const name = nameOf(pair.key);
    if (name === undefined || name === '' || !rest.startsWith(name)) continue;
    const next = rest[name.length];
    if (next !== undefined && next !== '.' && next !== '[') continue;
    // The longest; of the same key written twice, the last (as js-yaml reads it).
    if (!best || name.length >= best.length) best = { at: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined, length: name.length };
  }
  return best;
}

/**
 * An offset of the parsed text as a line and column of the text as written: lines end at LF
 * (CRLF too); the column counts code points, as editors show Chinese text (one character
 * each), and not a byte-order mark; a leading tab, which Hexo's escape made two spaces, counts
 * as the one character it is.
 */
function positionAt(file: WrittenFile, offset: number): TextPosition {
  const { parsedLines, sourceLines, parsed, source } = file;
  let low = 0;
  let high = parsedLines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (parsedLines[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  let column = [...parsed.slice(parsedLines[low], offset)].length + 1;
  if (low > 0) {
    // Every line after an LF had its leading tabs escaped: one character fewer per tab as written.
    const from = sourceLines[low];
    let tabs = 0;
    while (source[from + tabs] === '\t') tabs++;
    column -= tabs;
  } else if (source.startsWith('\ufeff') && offset > 0) {
    column -= 1;
  }
  return { line: low + 1, column: Math.max(column, 1) };
}

/** A config file of the site: its name relative to the site folder (`_config.yml`), and its parse (undefined: unreadable). */
export interface NamedFile {
  name: string;
  file: WrittenFile | undefined;
}

/**
 * Where config paths are written, in the files of one build:
 * - a path that names its file (`_config.fluid.yml:footer.beian.police_code`, a theme's
 *   setting) is looked up in that file (`named`, relative to the site folder);
 * - any other (`beian.icp.number`, `icp`) in the site's config file(s), the last one that
 *   writes it (a later file wins, as in Hexo's merge).
 *
 * Each file is parsed once by whoever hands them in; a path no file writes has no position.
 */
export function locator(site: () => readonly NamedFile[], named: (name: string) => WrittenFile | undefined): (path: string) => (TextPosition & { file: string }) | undefined {
  return path => {
    const { file, key } = splitPath(path);
    if (file !== undefined) {
      const at = positionIn(named(file), key);
      return at && { file, ...at };
    }
    const files = site();
    for (let i = files.length - 1; i >= 0; i--) {
      const at = positionIn(files[i].file, key);
      if (at) return { file: files[i].name, ...at };
    }
    return undefined;
  };
}

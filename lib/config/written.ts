import { isAlias, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';

/**
 * What the config file says at a key, as written: the text of a plain value in the YAML
 * source. Hexo's loader (js-yaml) has already turned an unquoted date into a Date, rolling an
 * impossible day over (`2024-02-30` → 2024-03-01); only the text says what the user wrote.
 *
 * The YAML is read with `yaml` (eemeli/yaml), which keeps each value's source text, in YAML
 * 1.2 (no timestamp type: a date stays its text). Pure: the caller reads the files.
 */

/** The text written at a key path (`['beian', 'icp', 'approved']`), or undefined. */
export type WrittenText = (keys: readonly string[]) => string | undefined;

/**
 * The written text of a config made of these YAML sources, merged in order as Hexo merges
 * `--config a.yml,b.yml` (a later file wins): the last source that has the key says what is
 * written there. A source that is no YAML, or has no such key, says nothing.
 */
export function writtenText(sources: readonly string[]): WrittenText {
  const docs: (Document | undefined)[] = sources.map(source => {
    try {
      // Hexo's loader turns leading tabs into spaces first (hexo-front-matter's escape).
      const text = source.replace(/\n(\t+)/g, (_, tabs: string) => `\n${'  '.repeat(tabs.length)}`);
      // A duplicate key is tolerated (a `.json` config may have one): the last one wins, below.
      return parseDocument(text, { uniqueKeys: false, prettyErrors: false }) as Document;
    } catch {
      return undefined;
    }
  });
  return keys => {
    for (let i = docs.length - 1; i >= 0; i--) {
      const doc = docs[i];
      if (!doc) continue;
      try {
        const found = textAt(doc, doc.contents as Node | null, keys);
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
    node = resolved(doc, node);
    if (!isMap(node)) return undefined;
    let next: Node | undefined;
    // The last pair with the key: js-yaml keeps the last of duplicate keys.
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? pair.key.value : pair.key;
      if (name !== null && typeof name === 'object') continue;
      if (String(name) === key) next = (pair.value ?? undefined) as Node | undefined;
    }
    if (next === undefined) return undefined;
    node = next;
  }
  node = resolved(doc, node);
  if (!isScalar(node) || node.type !== 'PLAIN') return undefined;
  return typeof node.source === 'string' ? node.source : undefined;
}

function resolved(doc: Document, node: Node | null | undefined): Node | undefined {
  for (let hops = 0; isAlias(node) && hops < 16; hops++) node = node.resolve(doc) as Node | undefined;
  return node ?? undefined;
}

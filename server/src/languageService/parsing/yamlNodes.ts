import {
  Document,
  isAlias,
  isCollection,
  isDocument,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

export type PathSegment = string | number;

export interface NodeAt {
  /** The key node when the path ends in a mapping key. */
  key?: Node;
  /** The value node (aliases resolved to their anchor). */
  value?: Node;
  /** The alias node the value was reached through, so ranges can point at the place of use. */
  alias?: Node;
}

function resolve(doc: Document, node: unknown): Node | undefined {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(doc);
  return isAlias(current) ? undefined : (current as Node | undefined);
}

/**
 * Each mapping's own keys (the last pair of a key wins, as in YAML), built once per mapping: ranges are
 * looked up once per diagnostic, and a scan per lookup is quadratic on a mapping with many keys.
 */
const ownKeys = new WeakMap<YAMLMap, { size: number; pairs: Map<string, Pair> }>();

function ownPair(map: YAMLMap, key: string): Pair | undefined {
  let index = ownKeys.get(map);
  if (!index || index.size !== map.items.length) {
    const pairs = new Map<string, Pair>();
    for (const item of map.items) if (isScalar(item.key)) pairs.set(String(item.key.value), item);
    index = { size: map.items.length, pairs };
    ownKeys.set(map, index);
  }
  return index.pairs.get(key);
}

/** Finds a key of a mapping, looking through `<<` merge keys the way YAML merges do (own keys first). */
export function findPair(doc: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const found = ownPair(map, key);
  if (found || depth > 10) return found;
  for (const item of map.items) {
    if (isScalar(item.key) && item.key.value === '<<') {
      const sources = isSeq(resolve(doc, item.value))
        ? (resolve(doc, item.value) as { items: unknown[] }).items
        : [item.value];
      for (const source of sources) {
        const merged = resolve(doc, source);
        if (isMap(merged)) {
          const inherited = findPair(doc, merged, key, depth + 1);
          if (inherited) return inherited;
        }
      }
    }
  }
  return undefined;
}

/** Walks a JSON-like path through the YAML tree. */
export function nodeAt(doc: Document, path: readonly PathSegment[]): NodeAt | undefined {
  let current: Node | undefined = resolve(doc, doc.contents);
  let result: NodeAt = { value: current };
  for (const segment of path) {
    if (!current) return undefined;
    if (isMap(current)) {
      const pair = findPair(doc, current, String(segment));
      if (!pair) return undefined;
      const raw = pair.value as Node | null;
      current = resolve(doc, raw);
      result = { key: pair.key as Node, value: current, alias: isAlias(raw) ? raw : undefined };
    } else if (isSeq(current) && typeof segment === 'number') {
      const raw = current.items[segment] as Node | undefined;
      if (raw === undefined) return undefined;
      current = resolve(doc, raw);
      result = { value: current, alias: isAlias(raw) ? raw : undefined };
    } else {
      return undefined;
    }
  }
  return result;
}

export function isPairNode(value: unknown): value is Pair {
  return isPair(value);
}

/**
 * Every node and pair of a document or below a node, parents before children, in document order.
 * yaml's `visit` copies the path to each node, which is quadratic in nesting depth (a hostile file
 * nests a thousand levels in a few kilobytes), and recurses; this keeps a stack of what is left.
 */
export function* yamlItems(root: Document | Node | null | undefined): Generator<Node | Pair> {
  const stack: unknown[] = [isDocument(root) ? root.contents : root];
  while (stack.length) {
    const item = stack.pop();
    if (isPair(item)) {
      yield item;
      stack.push(item.value, item.key);
    } else if (isCollection(item)) {
      yield item;
      for (let i = item.items.length - 1; i >= 0; i--) stack.push(item.items[i]);
    } else if (isNode(item)) yield item;
  }
}

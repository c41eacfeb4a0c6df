import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface PathHit {
  path: (string | number)[];
  on: 'key' | 'value';
  node: Node;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const range = node?.range;
  return !!range && offset >= range[0] && offset <= range[1];
}

/** The key or scalar value under `offset`, with its path from the document root. */
export function pathAtOffset(doc: Document, offset: number): PathHit | undefined {
  let node = doc.contents as Node | null;
  const path: (string | number)[] = [];
  for (let depth = 0; node && depth < 64; depth++) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => contains(p.key as Node, offset) || contains(p.value as Node, offset),
      );
      if (!pair || !isScalar(pair.key)) return undefined;
      path.push(String(pair.key.value));
      if (contains(pair.key as Node, offset)) return { path, on: 'key', node: pair.key as Node };
      node = pair.value as Node;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index] as Node;
    } else if (isScalar(node) || isAlias(node)) {
      return { path, on: 'value', node };
    } else {
      return undefined;
    }
  }
  return undefined;
}

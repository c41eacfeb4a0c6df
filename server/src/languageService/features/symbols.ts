import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { plainValue } from '../parsing/plainValue';
import type { ParsedPolicyFile } from '../parsing/policyFile';
import { isEmptyDocument } from '../parsing/policyFile';
import { DocumentSymbol, Range, SymbolKind } from '../types';

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * A list item's `system`, for its label. Converted against its document, so that an alias or a `<<`
 * merge key resolves (alone, the node throws on a merge); an item that cannot be converted (an
 * undefined alias, an alias bomb) has no label.
 */
function systemOf(item: YAMLMap, yaml: Document): unknown {
  try {
    return record(plainValue(yaml, item))?.system;
  } catch {
    return undefined;
  }
}

/** Outline: one symbol per policy, named by `metadata.name`, with its keys nested below. */
export function documentSymbols(file: ParsedPolicyFile): DocumentSymbol[] {
  const td = file.textDocument;
  const rangeOf = (start: number, end: number) => Range.create(td.positionAt(start), td.positionAt(end));

  function children(node: Node | null | undefined, depth: number, yaml: Document): DocumentSymbol[] {
    if (depth > 6 || !node) return [];
    if (isMap(node)) {
      return node.items.flatMap((pair) => {
        const key = pair.key as Node | null;
        if (!isScalar(key) || !key.range) return [];
        const value = pair.value as Node | null;
        const end = value?.range?.[1] ?? key.range[1];
        const kind = isMap(value) ? SymbolKind.Object : isSeq(value) ? SymbolKind.Array : SymbolKind.Property;
        const detail = isScalar(value) ? String(value.value ?? '') : undefined;
        return [
          DocumentSymbol.create(
            String(key.value),
            detail,
            kind,
            rangeOf(key.range[0], end),
            rangeOf(key.range[0], key.range[1]),
            children(value, depth + 1, yaml),
          ),
        ];
      });
    }
    if (isSeq(node)) {
      return node.items.flatMap((item, index) => {
        const itemNode = item as Node;
        if (!itemNode?.range || !isMap(itemNode)) return [];
        const label = systemOf(itemNode, yaml);
        return [
          DocumentSymbol.create(
            typeof label === 'string' ? label : `[${index}]`,
            undefined,
            SymbolKind.Object,
            rangeOf(itemNode.range[0], itemNode.range[1]),
            rangeOf(itemNode.range[0], itemNode.range[1]),
            children(itemNode, depth + 1, yaml),
          ),
        ];
      });
    }
    return [];
  }

  return file.documents
    .filter((doc) => !isEmptyDocument(doc))
    .map((doc) => {
      const contents = doc.yaml.contents as Node;
      const range = contents.range ?? [doc.start, doc.end];
      const metadata = record(record(doc.value)?.metadata);
      const name = typeof metadata?.name === 'string' ? metadata.name : `policy ${doc.index + 1}`;
      return DocumentSymbol.create(
        name,
        'BackupPolicy',
        SymbolKind.Namespace,
        rangeOf(range[0], range[1]),
        rangeOf(range[0], range[0]),
        children(contents, 0, doc.yaml),
      );
    });
}

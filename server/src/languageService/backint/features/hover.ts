import { MarkupKind, Range, type Hover, type Position, type TextDocument } from '../../types';
import { catalogFor, findKey, findVendorKey } from '../catalog';
import type { BackintKind } from '../model';
import { parseBackint } from '../parse';
import { describeKey } from './describe';

/** Hover on a key or its value: the key's documentation. Other agents' keys are explained in generic files. */
export function hoverBackint(kind: BackintKind, document: TextDocument, position: Position): Hover | null {
  try {
    const offset = document.offsetAt(position);
    const file = parseBackint(kind, document.getText());
    const entry = file.entries.find(
      (e) =>
        (offset >= e.keyStart && offset <= e.keyEnd) ||
        (e.value && offset >= e.value.start && offset <= e.value.end),
    );
    if (!entry) return null;
    const catalog = catalogFor(kind, document.uri);
    const known = catalog ? findKey(catalog, entry.key) : undefined;
    const found =
      known && catalog
        ? { catalog, key: known }
        : kind === 'utl' && !catalog
          ? findVendorKey(entry.key)
          : undefined;
    if (!found) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: describeKey(found.key, found.catalog, entry.key) },
      range: Range.create(document.positionAt(entry.keyStart), document.positionAt(entry.keyEnd)),
    };
  } catch {
    return null;
  }
}

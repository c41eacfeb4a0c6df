import { Range, type CompletionItem, type Position, type TextDocument } from '../../types';
import { VENDOR_CATALOGS, type BackintCatalog } from '../catalog';
import type { ParsedBackintFile } from '../model';
import { keyItem } from './items';

/**
 * The catalogs whose keys to offer in a `KEY value` file: IBM's for `init<SID>.utl`; in a generic file,
 * the agents whose keys the file already uses (a Commvault `param`, say) — never a guess at an empty file.
 */
function catalogsFor(file: ParsedBackintFile, catalog: BackintCatalog | undefined): BackintCatalog[] {
  if (catalog) return [catalog];
  const keys = new Set(file.entries.map((e) => e.key));
  return VENDOR_CATALOGS.filter((vendor) => vendor.keys.some((key) => keys.has(key.name)));
}

/** Completion of keys at the start of a `KEY value` line. */
export function completeLines(
  document: TextDocument,
  position: Position,
  file: ParsedBackintFile,
  catalog: BackintCatalog | undefined,
): CompletionItem[] {
  const line = document.getText(Range.create(position.line, 0, position.line + 1, 0)).replace(/\r?\n$/, '');
  const before = line.slice(0, position.character);
  const typed = /^(\s*)([A-Za-z_]\w*)?$/.exec(before);
  if (!typed) return [];
  const after = line.slice(position.character);
  const wordEnd = position.character + (/^\w*/.exec(after)?.[0].length ?? 0);
  const range = Range.create(position.line, typed[1].length, position.line, wordEnd);
  const hasValue = /^\w*[ \t=]+\S/.test(after);
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const present = new Set(
    file.entries.filter((e) => e.keyStart - lineStart !== typed[1].length).map((e) => e.key),
  );
  return catalogsFor(file, catalog).flatMap((source) =>
    source.keys
      .filter((key) => !present.has(key.name))
      .map((key) => keyItem(key, source, range, hasValue ? key.name : `${key.name} `, false)),
  );
}

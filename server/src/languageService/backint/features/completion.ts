import { CompletionList, type CompletionItem, type Position, type TextDocument } from '../../types';
import { catalogFor } from '../catalog';
import type { BackintKind } from '../model';
import { parseBackint } from '../parse';
import { completeJson } from './completeJson';
import { completeLines } from './completeLines';
import { completeYaml } from './completeYaml';

/** Completion of keys not yet set (with their docs) and of enum/boolean values. Never throws. */
export function completeBackint(
  kind: BackintKind,
  document: TextDocument,
  position: Position,
): CompletionList {
  try {
    const file = parseBackint(kind, document.getText());
    const catalog = catalogFor(kind, document.uri);
    let items: CompletionItem[] = [];
    if (kind === 'aws' && catalog) items = completeYaml(document, position, file, catalog);
    else if (kind === 'gcp' && catalog) items = completeJson(document, position, file, catalog);
    else if (kind === 'utl') items = completeLines(document, position, file, catalog);
    return CompletionList.create(items, false);
  } catch {
    return CompletionList.create([], false);
  }
}

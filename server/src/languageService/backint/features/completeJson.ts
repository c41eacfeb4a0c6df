import { createScanner, getLocation, SyntaxKind } from 'jsonc-parser';
import {
  CompletionItemKind,
  InsertTextFormat,
  Range,
  type CompletionItem,
  type Position,
  type TextDocument,
} from '../../types';
import { findKey, type BackintCatalog, type BackintKeyInfo } from '../catalog';
import type { ParsedBackintFile } from '../model';
import { escapeSnippet, keyItem, valueItem, valueWords } from './items';

const VALUE_TOKENS = new Set([
  SyntaxKind.StringLiteral,
  SyntaxKind.NumericLiteral,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.Unknown,
]);

/** The literal (or half-typed word) the caret is in, so a completion replaces it whole. */
function tokenAt(text: string, offset: number): { start: number; end: number } | undefined {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (start > offset) break;
    if (!VALUE_TOKENS.has(kind) || offset > end) continue;
    // Before a string's opening quote is outside it.
    if (kind === SyntaxKind.StringLiteral && offset === start) continue;
    return { start, end };
  }
  return undefined;
}

function valueSnippet(key: BackintKeyInfo): string {
  const words = valueWords(key);
  if (key.type === 'enum') return `"\${1|${words.map(escapeSnippet).join(',')}|}"`;
  if (key.type === 'bool') return `\${1|true,false|}`;
  if (key.type === 'int' || key.type === 'float') return '$1';
  if (key.type === 'map') return '{$1}';
  return '"$1"';
}

/** Completion in Google's `parameters.json`: property names not yet set, and enum/boolean values. */
export function completeJson(
  document: TextDocument,
  position: Position,
  file: ParsedBackintFile,
  catalog: BackintCatalog,
): CompletionItem[] {
  const text = document.getText();
  const offset = document.offsetAt(position);
  if (text.trim() === '') {
    const bucket = findKey(catalog, 'bucket')!;
    return [
      {
        label: '{ "bucket": … }',
        kind: CompletionItemKind.Snippet,
        detail: `New ${catalog.agent} parameter file`,
        insertText: '{\n\t"bucket": "$1"\n}',
        insertTextFormat: InsertTextFormat.Snippet,
        documentation: bucket.doc,
      },
    ];
  }
  const location = getLocation(text, offset);
  if (location.path.length !== 1) return [];
  const token = tokenAt(text, offset);
  const range = Range.create(
    document.positionAt(token?.start ?? offset),
    document.positionAt(token?.end ?? offset),
  );
  const tail = text.slice(token?.end ?? offset);

  if (location.isAtPropertyKey) {
    const present = new Set(
      file.entries.filter((e) => e.keyStart !== token?.start).map((e) => findKey(catalog, e.key)?.name),
    );
    const hasColon = /^\s*:/.test(tail);
    // Another property after the caret needs a comma between it and the new one.
    const comma = /^\s*"/.test(tail) ? ',' : '';
    return catalog.keys
      .filter((key) => !present.has(key.name))
      .map((key) =>
        keyItem(
          key,
          catalog,
          range,
          hasColon ? `"${key.name}"` : `"${key.name}": ${valueSnippet(key)}${comma}`,
          !hasColon,
        ),
      );
  }
  const key = findKey(catalog, String(location.path[0]));
  if (!key) return [];
  return valueWords(key).map((word) => {
    const insert = key.type === 'enum' ? `"${word}"` : word;
    return valueItem(word, range, insert, `${key.name} value`);
  });
}

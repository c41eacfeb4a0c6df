import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  TextEdit,
  type CompletionItem,
  type Range,
} from '../../types';
import type { BackintCatalog, BackintKeyInfo } from '../catalog';
import { describeKey } from './describe';

/** A completion item for a key, inserting `insertText` (a snippet when `snippet`) over `range`. */
export function keyItem(
  key: BackintKeyInfo,
  catalog: BackintCatalog,
  range: Range,
  insertText: string,
  snippet: boolean,
): CompletionItem {
  return {
    label: key.name,
    kind: CompletionItemKind.Property,
    detail: `${key.type}${key.required ? ', required' : ''} — ${catalog.agent}`,
    documentation: { kind: MarkupKind.Markdown, value: describeKey(key, catalog) },
    textEdit: TextEdit.replace(range, insertText),
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // Required keys first: a new file needs them before anything else.
    sortText: `${key.required ? '0' : '1'}${key.name}`,
    filterText: insertText.startsWith('"') ? `"${key.name}"` : key.name,
  };
}

export function valueItem(label: string, range: Range, insertText: string, detail: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Value,
    detail,
    textEdit: TextEdit.replace(range, insertText),
    insertTextFormat: InsertTextFormat.PlainText,
    filterText: insertText,
  };
}

/** The values a key can take, as words: an enum's values or the two booleans. */
export function valueWords(key: BackintKeyInfo): readonly string[] {
  if (key.type === 'enum') return key.values ?? [];
  if (key.type === 'bool') return ['true', 'false'];
  return [];
}

/** Snippet tab stops can't hold `$`, `}` or `\` unescaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

import { Range, type CompletionItem, type Position, type TextDocument } from '../../types';
import { findKey, type BackintCatalog, type BackintKeyInfo } from '../catalog';
import type { ParsedBackintFile } from '../model';
import { escapeSnippet, keyItem, valueItem, valueWords } from './items';

function yamlSnippet(key: BackintKeyInfo): string {
  const words = valueWords(key);
  if (words.length) return `${key.name}: \${1|${words.map(escapeSnippet).join(',')}|}`;
  // Text that YAML would misread unquoted starts out quoted.
  if (key.name === 'S3BucketOwnerAccountID' || key.name === 'BackupObjectTags') return `${key.name}: "$1"`;
  return `${key.name}: $1`;
}

/** Completion in `aws-backint-agent-config.yaml`: top-level keys not yet set, and enum/boolean values. */
export function completeYaml(
  document: TextDocument,
  position: Position,
  file: ParsedBackintFile,
  catalog: BackintCatalog,
): CompletionItem[] {
  const line = document.getText(Range.create(position.line, 0, position.line + 1, 0)).replace(/\r?\n$/, '');
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  if (/^\s*#/.test(before)) return [];

  const keyTyped = /^([A-Za-z0-9_]*)$/.exec(before);
  if (keyTyped) {
    const wordEnd = position.character + (/^[A-Za-z0-9_]*/.exec(after)?.[0].length ?? 0);
    const range = Range.create(position.line, 0, position.line, wordEnd);
    const hasColon = /^[A-Za-z0-9_]*\s*:/.test(after);
    const lineStart = document.offsetAt(Range.create(position.line, 0, position.line, 0).start);
    const present = new Set(
      file.entries.filter((e) => e.keyStart !== lineStart).map((e) => findKey(catalog, e.key)?.name),
    );
    return catalog.keys
      .filter((key) => !present.has(key.name))
      .map((key) => keyItem(key, catalog, range, hasColon ? key.name : yamlSnippet(key), !hasColon));
  }

  const valueTyped = /^([A-Za-z0-9_]+)[ \t]*:[ \t]*(\S*)$/.exec(before);
  const key = valueTyped ? findKey(catalog, valueTyped[1]) : undefined;
  if (!valueTyped || !key) return [];
  const start = position.character - valueTyped[2].length;
  const end = position.character + (/^\S*/.exec(after)?.[0].length ?? 0);
  const range = Range.create(position.line, start, position.line, end);
  return valueWords(key).map((word) => valueItem(word, range, word, `${key.name} value`));
}

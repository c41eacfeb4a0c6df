import type { BackintCatalog, BackintKeyInfo } from '../catalog';

const TYPE_WORDS: Record<BackintKeyInfo['type'], string> = {
  string: 'text',
  path: 'path',
  int: 'whole number',
  float: 'number',
  bool: 'boolean',
  enum: 'one of a list',
  map: 'object of strings',
};

function defaultLine(key: BackintKeyInfo): string | undefined {
  if (key.default === null) return `Default: unknown${key.defaultNote ? ` — ${key.defaultNote}` : ''}`;
  if (key.default !== undefined) return `Default: \`${key.default}\``;
  return key.defaultNote ? `Default: none documented — ${key.defaultNote}` : undefined;
}

function rangeLine(key: BackintKeyInfo): string | undefined {
  const parts: string[] = [];
  if (key.values) parts.push(`Allowed: ${key.values.map((v) => `\`${v}\``).join(', ')}`);
  if (key.min !== undefined || key.max !== undefined) {
    parts.push(`Range: ${key.min ?? '…'} – ${key.max ?? '…'}`);
  }
  if (key.cap !== undefined) parts.push(`The agent lowers larger values to ${key.cap}`);
  if (key.length !== undefined) parts.push(`Exactly ${key.length} characters`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Markdown for a key: what it does, its type, default, allowed values and where the facts come from. */
export function describeKey(key: BackintKeyInfo, catalog: BackintCatalog, writtenAs?: string): string {
  const title = `**${key.name}**${key.required ? ' (required)' : ''} — ${catalog.agent}`;
  const alias =
    writtenAs && writtenAs !== key.name
      ? `Written as \`${writtenAs}\`, the JSON name of \`${key.name}\`.`
      : '';
  const lines = [
    title,
    key.doc,
    alias,
    `Type: ${TYPE_WORDS[key.type]}`,
    defaultLine(key),
    rangeLine(key),
    catalog.validatesKeys ? undefined : 'This file kind is not validated against a complete key list.',
    `Source: ${key.source}`,
  ];
  return lines.filter((line): line is string => Boolean(line)).join('\n\n');
}

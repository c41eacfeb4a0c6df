import { DAY_NAMES } from '../model/policyModel';
import { describe, resolveSchema, schemaAt, type SchemaNode } from '../schema/policySchema';
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  MarkupKind,
  Range,
  TextEdit,
  type PolicySettings,
  type Position,
  type TextDocument,
} from '../types';
import { cursorContext, type CursorContext } from './cursorContext';

const TIME_ZONES: string[] = (() => {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
})();

const POLICY_SKELETON = [
  'apiVersion: hana-backup/v1',
  'kind: BackupPolicy',
  'metadata:',
  '  name: ${1:prd-standard}',
  'spec:',
  '  timezone: ${2:UTC}',
  '  targets:',
  '    - system: ${3:PRD}',
  '      databases: [${4:SYSTEMDB}]',
  '  objectives:',
  '    rpo: ${5:15m}',
  '  destinations:',
  '    data: { type: ${6|backint,file|} }',
  '    log: { type: ${6} }',
  '  schedules:',
  '    full: { every: week, on: [${7:sun}], at: "${8:01:00}" }',
  '    log: { interval: ${5} }',
  '  retention:',
  '    full: { weekly: ${9:8w} }',
  '    log: ${10:35d}',
  '',
].join('\n');

function documentation(node: SchemaNode | undefined) {
  const text = describe(node);
  return text ? { kind: MarkupKind.Markdown, value: text } : undefined;
}

function indentBlock(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : indent + line))
    .join('\n');
}

/** Insert text for a key: children of objects get their snippet on the following lines. */
function keyInsertText(key: string, node: SchemaNode, ctx: CursorContext, childIndent: string): string {
  if (ctx.inFlow) {
    const values = node.enum;
    return values ? `${key}: \${1|${values.join(',')}|}` : `${key}: $1`;
  }
  const type = node.type;
  if (type === 'array' && resolveSchema(node.items)?.['x-snippet']) {
    return `${key}:\n${childIndent}- ${indentBlock(resolveSchema(node.items)!['x-snippet']!, childIndent + '  ')}`;
  }
  if (node['x-snippet']) return `${key}:\n${childIndent}${indentBlock(node['x-snippet'], childIndent)}`;
  if (type === 'object' || (Array.isArray(type) && type.includes('object') && !type.includes('string'))) {
    return `${key}:\n${childIndent}$0`;
  }
  if (type === 'array') return `${key}: [$1]`;
  if (node.enum) return `${key}: \${1|${node.enum.join(',')}|}`;
  if (node.const !== undefined) return `${key}: ${String(node.const)}`;
  return `${key}: $0`;
}

function keyCompletions(document: TextDocument, ctx: CursorContext, range: Range): CompletionItem[] {
  const parent = schemaAt(ctx.path);
  if (!parent?.properties) return [];
  const lineStart = document.offsetAt({ line: document.positionAt(ctx.partialStart).line, character: 0 });
  const keyIndent = ' '.repeat(ctx.partialStart - lineStart);
  const childIndent = keyIndent + '  ';
  const items: CompletionItem[] = [];
  for (const [key, raw] of Object.entries(parent.properties)) {
    if (ctx.siblings.has(key)) continue;
    const node = resolveSchema(raw) ?? {};
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: parent.required?.includes(key) ? 'required' : undefined,
      documentation: documentation(node),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, keyInsertText(key, node, ctx, childIndent)),
      sortText: `${parent.required?.includes(key) ? '0' : '1'}${key}`,
    });
  }
  if (ctx.path.length === 0 && ctx.siblings.size === 0) {
    items.push({
      label: 'BackupPolicy',
      kind: CompletionItemKind.Snippet,
      detail: 'a complete backup policy',
      documentation: {
        kind: MarkupKind.Markdown,
        value:
          'Inserts a policy with every required key and a weekly full, 15-minute logs and GFS retention.',
      },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, POLICY_SKELETON),
      sortText: '00',
    });
  }
  return items;
}

function valueItem(
  label: string,
  range: Range,
  kind: CompletionItemKind,
  detail?: string,
  quote = false,
): CompletionItem {
  return {
    label,
    kind,
    detail,
    textEdit: TextEdit.replace(range, quote ? `"${label}"` : label),
    filterText: quote ? `"${label}"` : label,
  };
}

function valueCompletions(ctx: CursorContext, range: Range, settings: PolicySettings): CompletionItem[] {
  const path = ctx.path;
  const last = path[path.length - 1];
  const parentKey = typeof last === 'number' ? path[path.length - 2] : last;
  const node = schemaAt(path);

  if (parentKey === 'on') {
    const every = ctx.siblings.get('every');
    const days =
      every === 'month'
        ? [...Array.from({ length: 31 }, (_, i) => String(i + 1)), 'last']
        : [...DAY_NAMES.slice(1), 'sun'];
    return days.map((day, i) => ({
      ...valueItem(day, range, CompletionItemKind.EnumMember),
      sortText: String(i).padStart(2, '0'),
    }));
  }
  if (parentKey === 'timezone')
    return TIME_ZONES.map((zone) => valueItem(zone, range, CompletionItemKind.Value, 'IANA time zone'));
  if (parentKey === 'system') {
    return settings.connections.map((c) =>
      valueItem(
        c.name,
        range,
        CompletionItemKind.Reference,
        c.host ? `${c.host}${c.port ? `:${c.port}` : ''}` : 'configured connection',
      ),
    );
  }
  if (parentKey === 'databases') {
    const system = ctx.siblings.get('system');
    const connection = settings.connections.find((c) => c.name === system);
    const names = new Set(['SYSTEMDB', ...(connection?.databases ?? [])]);
    const items = [...names].map((name) =>
      valueItem(
        name,
        range,
        CompletionItemKind.Value,
        connection ? `database of ${connection.name}` : 'database',
      ),
    );
    items.push(valueItem('*', range, CompletionItemKind.Value, 'every database of the system', true));
    return items;
  }
  if (parentKey === 'at') {
    return ['00:00', '01:00', '02:00', '22:00', '23:00'].map((time) =>
      valueItem(time, range, CompletionItemKind.Value, 'time of day', true),
    );
  }
  if (parentKey === 'cron') {
    return [
      ['0 1 * * 0', 'Sundays at 01:00'],
      ['0 1 * * 1-6', 'Monday to Saturday at 01:00'],
      ['30 23 * * *', 'every day at 23:30'],
    ].map(([expression, detail]) => valueItem(expression, range, CompletionItemKind.Value, detail, true));
  }
  if (!node) return [];
  const items: CompletionItem[] = [];
  for (const value of node.enum ?? [])
    items.push(valueItem(String(value), range, CompletionItemKind.EnumMember));
  if (node.const !== undefined) items.push(valueItem(String(node.const), range, CompletionItemKind.Constant));
  if (node.type === 'boolean')
    items.push(...['true', 'false'].map((v) => valueItem(v, range, CompletionItemKind.Value)));
  for (const typical of node['x-typical'] ?? [])
    items.push(valueItem(typical, range, CompletionItemKind.Value, 'duration'));
  return items;
}

/** Completion at a caret: keys valid there, or values for the key being written. */
export function complete(
  document: TextDocument,
  position: Position,
  settings: PolicySettings,
): CompletionList {
  const offset = document.offsetAt(position);
  const ctx = cursorContext(document.getText(), offset);
  const range = Range.create(document.positionAt(ctx.partialStart), position);
  const items =
    ctx.mode === 'key' ? keyCompletions(document, ctx, range) : valueCompletions(ctx, range, settings);
  return CompletionList.create(items, false);
}

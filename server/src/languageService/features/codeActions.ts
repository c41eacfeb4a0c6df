import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedPolicyFile, PolicyYamlDocument } from '../parsing/policyFile';
import { nodeAt } from '../parsing/yamlNodes';
import { resolveSchema, schemaAt } from '../schema/policySchema';
import {
  CodeAction,
  CodeActionKind,
  Command,
  TextEdit,
  type Diagnostic,
  type Range,
  type WorkspaceEdit,
} from '../types';

function fix(
  title: string,
  file: ParsedPolicyFile,
  diagnostic: Diagnostic,
  edits: TextEdit[],
  preferred = true,
): CodeAction {
  const edit: WorkspaceEdit = { changes: { [file.uri]: edits } };
  const action = CodeAction.create(title, edit, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

function data(diagnostic: Diagnostic): Record<string, unknown> {
  return (diagnostic.data as Record<string, unknown> | undefined) ?? {};
}

/** "1:00" → "01:00", 2300 → "23:00": what a time most likely meant, quoted. */
export function normaliseTime(text: string): string | undefined {
  const clean = text.replace(/^["']|["']$/g, '').trim();
  const match = /^(\d{1,2})[:.h]?(\d{2})$/.exec(clean);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  return `"${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}"`;
}

function placeholder(path: (string | number)[]): string {
  const node = schemaAt(path);
  if (!node) return '';
  if (node.const !== undefined) return String(node.const);
  if (node.enum) return String(node.enum[0]);
  if (node['x-typical']) return node['x-typical'][0];
  if (node.default !== undefined) return String(node.default);
  return '';
}

/** Text of a missing key with a sensible value, or its child snippet without placeholders. */
function missingKeyText(path: (string | number)[], key: string, childIndent: string): string {
  const node = schemaAt([...path, key]);
  const snippet = (node?.['x-snippet'] ?? resolveSchema(node?.items)?.['x-snippet'])?.replace(
    // Placeholders become their default, or nothing: `${1}` must be filled in by the user.
    /\$\{\d+(?::([^}]*)|\|([^,|]*)[^}]*)?\}/g,
    (_m, a, b) => a ?? b ?? '',
  );
  if (node?.type === 'array' && snippet) {
    return `${key}:\n${childIndent}  - ${snippet.split('\n').join(`\n${childIndent}    `)}`;
  }
  if (snippet) return `${key}:\n${childIndent}  ${snippet.split('\n').join(`\n${childIndent}  `)}`;
  if (node?.type === 'object') return `${key}:`;
  return `${key}: ${placeholder([...path, key])}`.trimEnd();
}

function addMissingKey(
  file: ParsedPolicyFile,
  doc: PolicyYamlDocument,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  const { missing, parentPath } = data(diagnostic) as { missing?: string; parentPath?: (string | number)[] };
  if (typeof missing !== 'string' || !Array.isArray(parentPath)) return undefined;
  const td = file.textDocument;
  const parent =
    parentPath.length === 0 ? (doc.yaml.contents as Node | null) : nodeAt(doc.yaml, parentPath)?.value;
  if (!isMap(parent)) return undefined;
  const map = parent as YAMLMap;
  if (map.flow) {
    const lastItem = map.items[map.items.length - 1] as Pair | undefined;
    const lastEnd = ((lastItem?.value ?? lastItem?.key) as Node | null)?.range?.[1];
    const entry = `${missing}: ${placeholder([...parentPath, missing])}`.trimEnd();
    const edit =
      lastEnd !== undefined
        ? TextEdit.insert(td.positionAt(lastEnd), `, ${entry}`)
        : TextEdit.insert(td.positionAt(map.range![0] + 1), ` ${entry} `);
    return fix(`Add \`${missing}\``, file, diagnostic, [edit]);
  }
  const last = map.items[map.items.length - 1] as Pair | undefined;
  const firstKey = map.items[0]?.key as Node | undefined;
  if (!last || !firstKey?.range) return undefined;
  const indent = ' '.repeat(td.positionAt(firstKey.range[0]).character);
  const nodeEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
  // A block value's range runs past its line break; the entry ends where its text does.
  const end = file.text.slice(0, nodeEnd).trimEnd().length;
  const endLine = td.positionAt(end).line;
  const lineEnd = td.positionAt(td.offsetAt({ line: endLine + 1, character: 0 }));
  const atEndOfText = lineEnd.line === endLine;
  const text = `${atEndOfText ? '\n' : ''}${indent}${missingKeyText(parentPath, missing, indent)}\n`;
  const position = atEndOfText ? td.positionAt(file.text.length) : lineEnd;
  return fix(`Add \`${missing}\``, file, diagnostic, [TextEdit.insert(position, text)]);
}

function replaceWith(
  file: ParsedPolicyFile,
  diagnostic: Diagnostic,
  range: Range,
  text: string,
  title: string,
): CodeAction {
  return fix(title, file, diagnostic, [TextEdit.replace(range, text)]);
}

/** Quick fixes for the diagnostics in range. */
export function codeActions(file: ParsedPolicyFile, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'hana-backup') continue;
    const offset = file.textDocument.offsetAt(diagnostic.range.start);
    const doc = file.documents.find((d) => offset >= d.start && offset <= d.end);
    const facts = data(diagnostic);
    const current = file.textDocument.getText(diagnostic.range);
    switch (diagnostic.code) {
      case 'HBP002':
        if (typeof facts.proposal === 'string') {
          actions.push(
            replaceWith(
              file,
              diagnostic,
              diagnostic.range,
              facts.proposal,
              `Rename \`${current}\` to \`${facts.proposal}\``,
            ),
          );
        }
        break;
      case 'HBP110':
        if (typeof facts.replacement === 'string') {
          actions.push(
            replaceWith(
              file,
              diagnostic,
              diagnostic.range,
              facts.replacement,
              `Change \`${current}\` to \`${facts.replacement}\` (months)`,
            ),
          );
        }
        break;
      case 'HBP103':
      case 'HBP104':
        if (typeof facts.minimum === 'string') {
          actions.push(
            replaceWith(
              file,
              diagnostic,
              diagnostic.range,
              facts.minimum,
              `Raise retention to \`${facts.minimum}\``,
            ),
          );
        }
        break;
      case 'HBP101':
        if (typeof facts.rpo === 'string') {
          actions.push(
            replaceWith(
              file,
              diagnostic,
              diagnostic.range,
              facts.rpo,
              `Back up logs every \`${facts.rpo}\` (the RPO)`,
            ),
          );
        }
        break;
      case 'HBP003':
      case 'HBP007': {
        const time = /`at`/.test(diagnostic.message) ? normaliseTime(current) : undefined;
        if (time && time !== current)
          actions.push(replaceWith(file, diagnostic, diagnostic.range, time, `Write the time as ${time}`));
        if (typeof facts.proposal === 'string') {
          actions.push(
            replaceWith(
              file,
              diagnostic,
              diagnostic.range,
              facts.proposal,
              `Change to \`${facts.proposal}\``,
            ),
          );
        }
        if (Array.isArray(facts.allowed) && facts.allowed.length === 1) {
          actions.push(
            replaceWith(
              file,
              diagnostic,
              diagnostic.range,
              String(facts.allowed[0]),
              `Change to \`${String(facts.allowed[0])}\``,
            ),
          );
        }
        break;
      }
      case 'HBP004': {
        const action = doc ? addMissingKey(file, doc, diagnostic) : undefined;
        if (action) actions.push(action);
        break;
      }
      case 'HBP130':
        if (typeof facts.system === 'string') {
          const action = CodeAction.create(
            `Add a connection named "${facts.system}"`,
            Command.create(`Add connection ${facts.system}`, 'hanaBackup.addConnection', facts.system),
            CodeActionKind.QuickFix,
          );
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
        if (typeof facts.proposal === 'string') {
          actions.push(
            replaceWith(file, diagnostic, diagnostic.range, facts.proposal, `Change to "${facts.proposal}"`),
          );
        }
        break;
      default:
        break;
    }
  }
  return actions;
}

import {
  CodeAction,
  CodeActionKind,
  CreateFile,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  TextEdit,
  type Diagnostic,
  type TextDocument,
  type WorkspaceEdit,
} from '../../types';
import { URI } from 'vscode-uri';
import { lastEntry, type ConfigFile } from '../../layers/configIndex';
import type { WorkspaceModel } from '../../workspace/workspaceModel';
import type { IniEntry, ParsedIni } from '../iniDocument';
import { configFileOf } from './iniPosition';

function lineDeletion(line: number): TextEdit {
  return TextEdit.del({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}

function action(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, preferred = false): CodeAction {
  const result = CodeAction.create(title, edit, CodeActionKind.QuickFix);
  result.diagnostics = [diagnostic];
  result.isPreferred = preferred;
  return result;
}

function sameFile(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

/**
 * Edits that put `key = value` into `[section]` of a parsed file: replace the value when the key is
 * there, add a line at the end of the section when the section is, or append the section. Nothing
 * else in the file is rewritten (HANA's header line stays as it is).
 */
export function setInSection(ini: ParsedIni, section: string, key: string, value: string): TextEdit[] {
  const existing = [...ini.entries].reverse().find((e) => e.section === section && e.key === key);
  if (existing) return [TextEdit.replace(existing.valueRange, value)];
  const target = [...ini.sections].reverse().find((s) => s.name === section);
  const eol = ini.eol;
  if (target) {
    const line = target.lastLine;
    return [TextEdit.insert({ line, character: ini.lines[line].length }, `${eol}${key} = ${value}`)];
  }
  const lastLine = ini.lines.length - 1;
  const endsWithNewline = ini.lines[lastLine] === '';
  const position = { line: lastLine, character: ini.lines[lastLine].length };
  const separator = ini.lines.every((l) => !l.trim()) ? '' : endsWithNewline ? eol : `${eol}${eol}`;
  return [TextEdit.insert(position, `${separator}[${section}]${eol}${key} = ${value}${eol}`)];
}

function entryOf(file: ConfigFile, diagnostic: Diagnostic): IniEntry | undefined {
  return file.ini.entries.find((e) => e.line === diagnostic.range.start.line);
}

/** Where the DATABASE layer file of `database` lives: the workspace's, or where HANA would put it. */
function databaseFileFor(
  file: ConfigFile,
  database: string,
  workspace: WorkspaceModel,
): { existing?: ConfigFile; uri: string; header?: string } | undefined {
  const layer = file.layer;
  if (!layer) return undefined;
  const existing = workspace.config
    .filesOf(layer.system)
    .find((f) => f.layer?.layer === 'DATABASE' && f.layer.database === database);
  if (existing) return { existing, uri: existing.uri };
  const hostUri = URI.parse(file.uri);
  if (layer.from === 'path' && layer.sapRoot !== undefined && layer.sid) {
    const path = `${layer.sapRoot}/usr/sap/${layer.sid}/SYS/global/hdb/custom/config/DB_${database}/global.ini`;
    return { uri: hostUri.with({ path }).toString() };
  }
  const folder = hostUri.path.slice(0, hostUri.path.lastIndexOf('/'));
  const sid = layer.sid ? ` sid=${layer.sid}` : '';
  return {
    uri: hostUri.with({ path: `${folder}/DB_${database}.global.ini` }).toString(),
    header: `# hana-backup: layer=DATABASE database=${database}${sid}`,
  };
}

function moveToDatabase(
  file: ConfigFile,
  entry: IniEntry,
  database: string,
  diagnostic: Diagnostic,
  workspace: WorkspaceModel,
): CodeAction | undefined {
  const target = databaseFileFor(file, database, workspace);
  if (!target) return undefined;
  const removal = TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(file.uri, null), [
    lineDeletion(entry.line),
  ]);
  if (target.existing) {
    const insert = TextDocumentEdit.create(
      OptionalVersionedTextDocumentIdentifier.create(target.uri, null),
      setInSection(target.existing.ini, entry.section, entry.key, entry.value),
    );
    return action(`Move to the DATABASE layer of ${database}`, diagnostic, {
      documentChanges: [insert, removal],
    });
  }
  const content = `${target.header ? `${target.header}\n` : ''}[${entry.section}]\n${entry.key} = ${entry.value}\n`;
  return action(
    `Move to the DATABASE layer of ${database} (creates ${URI.parse(target.uri).path.split('/').slice(-2).join('/')})`,
    diagnostic,
    {
      documentChanges: [
        CreateFile.create(target.uri, { ignoreIfExists: true }),
        TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(target.uri, null), [
          TextEdit.insert({ line: 0, character: 0 }, content),
        ]),
        removal,
      ],
    },
  );
}

/** Quick fixes for global.ini diagnostics. */
export function iniCodeActions(
  document: TextDocument,
  diagnostics: Diagnostic[],
  workspace: WorkspaceModel,
): CodeAction[] {
  const file = configFileOf(document, workspace);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'hana-backup') continue;
    const data = (diagnostic.data as Record<string, unknown> | undefined) ?? {};
    const entry = entryOf(file, diagnostic);
    switch (diagnostic.code) {
      case 'HBI002':
      case 'HBI006':
        if (entry && typeof data.proposal === 'string') {
          actions.push(
            action(
              `Rename to \`${data.proposal}\``,
              diagnostic,
              sameFile(file.uri, [TextEdit.replace(entry.keyRange, data.proposal)]),
              true,
            ),
          );
        }
        break;
      case 'HBI004': {
        // On the later value the fix removes the earlier one, on the earlier value it removes itself.
        const earlierLine = data.earlier
          ? diagnostic.range.start.line
          : diagnostic.relatedInformation?.[0]?.location.range.start.line;
        if (earlierLine !== undefined) {
          actions.push(
            action(
              'Remove the earlier value',
              diagnostic,
              sameFile(file.uri, [lineDeletion(earlierLine)]),
              true,
            ),
          );
        }
        break;
      }
      case 'HBI005':
        if (entry && typeof data.targetSection === 'string')
          actions.push(moveToSection(file, entry, data.targetSection, diagnostic));
        break;
      case 'HBI010':
      case 'HBI011':
        if (entry) {
          actions.push(
            action(
              'Remove the HOST-layer override',
              diagnostic,
              sameFile(file.uri, [lineDeletion(entry.line)]),
              true,
            ),
          );
          for (const database of (data.databases as string[] | undefined) ?? []) {
            const move = moveToDatabase(file, entry, database, diagnostic, workspace);
            if (move) actions.push(move);
          }
        }
        break;
      case 'HBI020':
        actions.push(
          action(
            'Set log_mode = normal',
            diagnostic,
            sameFile(file.uri, [TextEdit.replace(diagnostic.range, 'normal')]),
            true,
          ),
        );
        break;
      case 'HBI021':
        actions.push(
          action(
            'Set enable_auto_log_backup = yes',
            diagnostic,
            sameFile(file.uri, [TextEdit.replace(diagnostic.range, 'yes')]),
            true,
          ),
        );
        break;
      case 'HBI023':
        if (typeof data.buffer === 'string') {
          actions.push(
            action(
              `Set data_backup_buffer_size = ${data.buffer} here`,
              diagnostic,
              sameFile(file.uri, setInSection(file.ini, 'backup', 'data_backup_buffer_size', data.buffer)),
            ),
          );
        }
        break;
      default:
        break;
    }
  }
  return actions;
}

function moveToSection(
  file: ConfigFile,
  entry: IniEntry,
  section: string,
  diagnostic: Diagnostic,
): CodeAction {
  const present = lastEntry(file, section, entry.key);
  if (present) {
    return action(
      `Remove it ([${section}] already sets ${entry.key} = ${present.value})`,
      diagnostic,
      sameFile(file.uri, [lineDeletion(entry.line)]),
      true,
    );
  }
  const insert = setInSection(file.ini, section, entry.key, entry.value);
  return action(
    `Move to [${section}]`,
    diagnostic,
    sameFile(file.uri, [...insert, lineDeletion(entry.line)]),
    true,
  );
}

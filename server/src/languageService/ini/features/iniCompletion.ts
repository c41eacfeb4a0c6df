import {
  CompletionItemKind,
  CompletionList,
  MarkupKind,
  Range,
  TextEdit,
  type CompletionItem,
  type Position,
  type TextDocument,
} from '../../types';
import type { WorkspaceModel } from '../../workspace/workspaceModel';
import { parameterInfo, parametersOf, VALIDATED_SECTIONS } from '../parameterCatalog';
import { configFileOf, sectionAt } from './iniPosition';

function item(
  label: string,
  range: Range,
  kind: CompletionItemKind,
  detail?: string,
  documentation?: string,
  insert = label,
): CompletionItem {
  return {
    label,
    kind,
    detail,
    documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
    textEdit: TextEdit.replace(range, insert),
  };
}

/** Sections, the parameters of the section at the cursor (with docs), values, parameter-file paths. */
export function completeIni(
  document: TextDocument,
  position: Position,
  workspace: WorkspaceModel,
): CompletionList {
  const file = configFileOf(document, workspace);
  const prefix = (file.ini.lines[position.line] ?? '').slice(0, position.character);
  const section = /^\s*\[([^\]]*)$/.exec(prefix);
  if (section) {
    const range = Range.create(
      position.line,
      position.character - section[1].length,
      position.line,
      position.character,
    );
    return CompletionList.create(
      VALIDATED_SECTIONS.map((name) => item(name, range, CompletionItemKind.Module, 'section')),
      false,
    );
  }
  const current = sectionAt(file, position.line);
  const value = /^\s*([^=\s]+)\s*=\s*(.*)$/.exec(prefix);
  if (value && current) {
    const range = Range.create(
      position.line,
      position.character - value[2].length,
      position.line,
      position.character,
    );
    const info = parameterInfo(current.name, value[1]);
    if (!info) return CompletionList.create([], false);
    const values: [string, string?][] =
      info.type === 'bool'
        ? [['true'], ['false']]
        : info.type === 'yesno'
          ? [['yes'], ['no']]
          : info.type === 'enum'
            ? info.values!.map((v) => [v] as [string])
            : info.type === 'path' && /_parameter_file$/.test(info.name)
              ? workspace
                  .parameterFilePaths()
                  .map((p) => [p, 'Backint parameter file in the workspace'] as [string, string])
              : info.default !== null
                ? [[info.default, 'default']]
                : [];
    return CompletionList.create(
      values.map(([v, detail]) => item(v, range, CompletionItemKind.Value, detail)),
      false,
    );
  }
  const key = /^\s*([A-Za-z0-9_]*)$/.exec(prefix);
  if (key && current) {
    const range = Range.create(
      position.line,
      position.character - key[1].length,
      position.line,
      position.character,
    );
    const present = new Set(current.entries.map((e) => e.key));
    return CompletionList.create(
      parametersOf(current.name)
        .filter((p) => !present.has(p.name))
        .map((p) =>
          item(
            p.name,
            range,
            CompletionItemKind.Property,
            p.unit ? `${p.type} (${p.unit})` : p.type,
            p.doc,
            `${p.name} = `,
          ),
        ),
      false,
    );
  }
  return CompletionList.create([], false);
}

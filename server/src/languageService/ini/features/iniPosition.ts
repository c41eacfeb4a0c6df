import type { ConfigFile } from '../../layers/configIndex';
import type { WorkspaceModel } from '../../workspace/workspaceModel';
import type { Position, TextDocument } from '../../types';
import { parseIni, type IniEntry, type IniSection } from '../iniDocument';

/** The workspace's view of an open global.ini, or a parse of its text when the model lacks it. */
export function configFileOf(document: TextDocument, workspace: WorkspaceModel): ConfigFile {
  const known = workspace.config.get(document.uri);
  if (known && known.ini.lines.join(known.ini.eol) === document.getText()) return known;
  return { uri: document.uri, path: document.uri, ini: parseIni(document.getText()) };
}

export function entryAt(file: ConfigFile, position: Position): IniEntry | undefined {
  return file.ini.entries.find((e) => e.line === position.line);
}

/** The section a line belongs to. */
export function sectionAt(file: ConfigFile, line: number): IniSection | undefined {
  let found: IniSection | undefined;
  for (const section of file.ini.sections) if (section.line <= line) found = section;
  return found;
}

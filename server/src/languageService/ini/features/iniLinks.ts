import type { DocumentLink, TextDocument } from '../../types';
import type { WorkspaceModel } from '../../workspace/workspaceModel';
import { configFileOf } from './iniPosition';

/** Links from `*_parameter_file` values to the Backint parameter files present in the workspace. */
export function iniDocumentLinks(document: TextDocument, workspace: WorkspaceModel): DocumentLink[] {
  const file = configFileOf(document, workspace);
  return file.ini.entries.flatMap((entry) => {
    if (!/_backup_parameter_file$/.test(entry.key)) return [];
    const target = workspace.findParameterFile(entry.value);
    return target
      ? [{ range: entry.valueRange, target: target.uri, tooltip: 'Open the Backint parameter file' }]
      : [];
  });
}

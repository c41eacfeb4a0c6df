import { MarkupKind, type Hover, type Position, type TextDocument } from '../../types';
import type { WorkspaceModel } from '../../workspace/workspaceModel';
import { parameterInfo } from '../parameterCatalog';
import { configFileOf, entryAt } from './iniPosition';

/**
 * Hover on a parameter: its documentation, and what each database of the system really gets through
 * the layers ("ERP: 900 (DATABASE) · erphana2 overrides to 3600 (HOST)").
 */
export function hoverIni(
  document: TextDocument,
  position: Position,
  workspace: WorkspaceModel,
): Hover | null {
  const file = configFileOf(document, workspace);
  const entry = entryAt(file, position);
  if (!entry || position.character > entry.valueRange.end.character) return null;
  const info = parameterInfo(entry.section, entry.key);
  const parts: string[] = [`**[${entry.section}] ${entry.key}**`];
  if (info) {
    parts.push(info.doc);
    const facts = [
      `type ${info.type === 'yesno' ? 'yes/no' : info.type}`,
      info.values ? `values ${info.values.join(', ')}` : undefined,
      info.min !== undefined || info.max !== undefined
        ? `range ${info.min ?? '…'}–${info.max ?? '…'}`
        : undefined,
      info.unit ? `unit ${info.unit}` : undefined,
      `default ${info.default ?? 'not documented'}`,
      `source ${info.source}`,
    ].filter(Boolean);
    parts.push(facts.join(' · '));
  }
  const layer = file.layer;
  if (layer) {
    const lines: string[] = [];
    for (const database of workspace.config.databasesOf(layer.system)) {
      const effective = workspace.config.resolve(layer.system, database, entry.section, entry.key);
      const base = effective.database
        ? `${effective.database.value} (${effective.database.layer})`
        : `${info?.default ?? 'not set'} (default)`;
      const overrides = effective.hostOverrides.map(
        (o) => `${o.file.layer?.host} overrides to ${o.value} (HOST)`,
      );
      lines.push(`- ${database}: ${[base, ...overrides].join(' · ')}`);
    }
    parts.push(
      `Effective in ${layer.sid ?? layer.system.replace(/^folder:/, '')} (this file: ${layer.layer}${layer.database ? ` ${layer.database}` : ''}${layer.host ? ` ${layer.host}` : ''}):\n${lines.join('\n')}`,
    );
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
    range: { start: entry.keyRange.start, end: entry.valueRange.end },
  };
}

/** A backup's catalog facts as a Markdown document (pure: tested without VS Code). */
import type { BackupDetails } from '../catalog/catalogTypes';
import { formatBytes, formatSpan, formatTime } from '../tree/labels';

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function backupDetailsMarkdown(connection: string, details: BackupDetails): string {
  const total = details.files.reduce((n, f) => n + f.sizeBytes, 0);
  const duration = details.end
    ? formatSpan((details.end.getTime() - details.start.getTime()) / 1000)
    : 'running';
  const lines = [
    `# ${details.entryType} ${details.backupId}`,
    '',
    `| | |`,
    `|---|---|`,
    `| System | ${cell(connection)} |`,
    `| Database | ${cell(details.database)}${details.sourceDatabase && details.sourceDatabase !== details.database ? ` (from ${cell(details.sourceDatabase)})` : ''} |`,
    `| State | ${cell(details.state)} |`,
    `| Started | ${formatTime(details.start)} (server time) |`,
    `| Ended | ${details.end ? formatTime(details.end) : '—'} |`,
    `| Duration | ${duration} |`,
    `| Size | ${formatBytes(total)} (${total.toLocaleString('en-US')} bytes) |`,
    `| Destination | ${cell(details.destination || '—')} |`,
    `| Comment | ${cell(details.comment || '—')} |`,
    `| Message | ${cell(details.message || '—')} |`,
    '',
    `## Files (${details.files.length})`,
    '',
    '| Host | Service | Source | Size | Destination | EBID | Redo log position |',
    '|---|---|---|---|---|---|---|',
    ...details.files.map((f) => {
      const position =
        f.firstRedoLogPosition !== undefined || f.lastRedoLogPosition !== undefined
          ? `${f.firstRedoLogPosition ?? '?'} – ${f.lastRedoLogPosition ?? '?'}`
          : (f.redoLogPosition ?? '');
      return `| ${cell(f.host)} | ${cell(f.service)} | ${cell(f.sourceType)} | ${formatBytes(f.sizeBytes)} | ${cell(
        [f.destinationType, f.destinationPath].filter(Boolean).join(': '),
      )} | ${cell(f.externalBackupId)} | ${cell(position)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

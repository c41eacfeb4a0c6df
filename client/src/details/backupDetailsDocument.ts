/**
 * Selecting a backup in the tree opens its details as a read-only Markdown document
 * (`hana-backup-details:` URIs), read from the catalog when opened.
 */
import * as vscode from 'vscode';
import { readBackupDetails } from '../catalog/backupDetails';
import type { ConnectionManager } from '../connections/connectionManager';
import { backupDetailsMarkdown } from './backupDetailsText';

export const DETAILS_SCHEME = 'hana-backup-details';

export function detailsUri(connection: string, database: string, backupId: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: DETAILS_SCHEME,
    path: `/${encodeURIComponent(connection)}/${encodeURIComponent(database)}/${backupId}.md`,
  });
}

export class BackupDetailsProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly connections: ConnectionManager) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const [, connection, database, file] = uri.path.split('/');
    const name = decodeURIComponent(connection);
    const db = decodeURIComponent(database);
    const backupId = file.replace(/\.md$/, '');
    try {
      const details = await readBackupDetails(await this.connections.runner(name), db, backupId);
      if (!details)
        return `# Backup ${backupId}\n\nNot in the catalog of ${db} (deleted by housekeeping?).\n`;
      return backupDetailsMarkdown(name, details);
    } catch (error) {
      return `# Backup ${backupId}\n\nCould not read it from ${name}: ${error instanceof Error ? error.message : String(error)}\n`;
    }
  }
}

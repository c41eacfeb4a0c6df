/**
 * "Back up now": databases, type, destination and comment picked, the statements shown and
 * confirmed, then one backup per database in a row, followed in a progress notification with
 * Cancel (`BACKUP CANCEL`).
 */
import * as vscode from 'vscode';
import { readSystemOverview } from '../catalog/landscapeQueries';
import { pickConnection } from '../connections/connectionCommands';
import { PasswordNotGiven } from '../connections/connectionManager';
import type { BackupType } from '../hana/sqlText';
import {
  backupStatement,
  defaultBackupPrefix,
  runDataBackup,
  type BackupOutcome,
  type BackupRequest,
} from '../operations/backupRun';
import { databaseOf, messageOf, type CommandContext, type Target } from './commandContext';
import { confirmStatements } from './sqlConfirmation';

const TYPES: { label: string; type: BackupType; detail: string }[] = [
  { label: 'Complete', type: 'complete', detail: 'all data (a full backup)' },
  { label: 'Differential', type: 'differential', detail: 'changes since the last complete backup' },
  { label: 'Incremental', type: 'incremental', detail: 'changes since the last data backup of any kind' },
];

export async function backupNow(ctx: CommandContext, target?: Target, selection?: Target[]): Promise<void> {
  const config = await pickConnection(ctx.connections, target?.connection, 'Back up which system?');
  if (!config) return;
  try {
    const runner = await ctx.connections.runner(config.name);
    const overview = await readSystemOverview(runner);
    const chosen = [target, ...(selection ?? [])].map(databaseOf).filter((d): d is string => !!d);
    let databases = [...new Set(chosen)];
    if (databases.length === 0) {
      const picked = await vscode.window.showQuickPick(
        overview.databases.map((d) => ({
          label: d.name,
          description: d.activeStatus === 'YES' ? '' : 'not running',
        })),
        { title: `Back up now — databases of ${config.name}`, canPickMany: true },
      );
      if (!picked?.length) return;
      databases = picked.map((p) => p.label);
    }
    const type = await vscode.window.showQuickPick(TYPES, {
      title: `Back up now — type (${databases.join(', ')})`,
    });
    if (!type) return;
    const destination = await vscode.window.showQuickPick(
      [
        {
          label: 'Backint',
          destination: 'backint' as const,
          detail: `under /usr/sap/${overview.sid}/SYS/global/hdb/backint/`,
        },
        { label: 'File', destination: 'file' as const, detail: 'relative to basepath_databackup' },
      ],
      { title: 'Back up now — destination' },
    );
    if (!destination) return;
    const now = new Date();
    const sample = defaultBackupPrefix(databases[0], type.type, 'file', overview.sid, now);
    const name = await vscode.window.showInputBox({
      title: 'Back up now — backup name (prefix)',
      value: sample,
      validateInput: (v) =>
        /^[A-Za-z0-9_.-]+$/.test(v.trim())
          ? undefined
          : 'Letters, digits, "_", "." and "-" only (it becomes a file or object name).',
    });
    if (!name) return;
    const comment = await vscode.window.showInputBox({
      title: 'Back up now — comment (optional)',
      prompt: 'Stored in the catalog with the backup',
    });
    if (comment === undefined) return;
    const requests: BackupRequest[] = databases.map((database) => ({
      database,
      type: type.type,
      destination: destination.destination,
      prefix:
        destination.destination === 'file'
          ? name.trim()
          : `${defaultBackupPrefix(database, type.type, 'backint', overview.sid, now).replace(/[^/]+$/, '')}${name.trim()}`,
      comment: comment.trim() || undefined,
    }));
    const answer = await confirmStatements(
      `Run a ${type.type} backup of ${databases.join(', ')} on ${config.name}?`,
      requests.map(backupStatement),
      {
        runLabel: 'Back Up',
        note: 'One database at a time; Cancel in the progress notification runs BACKUP CANCEL.',
      },
    );
    if (answer !== 'run') return;
    const outcomes = await runWithProgress(ctx, config.name, overview.sid, requests);
    ctx.tree.refresh();
    report(config.name, outcomes);
  } catch (error) {
    if (error instanceof PasswordNotGiven) return;
    void vscode.window.showErrorMessage(`Back up now on ${config.name}: ${messageOf(error)}`);
    ctx.tree.refresh();
  }
}

type Outcome = { database: string } & (BackupOutcome | { state: 'error'; message: string });

function runWithProgress(
  ctx: CommandContext,
  connection: string,
  sid: string,
  requests: BackupRequest[],
): Thenable<Outcome[]> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Backing up on ${connection}`,
      cancellable: true,
    },
    async (progress, token) => {
      const outcomes: Outcome[] = [];
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        for (const request of requests) {
          if (abort.signal.aborted) break;
          let reported = 0;
          progress.report({ message: `${request.database}: starting` });
          try {
            const runner = await ctx.connections.runner(connection);
            const outcome = await runDataBackup(runner, request, {
              sid,
              signal: abort.signal,
              onProgress: (p) => {
                progress.report({
                  message: `${request.database}: ${p.state === 'running' ? `${p.percent}%` : p.state}`,
                  // The bar covers all databases: each one is its share of 100 %.
                  increment: Math.max(0, p.percent - reported) / requests.length,
                });
                reported = Math.max(reported, p.percent);
              },
              // Not a stale percentage while HANA is out of reach: the state is read again once it answers.
              onConnectionLost: (message) => {
                ctx.log.warn(`backup of ${request.database} on ${connection}: ${message}`);
                progress.report({ message: `${request.database}: connection lost, reconnecting…` });
              },
            });
            ctx.log.info(
              `backup of ${request.database} on ${connection}: ${outcome.state}${outcome.message ? ` (${outcome.message})` : ''}`,
            );
            outcomes.push({ database: request.database, ...outcome });
          } catch (error) {
            ctx.log.warn(`backup of ${request.database} on ${connection}: ${messageOf(error)}`);
            outcomes.push({ database: request.database, state: 'error', message: messageOf(error) });
          }
        }
      } finally {
        subscription.dispose();
      }
      return outcomes;
    },
  );
}

function report(connection: string, outcomes: Outcome[]): void {
  const failed = outcomes.filter((o) => o.state !== 'successful');
  const lines = outcomes.map(
    (o) => `${o.database}: ${o.state}${o.message && o.state !== 'successful' ? ` — ${o.message}` : ''}`,
  );
  if (failed.length === 0)
    void vscode.window.showInformationMessage(`Backup on ${connection} finished: ${lines.join('; ')}`);
  else void vscode.window.showErrorMessage(`Backup on ${connection}: ${lines.join('; ')}`);
}

/**
 * "Create snapshot" (catalog entry, storage-snapshot command, CLOSE SNAPSHOT) and the two actions on a
 * snapshot found prepared in the catalog: confirm it with the storage snapshot's id, or abandon it.
 */
import * as vscode from 'vscode';
import { readSystemOverview } from '../catalog/landscapeQueries';
import { pickConnection } from '../connections/connectionCommands';
import { PasswordNotGiven } from '../connections/connectionManager';
import {
  abandonSnapshot,
  closeSnapshotStatement,
  confirmSnapshot,
  createSnapshot,
  createSnapshotStatement,
  type SnapshotCommand,
} from '../operations/snapshotRun';
import type { NodeOf } from '../tree/treeNodes';
import { messageOf, type CommandContext, type Target } from './commandContext';
import { confirmStatements } from './sqlConfirmation';

/** The command from the governing policy, else from the settings; arguments split on spaces. */
async function snapshotCommand(
  ctx: CommandContext,
  connection: string,
): Promise<{ command?: SnapshotCommand; from: string }> {
  const settings = vscode.workspace.getConfiguration('hanaBackup.snapshot');
  const timeoutMs = Math.max(1, settings.get<number>('timeoutSeconds', 600)) * 1000;
  const policy = await ctx.policyFor(connection, 'SYSTEMDB').catch(() => undefined);
  const line = policy?.snapshotCommand ?? settings.get<string>('command', '').trim();
  const from = policy?.snapshotCommand ? `policy ${policy.policy}` : 'setting hanaBackup.snapshot.command';
  if (!line) return { from };
  const [program, ...args] = line.split(/\s+/);
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return { command: { program, args, timeoutMs, cwd }, from };
}

export async function createSnapshotCommand(ctx: CommandContext, target?: Target): Promise<void> {
  const config = await pickConnection(ctx.connections, target?.connection, 'Snapshot which system?');
  if (!config) return;
  try {
    const { command, from } = await snapshotCommand(ctx, config.name);
    if (!command) {
      void vscode.window.showErrorMessage(
        `No storage-snapshot command for ${config.name}: set destinations.snapshot.command in the policy governing its SYSTEMDB, or the setting hanaBackup.snapshot.command. Nothing was created.`,
      );
      return;
    }
    const runner = await ctx.connections.runner(config.name);
    const { sid } = await readSystemOverview(runner);
    const comment = await vscode.window.showInputBox({
      title: `Create snapshot of ${config.name} — comment`,
      value: `hana-backup snapshot ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
    });
    if (comment === undefined) return;
    const answer = await confirmStatements(
      `Create a data snapshot of ${config.name} (full system)?`,
      [
        createSnapshotStatement(comment),
        `-- then: ${[command.program, ...(command.args ?? [])].join(' ')}  (from ${from}; BACKUP_ID, SID, DATABASE in its environment; timeout ${command.timeoutMs / 1000} s)`,
        // The id is known only once the snapshot is prepared: shown as placeholders.
        "BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID <BACKUP_ID> SUCCESSFUL '<id printed by the command>'",
        "-- or, when the command fails or times out: BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID <BACKUP_ID> UNSUCCESSFUL '<reason>'",
      ],
      { runLabel: 'Create Snapshot' },
    );
    if (answer !== 'run') return;
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Snapshot of ${config.name}`,
        cancellable: true,
      },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return createSnapshot(
          runner,
          { comment, command, sid },
          {
            signal: abort.signal,
            onStep: (text) => {
              progress.report({ message: text });
              ctx.log.info(`snapshot of ${config.name}: ${text}`);
            },
          },
        );
      },
    );
    ctx.tree.refresh();
    if (outcome.state === 'successful')
      void vscode.window.showInformationMessage(
        `Snapshot ${outcome.backupId} of ${config.name} confirmed (storage id ${outcome.externalId}).`,
      );
    else {
      ctx.log.warn(`snapshot command output:\n${outcome.commandOutput}`);
      void vscode.window.showErrorMessage(
        `Snapshot ${outcome.backupId} of ${config.name} closed as unsuccessful: ${outcome.reason ?? 'the command failed'}. The command's output is in the "SAP HANA Backup" log.`,
      );
    }
  } catch (error) {
    if (error instanceof PasswordNotGiven) return;
    ctx.tree.refresh();
    void vscode.window.showErrorMessage(`Create snapshot on ${config.name}: ${messageOf(error)}`);
  }
}

export async function confirmPreparedSnapshot(ctx: CommandContext, node: NodeOf<'entry'>): Promise<void> {
  const externalId = await vscode.window.showInputBox({
    title: `Confirm snapshot ${node.entry.backupId}`,
    prompt: 'The id of the storage snapshot taken while this snapshot was prepared',
    validateInput: (v) =>
      v.trim() ? (v.length > 64 ? 'At most 64 characters.' : undefined) : 'An id is required.',
  });
  if (!externalId) return;
  const statement = closeSnapshotStatement(node.entry.backupId, {
    successful: true,
    externalId: externalId.trim(),
  });
  if (
    (await confirmStatements(`Confirm snapshot ${node.entry.backupId} on ${node.connection}?`, [
      statement,
    ])) !== 'run'
  )
    return;
  await runAndRefresh(ctx, node, () =>
    ctx.connections
      .runner(node.connection)
      .then((r) => confirmSnapshot(r, node.entry.backupId, externalId.trim())),
  );
}

export async function abandonPreparedSnapshot(ctx: CommandContext, node: NodeOf<'entry'>): Promise<void> {
  const reason = 'abandoned in hana-backup: no storage snapshot belongs to it';
  const statement = closeSnapshotStatement(node.entry.backupId, { successful: false, reason });
  const answer = await confirmStatements(
    `Abandon snapshot ${node.entry.backupId} on ${node.connection}? It is closed as unsuccessful and can never be recovered from.`,
    [statement],
    { runLabel: 'Abandon Snapshot' },
  );
  if (answer !== 'run') return;
  await runAndRefresh(ctx, node, () =>
    ctx.connections.runner(node.connection).then((r) => abandonSnapshot(r, node.entry.backupId, reason)),
  );
}

async function runAndRefresh(
  ctx: CommandContext,
  node: NodeOf<'entry'>,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
    void vscode.window.showInformationMessage(`Snapshot ${node.entry.backupId} closed.`);
  } catch (error) {
    if (!(error instanceof PasswordNotGiven))
      void vscode.window.showErrorMessage(`Snapshot ${node.entry.backupId}: ${messageOf(error)}`);
  }
  ctx.tree.refresh();
}

/** The view's and the palette's commands other than the connection ones. */
import * as vscode from 'vscode';
import { detailsUri } from '../details/backupDetailsDocument';
import type { NodeOf, TreeNode } from '../tree/treeNodes';
import { applyPolicyCommand } from './applyPolicyCommand';
import { backupNow } from './backupNowCommand';
import { planRecoveryCommand } from './planRecoveryCommand';
import { pruneByRetentionCommand } from './pruneCommand';
import { recoverDatabaseCommand } from './recoverDatabaseCommand';
import { runDueCommand } from './runDueCommand';
import type { CommandContext, Target } from './commandContext';
import { abandonPreparedSnapshot, confirmPreparedSnapshot, createSnapshotCommand } from './snapshotCommands';

/** A tree node as a command target: its connection, and its database where it has one. */
function targetOf(node: unknown): Target | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const n = node as Partial<TreeNode> & Target & { connection?: unknown };
  if (n.kind === 'system') return { connection: (n as NodeOf<'system'>).connection.name };
  return n as Target;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('hanaBackup.refresh', () => ctx.tree.refresh()),
    vscode.commands.registerCommand('hanaBackup.loadMore', (node: NodeOf<'loadMore'>) =>
      ctx.tree.loadMore(node),
    ),
    vscode.commands.registerCommand('hanaBackup.showBackupDetails', async (node: NodeOf<'entry'>) => {
      const document = await vscode.workspace.openTextDocument(
        detailsUri(node.connection, node.database, node.entry.backupId),
      );
      await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true });
    }),
    vscode.commands.registerCommand('hanaBackup.backupNow', (node?: unknown, selection?: unknown[]) =>
      backupNow(
        ctx,
        targetOf(node),
        selection?.map(targetOf).filter((t): t is Target => t !== undefined),
      ),
    ),
    vscode.commands.registerCommand('hanaBackup.createSnapshot', (node?: unknown) =>
      createSnapshotCommand(ctx, targetOf(node)),
    ),
    vscode.commands.registerCommand('hanaBackup.applyPolicy', (uri?: unknown) =>
      applyPolicyCommand(ctx, uri),
    ),
    vscode.commands.registerCommand('hanaBackup.runDueBackups', (uri?: unknown) => runDueCommand(ctx, uri)),
    vscode.commands.registerCommand('hanaBackup.planRecovery', (node?: unknown) =>
      planRecoveryCommand(ctx, node),
    ),
    vscode.commands.registerCommand('hanaBackup.recoverDatabase', (node?: unknown) =>
      recoverDatabaseCommand(ctx, node),
    ),
    vscode.commands.registerCommand('hanaBackup.pruneByRetention', (argument?: unknown) =>
      pruneByRetentionCommand(ctx, argument),
    ),
    vscode.commands.registerCommand('hanaBackup.confirmSnapshot', (node: NodeOf<'entry'>) =>
      confirmPreparedSnapshot(ctx, node),
    ),
    vscode.commands.registerCommand('hanaBackup.abandonSnapshot', (node: NodeOf<'entry'>) =>
      abandonPreparedSnapshot(ctx, node),
    ),
  ];
}

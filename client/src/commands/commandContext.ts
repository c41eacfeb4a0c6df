/** What the commands share: the connections, the tree to refresh, the policy lookup, the log. */
import type * as vscode from 'vscode';
import type { ConnectionManager } from '../connections/connectionManager';
import type { BackupTreeProvider, PolicyLookup } from '../tree/backupTreeProvider';

export interface CommandContext {
  connections: ConnectionManager;
  tree: BackupTreeProvider;
  policyFor: PolicyLookup;
  log: vscode.LogOutputChannel;
}

/** A tree node or a plain object naming the connection and, maybe, a database. */
export interface Target {
  connection?: string;
  database?: string | { name: string };
}

export function databaseOf(target: Target | undefined): string | undefined {
  const database = target?.database;
  return typeof database === 'string' ? database : database?.name;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

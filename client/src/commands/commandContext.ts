/** What the commands share: the connections, the tree to refresh, the policy lookup, the log. */
import type * as vscode from 'vscode';
import type { DueRun, DueRunsParams, PolicyOperations } from '../../../server/src/lsp/requests';
import type { ConnectionManager } from '../connections/connectionManager';
import type { ReportDocuments } from '../details/reportDocuments';
import type { BackupTreeProvider, PolicyLookup } from '../tree/backupTreeProvider';

/** What the commands ask the language server (policy files are read there). */
export interface ServerRequests {
  policyOperations(uri: string): Promise<PolicyOperations[]>;
  dueRuns(params: DueRunsParams): Promise<DueRun[]>;
}

export interface CommandContext {
  connections: ConnectionManager;
  tree: BackupTreeProvider;
  policyFor: PolicyLookup;
  server: ServerRequests;
  /** Problems found on live systems (HBP140 from Apply policy), apart from the language server's. */
  liveDiagnostics: vscode.DiagnosticCollection;
  /** Where computed plans are shown (recovery, prune). */
  reports: ReportDocuments;
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

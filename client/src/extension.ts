import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  type LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import {
  DUE_RUNS_REQUEST,
  POLICY_FACTS_REQUEST,
  POLICY_OPERATIONS_REQUEST,
  type DueRun,
  type PolicyFactsParams,
  type PolicyOperations,
} from '../../server/src/lsp/requests';
import type { ServerRequests } from './commands/commandContext';
import { registerCommands } from './commands/registerCommands';
import { registerConnectionCommands } from './connections/connectionCommands';
import { ConnectionManager } from './connections/connectionManager';
import { BackupDetailsProvider, DETAILS_SCHEME } from './details/backupDetailsDocument';
import { REPORT_SCHEME, ReportDocuments } from './details/reportDocuments';
import { isHanaDriverLoaded } from './hana/driver';
import { RestartingLanguageClient } from './serverRestarts';
import { BackupTreeProvider, type PolicyLookup } from './tree/backupTreeProvider';
import type { PolicyFacts } from './tree/treeNodes';
import { LANGUAGE_IDS, WATCHED_FILE_GLOBS } from './watchedFiles';
import { trackPolicyOpened } from './walkthrough/policyOpenedContext';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions and to its own extension-host tests. */
export interface HanaBackupApi {
  tree: BackupTreeProvider;
  connections: ConnectionManager;
  treeView: vscode.TreeView<unknown>;
  /** Whether @sap/hana-client has been loaded (activation must not load it). */
  driverLoaded(): boolean;
}

function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const watchers = WATCHED_FILE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGE_IDS.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    synchronize: { configurationSection: 'hanaBackup', fileEvents: watchers },
    outputChannelName: 'SAP HANA Backup Language Server',
  };
  return new RestartingLanguageClient(
    'hanaBackup',
    'SAP HANA Backup Language Server',
    serverOptions,
    clientOptions,
    log,
  );
}

export function activate(context: vscode.ExtensionContext): HanaBackupApi {
  const log = vscode.window.createOutputChannel('SAP HANA Backup', { log: true });
  client = startLanguageClient(context, log);
  // Not awaited: activation stays fast; the tree asks the server only once it answers.
  const started = client.start().catch((error: unknown) => {
    log.error(`language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
  const policyFor: PolicyLookup = async (system, database) => {
    await started;
    if (!client?.isRunning()) return undefined;
    const params: PolicyFactsParams = { system, database };
    return (await client.sendRequest<PolicyFacts | null>(POLICY_FACTS_REQUEST, params)) ?? undefined;
  };

  const server: ServerRequests = {
    policyOperations: async (uri) => {
      await started;
      return client!.sendRequest<PolicyOperations[]>(POLICY_OPERATIONS_REQUEST, { uri });
    },
    dueRuns: async (params) => {
      await started;
      const runs = await client!.sendRequest<DueRun[]>(DUE_RUNS_REQUEST, params);
      // Dates travel as ISO strings.
      return runs.map((run) => ({
        ...run,
        occurrence: new Date(run.occurrence),
        supersedes: run.supersedes?.map((s) => ({ ...s, occurrence: new Date(s.occurrence) })),
      }));
    },
  };
  const liveDiagnostics = vscode.languages.createDiagnosticCollection('hana-backup-live');

  const connections = new ConnectionManager(context.secrets, log);
  const settings = () => vscode.workspace.getConfiguration('hanaBackup.catalog');
  const tree = new BackupTreeProvider(connections, {
    pageSize: () => Math.max(10, settings().get<number>('pageSize', 200)),
    groupOlderThanDays: () => Math.max(1, settings().get<number>('groupOlderThanDays', 14)),
    policyFor,
  });
  const treeView = vscode.window.createTreeView('hanaBackup.systems', {
    treeDataProvider: tree,
    showCollapseAll: true,
    canSelectMany: true,
  });
  const reports = new ReportDocuments();
  context.subscriptions.push(
    log,
    connections,
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    tree,
    treeView,
    vscode.workspace.registerTextDocumentContentProvider(
      DETAILS_SCHEME,
      new BackupDetailsProvider(connections),
    ),
    ...registerConnectionCommands(connections),
    liveDiagnostics,
    ...registerCommands({ connections, tree, policyFor, server, liveDiagnostics, reports, log }),
    autoRefresh(tree),
    trackPolicyOpened(),
  );
  return {
    tree,
    connections,
    treeView: treeView as vscode.TreeView<unknown>,
    driverLoaded: isHanaDriverLoaded,
  };
}

/** `hanaBackup.refreshInterval` seconds (0: off), applied when the setting changes. */
function autoRefresh(tree: BackupTreeProvider): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const apply = () => {
    if (timer) clearInterval(timer);
    const seconds = vscode.workspace.getConfiguration('hanaBackup').get<number>('refreshInterval', 0);
    timer = seconds > 0 ? setInterval(() => tree.refresh(), Math.max(10, seconds) * 1000) : undefined;
  };
  apply();
  const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('hanaBackup.refreshInterval')) apply();
  });
  return new vscode.Disposable(() => {
    if (timer) clearInterval(timer);
    subscription.dispose();
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

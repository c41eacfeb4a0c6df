import * as fs from 'node:fs';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { HanaBackupLanguageService } from '../languageService';
import { dueRuns } from '../languageService/operations/dueRuns';
import { isWorkspaceFileCandidate } from '../workspaceFiles/candidates';
import { findWorkspaceFiles } from '../workspaceFiles/findWorkspaceFiles';
import { SettingsStore } from './settings';
import { toClientUris } from './clientUris';
import { ValidationQueue } from './validationQueue';
import {
  DUE_RUNS_REQUEST,
  POLICY_FACTS_REQUEST,
  POLICY_OPERATIONS_REQUEST,
  type DueRunsParams,
  type PolicyFactsParams,
  type PolicyOperationsParams,
} from './requests';
import { VALIDATE_WORKSPACE_COMMAND, WorkspaceValidation } from './workspaceValidation';

/** Starts the LSP server on the transport named in argv (`--node-ipc` from VS Code, `--stdio` elsewhere). */
export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const service = new HanaBackupLanguageService();
  const settings = new SettingsStore(connection);
  let workspaceFolders: string[] = [];
  // Editors spell the same file URI differently (`(` or `%28`); the service only ever sees
  // vscode-uri's spelling, and open documents are mapped back to the editor's own.
  const clientUriOf = new Map<string, string>();
  const canonical = (uri: string) => URI.parse(uri).toString();
  const asServiceDocument = (document: TextDocument): TextDocument => {
    const uri = canonical(document.uri);
    return uri === document.uri
      ? document
      : TextDocument.create(uri, document.languageId, document.version, document.getText());
  };
  const openedVersion = new Map<string, number>();
  const validatedVersion = new Map<string, number>();

  const queue = new ValidationQueue(
    async (uri) => {
      const document = documents.get(uri);
      if (!document) return;
      const config = await settings.get(uri);
      const current = documents.get(uri);
      if (current !== document || current.version !== document.version) return;
      const { diagnostics, affected } = service.validateWithImpact(asServiceDocument(document), config);
      validatedVersion.set(uri, document.version);
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
      // Other open files may now clash with or drift from this one, or no longer do (HBP131, HBP140, layers).
      revalidateOpen(affected);
    },
    (error) => connection.console.error(`Validation failed: ${String(error)}`),
  );

  const workspaceValidation = new WorkspaceValidation(
    connection,
    service,
    (uri) => settings.get(uri),
    (uri) => clientUriOf.has(uri),
  );

  /** Re-checks files whose cross-file findings may have changed: open ones, and published closed ones. */
  const revalidateOpen = (uris: Iterable<string>) => {
    const list = [...uris];
    for (const uri of list) {
      const client = clientUriOf.get(uri);
      if (client) queue.schedule(client, 0);
    }
    void workspaceValidation
      .refresh(list)
      .catch((error) => connection.console.error(`Re-validation failed: ${String(error)}`));
  };

  connection.onInitialize((params): InitializeResult => {
    settings.canPull = !!params.capabilities.workspace?.configuration;
    settings.setPushed(params.initializationOptions);
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((folder) => URI.parse(folder.uri))
      .concat(params.workspaceFolders ? [] : params.rootUri ? [URI.parse(params.rootUri)] : [])
      .filter((uri) => uri.scheme === 'file')
      .map((uri) => uri.fsPath);
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        completionProvider: { triggerCharacters: [':', ' ', '-', '[', ',', '{'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [VALIDATE_WORKSPACE_COMMAND] },
      },
      serverInfo: { name: 'hana-backup-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (settings.canPull) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'hanaBackup' });
    }
    for (const folder of workspaceFolders) {
      for (const file of findWorkspaceFiles(folder)) {
        const uri = URI.file(file).toString();
        if (clientUriOf.has(uri)) continue;
        indexFromDisk(uri, file);
      }
    }
    revalidateOpen(clientUriOf.keys());
  });

  function indexFromDisk(uri: string, file: string): string[] {
    try {
      const text = fs.readFileSync(file, 'utf8');
      return service.indexDocument(TextDocument.create(uri, '', 0, text));
    } catch {
      return service.remove(uri);
    }
  }

  connection.onDidChangeConfiguration((change) => {
    settings.setPushed(change.settings);
    settings.clear();
    revalidateOpen(clientUriOf.keys());
  });

  documents.onDidOpen((event) => {
    clientUriOf.set(canonical(event.document.uri), event.document.uri);
    openedVersion.set(event.document.uri, event.document.version);
    queue.schedule(event.document.uri, 0);
  });
  documents.onDidChangeContent(async (event) => {
    // TextDocuments also reports the opening as a change: that version is validated already.
    if (openedVersion.get(event.document.uri) === event.document.version) return;
    const config = await settings.get(event.document.uri);
    if (config.validateOnType) queue.schedule(event.document.uri, config.validateDelayMs);
  });
  documents.onDidSave((event) => {
    // Saving changes no text: only a version not yet validated (validate.onType off) needs a run.
    if (validatedVersion.get(event.document.uri) !== event.document.version)
      queue.schedule(event.document.uri, 0);
  });
  documents.onDidClose((event) => {
    const uri = canonical(event.document.uri);
    clientUriOf.delete(uri);
    openedVersion.delete(event.document.uri);
    validatedVersion.delete(event.document.uri);
    queue.cancel(event.document.uri);
    service.release(uri);
    settings.forget(event.document.uri);
    if (!workspaceValidation.isPublished(uri)) {
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    }
    const file = URI.parse(uri);
    // The editor's unsaved text is gone: the file on disk is what governs now.
    if (file.scheme === 'file' && isWorkspaceFileCandidate(file.fsPath) && fs.existsSync(file.fsPath)) {
      revalidateOpen([...indexFromDisk(uri, file.fsPath), uri]);
    } else {
      revalidateOpen(service.remove(uri));
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    const affected = new Set<string>();
    for (const change of params.changes) {
      const file = URI.parse(change.uri);
      const uri = file.toString();
      if (clientUriOf.has(uri)) continue;
      if (change.type === FileChangeType.Deleted) workspaceValidation.forget(uri);
      else affected.add(uri);
      const changed =
        change.type === FileChangeType.Deleted ||
        file.scheme !== 'file' ||
        !isWorkspaceFileCandidate(file.fsPath)
          ? service.remove(uri)
          : indexFromDisk(uri, file.fsPath);
      for (const uri of changed) affected.add(uri);
    }
    revalidateOpen(affected);
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return service.complete(asServiceDocument(document), params.position, await settings.get(document.uri));
  });
  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return service.hover(asServiceDocument(document), params.position, await settings.get(document.uri));
  });
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document
      ? service
          .codeActions(asServiceDocument(document), params.context.diagnostics)
          .map((action) => toClientUris(action, (uri) => clientUriOf.get(uri) ?? uri))
      : null;
  });
  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.documentSymbols(asServiceDocument(document)) : null;
  });
  connection.onRequest(
    POLICY_FACTS_REQUEST,
    (params: PolicyFactsParams) =>
      service.workspace.governance.policyFor(params.system, params.database) ?? null,
  );
  /** An open document as the editor has it, else the file on disk (undefined when unreadable). */
  const documentAt = (uri: string): TextDocument | undefined => {
    const open = documents.get(uri);
    if (open) return asServiceDocument(open);
    try {
      return TextDocument.create(canonical(uri), '', 0, fs.readFileSync(URI.parse(uri).fsPath, 'utf8'));
    } catch {
      return undefined;
    }
  };
  connection.onRequest(POLICY_OPERATIONS_REQUEST, (params: PolicyOperationsParams) => {
    const document = documentAt(params.uri);
    return document ? service.policyOperations(document) : [];
  });
  connection.onRequest(DUE_RUNS_REQUEST, (params: DueRunsParams) => {
    const document = documentAt(params.uri);
    const policy = document
      ? service.policyOperations(document).find((p) => p.documentIndex === params.documentIndex)
      : undefined;
    if (!policy) return [];
    const last = Object.fromEntries(
      Object.entries(params.lastSuccessful).map(([kind, iso]) => [kind, new Date(iso)]),
    );
    return dueRuns(policy.schedules, policy.timezone, last, new Date(params.now));
  });
  connection.onExecuteCommand(async (params) => {
    if (params.command !== VALIDATE_WORKSPACE_COMMAND) return undefined;
    return workspaceValidation.run(workspaceFolders);
  });
  connection.onDocumentLinks((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.documentLinks(asServiceDocument(document)) : null;
  });
  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.foldingRanges(asServiceDocument(document)) : null;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

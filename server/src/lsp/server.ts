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
import { isWorkspaceFileCandidate } from '../workspaceFiles/candidates';
import { findWorkspaceFiles } from '../workspaceFiles/findWorkspaceFiles';
import { SettingsStore } from './settings';
import { ValidationQueue } from './validationQueue';
import { VALIDATE_WORKSPACE_COMMAND, WorkspaceValidation } from './workspaceValidation';

/** Starts the LSP server on the transport named in argv (`--node-ipc` from VS Code, `--stdio` elsewhere). */
export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const service = new HanaBackupLanguageService();
  const settings = new SettingsStore(connection);
  let workspaceFolders: string[] = [];

  const queue = new ValidationQueue(
    async (uri) => {
      const document = documents.get(uri);
      if (!document) return;
      const config = await settings.get(uri);
      const current = documents.get(uri);
      if (current !== document || current.version !== document.version) return;
      const { diagnostics, affected } = service.validateWithImpact(document, config);
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
    (uri) => !!documents.get(uri),
  );

  /** Re-checks files whose cross-file findings may have changed: open ones, and published closed ones. */
  const revalidateOpen = (uris: Iterable<string>) => {
    const list = [...uris];
    for (const uri of list) if (documents.get(uri)) queue.schedule(uri, 0);
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
        if (documents.get(uri)) continue;
        indexFromDisk(uri, file);
      }
    }
    revalidateOpen(documents.keys());
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
    revalidateOpen(documents.keys());
  });

  documents.onDidOpen((event) => queue.schedule(event.document.uri, 0));
  documents.onDidChangeContent(async (event) => {
    const config = await settings.get(event.document.uri);
    if (config.validateOnType) queue.schedule(event.document.uri, config.validateDelayMs);
  });
  documents.onDidSave((event) => queue.schedule(event.document.uri, 0));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    queue.cancel(uri);
    service.release(uri);
    settings.forget(uri);
    if (!workspaceValidation.isPublished(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
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
      if (documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) workspaceValidation.forget(change.uri);
      else affected.add(change.uri);
      const changed =
        change.type === FileChangeType.Deleted ||
        file.scheme !== 'file' ||
        !isWorkspaceFileCandidate(file.fsPath)
          ? service.remove(change.uri)
          : indexFromDisk(change.uri, file.fsPath);
      for (const uri of changed) affected.add(uri);
    }
    revalidateOpen(affected);
  });

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return service.complete(document, params.position, await settings.get(document.uri));
  });
  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return service.hover(document, params.position, await settings.get(document.uri));
  });
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.codeActions(document, params.context.diagnostics) : null;
  });
  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.documentSymbols(document) : null;
  });
  connection.onExecuteCommand(async (params) => {
    if (params.command !== VALIDATE_WORKSPACE_COMMAND) return undefined;
    return workspaceValidation.run(workspaceFolders);
  });
  connection.onDocumentLinks((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.documentLinks(document) : null;
  });
  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.foldingRanges(document) : null;
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

// A real LSP client for the built language server (dist/server.js): spawns it over stdio with a copy of
// the shared example workspace as its workspace folder, answers workspace/configuration with settings
// the test chooses, and keeps every textDocument/publishDiagnostics per document URI.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DiagnosticSeverity,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'shared-examples', 'workspace');
export const LANGUAGE_ID = 'hana-backup-policy';
/** How long a test waits for the server to publish before it fails with what it saw instead. */
export const DEFAULT_WAIT_MS = 10_000;

/** The `hanaBackup` settings section, as VS Code's settings.json holds it. */
export interface HanaBackupSettings {
  connections?: { name: string; host: string; port: number; sid?: string; databases?: string[] }[];
  validate?: { onType?: boolean; delay?: number };
}

export interface StartOptions {
  /** Answered to workspace/configuration (section `hanaBackup`). */
  settings?: HanaBackupSettings;
  /** Whether the client announces workspace/configuration support (VS Code does; some editors don't). */
  configurationSupport?: boolean;
  initializationOptions?: unknown;
  /** The server's command line; default `node dist/server.js --stdio`. */
  command?: string[];
  /** Extra files (relative path → text) written into the workspace before the server starts. */
  files?: Record<string, string>;
  /** Start of the temporary workspace folder's name (the rest is random). */
  folderPrefix?: string;
  /**
   * How the client spells file URIs (workspace folder, documents, file events). Default: as VS Code
   * does (vscode-uri). Other editors write some characters unencoded, e.g. `(` `)` `+` `@`.
   */
  spellUri?: (fsPath: string) => string;
}

export type DiagnosticsPredicate = (
  diagnostics: Diagnostic[],
  publication: PublishDiagnosticsParams,
) => boolean;

/** A document the client has opened, with the text and version the server was told about. */
export interface OpenDocument {
  uri: string;
  document: TextDocument;
}

interface Waiter {
  uri: string;
  check: (publication: PublishDiagnosticsParams) => void;
}

/** A running server, its temporary workspace folder and everything it has published. */
export class LspSession {
  /** Settings answered to workspace/configuration; change them, then call `configurationChanged()`. */
  settings: HanaBackupSettings;
  initializeResult!: InitializeResult;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly logMessages: string[] = [];
  private readonly publications = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters = new Set<Waiter>();
  private stderr = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly spellUri: (fsPath: string) => string;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly workspaceFolder: string,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.spellUri = options.spellUri ?? ((fsPath) => URI.file(fsPath).toString());
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'hanaBackup' ? this.settings : null)),
    );
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onNotification(LogMessageNotification.type, (params) => this.logMessages.push(params.message));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.publications.get(params.uri) ?? [];
      list.push(params);
      this.publications.set(params.uri, list);
      for (const waiter of [...this.waiters]) if (waiter.uri === params.uri) waiter.check(params);
    });
  }

  /** Starts the server on a fresh copy of the example workspace and completes the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<LspSession> {
    const prefix = options.folderPrefix ?? 'hana-backup-lsp-';
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    fs.cpSync(FIXTURE_WORKSPACE, folder, { recursive: true });
    for (const [relative, text] of Object.entries(options.files ?? {})) {
      const file = path.join(folder, ...relative.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    const [command, ...args] = options.command ?? [process.execPath, SERVER_JS, '--stdio'];
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    // Writing to a server that has exited fails with EPIPE; the exit itself is what tests look at.
    child.stdin!.on('error', () => undefined);
    const reader = new StreamMessageReader(child.stdout!);
    // The reader re-arms a timer forever while it holds part of a message, e.g. from a server killed in
    // the middle of a large publication; that timer would keep mocha from exiting.
    reader.partialMessageTimeout = 0;
    const connection = createProtocolConnection(reader, new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection, folder, options);
    connection.listen();
    const folderUri = session.spellUri(folder);
    session.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: options.configurationSupport ?? true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: false },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: {},
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Absolute path of a file in the temporary workspace. */
  pathOf(relative: string): string {
    return path.join(this.workspaceFolder, ...relative.split('/'));
  }

  /** The URI of a file of the workspace, spelled as this client spells URIs. */
  uriOf(relative: string): string {
    return this.spellUri(this.pathOf(relative));
  }

  /** Opens a workspace file with its text on disk, or with `text` (the editor's unsaved content). */
  async open(relative: string, text?: string, languageId = LANGUAGE_ID): Promise<OpenDocument> {
    const uri = this.uriOf(relative);
    const content = text ?? fs.readFileSync(this.pathOf(relative), 'utf8');
    const document = TextDocument.create(uri, languageId, 1, content);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text: content },
    });
    return { uri, document };
  }

  /** Sends incremental changes (as an editor does while typing); returns the new version. */
  async change(open: OpenDocument, edits: { range: Range; text: string }[]): Promise<number> {
    const version = open.document.version + 1;
    open.document = TextDocument.update(open.document, edits, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: open.uri, version },
      contentChanges: edits,
    });
    return version;
  }

  /** Replaces the first occurrence of `find` on line `line` (0-based) with `replacement`. */
  async replaceOnLine(open: OpenDocument, line: number, find: string, replacement: string): Promise<number> {
    const lineText = lineOf(open.document, line);
    const character = lineText.indexOf(find);
    if (character < 0) throw new Error(`"${find}" is not on line ${line}: ${JSON.stringify(lineText)}`);
    const range = { start: { line, character }, end: { line, character: character + find.length } };
    return this.change(open, [{ range, text: replacement }]);
  }

  /**
   * Applies a workspace edit to an open document as an editor does: sent as incremental changes, the
   * last one in the document first so that earlier ranges stay valid.
   */
  async applyEdit(open: OpenDocument, edit: WorkspaceEdit | undefined): Promise<number> {
    const edits = edit?.changes?.[open.uri];
    if (!edits?.length) throw new Error(`the edit changes nothing in ${open.uri}: ${JSON.stringify(edit)}`);
    const ordered = [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    return this.change(
      open,
      ordered.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  async save(open: OpenDocument): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, {
      textDocument: { uri: open.uri },
    });
  }

  async close(open: OpenDocument): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri: open.uri },
    });
  }

  /** Tells the server files of the workspace were created, changed or deleted on disk. */
  async filesChanged(changes: { relative: string; type: FileChangeType }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: changes.map((change) => ({ uri: this.uriOf(change.relative), type: change.type })),
    });
  }

  /** Writes a file of the workspace on disk and tells the server, as the editor's file watcher does. */
  async writeFile(
    relative: string,
    text: string,
    type: FileChangeType = FileChangeType.Created,
  ): Promise<void> {
    fs.mkdirSync(path.dirname(this.pathOf(relative)), { recursive: true });
    fs.writeFileSync(this.pathOf(relative), text);
    await this.filesChanged([{ relative, type }]);
  }

  /** Deletes a file of the workspace on disk and tells the server. */
  async deleteFile(relative: string): Promise<void> {
    fs.rmSync(this.pathOf(relative));
    await this.filesChanged([{ relative, type: FileChangeType.Deleted }]);
  }

  /** Sends workspace/didChangeConfiguration; `pushed` is what clients without pull support send. */
  async configurationChanged(pushed: unknown = null): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: pushed });
  }

  /** Every publication received for a URI, oldest first. */
  publicationsFor(uri: string): PublishDiagnosticsParams[] {
    return this.publications.get(uri) ?? [];
  }

  /**
   * Resolves with the diagnostics of the newest publication for `uri` that `predicate` accepts (the
   * newest one already received, or any that arrives later). Rejects at the deadline, or when the
   * server exits, with what was last published.
   */
  waitForDiagnostics(
    uri: string,
    predicate: DiagnosticsPredicate,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<Diagnostic[]> {
    const latest = this.publicationsFor(uri).at(-1);
    if (latest && predicate(latest.diagnostics, latest)) return Promise.resolve(latest.diagnostics);
    return new Promise((resolve, reject) => {
      const finish = (error?: Error, diagnostics?: Diagnostic[]) => {
        this.waiters.delete(waiter);
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve(diagnostics!);
      };
      const waiter: Waiter = {
        uri,
        check: (publication) => {
          if (predicate(publication.diagnostics, publication)) finish(undefined, publication.diagnostics);
        },
      };
      const describeLast = () => {
        const last = this.publicationsFor(uri).at(-1);
        return last
          ? `last publication (version ${String(last.version)}): ${describeDiagnostics(last.diagnostics)}`
          : 'nothing was published for it';
      };
      const deadline = setTimeout(
        () =>
          finish(new Error(`no accepted diagnostics for ${uri} within ${timeoutMs} ms; ${describeLast()}`)),
        timeoutMs,
      );
      void this.exited.then((info) => {
        if (this.waiters.has(waiter))
          finish(
            new Error(
              `server exited (${JSON.stringify(info)}) while waiting for ${uri}; stderr: ${this.stderr}`,
            ),
          );
      });
      this.waiters.add(waiter);
    });
  }

  /** The diagnostics published for exactly this version of the document. */
  diagnosticsOf(open: OpenDocument, timeoutMs = DEFAULT_WAIT_MS): Promise<Diagnostic[]> {
    const version = open.document.version;
    return this.waitForDiagnostics(open.uri, (_d, publication) => publication.version === version, timeoutMs);
  }

  completion(open: OpenDocument, position: Position): Promise<CompletionItem[]> {
    return this.connection
      .sendRequest(CompletionRequest.type, { textDocument: { uri: open.uri }, position })
      .then((result: CompletionList | CompletionItem[] | null) =>
        result === null ? [] : Array.isArray(result) ? result : result.items,
      );
  }

  hover(open: OpenDocument, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: open.uri }, position });
  }

  codeActions(open: OpenDocument, diagnostics: Diagnostic[]): Promise<(Command | CodeAction)[]> {
    const range = diagnostics[0]?.range ?? {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    };
    return this.connection
      .sendRequest(CodeActionRequest.type, {
        textDocument: { uri: open.uri },
        range,
        context: { diagnostics, only: undefined },
      })
      .then((result) => result ?? []);
  }

  documentSymbols(open: OpenDocument): Promise<DocumentSymbol[] | SymbolInformation[]> {
    return this.connection
      .sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: open.uri } })
      .then((result) => result ?? []);
  }

  foldingRanges(open: OpenDocument): Promise<FoldingRange[]> {
    return this.connection
      .sendRequest(FoldingRangeRequest.type, { textDocument: { uri: open.uri } })
      .then((result) => result ?? []);
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.exitInfo === undefined;
  }

  /** What the server wrote to stderr (for failure messages). */
  get errorOutput(): string {
    return this.stderr;
  }

  /** shutdown + exit, as a well-behaved client ends a session; resolves with how the process ended. */
  async shutdown(
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const ended = async () => {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      return this.exited;
    };
    return withDeadline(
      ended(),
      timeoutMs,
      `the server did not end within ${timeoutMs} ms of shutdown + exit`,
    );
  }

  /** Ends the session whatever state it is in and removes the temporary workspace. */
  async dispose(): Promise<void> {
    if (this.alive) {
      try {
        await this.shutdown(2_000);
      } catch {
        this.child.kill();
        await this.exited;
      }
    }
    this.connection.dispose();
    fs.rmSync(this.workspaceFolder, { recursive: true, force: true });
  }
}

export function lineOf(document: TextDocument, line: number): string {
  return document
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$/, '');
}

/** Position just after the first occurrence of `marker` in the document (or at its start with `before`). */
export function positionAfter(document: TextDocument, marker: string, before = false): Position {
  const text = document.getText();
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`"${marker}" is not in ${document.uri}`);
  return document.positionAt(before ? offset : offset + marker.length);
}

/** `HBP101@16, HBP110@19` — for assertion messages. */
export function describeDiagnostics(diagnostics: Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`).join(', ');
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** What a user sees of a diagnostic: its code, severity, line (0-based) and the text it underlines. */
export interface SeenDiagnostic {
  code: string;
  severity: DiagnosticSeverity | undefined;
  line: number;
  text: string;
}

export function seen(open: OpenDocument, diagnostics: Diagnostic[]): SeenDiagnostic[] {
  return diagnostics.map((d) => ({
    code: String(d.code),
    severity: d.severity,
    line: d.range.start.line,
    text: open.document.getText(d.range),
  }));
}

function withDeadline<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Connection } from 'vscode-languageserver/node';
import type { HanaBackupLanguageService, PolicySettings } from '../languageService';
import { findWorkspaceFiles } from '../workspaceFiles/findWorkspaceFiles';

export const VALIDATE_WORKSPACE_COMMAND = 'hanaBackup.validateWorkspace';

export interface WorkspaceValidationSummary {
  files: number;
  problems: number;
  milliseconds: number;
}

/**
 * "Validate workspace": every file of the workspace folders checked and published, opened or not.
 * Files published this way stay current: when a file they depend on changes, they are re-checked
 * from disk (`refresh`), so the Problems panel never shows a stale cross-file finding.
 */
export class WorkspaceValidation {
  private readonly published = new Set<string>();
  private version = 0;

  constructor(
    private readonly connection: Connection,
    private readonly service: HanaBackupLanguageService,
    private readonly settingsFor: (uri: string) => Promise<PolicySettings>,
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  private read(uri: string): TextDocument | undefined {
    try {
      const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
      return TextDocument.create(uri, '', ++this.version, text);
    } catch {
      return undefined;
    }
  }

  async run(folders: string[]): Promise<WorkspaceValidationSummary> {
    const started = performance.now();
    const uris = folders
      .flatMap((folder) => findWorkspaceFiles(folder))
      .map((file) => URI.file(file).toString());
    const documents = uris.flatMap((uri) => {
      const document = this.isOpen(uri) ? undefined : this.read(uri);
      return document ? [document] : [];
    });
    for (const document of documents)
      this.service.indexDocument(document, await this.settingsFor(document.uri));
    let problems = 0;
    for (const document of documents) {
      const diagnostics = this.service.validate(document, await this.settingsFor(document.uri));
      problems += diagnostics.length;
      this.published.add(document.uri);
      await this.connection.sendDiagnostics({ uri: document.uri, diagnostics });
    }
    return { files: documents.length, problems, milliseconds: Math.round(performance.now() - started) };
  }

  /** Re-checks files published by a workspace validation that are not open in the editor. */
  async refresh(uris: Iterable<string>): Promise<void> {
    for (const uri of uris) {
      if (!this.published.has(uri) || this.isOpen(uri)) continue;
      const document = this.read(uri);
      if (!document) {
        this.forget(uri);
        continue;
      }
      const diagnostics = this.service.validate(document, await this.settingsFor(uri));
      await this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** A deleted file: its published findings go with it. */
  forget(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** An opened file is validated by the editor path; closed again, it is re-checked from disk. */
  isPublished(uri: string): boolean {
    return this.published.has(uri);
  }
}

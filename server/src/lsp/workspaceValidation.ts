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
    let files = 0;
    let problems = 0;
    for (const folder of folders) {
      // One settings request per folder: connections are folder settings, and a request per file
      // would make the editor's round trips most of the run.
      const settings = await this.settingsFor(URI.file(folder).toString());
      // The server keeps its index of every file current, so each file is only validated here.
      for (const file of findWorkspaceFiles(folder)) {
        const uri = URI.file(file).toString();
        if (this.isOpen(uri)) continue;
        const document = this.read(uri);
        if (!document) continue;
        const diagnostics = this.service.validate(document, settings);
        this.service.release(uri);
        files++;
        problems += diagnostics.length;
        this.published.add(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics });
      }
    }
    return { files, problems, milliseconds: Math.round(performance.now() - started) };
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
      this.service.release(uri);
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

/**
 * Reports the commands compute (a recovery plan, a prune plan) as read-only Markdown documents
 * (`hana-backup-report:` URIs). The text lives here, not on disk: it describes the catalog at one
 * moment, and running the command again replaces it.
 */
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'hana-backup-report';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.texts.get(uri.toString()) ??
      '# Report no longer available\n\nRun the command again: reports are not kept across restarts.\n'
    );
  }

  /** Opens (or updates) the report called `name` beside the current editor. */
  async show(name: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name.replace(/[/\\]/g, '-')}.md` });
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return document;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * Sets the `hanaBackup.policyOpened` context key once a backup policy is open in the editor, so the
 * getting-started walkthrough can tick its "Open a backup policy" step (walkthrough steps complete
 * on context keys, commands or views, not on a document's language).
 */
import * as vscode from 'vscode';

const POLICY_LANGUAGE = 'hana-backup-policy';

export function trackPolicyOpened(): vscode.Disposable {
  let seen = false;
  const check = (document: vscode.TextDocument) => {
    if (seen || document.languageId !== POLICY_LANGUAGE) return;
    seen = true;
    void vscode.commands.executeCommand('setContext', 'hanaBackup.policyOpened', true);
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.workspace.onDidOpenTextDocument(check);
}

/** Which policy a policy command acts on: the file it was invoked on, else the active editor's. */
import * as vscode from 'vscode';
import type { PolicyOperations } from '../../../server/src/lsp/requests';
import type { CommandContext } from './commandContext';

export interface ChosenPolicy {
  uri: vscode.Uri;
  policy: PolicyOperations;
}

export async function choosePolicy(
  ctx: CommandContext,
  argument: unknown,
  purpose: string,
): Promise<ChosenPolicy | undefined> {
  const uri =
    argument instanceof vscode.Uri
      ? argument
      : vscode.window.activeTextEditor?.document.languageId === 'hana-backup-policy'
        ? vscode.window.activeTextEditor.document.uri
        : undefined;
  if (!uri) {
    void vscode.window.showInformationMessage(`${purpose}: open a backup policy file first.`);
    return undefined;
  }
  const policies = await ctx.server.policyOperations(uri.toString());
  if (policies.length === 0) {
    void vscode.window.showWarningMessage(
      `${purpose}: ${vscode.workspace.asRelativePath(uri)} holds no policy that can be read (fix its syntax errors first).`,
    );
    return undefined;
  }
  if (policies.length === 1) return { uri, policy: policies[0] };
  const picked = await vscode.window.showQuickPick(
    policies.map((policy) => ({ label: policy.policy, policy })),
    { title: `${purpose}: which policy?` },
  );
  return picked && { uri, policy: picked.policy };
}

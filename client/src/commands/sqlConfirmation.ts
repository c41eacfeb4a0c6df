/**
 * Every change shows its SQL first. The modal offers Run and Copy SQL (for hdbsql elsewhere);
 * Copy SQL copies and runs nothing.
 */
import * as vscode from 'vscode';
import type { SqlStatement } from '../hana/sqlText';

export type Confirmation = 'run' | 'copied' | 'cancelled';

export function statementsText(statements: readonly (SqlStatement | string)[]): string {
  return statements
    .map((s) => (typeof s === 'string' ? s : s.toDisplayString()))
    .map((line) => (line.startsWith('--') ? line : `${line};`))
    .join('\n');
}

export async function confirmStatements(
  question: string,
  statements: readonly (SqlStatement | string)[],
  options: { runLabel?: string; note?: string; modal?: boolean } = {},
): Promise<Confirmation> {
  const text = statementsText(statements);
  const runLabel = options.runLabel ?? 'Run';
  const detail = `${text}${options.note ? `\n\n${options.note}` : ''}`;
  // A notification has no detail line: the statements go into its message.
  const answer =
    options.modal === false
      ? await vscode.window.showWarningMessage(`${question}\n${detail}`, runLabel, 'Copy SQL')
      : await vscode.window.showWarningMessage(question, { modal: true, detail }, runLabel, 'Copy SQL');
  if (answer === runLabel) return 'run';
  if (answer === 'Copy SQL') {
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage('SQL copied to the clipboard; nothing was run.');
    return 'copied';
  }
  return 'cancelled';
}

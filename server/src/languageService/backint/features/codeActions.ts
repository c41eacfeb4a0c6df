import { DIAGNOSTIC_SOURCE } from '../../diagnostics/codes';
import {
  CodeAction,
  CodeActionKind,
  TextEdit,
  type Diagnostic,
  type TextDocument,
  type WorkspaceEdit,
} from '../../types';
import type { BackintKind } from '../model';

function dataOf(diagnostic: Diagnostic): Record<string, unknown> {
  const data = diagnostic.data;
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function fix(document: TextDocument, diagnostic: Diagnostic, title: string, newText: string): CodeAction {
  const edit: WorkspaceEdit = { changes: { [document.uri]: [TextEdit.replace(diagnostic.range, newText)] } };
  const action = CodeAction.create(title, edit, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

/** `replacement` written the way the text it replaces was: quoted the same, or bare. */
function sameQuoting(current: string, replacement: string): string {
  if (current.startsWith('"')) return JSON.stringify(replacement);
  if (current.startsWith("'")) return `'${replacement.replace(/'/g, "''")}'`;
  return replacement;
}

function actionFor(document: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  const data = dataOf(diagnostic);
  const current = document.getText(diagnostic.range);
  switch (diagnostic.code) {
    case 'HBB002':
      if (typeof data.proposal !== 'string' || data.proposalPresent) return undefined;
      return fix(
        document,
        diagnostic,
        `Rename \`${current}\` to \`${data.proposal}\``,
        sameQuoting(current, data.proposal),
      );
    case 'HBB010':
    case 'HBB003':
      if (typeof data.quoted === 'string')
        return fix(document, diagnostic, `Quote the value: ${data.quoted}`, data.quoted);
      if (typeof data.replacement === 'string') {
        return fix(document, diagnostic, `Write \`${data.replacement}\``, data.replacement);
      }
      if (typeof data.proposal === 'string') {
        return fix(
          document,
          diagnostic,
          `Change to \`${data.proposal}\``,
          sameQuoting(current, data.proposal),
        );
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Quick fixes for Backint diagnostics, from the facts each one carries in `data`: rename an unknown key
 * to the proposal, quote `S3BucketOwnerAccountID`, and put in a proposed or unquoted value. Never throws.
 */
export function backintCodeActions(
  _kind: BackintKind,
  document: TextDocument,
  diagnostics: Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    try {
      const action = actionFor(document, diagnostic);
      if (action) actions.push(action);
    } catch {
      // A diagnostic with unexpected data gets no fix, the others still do.
    }
  }
  return actions;
}

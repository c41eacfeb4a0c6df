import type { CodeAction } from 'vscode-languageserver/node';

/** Rewrites the URIs a code action edits into the spelling the editor uses for its open documents. */
export function toClientUris(action: CodeAction, clientUri: (uri: string) => string): CodeAction {
  const edit = action.edit;
  if (!edit) return action;
  const changes = edit.changes
    ? Object.fromEntries(Object.entries(edit.changes).map(([uri, edits]) => [clientUri(uri), edits]))
    : undefined;
  const documentChanges = edit.documentChanges?.map((change) =>
    'textDocument' in change
      ? { ...change, textDocument: { ...change.textDocument, uri: clientUri(change.textDocument.uri) } }
      : change,
  );
  return { ...action, edit: { ...edit, changes, documentChanges } };
}

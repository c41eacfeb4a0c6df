export {
  CodeAction,
  CodeActionKind,
  Command,
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  CreateFile,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  Hover,
  InsertTextFormat,
  Location,
  MarkupKind,
  Position,
  Range,
  SymbolKind,
  TextDocumentEdit,
  TextEdit,
  OptionalVersionedTextDocumentIdentifier,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
export { TextDocument } from 'vscode-languageserver-textdocument';

/** A configured HANA connection as the language service sees it (no secrets ever reach the server). */
export interface ConnectionInfo {
  name: string;
  sid?: string;
  host?: string;
  port?: number;
  databases?: string[];
}

/** Settings that change what the language service reports, resolved per document. */
export interface PolicySettings {
  connections: ConnectionInfo[];
}

export const DEFAULT_SETTINGS: PolicySettings = { connections: [] };

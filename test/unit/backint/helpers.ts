import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  TextDocument,
  type CodeAction,
  type Diagnostic,
  type Position,
  type TextEdit,
} from '../../../server/src/languageService';
import {
  backintCodeActions,
  validateBackint,
  type BackintKind,
} from '../../../server/src/languageService/backint';

export const URIS: Record<string, string> = {
  aws: 'file:///usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml',
  gcp: 'file:///usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/parameters.json',
  ibm: 'file:///usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/initERP.utl',
  generic: 'file:///usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/param',
};

export const AWS_EXAMPLE = fs.readFileSync(
  path.resolve(
    __dirname,
    '../../fixtures/shared-examples/workspace/config/usr/sap/ERP/SYS/global/hdb/opt/hdbconfig/aws-backint-agent-config.yaml',
  ),
  'utf8',
);

/** A clean Google file, changed one key at a time by the tests. */
export function gcpFile(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ bucket: 'erp-hana-backups', log_level: 'INFO', ...extra }, null, 2);
}

export function kindOf(flavour: string): BackintKind {
  return flavour === 'aws' || flavour === 'gcp' ? flavour : 'utl';
}

export function document(flavour: keyof typeof URIS, text: string): TextDocument {
  return TextDocument.create(URIS[flavour], `hana-backint-${flavour}`, 1, text);
}

export interface Finding {
  code: string;
  /** The text the diagnostic's range covers. */
  text: string;
  line: number;
  message: string;
  diagnostic: Diagnostic;
}

export function check(flavour: keyof typeof URIS, text: string): Finding[] {
  const doc = document(flavour, text);
  return validateBackint(kindOf(flavour), doc).map((diagnostic) => ({
    code: String(diagnostic.code),
    text: doc.getText(diagnostic.range),
    line: diagnostic.range.start.line,
    message: diagnostic.message,
    diagnostic,
  }));
}

export function codes(flavour: keyof typeof URIS, text: string): string[] {
  return check(flavour, text).map((f) => f.code);
}

/** Text with a `|` marking the caret. */
export function caret(
  flavour: keyof typeof URIS,
  textWithCaret: string,
): { doc: TextDocument; position: Position } {
  const offset = textWithCaret.indexOf('|');
  const doc = document(flavour, textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1));
  return { doc, position: doc.positionAt(offset) };
}

/**
 * Applies the quick fix titled like `title` for the first diagnostic with `code`, then validates the
 * result: the fixed text and its findings.
 */
export function applyFix(
  flavour: keyof typeof URIS,
  text: string,
  code: string,
  title: RegExp,
): { text: string; after: Finding[]; action: CodeAction } {
  const doc = document(flavour, text);
  const diagnostics = validateBackint(kindOf(flavour), doc).filter((d) => d.code === code);
  if (!diagnostics.length) throw new Error(`no ${code} to fix`);
  const action = backintCodeActions(kindOf(flavour), doc, diagnostics).find((a) => title.test(a.title));
  if (!action) throw new Error(`no quick fix matching ${title}`);
  const edits = action.edit!.changes![doc.uri] as TextEdit[];
  const fixed = TextDocument.applyEdits(doc, edits);
  return { text: fixed, after: check(flavour, fixed), action };
}

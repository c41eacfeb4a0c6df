import { stringify } from 'yaml';
import {
  HanaBackupLanguageService,
  TextDocument,
  type Diagnostic,
  type PolicySettings,
  type TextEdit,
} from '../../../server/src/languageService';

export const NOW = new Date('2026-11-22T12:00:00Z');

let counter = 0;
export function doc(text: string, uri = `file:///ws/policy-${++counter}.backup-policy.yaml`): TextDocument {
  return TextDocument.create(uri, 'hana-backup-policy', 1, text);
}

export interface Finding {
  code: string;
  line: number;
  /** The text the diagnostic's range covers. */
  text: string;
  severity: number;
  message: string;
  diagnostic: Diagnostic;
}

export function findings(document: TextDocument, diagnostics: Diagnostic[]): Finding[] {
  return diagnostics.map((diagnostic) => ({
    code: String(diagnostic.code),
    line: diagnostic.range.start.line,
    text: document.getText(diagnostic.range),
    severity: diagnostic.severity ?? 1,
    message: diagnostic.message,
    diagnostic,
  }));
}

export function diagnose(
  text: string,
  settings?: PolicySettings,
  service = new HanaBackupLanguageService(),
): Finding[] {
  const document = doc(text);
  return findings(document, service.validate(document, settings));
}

export function codes(text: string, settings?: PolicySettings): string[] {
  return diagnose(text, settings).map((f) => f.code);
}

/** A sound policy every rule accepts; tests change one thing at a time. */
export function basePolicy(): Record<string, unknown> {
  return {
    apiVersion: 'hana-backup/v1',
    kind: 'BackupPolicy',
    metadata: { name: 'prd-standard' },
    spec: {
      timezone: 'Europe/Berlin',
      targets: [{ system: 'PRD', databases: ['SYSTEMDB', 'PRD'] }],
      objectives: { rpo: '15m', rto: '4h' },
      destinations: {
        data: {
          type: 'backint',
          parameterFile: '/usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/param',
          channels: 4,
        },
        log: { type: 'backint', parameterFile: '/usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/param' },
        catalog: { type: 'backint' },
      },
      schedules: {
        full: { every: 'week', on: ['sun'], at: '01:00' },
        differential: { every: 'day', on: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], at: '01:00' },
        log: { interval: '15m' },
      },
      retention: {
        full: { daily: '7d', weekly: '8w', monthly: '12mo' },
        differential: '14d',
        log: '35d',
      },
    },
  };
}

// Tests reshape policies freely, including into wrong types: the policy is deliberately untyped here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
type Patch = (policy: { spec: Loose } & Loose) => void;

/** YAML text of the base policy after a change. */
export function policyWith(patch: Patch): string {
  const policy = basePolicy() as Parameters<Patch>[0];
  patch(policy);
  return stringify(policy, { lineWidth: 0 });
}

export function applyEdits(document: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(document, edits);
}

/** Text with a `|` marking the caret: the text without it and the caret's position. */
export function caret(textWithCaret: string): {
  document: TextDocument;
  position: { line: number; character: number };
} {
  const offset = textWithCaret.indexOf('|');
  const document = doc(textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1));
  return { document, position: document.positionAt(offset) };
}

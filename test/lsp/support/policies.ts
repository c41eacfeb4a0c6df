// Policy texts the LSP tests write or open besides the shared examples.

export const SANDBOX = 'policies/sandbox.backup-policy.yaml';
export const ERP = 'policies/erp.backup-policy.yaml';
export const AZURE = 'policies/azure-crm.backup-policy.yaml';

/** A sound policy (no diagnostics of its own) for one target; cross-file rules aside. */
export function cleanPolicy(name: string, system: string, databases: string[]): string {
  return [
    'apiVersion: hana-backup/v1',
    'kind: BackupPolicy',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  targets:',
    `    - system: ${system}`,
    `      databases: [${databases.map((d) => JSON.stringify(d)).join(', ')}]`,
    '  destinations:',
    `    data: { type: file, path: /hana/backup/${system}/data }`,
    `    log: { type: file, path: /hana/backup/${system}/log }`,
    '  schedules:',
    '    full: { every: day, at: "03:00" }',
    '    log: { interval: 10m }',
    '  retention:',
    '    full: 14d',
    '    log: 14d',
    '',
  ].join('\n');
}

/** Line (0-based) of `databases:` in a `cleanPolicy` text: where HBP131 is reported on it. */
export const CLEAN_POLICY_DATABASES_LINE = 7;

/**
 * Where the caret is: `|` marks it. Returns the text without the marker and the marker's offset.
 */
export function withCaret(textWithCaret: string): { text: string; offset: number } {
  const offset = textWithCaret.indexOf('|');
  if (offset < 0 || textWithCaret.indexOf('|', offset + 1) >= 0)
    throw new Error('exactly one | marks the caret');
  return { text: textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1), offset };
}

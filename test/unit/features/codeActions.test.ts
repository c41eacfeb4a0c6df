import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HanaBackupLanguageService, TextDocument, type TextEdit } from '../../../server/src/languageService';
import { doc, findings, policyWith } from '../support/kit';

/** Applies the quick fix titled like `title` for the first diagnostic with `code`; returns the new text's findings. */
function applyFix(text: string, code: string, title: RegExp) {
  // A fresh service each time: every test's policy governs PRD, which would otherwise clash (HBP131).
  const service = new HanaBackupLanguageService();
  const document = doc(text);
  const diagnostics = service.validate(document).filter((d) => d.code === code);
  assert.ok(diagnostics.length, `no ${code} to fix`);
  const action = service.codeActions(document, diagnostics).find((a) => title.test(a.title));
  assert.ok(action, `no quick fix matching ${title}`);
  const edits = action.edit!.changes![document.uri] as TextEdit[];
  const fixed = TextDocument.create(
    document.uri,
    document.languageId,
    document.version + 1,
    TextDocumentApply(document, edits),
  );
  return { text: fixed.getText(), after: findings(fixed, service.validate(fixed)) };
}

function TextDocumentApply(document: ReturnType<typeof doc>, edits: TextEdit[]): string {
  let text = document.getText();
  const sorted = [...edits].sort(
    (a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start),
  );
  for (const edit of sorted) {
    text =
      text.slice(0, document.offsetAt(edit.range.start)) +
      edit.newText +
      text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}

const sandbox = fs.readFileSync(
  path.resolve(__dirname, '../../fixtures/shared-examples/workspace/policies/sandbox.backup-policy.yaml'),
  'utf8',
);

describe('quick fixes', () => {
  it('turns 14m into 14mo (HBP110) and the warning is gone', () => {
    const { text, after } = applyFix(sandbox, 'HBP110', /14mo/);
    assert.match(text, /log: 14mo/);
    assert.ok(!after.some((f) => f.code === 'HBP110'));
  });
  it('raises log retention to the minimum HBP103 needs', () => {
    const { text, after } = applyFix(sandbox, 'HBP103', /Raise retention to `1d`/);
    assert.match(text, /log: 1d/);
    assert.ok(!after.some((f) => f.code === 'HBP103'));
  });
  it('renames an unknown key to the proposal (HBP002)', () => {
    const { text, after } = applyFix(
      policyWith(() => {}).replace('  retention:', '  retenion:'),
      'HBP002',
      /Rename `retenion` to `retention`/,
    );
    assert.match(text, /\n {2}retention:\n/);
    assert.deepEqual(after, []);
  });
  it('adds a missing required key in a block mapping (HBP004)', () => {
    const { text, after } = applyFix(
      policyWith((p) => delete p.spec.schedules.log.interval),
      'HBP004',
      /Add `interval`/,
    );
    assert.match(text, /log: \{ interval: 5m \}\n/);
    assert.ok(!after.some((f) => f.code === 'HBP004'));
  });
  it('adds a missing key inside a flow mapping (HBP004)', () => {
    const text = sandbox.replace(
      'data: { type: file, path: /hana/backup/SBX/data }',
      'data: { path: /hana/backup/SBX/data }',
    );
    const { text: fixed, after } = applyFix(text, 'HBP004', /Add `type`/);
    assert.match(fixed, /data: \{ path: \/hana\/backup\/SBX\/data, type: file \}/);
    assert.ok(!after.some((f) => f.code === 'HBP004'));
  });
  it('adds a missing top-level key', () => {
    const { text, after } = applyFix(
      policyWith(() => {}).replace('kind: BackupPolicy\n', ''),
      'HBP004',
      /Add `kind`/,
    );
    assert.match(text, /kind: BackupPolicy/);
    assert.deepEqual(after, []);
  });
  it('quotes and pads a time written 1:00', () => {
    const text = policyWith(() => {}).replace(/at: 01:00\n {4}differential/, 'at: 1:00\n    differential');
    const { text: fixed, after } = applyFix(text, 'HBP007', /Write the time as "01:00"/);
    assert.match(fixed, /at: "01:00"/);
    assert.deepEqual(after, []);
  });
  it('sets the log interval to the RPO (HBP101)', () => {
    const { text } = applyFix(sandbox, 'HBP101', /every `10m`/);
    assert.match(text, /interval: 10m/);
  });
  it('offers to add a connection for an unknown system (HBP130)', () => {
    const service = new HanaBackupLanguageService();
    const document = doc(policyWith(() => {}));
    const diagnostics = service.validate(document, { connections: [{ name: 'QAS' }] });
    const [action] = service.codeActions(document, diagnostics);
    assert.equal(action.command?.command, 'hanaBackup.addConnection');
    assert.deepEqual(action.command?.arguments, ['PRD']);
  });
  it('offers nothing for diagnostics of other sources', () => {
    const service = new HanaBackupLanguageService();
    const document = doc(sandbox);
    const foreign = service.validate(document).map((d) => ({ ...d, source: 'yaml' }));
    assert.deepEqual(service.codeActions(document, foreign), []);
  });
});

describe('adding a missing key at the end of a file', () => {
  it('adds exactly one line, without a blank line before it', () => {
    const text = 'apiVersion: hana-backup/v1\nkind: BackupPolicy\nmetadata:\n  name: x\n';
    const service = new HanaBackupLanguageService();
    const document = doc(text);
    const diagnostic = service.validate(document).find((d) => d.code === 'HBP004')!;
    const fix = service.codeActions(document, [diagnostic]).find((a) => /Add `spec`/.test(a.title))!;
    const fixed = TextDocumentApply(document, fix.edit!.changes![document.uri] as TextEdit[]);
    assert.equal(
      fixed.split('\n').slice(0, 5).join('\n'),
      'apiVersion: hana-backup/v1\nkind: BackupPolicy\nmetadata:\n  name: x\nspec:',
    );
  });
});

describe('adding missing targets', () => {
  it('leaves the system and databases for the user to fill in, never a real-looking default', () => {
    const text =
      'apiVersion: hana-backup/v1\nkind: BackupPolicy\nmetadata:\n  name: x\nspec:\n  destinations: { data: { type: backint }, log: { type: backint } }\n';
    const service = new HanaBackupLanguageService();
    const document = doc(text);
    const diagnostic = service
      .validate(document)
      .find((d) => d.code === 'HBP004' && /targets/.test(d.message))!;
    const fix = service.codeActions(document, [diagnostic]).find((a) => /Add `targets`/.test(a.title))!;
    const fixed = TextDocumentApply(document, fix.edit!.changes![document.uri] as TextEdit[]);
    assert.match(fixed, /targets:\n {4}- system: \n {6}databases: \[\]\n/);
    assert.ok(!/PRD|SYSTEMDB/.test(fixed));
  });
});

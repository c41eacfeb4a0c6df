import * as assert from 'node:assert/strict';
import { HanaBackupLanguageService, type CompletionItem } from '../../../server/src/languageService';
import { caret } from '../support/kit';

const service = new HanaBackupLanguageService();
const connections = [{ name: 'PRD', host: 'hana01', port: 30013, databases: ['SYSTEMDB', 'PRD', 'PRD2'] }];

function labels(textWithCaret: string, settings = { connections }): string[] {
  const { document, position } = caret(textWithCaret);
  return service.complete(document, position, settings).items.map((item) => item.label);
}

function item(textWithCaret: string, label: string): CompletionItem {
  const { document, position } = caret(textWithCaret);
  const found = service.complete(document, position, { connections }).items.find((i) => i.label === label);
  assert.ok(found, `no completion ${label}`);
  return found;
}

describe('completion', () => {
  it('offers the top-level keys not yet written, and a whole-policy snippet in an empty file', () => {
    assert.deepEqual(labels('|').sort(), ['BackupPolicy', 'apiVersion', 'kind', 'metadata', 'spec']);
    assert.deepEqual(labels('apiVersion: hana-backup/v1\n|').sort(), ['kind', 'metadata', 'spec']);
  });
  it('offers schedule kinds under spec.schedules, without the ones present', () => {
    assert.deepEqual(labels('spec:\n  schedules:\n    full: { every: day, at: "01:00" }\n    |').sort(), [
      'differential',
      'incremental',
      'log',
      'snapshot',
    ]);
  });
  it('documents keys and inserts a snippet for required children', () => {
    const targets = item('spec:\n  |', 'targets');
    assert.match(String((targets.documentation as { value: string }).value), /databases this policy governs/);
    assert.equal(
      (targets.textEdit as { newText: string }).newText,
      'targets:\n    - system: ${1}\n      databases: [${2}]',
    );
  });
  it('offers the enum values of `every`', () => {
    assert.deepEqual(labels('spec:\n  schedules:\n    full:\n      every: |'), ['day', 'week', 'month']);
  });
  it('offers day names in `on: [` and days of month for a monthly schedule', () => {
    assert.deepEqual(labels('spec:\n  schedules:\n    full: { every: week, on: [|'), [
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'sat',
      'sun',
    ]);
    const monthly = labels('spec:\n  schedules:\n    full:\n      every: month\n      on: [|');
    assert.equal(monthly.length, 32);
    assert.ok(monthly.includes('last'));
  });
  it('offers typical durations for an RPO', () => {
    assert.deepEqual(labels('spec:\n  objectives:\n    rpo: |'), ['5m', '15m', '30m', '1h']);
  });
  it('offers configured systems and their databases in targets', () => {
    assert.deepEqual(labels('spec:\n  targets:\n    - system: |'), ['PRD']);
    assert.deepEqual(labels('spec:\n  targets:\n    - system: PRD\n      databases: [SYSTEMDB, |'), [
      'SYSTEMDB',
      'PRD',
      'PRD2',
      '*',
    ]);
  });
  it('offers IANA time zones', () => {
    const zones = labels('spec:\n  timezone: Eur|');
    assert.ok(zones.includes('Europe/Berlin'));
    assert.ok(zones.includes('UTC'));
  });
  it('offers keys inside a flow mapping', () => {
    assert.deepEqual(labels('spec:\n  destinations:\n    data: { type: backint, |').sort(), [
      'channels',
      'parameterFile',
      'path',
    ]);
  });
  // Found by the fuzzer: completion read a lone CR as part of the line, and looked for the key before
  // a `{` with a regex that took seconds on a long line.
  it('counts a lone CR as a line end, as the editor does', () => {
    assert.deepEqual(labels('spec:\r  schedules:\r    full: { every: day, at: "01:00" }\r    |').sort(), [
      'differential',
      'incremental',
      'log',
      'snapshot',
    ]);
    assert.deepEqual(labels('kind: BackupPolicy\r---\rkind: BackupPolicy\r|').sort(), [
      'apiVersion',
      'metadata',
      'spec',
    ]);
  });
  it('finds the key before a flow mapping at the end of a 100,000-character line', () => {
    assert.deepEqual(labels(`spec:\n  ${'x'.repeat(100_000)} schedules: { full: { every: |`), [
      'day',
      'week',
      'month',
    ]);
  });
  it('replaces the word being typed', () => {
    const { document, position } = caret('spec:\n  schedules:\n    fu|');
    const full = service.complete(document, position).items.find((i) => i.label === 'full')!;
    const edit = full.textEdit as { range: { start: { character: number } } };
    assert.equal(edit.range.start.character, 4);
  });
});

describe('completion in lists', () => {
  it('offers days of month in a flow list of a monthly flow schedule', () => {
    const monthly = labels('spec:\n  schedules:\n    full: { every: month, on: [|');
    assert.equal(monthly.length, 32);
  });
  it('offers days of month in a block list of a monthly schedule', () => {
    const monthly = labels(
      'spec:\n  schedules:\n    full:\n      every: month\n      at: "01:00"\n      on:\n        - 1\n        - |',
    );
    assert.ok(monthly.includes('last'));
    assert.ok(!monthly.includes('mon'));
  });
  it("offers the target connection's databases in a block list", () => {
    assert.deepEqual(
      labels('spec:\n  targets:\n    - system: PRD\n      databases:\n        - SYSTEMDB\n        - |'),
      ['SYSTEMDB', 'PRD', 'PRD2', '*'],
    );
  });
});

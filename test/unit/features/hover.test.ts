import * as assert from 'node:assert/strict';
import { HanaBackupLanguageService } from '../../../server/src/languageService';
import { NOW, caret } from '../support/kit';

const service = new HanaBackupLanguageService();

function hoverText(
  textWithCaret: string,
  connections: { name: string; host: string; port: number; databases?: string[] }[] = [],
  now = NOW,
): string {
  const { document, position } = caret(textWithCaret);
  const result = service.hover(document, position, { connections }, now);
  return result ? (result.contents as { value: string }).value : '';
}

describe('hover', () => {
  it('documents a key', () => {
    assert.match(hoverText('spec:\n  objectives:\n    r|po: 15m\n'), /Recovery point objective/);
  });
  it('puts a duration in words', () => {
    assert.match(hoverText('spec:\n  retention:\n    full: { monthly: 1|2mo }\n'), /`12mo` = 12 months/);
    assert.match(
      hoverText('spec:\n  schedules:\n    log: { interval: 9|0m }\n'),
      /90 minutes \(1 hour 30 minutes\)/,
    );
  });
  it('shows the next five runs of a schedule in the policy time zone', () => {
    const text = hoverText(
      'spec:\n  timezone: America/Chicago\n  schedules:\n    full: { every: week, on: [sat], at: "23:00" }\n    differential: { ev|ery: day, on: [sun, mon], at: "23:00" }\n',
    );
    assert.match(text, /Next runs \(America\/Chicago\)/);
    const runs = text.split('\n').filter((line) => line.startsWith('- '));
    assert.deepEqual(runs, [
      '- Sun 2026-11-22 23:00 CST',
      '- Mon 2026-11-23 23:00 CST',
      '- Sun 2026-11-29 23:00 CST',
      '- Mon 2026-11-30 23:00 CST',
      '- Sun 2026-12-06 23:00 CST',
    ]);
  });
  it('keeps the wall-clock time across a daylight-saving change', () => {
    const text = hoverText(
      'spec:\n  timezone: America/Chicago\n  schedules:\n    full: { every: day, at: "0|1:00" }\n',
      [],
      new Date('2027-03-12T12:00:00Z'),
    );
    const runs = text.split('\n').filter((line) => line.startsWith('- '));
    assert.deepEqual(runs.slice(0, 3), [
      '- Sat 2027-03-13 01:00 CST',
      '- Sun 2027-03-14 01:00 CST',
      '- Mon 2027-03-15 01:00 CDT',
    ]);
  });
  it('shows cron runs too', () => {
    const text = hoverText('spec:\n  schedules:\n    full: { cron: "0 1 * * |0" }\n');
    assert.match(text, /- Sun 2026-11-29 01:00 UTC/);
  });
  it('shows the connection of a target', () => {
    const text = hoverText('spec:\n  targets:\n    - system: P|RD\n      databases: [PRD]\n', [
      { name: 'PRD', host: 'hana01', port: 30013, databases: ['SYSTEMDB', 'PRD'] },
    ]);
    assert.match(text, /Connection \*\*PRD\*\* \(hana01:30013\) · databases: SYSTEMDB, PRD/);
  });
  it('says nothing on a comment', () => {
    assert.equal(hoverText('# a com|ment\napiVersion: hana-backup/v1\n'), '');
  });
});

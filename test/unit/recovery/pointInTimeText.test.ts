import * as assert from 'node:assert/strict';
import { parsePointInTime } from '../../../client/src/recovery/pointInTimeText';

describe('a point in time as typed for a recovery', () => {
  it("reads HANA's own 'YYYY-MM-DD HH:MM:SS' as UTC", () => {
    assert.equal(parsePointInTime(' 2026-11-20 14:30:05 ')?.toISOString(), '2026-11-20T14:30:05.000Z');
  });

  it('honours an explicit zone', () => {
    assert.equal(parsePointInTime('2026-11-20T15:30:00+01:00')?.toISOString(), '2026-11-20T14:30:00.000Z');
    assert.equal(parsePointInTime('2026-11-20T14:30:00.250Z')?.toISOString(), '2026-11-20T14:30:00.250Z');
    assert.equal(parsePointInTime('2026-11-20T09:30-05:00')?.toISOString(), '2026-11-20T14:30:00.000Z');
  });

  it('refuses what would be guessed or rolled over into another day', () => {
    for (const text of [
      '',
      'yesterday',
      '2026-11-20',
      '20.11.2026 14:30',
      '2026-02-30 10:00:00',
      '2026-11-20 24:00:00',
      '2026-11-20 12:60:00',
      '2026-11-20T14:30:00 CET',
      '2026-11-20T14:30:00',
      '2026-11-20 14:30',
      '2026-11-20T14:30:00+15:00',
      '2026-11-20T14:30:00+01:75',
    ])
      assert.equal(parsePointInTime(text), undefined, text);
  });
});

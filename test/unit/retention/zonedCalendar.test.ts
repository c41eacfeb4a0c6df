import * as assert from 'node:assert/strict';
import {
  formatInZone,
  instantOf,
  isoWeekKey,
  monthKey,
  subtractDuration,
  yearKey,
} from '../../../client/src/retention/zonedCalendar';
import { parseDuration } from '../../../server/src/languageService/model/duration';

const d = (text: string) => parseDuration(text)!;
const iso = (date: Date) => date.toISOString();

describe('the calendar of a time zone', () => {
  it('puts an instant in the day, week, month and year of the zone, not of UTC', () => {
    const newYearInBerlin = new Date('2025-12-31T23:30:00Z');
    assert.equal(formatInZone(newYearInBerlin, 'Europe/Berlin'), '2026-01-01 00:30');
    assert.equal(monthKey(newYearInBerlin, 'Europe/Berlin'), '2026-01');
    assert.equal(monthKey(newYearInBerlin, 'UTC'), '2025-12');
    assert.equal(yearKey(newYearInBerlin, 'Europe/Berlin'), '2026');
    assert.equal(isoWeekKey(newYearInBerlin, 'Europe/Berlin'), '2026-W01');
    // Monday 29 December 2025 belongs to the ISO week of Thursday 1 January 2026.
    assert.equal(isoWeekKey(new Date('2025-12-29T12:00:00Z'), 'UTC'), '2026-W01');
    assert.equal(isoWeekKey(new Date('2027-01-01T12:00:00Z'), 'UTC'), '2026-W53');
  });

  it('subtracts months on the calendar, clamped to the shorter month, and days as exact time', () => {
    const now = new Date('2026-03-31T10:00:00Z');
    assert.equal(iso(subtractDuration(now, d('1mo'), 'UTC')), '2026-02-28T10:00:00.000Z');
    assert.equal(iso(subtractDuration(now, d('1y'), 'UTC')), '2025-03-31T10:00:00.000Z');
    assert.equal(iso(subtractDuration(now, d('13mo'), 'UTC')), '2025-02-28T10:00:00.000Z');
    assert.equal(iso(subtractDuration(now, d('2d'), 'UTC')), '2026-03-29T10:00:00.000Z');
    // 12:00 in Berlin a month before 31 March (summer time) is 12:00 on 28 February (winter time).
    const berlin = new Date('2026-03-31T10:00:00Z');
    assert.equal(iso(subtractDuration(berlin, d('1mo'), 'Europe/Berlin')), '2026-02-28T11:00:00.000Z');
  });

  it('reads wall-clock times around DST changes: a skipped time after the gap, a repeated one the first time', () => {
    const clock = { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 };
    assert.equal(iso(instantOf(clock, 'Europe/Berlin')), '2026-03-29T01:30:00.000Z');
    const repeated = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 };
    assert.equal(iso(instantOf(repeated, 'Europe/Berlin')), '2026-10-25T00:30:00.000Z');
    const plain = { year: 2026, month: 7, day: 1, hour: 9, minute: 15, second: 5 };
    assert.equal(iso(instantOf(plain, 'Asia/Kathmandu')), '2026-07-01T03:30:05.000Z');
  });
});

/**
 * The calendar of an IANA time zone: which day, ISO week, month and year an instant falls in there,
 * and "N months ago" on that calendar. Retention tiers count in the policy's zone, not in UTC: a full
 * at 00:30 in Berlin on the 1st of a month is the first of that month even though it is still the
 * previous month in UTC.
 */
import type { Duration } from '../../../server/src/languageService/model/duration';
import { durationSeconds } from '../../../server/src/languageService/model/duration';

export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building a formatter costs far more than using one: a prune plan asks thousands of times.
function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock in `zone` at `instant` (seconds truncated). */
export function wallClock(instant: Date, zone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour,
    minute: fields.minute,
    second: fields.second,
  };
}

function asUtcMs(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/** Offset of `zone` from UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, zone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return asUtcMs(wallClock(new Date(whole), zone)) - whole;
}

/**
 * The instant a wall-clock time in `zone` names. A time skipped by a DST change resolves to the
 * instant after the gap; a repeated time to its first occurrence.
 */
export function instantOf(clock: WallClock, zone: string): Date {
  const local = asUtcMs(clock);
  // No zone changes its offset twice within a day, so the offsets half a day either side are the
  // only two the wall-clock time can be read with.
  const candidates = [local - offsetAt(local - 43_200_000, zone), local - offsetAt(local + 43_200_000, zone)];
  const valid = candidates.filter((t) => offsetAt(t, zone) === local - t);
  return new Date(valid.length > 0 ? Math.min(...valid) : Math.max(...candidates));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `now` minus `duration`: months and years on the zone's calendar (the same day of the month, or the
 * month's last day when it is shorter), smaller units as exact seconds.
 */
export function subtractDuration(now: Date, duration: Duration, zone: string): Date {
  if (duration.unit !== 'mo' && duration.unit !== 'y') {
    return new Date(now.getTime() - durationSeconds(duration) * 1000);
  }
  const months = duration.unit === 'y' ? duration.amount * 12 : duration.amount;
  const clock = wallClock(now, zone);
  const index = clock.year * 12 + (clock.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return instantOf({ ...clock, year, month, day: Math.min(clock.day, daysInMonth(year, month)) }, zone);
}

/** 'YYYY-MM' of the instant in the zone. */
export function monthKey(instant: Date, zone: string): string {
  const { year, month } = wallClock(instant, zone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** 'YYYY' of the instant in the zone. */
export function yearKey(instant: Date, zone: string): string {
  return String(wallClock(instant, zone).year);
}

/** ISO 8601 week 'YYYY-Www' of the instant in the zone (weeks start on Monday, belong to their Thursday's year). */
export function isoWeekKey(instant: Date, zone: string): string {
  const { year, month, day } = wallClock(instant, zone);
  const date = Date.UTC(year, month - 1, day);
  const weekday = (new Date(date).getUTCDay() + 6) % 7;
  const thursday = new Date(date + (3 - weekday) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000));
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD HH:MM' in the zone. */
export function formatInZone(instant: Date, zone: string): string {
  const c = wallClock(instant, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${c.year}-${two(c.month)}-${two(c.day)} ${two(c.hour)}:${two(c.minute)}`;
}

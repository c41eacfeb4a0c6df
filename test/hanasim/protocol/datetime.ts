/**
 * HANA day numbers (§11, §17.9): DAYDATE counts days from 0001-01-01 = 1, in the Julian calendar before
 * 1582-10-15 and the Gregorian one from then on, so 1970-01-01 = 719165. Dates are exchanged as labels:
 * a JS Date's UTC year/month/day is the calendar date shown by the client.
 */

export const MS_PER_DAY = 86_400_000;
/** DAYDATE of 1970-01-01. */
export const DAYDATE_UNIX_EPOCH = 719_165;
/** Julian day number minus this is the DAYDATE. */
const JDN_OFFSET = 1_721_423;
/** Days since 1970-01-01 of 1582-10-15, the first Gregorian day. */
const GREGORIAN_START_EPOCH_DAYS = Date.UTC(1582, 9, 15) / MS_PER_DAY;
const GREGORIAN_START_DAYDATE = GREGORIAN_START_EPOCH_DAYS + DAYDATE_UNIX_EPOCH;

function julianToJdn(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const y2 = y + 4800 - a;
  const m2 = m + 12 * a - 3;
  return d + Math.floor((153 * m2 + 2) / 5) + 365 * y2 + Math.floor(y2 / 4) - 32083;
}

function jdnToJulian(jdn: number): { y: number; m: number; d: number } {
  const c = jdn + 32082;
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    d: e - Math.floor((153 * m + 2) / 5) + 1,
    m: m + 3 - 12 * Math.floor(m / 10),
    y: d - 4800 + Math.floor(m / 10),
  };
}

/** A UTC date label (year/month 1–12/day) as a JS time value at midnight UTC, also for years 0–99. */
export function utcLabel(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

/** The DAYDATE of the day containing the time value t (ms since the epoch, UTC). */
export function epochMsToDayDate(t: number): number {
  const days = Math.floor(t / MS_PER_DAY);
  if (days >= GREGORIAN_START_EPOCH_DAYS) return days + DAYDATE_UNIX_EPOCH;
  const date = new Date(days * MS_PER_DAY);
  return julianToJdn(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) - JDN_OFFSET;
}

/** Midnight UTC (ms since the epoch) of the date label that a DAYDATE stands for. */
export function dayDateToEpochMs(dayDate: number): number {
  if (dayDate >= GREGORIAN_START_DAYDATE) return (dayDate - DAYDATE_UNIX_EPOCH) * MS_PER_DAY;
  const { y, m, d } = jdnToJulian(dayDate + JDN_OFFSET);
  return utcLabel(y, m, d);
}

/** Milliseconds since midnight UTC. */
export function msOfDay(t: number): number {
  const r = t % MS_PER_DAY;
  return r < 0 ? r + MS_PER_DAY : r;
}

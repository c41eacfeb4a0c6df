/**
 * HANA scalar functions as SQLite user functions, registered on the connection. Time arguments
 * arrive as storage text (see timeValues.ts); results are storage text, numbers or strings.
 * Functions that need the clock do not exist here: CURRENT_UTCTIMESTAMP & co. compile to a
 * parameter bound once per query from the engine's clock, so one query sees one "now".
 */
import { HanaError } from '../shared/types';
import type { SqliteDatabase, SqliteValue } from './sqlite';
import {
  formatDate,
  formatTimestamp,
  formatWithPattern,
  parseTime,
  parseWithPattern,
  toStorageDate,
  toStorageTimestamp,
} from './timeValues';

const DAY_MS = 86_400_000;

function num(value: SqliteValue, fn: string): number {
  const n = typeof value === 'string' ? Number(value.trim()) : Number(value);
  if (value === '' || Number.isNaN(n)) throw new HanaError(339, `invalid number: ${fn}: ${String(value)}`);
  return n;
}

function toBigint(value: SqliteValue): SqliteValue {
  if (value === null) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Math.trunc(value);
  const text = String(value).trim();
  if (/^[-+]?\d+$/.test(text)) {
    const b = BigInt(text);
    return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }
  return Math.trunc(num(value, 'TO_BIGINT'));
}

/**
 * ISO 8601 week 'YYYY-Www': weeks start on Monday and belong to the year of their Thursday, so the
 * first days of January can fall in the previous year's last week (and late December in week 1).
 */
function isoWeek(d: Date): string {
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const thursday = new Date(day + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** name → implementation; every function returns NULL for a NULL time/number argument. */
const FUNCTIONS: Record<string, (...args: SqliteValue[]) => SqliteValue> = {
  /** Normalizes a time value to timestamp storage text (used for typed comparisons). */
  hana_ts: (v) => toStorageTimestamp(v),
  hana_to_date: (v, fmt) =>
    v === null
      ? null
      : fmt === null || fmt === undefined
        ? toStorageDate(v)
        : formatDate(parseWithPattern(String(v), String(fmt))),
  hana_to_timestamp: (v, fmt) =>
    v === null
      ? null
      : fmt === null || fmt === undefined
        ? toStorageTimestamp(v)
        : formatTimestamp(parseWithPattern(String(v), String(fmt))),
  hana_add_seconds: (t, n, kind) => {
    if (t === null || n === null) return null;
    const d = new Date(parseTime(t).getTime() + Math.round(num(n, 'ADD_SECONDS') * 1000));
    return kind === 'DATE' ? formatDate(d) : formatTimestamp(d);
  },
  hana_add_days: (t, n, kind) => {
    if (t === null || n === null) return null;
    const d = new Date(parseTime(t).getTime() + Math.trunc(num(n, 'ADD_DAYS')) * DAY_MS);
    return kind === 'DATE' ? formatDate(d) : formatTimestamp(d);
  },
  hana_seconds_between: (a, b) =>
    a === null || b === null ? null : Math.trunc((parseTime(b).getTime() - parseTime(a).getTime()) / 1000),
  hana_days_between: (a, b) => {
    if (a === null || b === null) return null;
    const day = (v: SqliteValue): number => Math.floor(parseTime(v).getTime() / DAY_MS);
    return day(b) - day(a);
  },
  /** TO_VARCHAR(x [, fmt]); `kind` is the argument's HANA type, known at translation time. */
  hana_to_varchar: (v, fmt, kind) => {
    if (v === null) return null;
    if (kind === 'TIMESTAMP' || kind === 'LONGDATE' || kind === 'SECONDDATE' || kind === 'DATE') {
      const d = parseTime(v);
      if (fmt !== null && fmt !== undefined) return formatWithPattern(d, String(fmt));
      if (kind === 'DATE') return formatDate(d);
      if (kind === 'SECONDDATE') return formatTimestamp(d).slice(0, 19);
      return `${formatTimestamp(d)}0000`;
    }
    return String(v);
  },
  hana_isoweek: (v) => (v === null ? null : isoWeek(parseTime(v))),
  hana_to_bigint: (v) => toBigint(v),
  hana_upper: (v) => (v === null ? null : String(v).toUpperCase()),
  hana_lower: (v) => (v === null ? null : String(v).toLowerCase()),
};

/** Registers every function on the connection (deterministic, so constant calls are factored out). */
export function registerFunctions(db: SqliteDatabase): void {
  for (const [name, fn] of Object.entries(FUNCTIONS)) {
    db.function(name, { deterministic: true, varargs: true }, fn);
  }
}

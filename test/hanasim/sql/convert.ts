/** Value conversion between hanasim's SqlValue and what SQLite stores, driven by HANA types. */
import type { HanaType, SqlValue } from '../shared/types';
import { INTEGER_TYPES, TIME_TYPES } from './catalogSchema';
import type { SqliteValue } from './sqlite';
import { formatTimestamp, fromStorageTime, toStorageDate, toStorageTimestamp } from './timeValues';

/** A bound parameter: Dates become timestamp storage text, booleans 1/0. */
export function paramToSqlite(v: SqlValue): SqliteValue {
  if (v instanceof Date) return formatTimestamp(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** A value written into a column of the given type. */
export function toStorage(v: SqlValue | undefined, type: HanaType): SqliteValue {
  if (v === undefined || v === null) return null;
  if (type === 'DATE') return toStorageDate(v);
  if (TIME_TYPES.has(type)) return toStorageTimestamp(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return formatTimestamp(v);
  return v;
}

/** A value read from SQLite, as the HANA type says it is returned. */
export function fromSqlite(v: unknown, type: HanaType): SqlValue {
  if (v === null || v === undefined) return null;
  if (TIME_TYPES.has(type)) return typeof v === 'string' ? fromStorageTime(v) : new Date(Number(v));
  if (INTEGER_TYPES.has(type)) {
    if (typeof v === 'bigint' || typeof v === 'number') return v;
    return typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : (v as SqlValue);
  }
  if (type === 'DOUBLE') return typeof v === 'number' ? v : Number(v);
  if (type === 'DECIMAL') return String(v);
  if (type === 'BOOLEAN') return Boolean(v);
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return v as SqlValue;
}

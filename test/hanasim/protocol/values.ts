/** Converting SqlValues between the JS shapes the backend uses (strings, numbers, Dates…). */
import { HanaError, type HanaType, type SqlValue } from '../shared/types';

export function valueToString(v: Exclude<SqlValue, null>): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function valueToNumber(v: Exclude<SqlValue, null>): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.getTime();
  const n = Number(v.trim());
  if (v.trim() === '' || Number.isNaN(n)) throw new HanaError(339, `invalid number: '${v}'`, '22018');
  return n;
}

const DATE_TEXT =
  /^(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?)?\s*(Z)?$/i;

/** A time value (ms since the epoch, UTC). Strings without a zone are read as UTC. */
export function valueToEpochMs(v: Exclude<SqlValue, null>): number {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const m = DATE_TEXT.exec(v.trim());
    if (m) {
      const t = new Date(0);
      t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
      t.setUTCHours(Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms);
      return t.getTime();
    }
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return t;
  }
  throw new HanaError(303, `invalid DATE, TIME or TIMESTAMP value: '${String(v)}'`, '22007');
}

/** Converts a value that arrived as a parameter to the type the statement declared for it. */
export function coerceToType(v: SqlValue, type: HanaType): SqlValue {
  if (v === null) return null;
  switch (type) {
    case 'NVARCHAR':
    case 'VARCHAR':
    case 'NCLOB':
      return valueToString(v);
    case 'TINYINT':
    case 'SMALLINT':
    case 'INTEGER':
    case 'DOUBLE':
      return valueToNumber(v);
    case 'BIGINT': {
      if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
      if (typeof v === 'string' && /^[+-]?\d+$/.test(v.trim())) {
        const b = BigInt(v.trim());
        return Number.isSafeInteger(Number(b)) ? Number(b) : b;
      }
      return valueToNumber(v);
    }
    case 'DECIMAL':
      if (typeof v === 'string') {
        valueToNumber(v);
        return v.trim();
      }
      return valueToString(v);
    case 'BOOLEAN':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string') {
        const u = v.trim().toUpperCase();
        if (u === 'TRUE' || u === '1') return true;
        if (u === 'FALSE' || u === '0') return false;
        throw new HanaError(339, `invalid boolean: '${v}'`, '22018');
      }
      return valueToNumber(v) !== 0;
    case 'DATE':
    case 'TIMESTAMP':
    case 'SECONDDATE':
    case 'LONGDATE':
      return v instanceof Date ? v : new Date(valueToEpochMs(v));
  }
}

/**
 * Time values in storage: text 'YYYY-MM-DD HH:MM:SS.mmm' (UTC) for TIMESTAMP-like values and
 * 'YYYY-MM-DD' for DATE. Parsing accepts the literal forms HANA accepts in practice
 * ('2024-01-31', '2024-01-31 10:00:00', '2024.01.31 10:00:00', ISO with 'T'/'Z', fractions).
 */
import { HanaError } from '../shared/types';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 303: the error HANA raises for an unparseable date/time value. */
export function invalidTime(value: unknown): HanaError {
  return new HanaError(303, `invalid DATE, TIME or TIMESTAMP value: ${String(value)}`);
}

export function formatTimestamp(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

export function formatDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const TIME_RE =
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*(Z)?$/;

/** Parses a time value (Date, text or epoch ms) to a Date; throws 303 when it cannot. */
export function parseTime(value: unknown): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalidTime(value);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  if (typeof value !== 'string') throw invalidTime(value);
  const m = TIME_RE.exec(value.trim());
  if (!m) throw invalidTime(value);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const ms = Number((frac + '000').slice(0, 3));
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23) {
    throw invalidTime(value);
  }
  return date;
}

/** Normalizes a time value to storage text (null stays null). */
const STORAGE_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

export function toStorageTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && STORAGE_RE.test(value)) return value;
  return formatTimestamp(parseTime(value));
}

export function toStorageDate(value: unknown): string | null {
  return value === null || value === undefined ? null : formatDate(parseTime(value));
}

/** Storage text → Date. The fast path handles the normalized form. */
export function fromStorageTime(value: string): Date {
  if (value.length === 23 && value[10] === ' ') return new Date(`${value.slice(0, 10)}T${value.slice(11)}Z`);
  if (value.length === 10) return new Date(`${value}T00:00:00.000Z`);
  return parseTime(value);
}

const FORMAT_TOKENS = /YYYY|YY|MONTH|MON|MM|DDD|DD|HH24|HH12|HH|MI|SS|FF[1-9]|AM|PM|./g;

/** TO_VARCHAR(<time>, <format>) with HANA's format codes (YYYY MM DD HH24 HH12 MI SS FFn MON AM…). */
export function formatWithPattern(d: Date, pattern: string): string {
  const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  const names = [
    'JANUARY',
    'FEBRUARY',
    'MARCH',
    'APRIL',
    'MAY',
    'JUNE',
    'JULY',
    'AUGUST',
    'SEPTEMBER',
    'OCTOBER',
    'NOVEMBER',
    'DECEMBER',
  ];
  const h = d.getUTCHours();
  return pattern.toUpperCase().replace(FORMAT_TOKENS, (tok) => {
    switch (tok) {
      case 'YYYY':
        return pad(d.getUTCFullYear(), 4);
      case 'YY':
        return pad(d.getUTCFullYear() % 100);
      case 'MONTH':
        return names[d.getUTCMonth()];
      case 'MON':
        return months[d.getUTCMonth()];
      case 'MM':
        return pad(d.getUTCMonth() + 1);
      case 'DDD': {
        const start = Date.UTC(d.getUTCFullYear(), 0, 1);
        return pad(Math.floor((d.getTime() - start) / 86_400_000) + 1, 3);
      }
      case 'DD':
        return pad(d.getUTCDate());
      case 'HH24':
        return pad(h);
      case 'HH12':
      case 'HH':
        return pad(h % 12 === 0 ? 12 : h % 12);
      case 'MI':
        return pad(d.getUTCMinutes());
      case 'SS':
        return pad(d.getUTCSeconds());
      case 'AM':
      case 'PM':
        return h < 12 ? 'AM' : 'PM';
      default:
        if (tok.startsWith('FF')) return (pad(d.getUTCMilliseconds(), 3) + '000000').slice(0, Number(tok[2]));
        return tok;
    }
  });
}

/** TO_DATE/TO_TIMESTAMP(<text>, <format>): parses text laid out as the format says. */
export function parseWithPattern(text: string, pattern: string): Date {
  const fields: string[] = [];
  let re = '';
  for (const tok of pattern.toUpperCase().match(FORMAT_TOKENS) ?? []) {
    if (['YYYY', 'MM', 'DD', 'HH24', 'HH12', 'HH', 'MI', 'SS'].includes(tok) || tok.startsWith('FF')) {
      fields.push(tok);
      re += tok === 'YYYY' ? '(\\d{4})' : tok.startsWith('FF') ? '(\\d{1,9})' : '(\\d{1,2})';
    } else if (tok === 'YY') {
      fields.push(tok);
      re += '(\\d{2})';
    } else {
      re += tok.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  const m = new RegExp(`^${re}$`).exec(text.trim());
  if (!m) throw invalidTime(text);
  const v: Record<string, number> = { YYYY: 1970, MM: 1, DD: 1, HH: 0, MI: 0, SS: 0, MS: 0 };
  fields.forEach((f, i) => {
    const raw = m[i + 1];
    if (f === 'YY') v.YYYY = 2000 + Number(raw);
    else if (f.startsWith('HH')) v.HH = Number(raw);
    else if (f.startsWith('FF')) v.MS = Number((raw + '000').slice(0, 3));
    else v[f] = Number(raw);
  });
  return parseTime(
    `${pad(v.YYYY, 4)}-${pad(v.MM)}-${pad(v.DD)} ${pad(v.HH)}:${pad(v.MI)}:${pad(v.SS)}.${pad(v.MS, 3)}`,
  );
}

/**
 * For TO_VARCHAR/TO_DATE over a stored (normalized) timestamp: formats whose output is a prefix of
 * the storage text, mapped to that prefix length, so they compile to substr() (no JS call per row).
 */
export const PREFIX_FORMATS: ReadonlyMap<string, number> = new Map([
  ['YYYY', 4],
  ['YYYY-MM', 7],
  ['YYYY-MM-DD', 10],
  ['YYYY-MM-DD HH24', 13],
  ['YYYY-MM-DD HH24:MI', 16],
  ['YYYY-MM-DD HH24:MI:SS', 19],
  ['YYYY-MM-DD HH24:MI:SS.FF3', 23],
]);

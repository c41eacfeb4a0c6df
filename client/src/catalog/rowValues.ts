/** The driver's row values as the catalog types need them. */

/** A HANA TIMESTAMP as the driver returns it ('YYYY-MM-DD HH:MM:SS.fffffff' or a Date). */
export function toDate(value: unknown): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return value;
  const text = String(value).trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?)?/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0'] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
}

/** The format HANA parses for a TIMESTAMP parameter. */
export function toTimestampText(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

export function toNumber(value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
}

export function toText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** BIGINT ids as exact text (the driver may hand them over as numbers or strings). */
export function toId(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number')
    return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
  return toText(value);
}

export function toOptionalId(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : toId(value);
}

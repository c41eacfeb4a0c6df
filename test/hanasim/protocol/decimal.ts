/** DECIMAL as IEEE 754 decimal128 with a binary integer mantissa (§11). */
import { HanaError } from '../shared/types';

const BIAS = 6176;
const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export interface DecimalParts {
  negative: boolean;
  /** Decimal digits of the mantissa, no leading zeros ("0" for zero). */
  digits: string;
  exponent: number;
}

export function parseDecimal(text: string): DecimalParts {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === ''))
    throw new HanaError(339, `invalid number: '${text}'`, '22018');
  const frac = m[3] ?? '';
  let digits = (m[2] + frac).replace(/^0+/, '');
  let exponent = Number(m[4] ?? 0) - frac.length;
  if (digits.length > 34) {
    exponent += digits.length - 34;
    digits = digits.slice(0, 34);
  }
  return { negative: m[1] === '-' && digits !== '', digits: digits || '0', exponent };
}

/** Writes the 16 bytes of a decimal128 at buf[pos]. */
export function writeDecimal128(buf: Buffer, pos: number, d: DecimalParts): void {
  const biased = d.exponent + BIAS;
  if (biased < 0 || biased > 12287) throw new HanaError(339, 'numeric overflow', '22003');
  let bit112 = 0;
  if (d.digits.length <= 15) {
    const m = Number(d.digits);
    const hi = Math.floor(m / 4294967296);
    buf.writeUInt32LE(m - hi * 4294967296, pos);
    buf.writeUInt32LE(hi, pos + 4);
    buf.fill(0, pos + 8, pos + 14);
  } else {
    const m = BigInt(d.digits);
    buf.writeBigUInt64LE(m & 0xffffffffffffffffn, pos);
    const high = m >> 64n;
    buf.writeUIntLE(Number(high & 0xffffffffffffn), pos + 8, 6);
    bit112 = Number((high >> 48n) & 1n);
  }
  buf.writeUInt16LE(((d.negative ? 1 : 0) << 15) | (biased << 1) | bit112, pos + 14);
}

/** Reads a decimal128; null when the NULL bits (0x70 in byte 15) are set. */
export function readDecimal128(buf: Buffer, pos: number): string | null {
  if ((buf[pos + 15] & 0x70) === 0x70) return null;
  const top = buf.readUInt16LE(pos + 14);
  const m =
    buf.readBigUInt64LE(pos) + (BigInt(buf.readUIntLE(pos + 8, 6)) << 64n) + (BigInt(top & 1) << 112n);
  const exponent = ((top >> 1) & 0x3fff) - BIAS;
  return formatDecimal(top >> 15 === 1, m.toString(), exponent);
}

export function formatDecimal(negative: boolean, digits: string, exponent: number): string {
  let s: string;
  if (exponent >= 0) s = digits === '0' ? '0' : digits + '0'.repeat(exponent);
  else {
    const padded = digits.padStart(-exponent + 1, '0');
    s = `${padded.slice(0, exponent)}.${padded.slice(exponent)}`;
  }
  return negative && /[1-9]/.test(s) ? `-${s}` : s;
}

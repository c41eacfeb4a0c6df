/**
 * Value encoding on the wire (§11, §12): how each HanaType travels in result rows at a given data format
 * version, and how parameters arrive. NULLs follow §17.1: one byte for integer types.
 */
import type { ColumnMeta, SqlValue } from '../shared/types';
import { HanaError } from '../shared/types';
import type { BufferWriter } from './bufferWriter';
import { decodeCesu8, writeCesu8 } from './cesu8';
import { TypeCode } from './constants';
import {
  DAYDATE_UNIX_EPOCH,
  MS_PER_DAY,
  dayDateToEpochMs,
  epochMsToDayDate,
  msOfDay,
  utcLabel,
} from './datetime';
import { parseDecimal, readDecimal128, writeDecimal128 } from './decimal';
import { valueToEpochMs, valueToNumber, valueToString } from './values';

export type ValueEncoder = (w: BufferWriter, v: SqlValue) => void;

/** How one column (or parameter) of a HanaType looks on the wire for one session. */
export interface WireType {
  typeCode: number;
  length: number;
  fraction: number;
  encode: ValueEncoder;
}

const SURROGATE = /[\ud800-\udfff]/;

function writeLengthIndicator(b: Buffer, p: number, n: number): number {
  if (n <= 245) {
    b[p] = n;
    return p + 1;
  }
  if (n <= 32767) {
    b[p] = 0xf6;
    b.writeInt16LE(n, p + 1);
    return p + 3;
  }
  b[p] = 0xf7;
  b.writeInt32LE(n, p + 1);
  return p + 5;
}

const encodeString: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) return w.u8(0xff);
  const s = typeof v === 'string' ? v : valueToString(v);
  if (!SURROGATE.test(s)) {
    const n = Buffer.byteLength(s, 'utf8');
    w.ensure(n + 5);
    const p = writeLengthIndicator(w.buf, w.pos, n);
    w.pos = p + w.buf.write(s, p, 'utf8');
    return;
  }
  const n = s.length * 3;
  w.ensure(n + 5);
  // Surrogates make every UTF-16 unit 1–3 bytes; write at the widest indicator, then fix it up.
  const start = w.pos;
  const end = writeCesu8(w.buf, start + 5, s);
  const len = end - start - 5;
  const p = writeLengthIndicator(w.buf, start, len);
  w.buf.copyWithin(p, start + 5, end);
  w.pos = p + len;
};

function intEncoder(size: 1 | 2 | 4 | 8): ValueEncoder {
  return (w, v) => {
    if (v === null || v === undefined) return w.u8(0);
    w.u8(1);
    if (size === 8) {
      if (typeof v === 'bigint') w.big64(v);
      else w.i64(Math.trunc(valueToNumber(v)));
      return;
    }
    const n = Math.trunc(valueToNumber(v));
    if (size === 1) w.u8(n);
    else if (size === 2) w.i16(n);
    else w.i32(n);
  };
}

const encodeDecimal: ValueEncoder = (w, v) => {
  w.ensure(16);
  if (v === null || v === undefined) {
    w.buf.fill(0, w.pos, w.pos + 16);
    w.buf[w.pos + 15] = 0x70;
  } else {
    writeDecimal128(w.buf, w.pos, parseDecimal(typeof v === 'string' ? v : valueToString(v)));
  }
  w.pos += 16;
};

const encodeDouble: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) {
    w.ensure(8);
    w.buf.fill(0xff, w.pos, w.pos + 8);
    w.pos += 8;
    return;
  }
  w.f64(valueToNumber(v));
};

const encodeBoolean: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) return w.u8(1);
  w.u8((typeof v === 'boolean' ? v : valueToNumber(v) !== 0) ? 2 : 0);
};

const encodeBooleanAsTinyint: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) return w.u8(0);
  w.u8(1);
  w.u8((typeof v === 'boolean' ? v : valueToNumber(v) !== 0) ? 1 : 0);
};

const DAYDATE_NULL = 3_652_062;
const SECONDDATE_NULL = 315_538_070_401;
const TWO32 = 4_294_967_296;
/** 864e9 ticks per day = 201·2^32 + 711573504: lets LONGDATE be written without BigInt. */
const TICKS_HI = 201;
const TICKS_LO = 711_573_504;

const encodeDayDate: ValueEncoder = (w, v) => {
  w.i32(v === null || v === undefined ? DAYDATE_NULL : epochMsToDayDate(valueToEpochMs(v)));
};

const encodeSecondDate: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) return w.i64(SECONDDATE_NULL);
  const t = valueToEpochMs(v);
  w.i64((epochMsToDayDate(t) - 1) * 86400 + Math.floor(msOfDay(t) / 1000) + 1);
};

const encodeLongDate: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) {
    w.big64(3_155_380_704_000_000_001n);
    return;
  }
  const t = typeof v === 'object' ? v.getTime() : valueToEpochMs(v);
  const a = epochMsToDayDate(t) - 1;
  const lo = a * TICKS_LO + msOfDay(t) * 10000 + 1;
  const carry = Math.floor(lo / TWO32);
  w.u32(lo - carry * TWO32);
  w.u32(a * TICKS_HI + carry);
};

/** Old DATE (data format versions 1–2): year (14 bits) | 0x8000, month − 1, day. */
function writeOldDate(w: BufferWriter, d: Date): void {
  const y = d.getUTCFullYear();
  w.u8(y & 0xff);
  w.u8(((y >> 8) & 0x3f) | 0x80);
  w.u8(d.getUTCMonth());
  w.u8(d.getUTCDate());
}

const encodeOldDate: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) return w.zeros(4);
  writeOldDate(w, new Date(valueToEpochMs(v)));
};

const encodeOldTimestamp: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) return w.zeros(8);
  const d = new Date(valueToEpochMs(v));
  writeOldDate(w, d);
  w.u8(d.getUTCHours() | 0x80);
  w.u8(d.getUTCMinutes());
  w.u16(d.getUTCSeconds() * 1000 + d.getUTCMilliseconds());
};

const encodeNclob: ValueEncoder = (w, v) => {
  if (v === null || v === undefined) {
    w.u8(3);
    w.u8(1);
    return;
  }
  const s = typeof v === 'string' ? v : valueToString(v);
  const start = w.pos;
  w.ensure(32 + s.length * 3);
  w.pos = start + 32;
  w.pos = writeCesu8(w.buf, w.pos, s);
  const byteLength = w.pos - start - 32;
  const end = w.pos;
  w.pos = start;
  w.u8(3); // NCLOB
  w.u8(2 | 4); // DATA_INCLUDED | LAST_DATA
  w.zeros(2);
  w.i64(s.length);
  w.i64(byteLength);
  w.zeros(8); // locator id: none, everything is inline
  w.i32(byteLength);
  w.pos = end;
};

/** The wire form of a column or parameter of this type, for a session at data format version dfv. */
export function wireType(col: Pick<ColumnMeta, 'type' | 'length' | 'scale'>, dfv: number): WireType {
  const modern = dfv >= 3;
  const t = col.type;
  switch (t) {
    case 'NVARCHAR':
    case 'VARCHAR':
      return {
        typeCode: t === 'NVARCHAR' ? TypeCode.NVARCHAR : TypeCode.VARCHAR,
        length: Math.min(col.length ?? 5000, 32767),
        fraction: 0,
        encode: encodeString,
      };
    case 'TINYINT':
      return { typeCode: TypeCode.TINYINT, length: 3, fraction: 0, encode: intEncoder(1) };
    case 'SMALLINT':
      return { typeCode: TypeCode.SMALLINT, length: 5, fraction: 0, encode: intEncoder(2) };
    case 'INTEGER':
      return { typeCode: TypeCode.INTEGER, length: 10, fraction: 0, encode: intEncoder(4) };
    case 'BIGINT':
      return { typeCode: TypeCode.BIGINT, length: 19, fraction: 0, encode: intEncoder(8) };
    case 'DECIMAL':
      return {
        typeCode: TypeCode.DECIMAL,
        length: col.length ?? 34,
        fraction: col.scale ?? 32767,
        encode: encodeDecimal,
      };
    case 'DOUBLE':
      return { typeCode: TypeCode.DOUBLE, length: 15, fraction: 0, encode: encodeDouble };
    case 'BOOLEAN':
      return modern
        ? { typeCode: TypeCode.BOOLEAN, length: 1, fraction: 0, encode: encodeBoolean }
        : { typeCode: TypeCode.TINYINT, length: 3, fraction: 0, encode: encodeBooleanAsTinyint };
    case 'DATE':
      return modern
        ? { typeCode: TypeCode.DAYDATE, length: 10, fraction: 0, encode: encodeDayDate }
        : { typeCode: TypeCode.DATE, length: 10, fraction: 0, encode: encodeOldDate };
    case 'SECONDDATE':
      return modern
        ? { typeCode: TypeCode.SECONDDATE, length: 19, fraction: 0, encode: encodeSecondDate }
        : { typeCode: TypeCode.TIMESTAMP, length: 27, fraction: 7, encode: encodeOldTimestamp };
    case 'TIMESTAMP':
    case 'LONGDATE':
      return modern
        ? { typeCode: TypeCode.LONGDATE, length: 27, fraction: 7, encode: encodeLongDate }
        : { typeCode: TypeCode.TIMESTAMP, length: 27, fraction: 7, encode: encodeOldTimestamp };
    case 'NCLOB':
      return { typeCode: TypeCode.NCLOB, length: 0, fraction: 0, encode: encodeNclob };
  }
}

// ---------------------------------------------------------------------------------------------------
// Parameters (client → server)

/** Reads parameter values; the caller converts them to the declared types (coerceToType). */
export class ParameterReader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  private lengthIndicator(): number | null {
    const b = this.buf[this.pos++];
    if (b <= 245) return b;
    if (b === 0xf6) {
      const n = this.buf.readInt16LE(this.pos);
      this.pos += 2;
      return n;
    }
    if (b === 0xf7) {
      const n = this.buf.readInt32LE(this.pos);
      this.pos += 4;
      return n;
    }
    if (b === 0xff) return null;
    throw new HanaError(-10905, `invalid length indicator ${b} in parameters`);
  }

  private bytes(): Buffer | null {
    const n = this.lengthIndicator();
    if (n === null) return null;
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  private int64(): number | bigint {
    const v = this.buf.readBigInt64LE(this.pos);
    this.pos += 8;
    return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
  }

  private oldDate(): number | null {
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    if (!(b[p + 1] & 0x80)) return null;
    const year = b[p] | ((b[p + 1] & 0x3f) << 8);
    return utcLabel(year, b[p + 2] + 1, b[p + 3]);
  }

  private oldTime(): number | null {
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    if (!(b[p] & 0x80)) return null;
    return ((b[p] & 0x7f) * 60 + b[p + 1]) * 60000 + b.readUInt16LE(p + 2);
  }

  /** One value, given the declared fraction for FIXED types. */
  read(fraction: number): SqlValue {
    const b = this.buf;
    const code = b[this.pos++];
    if (code & 0x80) return null;
    let v: SqlValue;
    switch (code) {
      case TypeCode.TINYINT:
        return b[this.pos++];
      case TypeCode.SMALLINT:
        v = b.readInt16LE(this.pos);
        this.pos += 2;
        return v;
      case TypeCode.INTEGER:
        v = b.readInt32LE(this.pos);
        this.pos += 4;
        return v;
      case TypeCode.BIGINT:
        return this.int64();
      case TypeCode.DECIMAL:
        v = readDecimal128(b, this.pos);
        this.pos += 16;
        return v;
      case TypeCode.REAL:
        v = b.readFloatLE(this.pos);
        this.pos += 4;
        return v;
      case TypeCode.DOUBLE:
        v = b.readDoubleLE(this.pos);
        this.pos += 8;
        return v;
      case TypeCode.BOOLEAN: {
        const x = b[this.pos++];
        return x === 1 ? null : x !== 0;
      }
      case TypeCode.CHAR:
      case TypeCode.VARCHAR:
      case TypeCode.NCHAR:
      case TypeCode.NVARCHAR:
      case TypeCode.STRING:
      case TypeCode.NSTRING:
      case TypeCode.SHORTTEXT: {
        const s = this.bytes();
        return s === null ? null : decodeCesu8(s);
      }
      case TypeCode.BINARY:
      case TypeCode.VARBINARY:
      case TypeCode.BSTRING: {
        const s = this.bytes();
        return s === null ? null : s.toString('hex').toUpperCase();
      }
      case TypeCode.DAYDATE: {
        const d = b.readInt32LE(this.pos);
        this.pos += 4;
        return d === DAYDATE_NULL || d === 0 ? null : new Date(dayDateToEpochMs(d));
      }
      case TypeCode.SECONDTIME: {
        const s = b.readInt32LE(this.pos);
        this.pos += 4;
        if (s === 86402 || s === 0) return null;
        const h = Math.floor((s - 1) / 3600);
        const m = Math.floor(((s - 1) % 3600) / 60);
        return `${pad2(h)}:${pad2(m)}:${pad2((s - 1) % 60)}`;
      }
      case TypeCode.SECONDDATE: {
        const s = Number(b.readBigInt64LE(this.pos));
        this.pos += 8;
        if (s === SECONDDATE_NULL || s === 0) return null;
        const day = Math.floor((s - 1) / 86400) + 1;
        return new Date(dayDateToEpochMs(day) + ((s - 1) % 86400) * 1000);
      }
      case TypeCode.LONGDATE: {
        const raw = b.readBigInt64LE(this.pos);
        this.pos += 8;
        if (raw === 3_155_380_704_000_000_001n || raw === 0n) return null;
        const ticks = raw - 1n;
        const day = Number(ticks / 864_000_000_000n) + 1;
        const ms = Number((ticks % 864_000_000_000n) / 10_000n);
        return new Date(dayDateToEpochMs(day) + ms);
      }
      case TypeCode.DATE: {
        const d = this.oldDate();
        return d === null ? null : new Date(d);
      }
      case TypeCode.TIME: {
        const t = this.oldTime();
        if (t === null) return null;
        const s = Math.floor(t / 1000);
        return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
      }
      case TypeCode.TIMESTAMP: {
        const d = this.oldDate();
        const t = this.oldTime();
        if (d === null && t === null) return null;
        return new Date((d ?? utcLabel(1, 1, 1)) + (t ?? 0));
      }
      case TypeCode.FIXED8:
      case TypeCode.FIXED12:
      case TypeCode.FIXED16: {
        const size = code === TypeCode.FIXED8 ? 8 : code === TypeCode.FIXED12 ? 12 : 16;
        let m = 0n;
        for (let i = size - 1; i >= 0; i--) m = (m << 8n) | BigInt(b[this.pos + i]);
        if (b[this.pos + size - 1] & 0x80) m -= 1n << BigInt(size * 8);
        this.pos += size;
        const neg = m < 0n;
        const digits = (neg ? -m : m).toString().padStart(fraction + 1, '0');
        const s = fraction > 0 ? `${digits.slice(0, -fraction)}.${digits.slice(-fraction)}` : digits;
        return neg ? `-${s}` : s;
      }
      default:
        throw new HanaError(-10905, `unsupported parameter type code ${code}`);
    }
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Exposed for tests: the DAYDATE of a JS time value, and back. */
export const dayDates = { epochMsToDayDate, dayDateToEpochMs, DAYDATE_UNIX_EPOCH, MS_PER_DAY };

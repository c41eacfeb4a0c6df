/** Option lists and Fields blocks (§4). */
import { BufferWriter } from './bufferWriter';
import { decodeCesu8, encodeCesu8 } from './cesu8';
import { OptionType } from './constants';

export type OptionValue =
  | { type: typeof OptionType.INT; value: number }
  | { type: typeof OptionType.BIGINT; value: bigint }
  | { type: typeof OptionType.DOUBLE; value: number }
  | { type: typeof OptionType.BOOLEAN; value: boolean }
  | { type: typeof OptionType.STRING; value: string }
  | { type: typeof OptionType.BSTRING; value: Buffer };

export type OptionList = Map<number, OptionValue>;

export function decodeOptions(data: Buffer, count: number): OptionList {
  const out: OptionList = new Map();
  let p = 0;
  for (let i = 0; i < count && p + 2 <= data.length; i++) {
    const id = data.readInt8(p);
    const type = data[p + 1];
    p += 2;
    switch (type) {
      case OptionType.BOOLEAN:
        out.set(id, { type, value: data[p] !== 0 });
        p += 1;
        break;
      case OptionType.INT:
        out.set(id, { type, value: data.readInt32LE(p) });
        p += 4;
        break;
      case OptionType.BIGINT:
        out.set(id, { type, value: data.readBigInt64LE(p) });
        p += 8;
        break;
      case OptionType.DOUBLE:
        out.set(id, { type, value: data.readDoubleLE(p) });
        p += 8;
        break;
      case OptionType.STRING:
      case OptionType.BSTRING: {
        const len = data.readInt16LE(p);
        p += 2;
        const bytes = data.subarray(p, p + len);
        out.set(
          id,
          type === OptionType.STRING
            ? { type, value: decodeCesu8(bytes) }
            : { type, value: Buffer.from(bytes) },
        );
        p += len;
        break;
      }
      default:
        // An option type we do not know: its length is unknown, so stop here (options are advisory).
        return out;
    }
  }
  return out;
}

export function encodeOptions(w: BufferWriter, options: [number, OptionValue][]): void {
  for (const [id, opt] of options) {
    w.u8(id);
    w.u8(opt.type);
    switch (opt.type) {
      case OptionType.BOOLEAN:
        w.u8(opt.value ? 1 : 0);
        break;
      case OptionType.INT:
        w.i32(opt.value);
        break;
      case OptionType.BIGINT:
        w.big64(opt.value);
        break;
      case OptionType.DOUBLE:
        w.f64(opt.value);
        break;
      case OptionType.STRING:
      case OptionType.BSTRING: {
        const b = opt.type === OptionType.STRING ? encodeCesu8(opt.value) : opt.value;
        w.i16(b.length);
        w.bytes(b);
        break;
      }
    }
  }
}

export const opt = {
  int: (value: number): OptionValue => ({ type: OptionType.INT, value }),
  bool: (value: boolean): OptionValue => ({ type: OptionType.BOOLEAN, value }),
  str: (value: string): OptionValue => ({ type: OptionType.STRING, value }),
  double: (value: number): OptionValue => ({ type: OptionType.DOUBLE, value }),
};

/** Reads a Fields block: uint16 count, then (length, bytes) per field. */
export function decodeFields(data: Buffer): Buffer[] {
  if (data.length < 2) return [];
  const count = data.readUInt16LE(0);
  const out: Buffer[] = [];
  let p = 2;
  for (let i = 0; i < count; i++) {
    if (p >= data.length) throw new Error('truncated Fields block');
    let len = data[p++];
    if (len === 0xf6) {
      len = data.readUInt16LE(p);
      p += 2;
    } else if (len === 0xf7) {
      len = data.readUInt32LE(p);
      p += 4;
    } else if (len === 0xff) {
      len = data.readUInt16BE(p);
      p += 2;
    }
    if (p + len > data.length) throw new Error('truncated Fields block');
    out.push(data.subarray(p, p + len));
    p += len;
  }
  return out;
}

export function encodeFields(fields: Uint8Array[]): Buffer {
  const w = new BufferWriter(64);
  w.u16(fields.length);
  for (const f of fields) {
    if (f.length <= 245) w.u8(f.length);
    else if (f.length <= 0xffff) {
      w.u8(0xf6);
      w.u16(f.length);
    } else {
      w.u8(0xf7);
      w.u32(f.length);
    }
    w.bytes(f);
  }
  return Buffer.from(w.result());
}

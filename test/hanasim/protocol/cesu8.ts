/**
 * CESU-8 (§1): like UTF-8, but a character outside the BMP travels as its UTF-16 surrogate pair, each
 * half encoded as a 3-byte sequence. Strings without surrogates are plain UTF-8, so that is the fast path.
 */

const SURROGATE = /[\ud800-\udfff]/;

export function cesu8Length(s: string): number {
  if (!SURROGATE.test(s)) return Buffer.byteLength(s, 'utf8');
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** Writes s into buf at pos (the caller has made room for cesu8Length(s) bytes); returns the new position. */
export function writeCesu8(buf: Buffer, pos: number, s: string): number {
  if (!SURROGATE.test(s)) return pos + buf.write(s, pos, 'utf8');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) buf[pos++] = c;
    else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos;
}

export function encodeCesu8(s: string): Buffer {
  const b = Buffer.allocUnsafe(cesu8Length(s));
  writeCesu8(b, 0, s);
  return b;
}

/** Decodes CESU-8 (and tolerates 4-byte UTF-8 sequences, which some clients may send). */
export function decodeCesu8(b: Uint8Array, start = 0, end = b.length): string {
  if (b.indexOf(0xed, start) < 0 || b.indexOf(0xed, start) >= end) {
    return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
  }
  const units: number[] = [];
  let out = '';
  let i = start;
  while (i < end) {
    const c = b[i];
    if (c < 0x80) {
      units.push(c);
      i += 1;
    } else if (c < 0xe0) {
      units.push(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
      i += 2;
    } else if (c < 0xf0) {
      units.push(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
      i += 3;
    } else {
      const cp =
        ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      i += 4;
    }
    if (units.length >= 4096) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

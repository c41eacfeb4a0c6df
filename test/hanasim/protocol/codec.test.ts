import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { clientProofFor, createScramVerifier, serverProof, verifyClientProof } from './auth';
import { BufferWriter } from './bufferWriter';
import { decodeCesu8, encodeCesu8 } from './cesu8';
import { dayDateToEpochMs, epochMsToDayDate } from './datetime';
import { parseDecimal, readDecimal128, writeDecimal128 } from './decimal';
import { FrameReader } from './framing';
import { ReplyBuilder } from './reply';
import { ParameterReader, wireType } from './typeCodec';

describe('hanasim protocol: codecs (in process)', () => {
  it('CESU-8 encodes a non-BMP character as two 3-byte surrogates, and decodes it back', () => {
    assert.equal(encodeCesu8('😀').toString('hex'), 'eda0bdedb880');
    for (const s of ['', 'abc', 'Grüße', '日本😀x', '😀'.repeat(5000)])
      assert.equal(decodeCesu8(encodeCesu8(s)), s);
    assert.equal(decodeCesu8(Buffer.from('😀', 'utf8')), '😀', 'tolerates 4-byte UTF-8');
  });

  it('DAYDATE counts Julian days before 1582-10-15 (1970-01-01 = 719165)', () => {
    assert.equal(epochMsToDayDate(0), 719165);
    const t = new Date(0);
    t.setUTCFullYear(1, 0, 1);
    assert.equal(epochMsToDayDate(t.getTime()), 1);
    assert.equal(epochMsToDayDate(Date.UTC(1582, 9, 15)) - 1, epochMsToDayDate(julian(1582, 10, 4)));
    for (const d of [1, 2, 577736, 577737, 577738, 719165, 3652061])
      assert.equal(epochMsToDayDate(dayDateToEpochMs(d)), d);
  });

  it('writes LONGDATE without BigInt (2024-03-01T12:34:56.789Z = 638450660967890001)', () => {
    const w = new BufferWriter(8);
    wireType({ type: 'TIMESTAMP' }, 8).encode(w, new Date(Date.UTC(2024, 2, 1, 12, 34, 56, 789)));
    assert.equal(w.result().readBigInt64LE(0), 638450660967890001n);
  });

  it('DECIMAL round-trips through decimal128, up to 34 digits', () => {
    const b = Buffer.alloc(16);
    for (const s of [
      '0',
      '12.34',
      '-12345.67',
      '-98765432109876543210.123456789',
      '1234567890123456789012345678901234',
    ]) {
      writeDecimal128(b, 0, parseDecimal(s));
      assert.equal(readDecimal128(b, 0), s);
    }
  });

  it('reads parameters: NULL is one byte with 0x80, strings arrive as STRING (0x1d)', () => {
    const buf = Buffer.concat([
      Buffer.from([0x81, 0x1d, 3]),
      Buffer.from('abc'),
      Buffer.from([0x03, 5, 0, 0, 0]),
    ]);
    const r = new ParameterReader(buf);
    assert.deepEqual([r.read(0), r.read(0), r.read(0)], [null, 'abc', 5]);
  });

  it('SCRAM: accepts the right proof, refuses a wrong one, for both methods', () => {
    const v = createScramVerifier('Secret1', 1000);
    for (const method of ['SCRAMSHA256', 'SCRAMPBKDF2SHA256'] as const) {
      const m = v[method];
      const sc = randomBytes(48);
      const cc = randomBytes(64);
      const ok = clientProofFor(method, 'Secret1', m.salt, m.iterations, sc, cc);
      assert.equal(verifyClientProof(m, sc, cc, ok), true);
      assert.equal(
        verifyClientProof(m, sc, cc, clientProofFor(method, 'wrong', m.salt, m.iterations, sc, cc)),
        false,
      );
      assert.equal(serverProof(m, sc, cc).length, 32);
    }
    assert.ok(!JSON.stringify(v).includes('Secret1'));
  });

  it('reassembles packets fed one byte at a time', () => {
    const reply = new ReplyBuilder(7n, 3, 1, 0);
    reply.part(3, 1, Buffer.from('SELECT 1'));
    const packet = reply.finish();
    const stream = Buffer.concat([Buffer.alloc(14, 0xff), packet, packet]);
    const reader = new FrameReader();
    const frames = [];
    for (const byte of stream) {
      reader.push(Buffer.from([byte]));
      for (let f = reader.next(); f; f = reader.next()) frames.push(f);
    }
    assert.equal(frames.length, 3);
    const req = frames[2];
    assert.ok(req.kind === 'request');
    assert.equal(req.request.packetCount, 3);
    assert.equal(req.request.parts[0].data.toString(), 'SELECT 1');
  });
});

function julian(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

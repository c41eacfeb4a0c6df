/**
 * Reply packets (§3): packet header, one segment (kind 2 reply / 5 error), parts padded to 8 bytes.
 * Everything is written into one growing buffer; lengths are patched when a part or the packet ends.
 */
import { BufferWriter } from './bufferWriter';
import {
  PACKET_HEADER_SIZE,
  PART_HEADER_SIZE,
  SEGMENT_HEADER_SIZE,
  PartKind,
  SegmentKind,
} from './constants';
import { encodeCesu8 } from './cesu8';
import type { HanaError } from '../shared/types';

export class ReplyBuilder {
  readonly w: BufferWriter;
  private partCount = 0;
  private partStart = -1;

  constructor(
    private readonly sessionId: bigint,
    private readonly packetCount: number,
    private readonly segmentKind: number,
    private readonly functionCode: number,
    initialSize = 1024,
  ) {
    this.w = new BufferWriter(initialSize);
    this.w.zeros(PACKET_HEADER_SIZE + SEGMENT_HEADER_SIZE);
  }

  /** Starts a part; write its data through `this.w`, then call endPart. */
  beginPart(kind: number, attributes = 0): void {
    if (this.partStart >= 0) throw new Error('part already open');
    this.partStart = this.w.pos;
    this.w.zeros(PART_HEADER_SIZE);
    this.w.buf[this.partStart] = kind;
    this.w.buf[this.partStart + 1] = attributes;
  }

  endPart(argCount: number, attributes?: number): void {
    const start = this.partStart;
    if (start < 0) throw new Error('no part open');
    const b = this.w.buf;
    const len = this.w.pos - start - PART_HEADER_SIZE;
    if (attributes !== undefined) b[start + 1] = attributes;
    if (argCount > 32767) {
      b.writeInt16LE(-1, start + 2);
      b.writeInt32LE(argCount, start + 4);
    } else {
      b.writeInt16LE(argCount, start + 2);
    }
    b.writeInt32LE(len, start + 8);
    b.writeInt32LE(len, start + 12);
    this.w.pad8();
    this.partStart = -1;
    this.partCount++;
  }

  part(kind: number, argCount: number, data: Uint8Array, attributes = 0): void {
    this.beginPart(kind, attributes);
    this.w.bytes(data);
    this.endPart(argCount);
  }

  finish(): Buffer {
    if (this.partStart >= 0) throw new Error('part still open');
    const b = this.w.buf;
    const total = this.w.pos;
    const varpart = total - PACKET_HEADER_SIZE;
    b.writeBigInt64LE(this.sessionId, 0);
    b.writeInt32LE(this.packetCount, 8);
    b.writeUInt32LE(varpart, 12);
    b.writeUInt32LE(varpart, 16);
    b.writeInt16LE(1, 20);
    const s = PACKET_HEADER_SIZE;
    b.writeInt32LE(varpart, s);
    b.writeInt32LE(0, s + 4);
    b.writeInt16LE(this.partCount, s + 8);
    b.writeInt16LE(1, s + 10);
    b[s + 12] = this.segmentKind;
    b.writeInt16LE(this.functionCode, s + 14);
    return this.w.result();
  }
}

/** An error reply (§14): segment kind 5, one ERROR part. */
export function errorReply(sessionId: bigint, packetCount: number, err: HanaError, level = 1): Buffer {
  const r = new ReplyBuilder(sessionId, packetCount, SegmentKind.ERROR, 0, 256);
  const text = encodeCesu8(err.message);
  const state = Buffer.alloc(5, 0x20);
  state.write(err.sqlState.slice(0, 5), 'latin1');
  r.beginPart(PartKind.ERROR);
  r.w.i32(err.code);
  r.w.i32(err.position);
  r.w.i32(text.length);
  r.w.u8(level);
  r.w.bytes(state);
  r.w.bytes(text);
  r.endPart(1);
  return r.finish();
}

/**
 * Incoming byte stream → the 14-byte init request, then packets (§2, §3). Chunks are kept as they
 * arrive and joined only for one whole packet, so a large request costs one copy.
 */
import { PACKET_HEADER_SIZE, PART_HEADER_SIZE, SEGMENT_HEADER_SIZE } from './constants';

export interface RequestPart {
  kind: number;
  attributes: number;
  argCount: number;
  data: Buffer;
}

export interface Request {
  sessionId: bigint;
  packetCount: number;
  messageType: number;
  /** Autocommit bit of the segment header. */
  commit: boolean;
  commandOptions: number;
  parts: RequestPart[];
}

export type Frame = { kind: 'init'; bytes: Buffer } | { kind: 'request'; request: Request };

export class ProtocolError extends Error {}

export const INIT_REQUEST_SIZE = 14;
/** Larger requests are refused (nothing the drivers send for this simulator comes near). */
export const MAX_PACKET_SIZE = 64 * 1024 * 1024;

export class FrameReader {
  private chunks: Buffer[] = [];
  private length = 0;
  private initDone = false;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  get buffered(): number {
    return this.length;
  }

  /** The next complete frame, or undefined when more bytes are needed. */
  next(): Frame | undefined {
    if (!this.initDone) {
      if (this.length < INIT_REQUEST_SIZE) return undefined;
      this.initDone = true;
      return { kind: 'init', bytes: this.take(INIT_REQUEST_SIZE) };
    }
    if (this.length < PACKET_HEADER_SIZE) return undefined;
    const head = this.peek(PACKET_HEADER_SIZE);
    const varpartLength = head.readUInt32LE(12);
    const total = PACKET_HEADER_SIZE + varpartLength;
    if (total > MAX_PACKET_SIZE) throw new ProtocolError(`packet of ${total} bytes is too large`);
    if (head[22] & 0x02) throw new ProtocolError('compressed packets are not supported');
    if (this.length < total) return undefined;
    return { kind: 'request', request: parseRequest(this.take(total)) };
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0].subarray(0, n);
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined.subarray(0, n);
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const c = this.chunks[0];
        const k = Math.min(c.length, n - filled);
        c.copy(out, filled, 0, k);
        filled += k;
        if (k === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(k);
      }
    }
    this.length -= n;
    return out;
  }
}

export function parseRequest(packet: Buffer): Request {
  const sessionId = packet.readBigInt64LE(0);
  const packetCount = packet.readInt32LE(8);
  const segments = packet.readInt16LE(20);
  if (segments !== 1) throw new ProtocolError(`expected 1 segment, got ${segments}`);
  const s = PACKET_HEADER_SIZE;
  if (packet.length < s + SEGMENT_HEADER_SIZE) throw new ProtocolError('truncated segment header');
  const partCount = packet.readInt16LE(s + 8);
  const messageType = packet.readInt8(s + 13);
  const commit = packet[s + 14] === 1;
  const commandOptions = packet[s + 15];
  const parts: RequestPart[] = [];
  let p = s + SEGMENT_HEADER_SIZE;
  for (let i = 0; i < partCount; i++) {
    if (p + PART_HEADER_SIZE > packet.length) throw new ProtocolError('truncated part header');
    const kind = packet.readInt8(p);
    const attributes = packet[p + 1];
    let argCount = packet.readInt16LE(p + 2);
    if (argCount === -1) argCount = packet.readInt32LE(p + 4);
    const len = packet.readInt32LE(p + 8);
    const start = p + PART_HEADER_SIZE;
    if (len < 0 || start + len > packet.length) throw new ProtocolError('truncated part data');
    parts.push({ kind, attributes, argCount, data: packet.subarray(start, start + len) });
    p = start + len + ((8 - (len % 8)) % 8);
  }
  return { sessionId, packetCount, messageType, commit, commandOptions, parts };
}

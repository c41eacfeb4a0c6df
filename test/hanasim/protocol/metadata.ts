/** RESULT_SET_METADATA (48) and PARAMETER_METADATA (47) parts (§10). */
import type { ColumnMeta } from '../shared/types';
import type { ParameterInfo } from './backend';
import type { ReplyBuilder } from './reply';
import { encodeCesu8 } from './cesu8';
import { PartKind } from './constants';
import { wireType, type WireType } from './typeCodec';

/** A names block: len(1) + bytes per distinct name; returns offsets. */
class NameTable {
  private readonly offsets = new Map<string, number>();
  private readonly chunks: Buffer[] = [];
  private size = 0;

  offset(name: string | undefined): number {
    if (name === undefined || name === '') return -1;
    const known = this.offsets.get(name);
    if (known !== undefined) return known;
    let bytes = encodeCesu8(name);
    if (bytes.length > 255) bytes = bytes.subarray(0, 255);
    const off = this.size;
    this.chunks.push(Buffer.from([bytes.length]), bytes);
    this.size += 1 + bytes.length;
    this.offsets.set(name, off);
    return off;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export function writeResultSetMetadata(r: ReplyBuilder, columns: ColumnMeta[], wire: WireType[]): void {
  const names = new NameTable();
  r.beginPart(PartKind.RESULT_SET_METADATA);
  columns.forEach((c, i) => {
    const t = wire[i];
    r.w.u8(c.nullable ? 2 : 1);
    r.w.u8(t.typeCode);
    r.w.i16(t.fraction);
    r.w.i16(t.length);
    r.w.i16(0);
    r.w.i32(names.offset(c.table));
    r.w.i32(names.offset(c.schema));
    r.w.i32(names.offset(c.name));
    r.w.i32(names.offset(c.name));
  });
  r.w.bytes(names.bytes());
  r.endPart(columns.length);
}

export function parameterWireTypes(params: ParameterInfo[], dfv: number): WireType[] {
  return params.map((p) => wireType({ type: p.type, length: p.length, scale: p.scale }, dfv));
}

export function writeParameterMetadata(r: ReplyBuilder, params: ParameterInfo[], wire: WireType[]): void {
  const names = new NameTable();
  r.beginPart(PartKind.PARAMETER_METADATA);
  params.forEach((p, i) => {
    const t = wire[i];
    r.w.u8(2); // optional (nullable)
    r.w.u8(t.typeCode);
    r.w.u8(1); // IN
    r.w.u8(0);
    r.w.i32(names.offset(p.name));
    r.w.i16(t.length);
    r.w.i16(t.fraction);
    r.w.i32(0);
  });
  r.w.bytes(names.bytes());
  r.endPart(params.length);
}

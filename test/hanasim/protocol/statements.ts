/** SQL messages once a session exists (§9, §13): execute, prepare, fetch, close, commit/rollback. */
import { HanaError, type SqlValue, type StatementResult } from '../shared/types';
import type { Backend } from './backend';
import { decodeCesu8 } from './cesu8';
import { FunctionCode, MessageType, PartKind, ResultSetAttr, SegmentKind } from './constants';
import type { Request } from './framing';
import { findPart } from './handshake';
import { parameterWireTypes, writeParameterMetadata, writeResultSetMetadata } from './metadata';
import { ReplyBuilder } from './reply';
import { idBytes, readId, type Cursor, type Registry, type Session } from './registry';
import { ParameterReader, wireType } from './typeCodec';
import { coerceToType } from './values';

export interface FetchLimits {
  /** Rows in the reply to EXECUTE / EXECUTE_DIRECT (the client sends no fetch size there). */
  firstFetchRows: number;
  /** A reply stops adding rows after this many bytes, whatever the fetch size. */
  maxReplyBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { firstFetchRows: 32, maxReplyBytes: 4 * 1024 * 1024 };

type Reply = Buffer | Promise<Buffer>;

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown })?.then === 'function';
}

/** Continues with f(value) synchronously when the value is not a Promise (keeps small statements fast). */
function then<T, R>(v: T | Promise<T>, f: (t: T) => R | Promise<R>): R | Promise<R> {
  return isPromise(v) ? v.then(f) : f(v);
}

/** The function code of a non-query statement, from its first keyword. */
export function dmlFunctionCode(sql: string): number {
  const kw = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase();
  switch (kw) {
    case 'INSERT':
      return FunctionCode.INSERT;
    case 'UPDATE':
    case 'UPSERT':
    case 'REPLACE':
    case 'MERGE':
      return FunctionCode.UPDATE;
    case 'DELETE':
      return FunctionCode.DELETE;
    default:
      return FunctionCode.DDL;
  }
}

export class StatementHandler {
  constructor(
    private readonly backend: Backend,
    private readonly registry: Registry,
    private readonly limits: FetchLimits,
  ) {}

  handle(session: Session, req: Request): Reply {
    session.info.autoCommit = req.commit;
    switch (req.messageType) {
      case MessageType.EXECUTE_DIRECT:
        return this.executeDirect(session, req);
      case MessageType.PREPARE:
        return this.prepare(session, req);
      case MessageType.EXECUTE:
        return this.execute(session, req);
      case MessageType.FETCH_NEXT:
        return this.fetchNext(session, req);
      case MessageType.CLOSE_RESULT_SET: {
        const id = readId(findPart(req, PartKind.RESULT_SET_ID) ?? Buffer.alloc(0));
        if (id !== undefined) session.cursors.delete(id);
        return this.empty(session, req, FunctionCode.NIL);
      }
      case MessageType.DROP_STATEMENT_ID: {
        const id = readId(findPart(req, PartKind.STATEMENT_ID) ?? Buffer.alloc(0));
        if (id !== undefined) session.statements.delete(id);
        return this.empty(session, req, FunctionCode.NIL);
      }
      case MessageType.COMMIT:
        session.inTransaction = false;
        return then(this.backend.commit?.(session.info), () => this.empty(session, req, FunctionCode.COMMIT));
      case MessageType.ROLLBACK:
        session.inTransaction = false;
        return then(this.backend.rollback?.(session.info), () =>
          this.empty(session, req, FunctionCode.ROLLBACK),
        );
      default:
        throw new HanaError(7, `feature not supported: message type ${req.messageType}`, 'HY000');
    }
  }

  private empty(session: Session, req: Request, functionCode: number): Buffer {
    return new ReplyBuilder(session.id, req.packetCount, SegmentKind.REPLY, functionCode, 64).finish();
  }

  private command(req: Request): string {
    const data = findPart(req, PartKind.COMMAND);
    if (!data) throw new HanaError(-10905, 'request without COMMAND part');
    return decodeCesu8(data);
  }

  private noteTransaction(session: Session, req: Request): void {
    if (!req.commit) session.inTransaction = true;
  }

  private executeDirect(session: Session, req: Request): Reply {
    const sql = this.command(req);
    return then(this.backend.execute(session.info, sql, []), (result) => {
      this.noteTransaction(session, req);
      return this.resultReply(session, req, result, dmlFunctionCode(sql), true, [1]);
    });
  }

  private prepare(session: Session, req: Request): Reply {
    const sql = this.command(req);
    return then(this.backend.prepare(session.info, sql), (info) => {
      const id = this.registry.newObjectId();
      const functionCode = info.resultColumns ? FunctionCode.SELECT : dmlFunctionCode(sql);
      const paramWire = parameterWireTypes(info.parameters, session.dataFormatVersion);
      session.statements.set(id, { id, sql, info, paramWire, functionCode });
      const r = new ReplyBuilder(session.id, req.packetCount, SegmentKind.REPLY, functionCode, 512);
      r.part(PartKind.STATEMENT_ID, 1, idBytes(id));
      if (info.parameters.length > 0) writeParameterMetadata(r, info.parameters, paramWire);
      if (info.resultColumns) {
        const wire = info.resultColumns.map((c) => wireType(c, session.dataFormatVersion));
        writeResultSetMetadata(r, info.resultColumns, wire);
      }
      return r.finish();
    });
  }

  private execute(session: Session, req: Request): Reply {
    const id = readId(findPart(req, PartKind.STATEMENT_ID) ?? Buffer.alloc(0));
    const stmt = id === undefined ? undefined : session.statements.get(id);
    if (!stmt) throw new HanaError(-10001, 'Invalid statement id');
    const params = stmt.info.parameters;
    const rows: SqlValue[][] = [];
    const part = req.parts.find((p) => p.kind === PartKind.PARAMETERS);
    if (params.length > 0) {
      if (!part) throw new HanaError(-20014, 'Not enough parameters for the SQL statement');
      const reader = new ParameterReader(part.data);
      for (let r = 0; r < part.argCount; r++) {
        rows.push(params.map((p) => coerceToType(reader.read(p.scale ?? 0), p.type)));
      }
    } else {
      rows.push([]);
    }
    if (stmt.info.resultColumns && rows.length !== 1) {
      throw new HanaError(-10905, 'a query cannot be executed with a batch of parameters');
    }
    // Run the rows one after another; a batch reports one count per row.
    const counts: number[] = [];
    const runFrom = (i: number, last?: StatementResult): Reply => {
      if (i === rows.length) {
        this.noteTransaction(session, req);
        return this.resultReply(session, req, last ?? { kind: 'none' }, stmt.functionCode, false, counts);
      }
      return then(this.backend.execute(session.info, stmt.sql, rows[i]), (res) => {
        counts.push(res.kind === 'count' ? res.count : -2);
        return runFrom(i + 1, res);
      });
    };
    return runFrom(0);
  }

  private resultReply(
    session: Session,
    req: Request,
    result: StatementResult,
    dmlCode: number,
    withMetadata: boolean,
    counts: number[],
  ): Buffer {
    if (result.kind === 'rows') {
      const r = new ReplyBuilder(session.id, req.packetCount, SegmentKind.REPLY, FunctionCode.SELECT, 4096);
      const wire = result.columns.map((c) => wireType(c, session.dataFormatVersion));
      if (withMetadata) writeResultSetMetadata(r, result.columns, wire);
      const cursor: Cursor = {
        id: this.registry.newObjectId(),
        columns: result.columns,
        wire,
        rows: result.rows,
        next: 0,
      };
      r.part(PartKind.RESULT_SET_ID, 1, idBytes(cursor.id));
      const done = this.writeRows(r, cursor, this.limits.firstFetchRows, true);
      if (!done) session.cursors.set(cursor.id, cursor);
      return r.finish();
    }
    if (result.kind === 'count') {
      const code = dmlCode === FunctionCode.DDL ? FunctionCode.UPDATE : dmlCode;
      const r = new ReplyBuilder(session.id, req.packetCount, SegmentKind.REPLY, code, 128);
      r.beginPart(PartKind.ROWS_AFFECTED);
      for (const c of counts.length > 1 ? counts : [result.count]) r.w.i32(c);
      r.endPart(Math.max(1, counts.length));
      return r.finish();
    }
    if (counts.length > 1) {
      const r = new ReplyBuilder(session.id, req.packetCount, SegmentKind.REPLY, dmlCode, 128);
      r.beginPart(PartKind.ROWS_AFFECTED);
      for (const c of counts) r.w.i32(c);
      r.endPart(counts.length);
      return r.finish();
    }
    return new ReplyBuilder(session.id, req.packetCount, SegmentKind.REPLY, FunctionCode.DDL, 64).finish();
  }

  /** Writes a RESULT_SET part with up to maxRows rows; returns true when the cursor is exhausted. */
  private writeRows(r: ReplyBuilder, cursor: Cursor, maxRows: number, first: boolean): boolean {
    const { rows } = cursor;
    const encoders = cursor.wire.map((w) => w.encode);
    const n = encoders.length;
    const w = r.w;
    r.beginPart(PartKind.RESULT_SET);
    const start = w.pos;
    const budget = this.limits.maxReplyBytes;
    const end = Math.min(rows.length, cursor.next + Math.max(1, maxRows));
    let i = cursor.next;
    while (i < end) {
      const row = rows[i++];
      for (let c = 0; c < n; c++) encoders[c](w, row[c] ?? null);
      if (w.pos - start >= budget) break;
    }
    const count = i - cursor.next;
    cursor.next = i;
    const done = i >= rows.length;
    let attrs = done
      ? ResultSetAttr.LAST_PACKET | ResultSetAttr.RESULT_SET_CLOSED
      : ResultSetAttr.NEXT_PACKET;
    if (first) attrs |= ResultSetAttr.FIRST_PACKET;
    if (count === 0) attrs |= ResultSetAttr.ROW_NOT_FOUND;
    r.endPart(count, attrs);
    return done;
  }

  private fetchNext(session: Session, req: Request): Buffer {
    const id = readId(findPart(req, PartKind.RESULT_SET_ID) ?? Buffer.alloc(0));
    const cursor = id === undefined ? undefined : session.cursors.get(id);
    if (!cursor) throw new HanaError(-10001, 'Invalid resultset id');
    const sizePart = findPart(req, PartKind.FETCH_SIZE);
    const fetchSize = sizePart && sizePart.length >= 4 ? sizePart.readInt32LE(0) : 32;
    const estimate = Math.min(this.limits.maxReplyBytes, fetchSize * (8 + cursor.wire.length * 12)) + 1024;
    const r = new ReplyBuilder(session.id, req.packetCount, SegmentKind.REPLY, FunctionCode.FETCH, estimate);
    if (this.writeRows(r, cursor, fetchSize, false)) session.cursors.delete(cursor.id);
    return r.finish();
  }
}

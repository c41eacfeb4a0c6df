/** Sessions, prepared statements and open cursors, freed together when a session ends (§17.11). */
import type { ColumnMeta, SqlValue } from '../shared/types';
import type { PreparedInfo, ProtocolSessionInfo } from './backend';
import type { WireType } from './typeCodec';

export interface Cursor {
  id: bigint;
  columns: ColumnMeta[];
  wire: WireType[];
  rows: SqlValue[][];
  /** Index of the next row to send. */
  next: number;
}

export interface PreparedStatement {
  id: bigint;
  sql: string;
  info: PreparedInfo;
  paramWire: WireType[];
  functionCode: number;
}

export class Session {
  readonly statements = new Map<bigint, PreparedStatement>();
  readonly cursors = new Map<bigint, Cursor>();
  /** A statement ran without autocommit and no COMMIT/ROLLBACK followed yet. */
  inTransaction = false;

  constructor(
    readonly id: bigint,
    readonly info: ProtocolSessionInfo,
    readonly dataFormatVersion: number,
  ) {}
}

export interface RegistryStats {
  sessions: number;
  statements: number;
  cursors: number;
}

export class Registry {
  private readonly sessions = new Map<bigint, Session>();
  private nextSession = 200_000_001n;
  private nextObject = 1n;

  newSessionId(): bigint {
    return this.nextSession++;
  }

  /** Statement and result set ids: opaque 8-byte values, unique in the process. */
  newObjectId(): bigint {
    return this.nextObject++;
  }

  add(session: Session): void {
    this.sessions.set(session.id, session);
  }

  remove(session: Session): void {
    session.cursors.clear();
    session.statements.clear();
    this.sessions.delete(session.id);
  }

  stats(): RegistryStats {
    let statements = 0;
    let cursors = 0;
    for (const s of this.sessions.values()) {
      statements += s.statements.size;
      cursors += s.cursors.size;
    }
    return { sessions: this.sessions.size, statements, cursors };
  }
}

export function idBytes(id: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(id);
  return b;
}

export function readId(data: Buffer): bigint | undefined {
  return data.length >= 8 ? data.readBigUInt64LE(0) : undefined;
}

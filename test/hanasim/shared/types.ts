/**
 * What the protocol layer and the SQL layer of hanasim exchange. The protocol layer knows nothing of
 * backups; the SQL layer knows nothing of the wire.
 */

/** Column types hanasim returns (the ones the monitoring views use). */
export type HanaType =
  | 'NVARCHAR'
  | 'VARCHAR'
  | 'TINYINT'
  | 'SMALLINT'
  | 'INTEGER'
  | 'BIGINT'
  | 'DECIMAL'
  | 'DOUBLE'
  | 'BOOLEAN'
  | 'DATE'
  | 'TIMESTAMP'
  | 'SECONDDATE'
  | 'LONGDATE'
  | 'NCLOB';

export interface ColumnMeta {
  name: string;
  type: HanaType;
  nullable: boolean;
  /** Character length for strings, precision for DECIMAL. */
  length?: number;
  scale?: number;
  table?: string;
  schema?: string;
}

/**
 * A value in a row: strings for character types, numbers for INTEGER/DOUBLE, bigint or number for
 * BIGINT, strings like "123.45" for DECIMAL, booleans, Date (UTC) for the date/time types, null.
 */
export type SqlValue = string | number | bigint | boolean | Date | null;

export type StatementResult =
  | { kind: 'rows'; columns: ColumnMeta[]; rows: SqlValue[][] }
  | { kind: 'count'; count: number }
  | { kind: 'none' };

/** A HANA error as the driver reports it: code, SQL state, position (1-based, 0 when none), text. */
export class HanaError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly sqlState = 'HY000',
    readonly position = 0,
  ) {
    super(message);
    this.name = 'HanaError';
  }
}

/** Who is connected, to which database: what a statement runs as. */
export interface SessionInfo {
  sessionId: number;
  user: string;
  /** Upper-case database name: SYSTEMDB or a tenant. */
  database: string;
}

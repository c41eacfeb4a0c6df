/**
 * What the protocol layer needs from whatever sits behind it (the SQL layer, or a test fixture). The
 * protocol layer knows nothing of SQL or backups: it authenticates, routes, frames and encodes; the
 * backend decides what statements mean. Methods may return a value or a Promise of it; a HanaError
 * thrown (or rejected) becomes an error reply with its code, SQL state, position and text.
 */
import type { ColumnMeta, HanaType, SessionInfo, SqlValue, StatementResult } from '../shared/types';
import type { ScramVerifier } from './auth';

export type MaybePromise<T> = T | Promise<T>;

export interface DatabaseInfo {
  /** Upper-case name: SYSTEMDB or a tenant. */
  name: string;
  /** Preferred SQL port; 0 or absent = any free port (overridden by the server options' `ports`). */
  port?: number;
}

export interface UserCredentials {
  /** Salted SCRAM verifiers (createScramVerifier); never the password itself. */
  verifier: ScramVerifier;
  /** A locked user authenticates but is refused with error 414. */
  locked?: boolean;
}

export interface ParameterInfo {
  type: HanaType;
  /** Character length or precision, scale for DECIMAL. */
  length?: number;
  scale?: number;
  name?: string;
}

export interface PreparedInfo {
  /** One entry per `?`, in order. */
  parameters: ParameterInfo[];
  /** Present for statements that return rows (a query): the metadata the client gets at PREPARE. */
  resultColumns?: ColumnMeta[];
}

export interface Backend {
  /** The databases of the system, SYSTEMDB included (it takes the connections without databaseName). */
  databases(): DatabaseInfo[];
  /**
   * Credentials of a user of a database; undefined when there is no such user (the client then sees
   * "authentication failed", as for a wrong password). Throw a HanaError to refuse the database itself.
   */
  credentials(database: string, user: string): MaybePromise<UserCredentials | undefined>;
  /** A session has been authenticated. */
  openSession?(session: SessionInfo): MaybePromise<void>;
  /** Runs a statement. For a prepared statement, `params` holds the values converted to the declared types. */
  execute(session: SessionInfo, sql: string, params: SqlValue[]): MaybePromise<StatementResult>;
  /** Describes a statement for PREPARE (parameters and, for a query, its result columns). */
  prepare(session: SessionInfo, sql: string): MaybePromise<PreparedInfo>;
  /** COMMIT / ROLLBACK requests, and the implicit rollback when a session ends. Optional: accepted anyway. */
  commit?(session: SessionInfo): MaybePromise<void>;
  rollback?(session: SessionInfo): MaybePromise<void>;
  /** The session has ended (DISCONNECT or the socket closed); its cursors are already freed. */
  closeSession(session: SessionInfo): void;
}

/**
 * The session object the protocol layer passes to the backend: a SessionInfo plus what the wire says
 * about it (autocommit of the current request, the client's CLIENT_INFO).
 */
export interface ProtocolSessionInfo extends SessionInfo {
  /** The autocommit bit of the request being executed (§15). */
  autoCommit: boolean;
  clientInfo: Record<string, string>;
}

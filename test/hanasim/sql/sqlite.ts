/**
 * Loads better-sqlite3 with the small typed surface hanasim uses. The project has no
 * `@types/better-sqlite3`, so the interface is declared here rather than as an ambient module
 * (which would clash if those types are ever installed).
 */
import { createRequire } from 'node:module';

export type SqliteValue = string | number | bigint | Buffer | null;
export type SqliteParams = Record<string, SqliteValue>;

export interface SqliteRunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface SqliteStatement {
  run(...params: unknown[]): SqliteRunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  raw(toggle?: boolean): SqliteStatement;
  readonly reader: boolean;
}

export interface SqliteFunctionOptions {
  deterministic?: boolean;
  varargs?: boolean;
  directOnly?: boolean;
  safeIntegers?: boolean;
}

export interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  exec(sql: string): SqliteDatabase;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  function(name: string, options: SqliteFunctionOptions, fn: (...args: SqliteValue[]) => SqliteValue): void;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
  readonly open: boolean;
}

type DatabaseConstructor = new (file: string, options?: { timeout?: number }) => SqliteDatabase;

const load = createRequire(__filename);

/** Opens (creating if needed) a SQLite database file, or an in-memory one for ':memory:'. */
export function openSqlite(file: string): SqliteDatabase {
  const Database = load('better-sqlite3') as DatabaseConstructor;
  return new Database(file);
}

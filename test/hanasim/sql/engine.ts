/**
 * The SQL engine of hanasim: a SQLite database (better-sqlite3) holding the monitoring views, the
 * HANA→SQLite translation for SELECTs, and typed writers the simulator uses to change state.
 */
import { type ColumnMeta, HanaError, type SqlValue, type StatementResult } from '../shared/types';
import { VIEW_DEFS, type ViewDef, createSchema, quoteIdent, storageColumns } from './catalogSchema';
import { fromSqlite, paramToSqlite, toStorage } from './convert';
import { registerFunctions } from './functions';
import { type SqliteDatabase, type SqliteParams, type SqliteStatement, openSqlite } from './sqlite';
import { formatTimestamp } from './timeValues';
import { type CompiledSelect, translateSelect } from './translate';
import { SYSTEMDB } from './values';

interface Prepared {
  compiled: CompiledSelect;
  stmt: SqliteStatement;
}

const CACHE_LIMIT = 256;

export type Row = Record<string, SqlValue>;

export class SqlEngine {
  readonly db: SqliteDatabase;
  private readonly selects = new Map<string, Prepared>();
  private readonly inserts = new Map<string, { stmt: SqliteStatement; columns: ColumnMeta[] }>();

  constructor(
    dbFile: string | ':memory:',
    private readonly clock: () => Date,
  ) {
    this.db = openSqlite(dbFile);
    if (dbFile !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // HANA's LIKE is case-sensitive; SQLite's is not unless told so.
    this.db.pragma('case_sensitive_like = ON');
    registerFunctions(this.db);
    createSchema(this.db);
  }

  /**
   * Runs a HANA SELECT against the views as seen from `database` (the session's database).
   * Parameters are bound, never spliced into SQL text.
   */
  query(sql: string, params: SqlValue[] = [], database: string = SYSTEMDB): StatementResult {
    const prepared = this.prepare(sql, database === SYSTEMDB);
    const { compiled } = prepared;
    if (params.length !== compiled.paramCount) {
      throw new HanaError(
        -10101,
        `wrong number of parameters: ${params.length} given, ${compiled.paramCount} expected`,
      );
    }
    const bind: SqliteParams = {};
    params.forEach((p, i) => (bind[`p${i}`] = paramToSqlite(p)));
    if (compiled.usesNow) bind.now = formatTimestamp(this.clock());
    if (compiled.usesSessionDb) bind.sessiondb = database;
    let raw: unknown[];
    try {
      raw = prepared.stmt.all(bind);
    } catch (err) {
      throw toHanaError(err);
    }
    const types = compiled.columns.map((c) => c.type);
    const rows = raw.map((r) => (r as unknown[]).map((v, i) => fromSqlite(v, types[i])));
    return { kind: 'rows', columns: compiled.columns.map((c) => ({ ...c })), rows };
  }

  /** Translates (or reuses) a SELECT; exposed so callers can PREPARE and describe columns. */
  prepare(sql: string, isSystemDb: boolean): Prepared {
    const key = `${isSystemDb ? 'S' : 'T'}|${sql}`;
    const hit = this.selects.get(key);
    if (hit) {
      this.selects.delete(key);
      this.selects.set(key, hit);
      return hit;
    }
    const compiled = translateSelect(sql, { isSystemDb });
    let stmt: SqliteStatement;
    try {
      stmt = this.db.prepare(compiled.sql).raw(true);
    } catch (err) {
      throw toHanaError(err);
    }
    const prepared = { compiled, stmt };
    this.selects.set(key, prepared);
    if (this.selects.size > CACHE_LIMIT) this.selects.delete(this.selects.keys().next().value as string);
    return prepared;
  }

  /**
   * Inserts rows into a view's storage. Keys are column names; per-database views need
   * DATABASE_NAME. Time values may be Date or text; missing columns are NULL.
   */
  insert(viewName: string, rows: Row[]): number {
    const { stmt, columns } = this.insertStatement(viewName);
    let n = 0;
    for (const row of rows) {
      stmt.run(columns.map((c) => toStorage(row[c.name], c.type)));
      n++;
    }
    return n;
  }

  /** Runs `fn` in one SQLite transaction (fast bulk writes; all or nothing). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Internal SQLite statement on the storage tables (simulator state changes). Never pass user
   * SQL here: it is not translated or checked.
   */
  runInternal(sqliteSql: string, params: SqliteParams | unknown[] = []): number {
    return this.db.prepare(sqliteSql).run(params).changes;
  }

  view(name: string): ViewDef {
    const v = VIEW_DEFS.get(name);
    if (!v) throw new Error(`unknown view ${name}`);
    return v;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private insertStatement(viewName: string): { stmt: SqliteStatement; columns: ColumnMeta[] } {
    const hit = this.inserts.get(viewName);
    if (hit) return hit;
    const view = this.view(viewName);
    const columns = storageColumns(view);
    const stmt = this.db.prepare(
      `INSERT INTO ${quoteIdent(view.table)} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) ` +
        `VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const entry = { stmt, columns };
    this.inserts.set(viewName, entry);
    return entry;
  }
}

/** SQLite failures of translated SQL become HANA errors; HANA errors from functions pass through. */
function toHanaError(err: unknown): HanaError {
  if (err instanceof HanaError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new HanaError(257, `sql syntax error: not supported by hanasim: ${message}`, '42000');
}

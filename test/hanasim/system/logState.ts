/** The redo log of each service with persistence: its position over time and where log backups stand. */
import type { BackupContext } from './backupContext';
import { type PersistentService, servicesOf } from './topology';

export interface LogStateRow {
  database: string;
  host: string;
  port: number;
  origin_ms: number;
  origin_pos: number;
  backed_pos: number | null;
  last_backup_ms: number | null;
}

/** Creates the log state of services that have none yet: their log starts now at position 0. */
export function ensureLogState(ctx: BackupContext): void {
  const insert = ctx.engine.db.prepare(
    'INSERT OR IGNORE INTO HS_LOG_STATE (database, host, port, origin_ms, origin_pos) VALUES (?, ?, ?, ?, 0)',
  );
  const now = ctx.nowMs();
  for (const db of ctx.topology.databases) {
    for (const s of servicesOf(ctx.topology, db)) insert.run(db, s.host, s.port, now);
  }
}

export function logStates(ctx: BackupContext, database?: string): LogStateRow[] {
  return (
    database === undefined
      ? ctx.engine.db.prepare('SELECT * FROM HS_LOG_STATE').all()
      : ctx.engine.db.prepare('SELECT * FROM HS_LOG_STATE WHERE database = ?').all(database)
  ) as LogStateRow[];
}

/** The redo log position a service has reached at `ms`. */
export function logPosition(ctx: BackupContext, state: LogStateRow, ms: number): number {
  return (
    state.origin_pos + Math.floor(((Math.max(ms, state.origin_ms) - state.origin_ms) * ctx.logRate) / 1000)
  );
}

export function stateOf(ctx: BackupContext, s: PersistentService): LogStateRow {
  ensureLogState(ctx);
  return ctx.engine.db
    .prepare('SELECT * FROM HS_LOG_STATE WHERE database = ? AND host = ? AND port = ?')
    .get(s.database, s.host, s.port) as LogStateRow;
}

/**
 * A complete data backup (or snapshot) ended: if the log chain of a service is not running, it
 * starts at the position the backup covers.
 */
export function startLogChain(
  ctx: BackupContext,
  database: string,
  positions: { host: string; port: number; position: number }[],
  atMs: number,
): void {
  const update = ctx.engine.db.prepare(
    'UPDATE HS_LOG_STATE SET backed_pos = ?, last_backup_ms = ? ' +
      'WHERE database = ? AND host = ? AND port = ? AND backed_pos IS NULL',
  );
  for (const p of positions) update.run(p.position, atMs, database, p.host, p.port);
}

/** log_mode = overwrite: the chain is broken until the next complete data backup. */
export function breakLogChain(ctx: BackupContext, database: string): void {
  ctx.engine.db
    .prepare('UPDATE HS_LOG_STATE SET backed_pos = NULL, last_backup_ms = NULL WHERE database = ?')
    .run(database);
}

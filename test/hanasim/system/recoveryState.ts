/**
 * What recoveries leave behind: the point each tenant was recovered to (table HS_RECOVERY in the
 * engine's SQLite file, next to the catalog), the new log sequence a recovery starts, and the
 * catalog and log-area reads the chain computation needs.
 */
import type { SqlEngine } from '../sql/engine';
import type { ChainEntry, ChainFile, LogArea, PastRecovery, VolumeReplay } from './recoveryChain';

const DDL = `CREATE TABLE IF NOT EXISTS HS_RECOVERY (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  database TEXT NOT NULL,
  kind TEXT NOT NULL,
  statement_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  target_ms INTEGER NOT NULL,
  reached_ms INTEGER NOT NULL,
  base_backup_id INTEGER NOT NULL,
  delta_backup_ids TEXT NOT NULL,
  log_backup_ids TEXT NOT NULL,
  clear_log INTEGER NOT NULL,
  positions TEXT NOT NULL)`;

export interface RecoveryRecord {
  database: string;
  kind: 'recoverDatabase' | 'recoverData';
  /** Simulated time of the RECOVER statement. */
  statementMs: number;
  /** Simulated time the recovery finished (statement time + duration). */
  endMs: number;
  durationMs: number;
  targetMs: number;
  /** The point in time the tenant is at after the recovery. */
  reachedMs: number;
  baseBackupId: number;
  deltaBackupIds: number[];
  logBackupIds: number[];
  clearLog: boolean;
  /** Redo log position reached per volume (`host:volumeId`). */
  positions: Record<string, number>;
}

interface RecoveryRow {
  database: string;
  kind: string;
  statement_ms: number;
  end_ms: number;
  duration_ms: number;
  target_ms: number;
  reached_ms: number;
  base_backup_id: number;
  delta_backup_ids: string;
  log_backup_ids: string;
  clear_log: number;
  positions: string;
}

export function ensureRecoveryTable(engine: SqlEngine): void {
  engine.db.exec(DDL);
}

export function saveRecovery(engine: SqlEngine, r: RecoveryRecord): void {
  ensureRecoveryTable(engine);
  engine.runInternal(
    `INSERT INTO HS_RECOVERY (database, kind, statement_ms, end_ms, duration_ms, target_ms, reached_ms,
       base_backup_id, delta_backup_ids, log_backup_ids, clear_log, positions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      r.database,
      r.kind,
      r.statementMs,
      r.endMs,
      r.durationMs,
      r.targetMs,
      r.reachedMs,
      r.baseBackupId,
      JSON.stringify(r.deltaBackupIds),
      JSON.stringify(r.logBackupIds),
      r.clearLog ? 1 : 0,
      JSON.stringify(r.positions),
    ],
  );
}

function fromRow(row: RecoveryRow): RecoveryRecord {
  return {
    database: row.database,
    kind: row.kind as RecoveryRecord['kind'],
    statementMs: row.statement_ms,
    endMs: row.end_ms,
    durationMs: row.duration_ms,
    targetMs: row.target_ms,
    reachedMs: row.reached_ms,
    baseBackupId: row.base_backup_id,
    deltaBackupIds: JSON.parse(row.delta_backup_ids) as number[],
    logBackupIds: JSON.parse(row.log_backup_ids) as number[],
    clearLog: row.clear_log === 1,
    positions: JSON.parse(row.positions) as Record<string, number>,
  };
}

/** Every recovery of a database, oldest first. */
export function recoveries(engine: SqlEngine, database: string): RecoveryRecord[] {
  ensureRecoveryTable(engine);
  const rows = engine.db
    .prepare('SELECT * FROM HS_RECOVERY WHERE database = ? ORDER BY id')
    .all(database) as RecoveryRow[];
  return rows.map(fromRow);
}

/** The last recovery of a database: the point in time it was recovered to (undefined: never). */
export function lastRecovery(engine: SqlEngine, database: string): RecoveryRecord | undefined {
  const all = recoveries(engine, database);
  return all[all.length - 1];
}

export function pastRecoveries(engine: SqlEngine, database: string): PastRecovery[] {
  // The new log sequence starts when the recovery ends: whatever was backed up before is old.
  return recoveries(engine, database).map((r) => ({
    atMs: r.endMs,
    reachedMs: r.reachedMs,
    positions: r.positions,
  }));
}

function parseUtc(text: string | null): number | null {
  return text === null ? null : Date.parse(`${text.replace(' ', 'T')}Z`);
}

/** The catalog of one database as the chain computation reads it. */
export function readCatalog(
  engine: SqlEngine,
  database: string,
): { entries: ChainEntry[]; files: ChainFile[] } {
  const entries = (
    engine.db
      .prepare(
        `SELECT BACKUP_ID, ENTRY_TYPE_NAME, STATE_NAME, UTC_START_TIME, UTC_END_TIME
         FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ?`,
      )
      .all(database) as {
      BACKUP_ID: number;
      ENTRY_TYPE_NAME: string;
      STATE_NAME: string | null;
      UTC_START_TIME: string | null;
      UTC_END_TIME: string | null;
    }[]
  ).map((r) => ({
    backupId: Number(r.BACKUP_ID),
    entryType: r.ENTRY_TYPE_NAME,
    stateName: r.STATE_NAME ?? '',
    startMs: parseUtc(r.UTC_START_TIME) ?? 0,
    endMs: parseUtc(r.UTC_END_TIME),
  }));
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const files = (
    engine.db
      .prepare(
        `SELECT BACKUP_ID, SOURCE_ID, SOURCE_TYPE_NAME, HOST, SERVICE_TYPE_NAME, REDO_LOG_POSITION,
         FIRST_REDO_LOG_POSITION, LAST_REDO_LOG_POSITION, BACKUP_SIZE, DESTINATION_PATH,
         DESTINATION_TYPE_NAME, EXTERNAL_BACKUP_ID FROM S_M_BACKUP_CATALOG_FILES WHERE DATABASE_NAME = ?`,
      )
      .all(database) as Record<string, unknown>[]
  ).map((r): ChainFile => ({
    backupId: Number(r.BACKUP_ID),
    sourceId: num(r.SOURCE_ID),
    sourceType: (r.SOURCE_TYPE_NAME as string | null) ?? null,
    host: (r.HOST as string | null) ?? null,
    serviceType: (r.SERVICE_TYPE_NAME as string | null) ?? null,
    redoLogPosition: num(r.REDO_LOG_POSITION),
    firstRedoLogPosition: num(r.FIRST_REDO_LOG_POSITION),
    lastRedoLogPosition: num(r.LAST_REDO_LOG_POSITION),
    backupSize: num(r.BACKUP_SIZE),
    destinationPath: (r.DESTINATION_PATH as string | null) ?? null,
    destinationType: (r.DESTINATION_TYPE_NAME as string | null) ?? null,
    externalBackupId: (r.EXTERNAL_BACKUP_ID as string | null) ?? null,
  }));
  return { entries, files };
}

function hasTable(engine: SqlEngine, name: string): boolean {
  return (
    engine.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
  );
}

interface LogStateRow {
  host: string;
  port: number;
  origin_ms: number;
  origin_pos: number;
  backed_pos: number | null;
}

/**
 * The online log area per volume, from the backup subsystem's HS_LOG_STATE (position(t) =
 * origin_pos + (t − origin_ms)·rate/1000; backed_pos = first position not yet in a log backup).
 * `volumeOf` maps a service (host, port) to its volume id; `logRate` is positions per second.
 */
export function readLogArea(
  engine: SqlEngine,
  database: string,
  volumeOf: (host: string, port: number) => number | undefined,
  logRate: number,
): Record<string, LogArea> {
  if (!hasTable(engine, 'HS_LOG_STATE')) return {};
  const rows = engine.db
    .prepare('SELECT host, port, origin_ms, origin_pos, backed_pos FROM HS_LOG_STATE WHERE database = ?')
    .all(database) as LogStateRow[];
  const out: Record<string, LogArea> = {};
  for (const r of rows) {
    const volumeId = volumeOf(r.host, r.port);
    if (volumeId === undefined || r.backed_pos === null) continue;
    out[`${r.host}:${volumeId}`] = {
      fromPosition: r.backed_pos,
      positionAt: (ms) =>
        r.origin_pos + Math.floor(((Math.max(ms, r.origin_ms) - r.origin_ms) * logRate) / 1000),
    };
  }
  return out;
}

/**
 * After a recovery the redo log of each service goes on from the position reached, at the time the
 * recovery ended, and log backups continue from there (a new log sequence: log backups made before
 * beyond that point no longer chain with the new ones). This writes the backup subsystem's
 * HS_LOG_STATE (when it exists): origin_ms = backed… = end of recovery, origin_pos = backed_pos =
 * position reached.
 */
export function restartLogAfterRecovery(
  engine: SqlEngine,
  database: string,
  volumes: Pick<VolumeReplay, 'host' | 'volumeId' | 'reachedPosition'>[],
  portOf: (host: string, volumeId: number) => number | undefined,
  endMs: number,
): void {
  if (!hasTable(engine, 'HS_LOG_STATE')) return;
  const update = engine.db.prepare(
    `UPDATE HS_LOG_STATE SET origin_ms = ?, origin_pos = ?, backed_pos = ?, last_backup_ms = ?
     WHERE database = ? AND host = ? AND port = ?`,
  );
  for (const v of volumes) {
    const port = portOf(v.host, v.volumeId);
    if (port === undefined) continue;
    update.run(endMs, v.reachedPosition, v.reachedPosition, endMs, database, v.host, port);
  }
}

/** BACKUP DATA [DIFFERENTIAL | INCREMENTAL] [FOR <db> | FOR FULL SYSTEM] USING FILE | BACKINT (…) [ASYNCHRONOUS]. */
import type { Statement } from '../sql/statementAst';
import { BACKUP_STATE, DESTINATION_TYPE, ENTRY_TYPE, MESSAGE_OK, SOURCE_TYPE, SYSTEMDB } from '../sql/values';
import { HanaError, type SessionInfo, type StatementResult } from '../shared/types';
import { type BackupContext, backupError, parseUtc } from './backupContext';
import { writeBackupFile } from './backupFiles';
import { logPosition, startLogChain, stateOf } from './logState';
import { hasDatabase, masterHost, servicesOf } from './topology';

const SLOW_FACTOR = 10;

type BackupDataStatement = Extract<Statement, { kind: 'backupData' }>;
type BackupType = BackupDataStatement['backupType'];

const DATA_TYPES = [ENTRY_TYPE.complete, ENTRY_TYPE.differential, ENTRY_TYPE.incremental];
const TOPOLOGY_SIZE = 155_648;

export interface CatalogFileRow {
  ENTRY_ID: number;
  BACKUP_ID: number;
  SOURCE_ID: number | null;
  SOURCE_TYPE_NAME: string | null;
  HOST: string | null;
  SERVICE_TYPE_NAME: string | null;
  REDO_LOG_POSITION: number | null;
  FIRST_REDO_LOG_POSITION: number | null;
  LAST_REDO_LOG_POSITION: number | null;
  BACKUP_SIZE: number | null;
  DESTINATION_PATH: string | null;
  DESTINATION_TYPE_NAME: string | null;
  EXTERNAL_BACKUP_ID: string | null;
}

/** Which databases a BACKUP DATA / snapshot statement concerns, checked as HANA does. */
export function targetDatabases(
  ctx: BackupContext,
  session: SessionInfo,
  target: BackupDataStatement['target'],
): string[] {
  if (target.kind === 'current') return [session.database];
  if (session.database !== SYSTEMDB) {
    const what = target.kind === 'fullSystem' ? 'FULL SYSTEM' : `FOR ${target.name}`;
    throw backupError(`${what} is only possible from the system database`);
  }
  if (target.kind === 'fullSystem') return [...ctx.topology.databases];
  const name = target.name.toUpperCase();
  if (!hasDatabase(ctx.topology, name)) throw new HanaError(259, `invalid database name: ${target.name}`);
  return [name];
}

/** Is the database online (M_DATABASES.ACTIVE_STATUS; unknown counts as online)? */
function isOnline(ctx: BackupContext, database: string): boolean {
  const row = ctx.engine.db
    .prepare('SELECT ACTIVE_STATUS FROM S_M_DATABASES WHERE DATABASE_NAME = ?')
    .get(database) as { ACTIVE_STATUS: string | null } | undefined;
  return !row || row.ACTIVE_STATUS === null || row.ACTIVE_STATUS === 'YES';
}

export function runningDataBackup(ctx: BackupContext, database: string): number | undefined {
  const row = ctx.engine.db
    .prepare(
      `SELECT BACKUP_ID FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND STATE_NAME IN (?, ?)
       AND ENTRY_TYPE_NAME IN (?, ?, ?) LIMIT 1`,
    )
    .get(database, BACKUP_STATE.running, BACKUP_STATE.cancelPending, ...DATA_TYPES) as
    { BACKUP_ID: number } | undefined;
  return row?.BACKUP_ID;
}

/** The backup a delta builds on: the last successful complete (differential) or data backup (incremental). */
function deltaBase(
  ctx: BackupContext,
  database: string,
  type: BackupType,
): { id: number; ms: number } | undefined {
  const types = type === 'differential' ? [ENTRY_TYPE.complete] : DATA_TYPES;
  const complete = ctx.engine.db
    .prepare(
      `SELECT COUNT(*) AS n FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND ENTRY_TYPE_NAME = ? AND STATE_NAME = ?`,
    )
    .get(database, ENTRY_TYPE.complete, BACKUP_STATE.successful) as { n: number };
  if (complete.n === 0) return undefined;
  const row = ctx.engine.db
    .prepare(
      `SELECT BACKUP_ID, UTC_START_TIME FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND STATE_NAME = ?
       AND ENTRY_TYPE_NAME IN (${types.map(() => '?').join(', ')}) ORDER BY BACKUP_ID DESC LIMIT 1`,
    )
    .get(database, BACKUP_STATE.successful, ...types) as
    { BACKUP_ID: number; UTC_START_TIME: string } | undefined;
  return row ? { id: row.BACKUP_ID, ms: parseUtc(row.UTC_START_TIME) } : undefined;
}

/** Where the pieces of one backup go: a directory and a name stem, as HANA shows them. */
function destinationStem(ctx: BackupContext, database: string, stmt: BackupDataStatement): string {
  const { type, prefix } = stmt.destination;
  if (type === 'file') {
    return prefix.startsWith('/')
      ? prefix
      : `${ctx.fileBase('data', database, masterHost(ctx.topology))}/${prefix}`;
  }
  const base = ctx.backintBase(database);
  if (!prefix.startsWith('/')) return `${base}/${prefix}`;
  if (!prefix.startsWith(`${base}/`)) {
    throw backupError(
      `[110091] Invalid path selection for data backup using backint: ${prefix}; the path must start with ${base}`,
    );
  }
  return prefix;
}

function pieceName(
  stem: string,
  type: BackupType,
  baseId: number | undefined,
  backupId: number,
  volume: number,
): string {
  if (type === 'complete') return `${stem}_databackup_${volume}_1`;
  return `${stem}_databackup_${type}_${baseId}_${backupId}_${volume}_1`;
}

function deltaSize(full: number, type: BackupType, sinceMs: number): number {
  if (type === 'complete') return full;
  const days = Math.max(0, sinceMs) / 86_400_000;
  return Math.round(full * Math.min(1, 0.03 + (type === 'differential' ? 0.02 : 0.01) * days));
}

export function backupData(
  ctx: BackupContext,
  session: SessionInfo,
  stmt: BackupDataStatement,
): StatementResult {
  const databases = targetDatabases(ctx, session, stmt.target);
  const now = ctx.nowMs();
  // Every check first: a FULL SYSTEM backup that cannot start for one database starts for none.
  const plans = databases.map((database) => {
    if (!isOnline(ctx, database)) throw backupError(`database ${database} is not online`);
    const running = runningDataBackup(ctx, database);
    if (running !== undefined) {
      throw backupError(
        `[110064] Another data backup is already running for database ${database} (BACKUP_ID ${running})`,
      );
    }
    let base: { id: number; ms: number } | undefined;
    if (stmt.backupType !== 'complete') {
      base = deltaBase(ctx, database, stmt.backupType);
      if (!base) throw backupError('No data backups found');
    }
    return { database, base, stem: destinationStem(ctx, database, stmt) };
  });
  for (const plan of plans) startDataBackup(ctx, stmt, plan.database, plan.stem, plan.base, now);
  return { kind: 'none' };
}

function startDataBackup(
  ctx: BackupContext,
  stmt: BackupDataStatement,
  database: string,
  stem: string,
  base: { id: number; ms: number } | undefined,
  now: number,
): void {
  const backupId = ctx.nextBackupId(now);
  const entryType = ENTRY_TYPE[stmt.backupType];
  const destType = stmt.destination.type === 'file' ? DESTINATION_TYPE.file : DESTINATION_TYPE.backint;
  const services = servicesOf(ctx.topology, database);
  const master = masterHost(ctx.topology);
  const pieces = [
    {
      SOURCE_ID: 0,
      SOURCE_TYPE_NAME: SOURCE_TYPE.topology,
      HOST: master,
      SERVICE_TYPE_NAME: 'nameserver',
      REDO_LOG_POSITION: null as number | null,
      BACKUP_SIZE: TOPOLOGY_SIZE,
      volume: 0,
      port: null as number | null,
    },
    ...services.map((s) => ({
      SOURCE_ID: s.volumeId,
      SOURCE_TYPE_NAME: SOURCE_TYPE.volume,
      HOST: s.host,
      SERVICE_TYPE_NAME: s.service,
      REDO_LOG_POSITION: logPosition(ctx, stateOf(ctx, s), now) as number | null,
      BACKUP_SIZE: deltaSize(
        ctx.volumeSize(database, s.service, s.volumeId),
        stmt.backupType,
        now - (base?.ms ?? now),
      ),
      volume: s.volumeId,
      port: s.port as number | null,
    })),
  ];
  const total = pieces.reduce((sum, p) => sum + p.BACKUP_SIZE, 0);
  // A 'slow' Backint agent moves data at a tenth of the usual rate.
  const slow = destType === DESTINATION_TYPE.backint && ctx.faults.take('backint', 'slow');
  const rate = slow ? ctx.dataBackupRate / SLOW_FACTOR : ctx.dataBackupRate;
  const endMs = now + Math.max(1, Math.ceil((total / rate) * 1000));
  const entryId = ctx.nextEntryId();

  // Backint faults: the agent fails at once, or hangs until backint_response_timeout kills it.
  let failure: { message: string; endMs: number } | undefined;
  if (destType === DESTINATION_TYPE.backint) {
    if (ctx.faults.take('backint', 'fail-next')) {
      failure = {
        message: `[110507] Backint exited with exit code 1 instead of 0. console output: simulated backint failure`,
        endMs: now,
      };
    } else if (ctx.faults.take('backint', 'response-timeout')) {
      const timeout = ctx.number(database, master, 'backup', 'backint_response_timeout', 600);
      failure = {
        message: `[110203] Backint did not respond within backint_response_timeout (${timeout} s) and was stopped`,
        endMs: now + timeout * 1000,
      };
    }
  }

  ctx.engine.transaction(() => {
    ctx.engine.insert('M_BACKUP_CATALOG', [
      {
        DATABASE_NAME: database,
        ENTRY_ID: entryId,
        ENTRY_TYPE_NAME: entryType,
        BACKUP_ID: backupId,
        SYS_START_TIME: ctx.sysTime(now),
        UTC_START_TIME: ctx.utcTime(now),
        SYS_END_TIME: failure ? ctx.sysTime(failure.endMs) : null,
        UTC_END_TIME: failure ? ctx.utcTime(failure.endMs) : null,
        STATE_NAME: failure ? BACKUP_STATE.failed : BACKUP_STATE.running,
        COMMENT: stmt.comment ?? null,
        MESSAGE: failure ? failure.message : null,
        SYSTEM_ID: ctx.sid,
        SOURCE_DATABASE_NAME: database,
      },
    ]);
    ctx.engine.insert(
      'M_BACKUP_CATALOG_FILES',
      pieces.map((p) => ({
        DATABASE_NAME: database,
        ENTRY_ID: entryId,
        BACKUP_ID: backupId,
        SOURCE_ID: p.SOURCE_ID,
        SOURCE_TYPE_NAME: p.SOURCE_TYPE_NAME,
        HOST: p.HOST,
        SERVICE_TYPE_NAME: p.SERVICE_TYPE_NAME,
        REDO_LOG_POSITION: p.REDO_LOG_POSITION,
        BACKUP_SIZE: p.BACKUP_SIZE,
        DESTINATION_PATH: pieceName(stem, stmt.backupType, base?.id, backupId, p.volume),
        DESTINATION_TYPE_NAME: destType,
        EXTERNAL_BACKUP_ID: destType === DESTINATION_TYPE.backint && !failure ? ctx.newEbid(backupId) : null,
      })),
    );
    ctx.engine.runInternal('DELETE FROM S_M_BACKUP_PROGRESS WHERE DATABASE_NAME = ?', [database]);
    ctx.engine.insert(
      'M_BACKUP_PROGRESS',
      pieces
        .filter((p) => p.port !== null)
        .map((p) => ({
          DATABASE_NAME: database,
          BACKUP_ID: backupId,
          HOST: p.HOST,
          PORT: p.port,
          SERVICE_NAME: p.SERVICE_TYPE_NAME,
          ENTRY_TYPE_NAME: entryType,
          SYS_START_TIME: ctx.sysTime(now),
          UTC_START_TIME: ctx.utcTime(now),
          SYS_END_TIME: failure ? ctx.sysTime(failure.endMs) : null,
          UTC_END_TIME: failure ? ctx.utcTime(failure.endMs) : null,
          STATE_NAME: failure ? BACKUP_STATE.failed : BACKUP_STATE.running,
          BACKUP_SIZE: p.BACKUP_SIZE,
          TRANSFERRED_SIZE: 0,
        })),
    );
    if (!failure && stmt.asynchronous) {
      ctx.engine.runInternal(
        'INSERT INTO HS_RUNNING_BACKUP (backup_id, database, start_ms, end_ms) VALUES (?, ?, ?, ?)',
        [backupId, database, now, endMs],
      );
    }
  });
  if (failure) throw backupError(failure.message);
  if (!stmt.asynchronous) finishDataBackup(ctx, database, backupId, endMs);
}

export function catalogFiles(ctx: BackupContext, database: string, backupId: number): CatalogFileRow[] {
  return ctx.engine.db
    .prepare('SELECT * FROM S_M_BACKUP_CATALOG_FILES WHERE DATABASE_NAME = ? AND BACKUP_ID = ?')
    .all(database, backupId) as CatalogFileRow[];
}

/** A data backup has transferred everything: its pieces exist, its entry is successful. */
export function finishDataBackup(
  ctx: BackupContext,
  database: string,
  backupId: number,
  endMs: number,
): void {
  const entry = ctx.engine.db
    .prepare(
      'SELECT ENTRY_TYPE_NAME, UTC_START_TIME FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND BACKUP_ID = ?',
    )
    .get(database, backupId) as { ENTRY_TYPE_NAME: string; UTC_START_TIME: string };
  const files = catalogFiles(ctx, database, backupId);
  for (const f of files) {
    const where = ctx.pieceLocation(f.DESTINATION_TYPE_NAME, f.DESTINATION_PATH, f.EXTERNAL_BACKUP_ID);
    if (!where) continue;
    writeBackupFile(where, {
      backupId,
      database,
      entryType: entry.ENTRY_TYPE_NAME,
      serviceType: f.SERVICE_TYPE_NAME ?? '',
      volumeId: f.SOURCE_ID ?? 0,
      declaredSize: f.BACKUP_SIZE ?? 0,
      ...(f.REDO_LOG_POSITION !== null ? { lastRedoLogPosition: f.REDO_LOG_POSITION } : {}),
    });
  }
  ctx.engine.transaction(() => {
    setEntryState(ctx, database, backupId, BACKUP_STATE.successful, MESSAGE_OK, endMs);
    ctx.engine.runInternal(
      'UPDATE S_M_BACKUP_PROGRESS SET TRANSFERRED_SIZE = BACKUP_SIZE WHERE DATABASE_NAME = ? AND BACKUP_ID = ?',
      [database, backupId],
    );
    ctx.engine.runInternal('DELETE FROM HS_RUNNING_BACKUP WHERE backup_id = ?', [backupId]);
    if (entry.ENTRY_TYPE_NAME === ENTRY_TYPE.complete) {
      const positions = files
        .filter((f) => f.SOURCE_TYPE_NAME === SOURCE_TYPE.volume && f.REDO_LOG_POSITION !== null)
        .map((f) => ({
          host: f.HOST ?? '',
          port: servicePort(ctx, database, f.HOST ?? '', f.SOURCE_ID ?? 0),
          position: f.REDO_LOG_POSITION!,
        }));
      startLogChain(ctx, database, positions, parseUtc(entry.UTC_START_TIME));
    }
  });
}

function servicePort(ctx: BackupContext, database: string, host: string, volumeId: number): number {
  return (
    servicesOf(ctx.topology, database).find((s) => s.host === host && s.volumeId === volumeId)?.port ?? 0
  );
}

/** Sets the state of a catalog entry and its progress rows (with end time and message). */
export function setEntryState(
  ctx: BackupContext,
  database: string,
  backupId: number,
  state: string,
  message: string | null,
  endMs: number | null,
): void {
  const sys = endMs === null ? null : ctx.sysTime(endMs);
  const utc = endMs === null ? null : ctx.utcTime(endMs);
  ctx.engine.runInternal(
    `UPDATE S_M_BACKUP_CATALOG SET STATE_NAME = ?, MESSAGE = COALESCE(?, MESSAGE),
     SYS_END_TIME = COALESCE(?, SYS_END_TIME), UTC_END_TIME = COALESCE(?, UTC_END_TIME)
     WHERE DATABASE_NAME = ? AND BACKUP_ID = ?`,
    [state, message, sys, utc, database, backupId],
  );
  ctx.engine.runInternal(
    `UPDATE S_M_BACKUP_PROGRESS SET STATE_NAME = ?, SYS_END_TIME = COALESCE(?, SYS_END_TIME),
     UTC_END_TIME = COALESCE(?, UTC_END_TIME) WHERE DATABASE_NAME = ? AND BACKUP_ID = ?`,
    [state, sys, utc, database, backupId],
  );
}

/**
 * "Back up now": `BACKUP DATA … ASYNCHRONOUS` on a SYSTEMDB connection, then the backup followed in
 * the catalog and in M_BACKUP_PROGRESS until it ends, canceled with `BACKUP CANCEL` when the caller
 * aborts. No VS Code here: the command and the CLI both use it.
 */
import type { SqlRunner } from '../hana/connectionPool';
import { isConnectionFailure, readAgainAfterReconnect } from '../hana/readAgain';
import { backupDataStatement, integer, sql, type BackupType, type SqlStatement } from '../hana/sqlText';

export interface BackupRequest {
  database: string;
  type: BackupType;
  destination: 'file' | 'backint';
  /** File prefix (relative to basepath_databackup) or Backint path; see {@link defaultBackupPrefix}. */
  prefix: string;
  comment?: string;
}

export interface BackupProgress {
  /** 0–100, whole numbers; 100 only once everything is transferred. */
  percent: number;
  transferredBytes: number;
  totalBytes: number;
  /** The catalog's STATE_NAME ('running', 'cancel pending', then the final one). */
  state: string;
}

export interface BackupRunOptions {
  /** Called whenever the progress or the state changed since the last call. */
  onProgress?(progress: BackupProgress): void;
  /** Aborting cancels the backup (`BACKUP CANCEL <id>`); the run still waits for its final state. */
  signal?: AbortSignal;
  /** Time between two looks at the catalog (default 1000 ms). */
  pollIntervalMs?: number;
  /** SID of the system: when given, an absolute Backint path is checked before anything runs. */
  sid?: string;
  /**
   * How long the backup's state is read again after the connection is lost (default 120 s). HANA
   * goes on with a backup whose client is gone, so its outcome comes from the catalog once HANA
   * is reached again; the BACKUP statement itself is never sent twice.
   */
  reconnectWindowMs?: number;
  /** Called when a look at the catalog lost its connection and is about to be tried again. */
  onConnectionLost?(message: string): void;
}

export interface BackupOutcome {
  state: 'successful' | 'failed' | 'canceled';
  backupId?: string;
  /** HANA's MESSAGE for a failed or canceled backup. */
  message?: string;
  /** Bytes of the backup as the catalog lists them (successful backups). */
  sizeBytes?: number;
}

const SYSTEMDB = 'SYSTEMDB';
const ENTRY_TYPE: Record<BackupType, string> = {
  complete: 'complete data backup',
  differential: 'differential data backup',
  incremental: 'incremental data backup',
};
const FINAL_STATES: ReadonlySet<string> = new Set(['successful', 'failed', 'canceled']);
/** HANA writes the catalog entry while running the statement; this only covers a slow catalog view. */
const ENTRY_DEADLINE_MS = 30_000;

/** Where HANA requires Backint backups of a database to go (error 110091 otherwise). */
export function backintDirectory(sid: string, database: string): string {
  if (!/^[A-Z][A-Z0-9]{2}$/.test(sid)) throw new RangeError(`Not a HANA SID: ${JSON.stringify(sid)}`);
  return `/usr/sap/${sid}/SYS/global/hdb/backint/${database === SYSTEMDB ? SYSTEMDB : `DB_${database}`}`;
}

/**
 * `COMPLETE_DATA_BACKUP_2026-11-22_04-10` for a file, the same name under the database's Backint
 * directory for Backint. The time is UTC so that names sort the same whatever zone client and
 * server are in.
 */
export function defaultBackupPrefix(
  database: string,
  type: BackupType,
  destination: 'file' | 'backint',
  sid: string,
  now: Date,
): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '_').replace(':', '-');
  const name = `${ENTRY_TYPE[type].toUpperCase().replace(/ /g, '_')}_${stamp}`;
  return destination === 'file' ? name : `${backintDirectory(sid, database)}/${name}`;
}

/** The statement {@link runDataBackup} sends, for showing before it runs. */
export function backupStatement(request: BackupRequest): SqlStatement {
  return backupDataStatement({
    // From the SYSTEMDB, the SYSTEMDB itself is backed up without FOR (`BACKUP DATA USING …`).
    database: request.database === SYSTEMDB ? undefined : request.database,
    type: request.type,
    destination: request.destination,
    prefix: request.prefix,
    asynchronous: true,
    comment: request.comment,
  });
}

/** `BACKUP CANCEL <id>`. */
export function backupCancelStatement(backupId: string | number): SqlStatement {
  return sql`BACKUP CANCEL ${integer(backupId)}`;
}

function checkBackintPath(request: BackupRequest, sid: string | undefined): void {
  if (sid === undefined || request.destination !== 'backint' || !request.prefix.startsWith('/')) return;
  const base = backintDirectory(sid, request.database);
  if (!request.prefix.startsWith(`${base}/`)) {
    throw new RangeError(
      `A Backint backup of ${request.database} must go under ${base}/ (HANA refuses other paths with error 110091), not ${request.prefix}.`,
    );
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts (so a cancel is not held up by the interval). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

interface Follow {
  runner: SqlRunner;
  database: string;
  entryType: string;
  options: BackupRunOptions;
  intervalMs: number;
}

/** A read of the catalog that outlasts a lost connection (the pool reconnects on the next call). */
function reread<T>(f: Follow, read: () => Promise<T>): Promise<T> {
  return readAgainAfterReconnect(
    async () => {
      try {
        return await read();
      } catch (error) {
        if (isConnectionFailure(error)) f.options.onConnectionLost?.(error.message);
        throw error;
      }
    },
    { windowMs: f.options.reconnectWindowMs ?? 120_000, intervalMs: f.intervalMs },
  );
}

/** The newest BACKUP_ID of this kind of data backup of the database (0 when there is none). */
async function newestBackupId(f: Follow): Promise<number> {
  const rows = await f.runner.exec<{ ID: number | string | null }>(
    sql`SELECT MAX(BACKUP_ID) AS ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ${f.database} AND ENTRY_TYPE_NAME = ${f.entryType}`,
  );
  return Number(rows[0]?.ID ?? 0);
}

/** Our backup: newer than every one of its kind that existed before the statement was sent. */
async function newBackupId(f: Follow, before: number): Promise<number | undefined> {
  const rows = await f.runner.exec<{ BACKUP_ID: number | string }>(
    sql`SELECT TOP 1 BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ${f.database} AND ENTRY_TYPE_NAME = ${f.entryType} AND BACKUP_ID > ${before} ORDER BY BACKUP_ID DESC`,
  );
  return rows.length ? Number(rows[0].BACKUP_ID) : undefined;
}

async function awaitBackupId(f: Follow, before: number): Promise<number> {
  const deadline = Date.now() + ENTRY_DEADLINE_MS;
  for (;;) {
    const id = await reread(f, () => newBackupId(f, before));
    if (id !== undefined) return id;
    if (Date.now() >= deadline) {
      throw new Error(
        `HANA accepted the backup of ${f.database} on ${f.runner.name}, but no new ${f.entryType} appeared in the catalog within ${ENTRY_DEADLINE_MS / 1000} s.`,
      );
    }
    await pause(f.intervalMs, undefined);
  }
}

async function entryOf(f: Follow, backupId: number): Promise<{ state: string; message: string | null }> {
  const rows = await f.runner.exec<{ STATE_NAME: string; MESSAGE: string | null }>(
    sql`SELECT STATE_NAME, MESSAGE FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ${f.database} AND BACKUP_ID = ${backupId} AND ENTRY_TYPE_NAME = ${f.entryType}`,
  );
  if (!rows.length) {
    throw new Error(`Backup ${backupId} of ${f.database} is no longer in the catalog of ${f.runner.name}.`);
  }
  return { state: rows[0].STATE_NAME, message: rows[0].MESSAGE };
}

async function progressOf(f: Follow, backupId: number, state: string): Promise<BackupProgress> {
  const rows = await f.runner.exec<{
    BACKUP_SIZE: number | string | null;
    TRANSFERRED_SIZE: number | string | null;
  }>(
    sql`SELECT BACKUP_SIZE, TRANSFERRED_SIZE FROM SYS_DATABASES.M_BACKUP_PROGRESS WHERE DATABASE_NAME = ${f.database} AND BACKUP_ID = ${backupId}`,
  );
  const totalBytes = rows.reduce((sum, r) => sum + Number(r.BACKUP_SIZE ?? 0), 0);
  const transferredBytes = rows.reduce((sum, r) => sum + Number(r.TRANSFERRED_SIZE ?? 0), 0);
  // M_BACKUP_PROGRESS keeps only the most recent backup: a successful one may have left it already.
  const percent =
    state === 'successful' ? 100 : totalBytes > 0 ? Math.floor((transferredBytes * 100) / totalBytes) : 0;
  return { percent, transferredBytes, totalBytes, state };
}

async function catalogSize(f: Follow, backupId: number): Promise<number> {
  const rows = await f.runner.exec<{ SIZE: number | string | null }>(
    sql`SELECT SUM(BACKUP_SIZE) AS SIZE FROM SYS_DATABASES.M_BACKUP_CATALOG_FILES WHERE DATABASE_NAME = ${f.database} AND BACKUP_ID = ${backupId}`,
  );
  return Number(rows[0]?.SIZE ?? 0);
}

function changed(last: BackupProgress | undefined, next: BackupProgress): boolean {
  return (
    !last ||
    last.percent !== next.percent ||
    last.transferredBytes !== next.transferredBytes ||
    last.totalBytes !== next.totalBytes ||
    last.state !== next.state
  );
}

/** Polls until the entry's state is final; aborting sends BACKUP CANCEL and keeps polling. */
async function follow(f: Follow, backupId: number): Promise<BackupOutcome> {
  const { signal, onProgress } = f.options;
  let cancelSent = false;
  let cancelFailure: { error: unknown } | undefined;
  let last: BackupProgress | undefined;
  for (;;) {
    if (signal?.aborted && !cancelSent && (last === undefined || last.state === 'running')) {
      cancelSent = true;
      await f.runner.exec(backupCancelStatement(backupId)).catch((error: unknown) => {
        // Lost with its connection, the cancel may or may not have reached HANA: the state read
        // next (reconnecting) tells, and the cancel goes again if the backup still runs.
        if (isConnectionFailure(error)) cancelSent = false;
        else cancelFailure = { error };
      });
    }
    // The entry first: when it says successful, the progress read after it is complete too.
    const entry = await reread(f, () => entryOf(f, backupId));
    const progress = await reread(f, () => progressOf(f, backupId, entry.state));
    if (changed(last, progress)) onProgress?.(progress);
    last = progress;
    if (FINAL_STATES.has(entry.state)) {
      const state = entry.state as BackupOutcome['state'];
      const id = String(backupId);
      if (state === 'successful')
        return { state, backupId: id, sizeBytes: await reread(f, () => catalogSize(f, backupId)) };
      return { state, backupId: id, ...(entry.message ? { message: entry.message } : {}) };
    }
    // A cancel refused because the backup had just ended shows as a final state above; any other
    // refusal leaves the backup running, which the caller must hear about.
    if (cancelFailure) throw cancelFailure.error;
    await pause(f.intervalMs, signal);
  }
}

/** HANA could not be reached again to read how the backup went: say what is not known. */
/** HANA could not be asked again how a backup went: neither success nor failure may be claimed. */
export class BackupStateUnknown extends Error {
  override name = 'BackupStateUnknown';
}

function lostTrack(f: Follow, backupId: number | undefined, error: Error): Error {
  const why = `HANA could not be reached again within ${(f.options.reconnectWindowMs ?? 120_000) / 1000} s (${error.message})`;
  return new BackupStateUnknown(
    backupId === undefined
      ? `Whether HANA started the backup of ${f.database} on ${f.runner.name} is not known: ${why}. Look in the backup catalog before starting another.`
      : `Backup ${backupId} of ${f.database} on ${f.runner.name} could not be followed to its end: ${why}. HANA goes on with a backup without its client; the backup catalog shows how it ended.`,
  );
}

/** Sends the BACKUP statement once and returns the id of the backup it started. */
async function startBackup(f: Follow, request: BackupRequest, before: number): Promise<number> {
  try {
    await f.runner.exec(backupStatement(request));
  } catch (error) {
    // HANA may have started the backup although the statement failed — a Backint failure is
    // reported on the statement too, a lost connection loses only the reply: the catalog says.
    let started: number | undefined;
    try {
      started = await reread(f, () => newBackupId(f, before));
    } catch (readError) {
      if (isConnectionFailure(readError)) throw lostTrack(f, undefined, readError);
      throw error;
    }
    if (started === undefined) throw error;
    return started;
  }
  return awaitBackupId(f, before).catch((error: unknown) => {
    throw isConnectionFailure(error) ? lostTrack(f, undefined, error) : error;
  });
}

/**
 * Runs a data backup of `request.database` on a SYSTEMDB connection and follows it to its end.
 * A statement HANA refuses (another backup running, no full backup for a delta, …) is thrown as
 * the runner's error; a backup that got a catalog entry ends as an outcome, even when HANA also
 * reported its failure on the statement. A lost connection is reconnected and the backup's state
 * read again (see {@link BackupRunOptions.reconnectWindowMs}).
 */
export async function runDataBackup(
  runner: SqlRunner,
  request: BackupRequest,
  options: BackupRunOptions = {},
): Promise<BackupOutcome> {
  checkBackintPath(request, options.sid);
  if (options.signal?.aborted)
    return { state: 'canceled', message: 'Canceled before the backup was started.' };
  const f: Follow = {
    runner,
    database: request.database,
    entryType: ENTRY_TYPE[request.type],
    options,
    intervalMs: options.pollIntervalMs ?? 1000,
  };
  const before = await newestBackupId(f);
  const backupId = await startBackup(f, request, before);
  return follow(f, backupId).catch((error: unknown) => {
    throw isConnectionFailure(error) ? lostTrack(f, backupId, error) : error;
  });
}

/**
 * RECOVER DATABASE FOR <tenant> UNTIL TIMESTAMP … / RECOVER DATA FOR <tenant> USING BACKUP_ID … |
 * FILE | BACKINT | SNAPSHOT … CLEAR LOG, run from SYSTEMDB against a stopped tenant.
 *
 * Error codes (as HANA's backup.log shows them):
 * - 448 "recovery could not be completed": the statement cannot run at all — SYSTEMDB (only
 *   offline with recoverSys.py), not issued from SYSTEMDB, the tenant is running, USING SOURCE.
 * - 449 "recovery strategy could not be determined": the chain is not there — no data backup before
 *   the point, a point in the future, a gap in the log backups, a 'log missing' entry, a piece file
 *   missing or damaged, log_mode overwrite with UNTIL TIMESTAMP.
 * - 259 for a database that does not exist (as the backup statements do).
 *
 * Recovery takes simulated time proportional to the bytes read (data pieces at `dataRate`, log at
 * `logReplayRate`); the statement does not block: the duration and end are recorded in
 * HS_RECOVERY, and the tenant's M_DATABASE.START_TIME is the end of the recovery. HANA writes no
 * catalog entry for a recovery (it logs to backup.log), so neither does this.
 */
import * as path from 'node:path';
import { HanaError, type SessionInfo, type StatementResult } from '../shared/types';
import type { SqlEngine } from '../sql/engine';
import type { Statement } from '../sql/statementAst';
import { formatTimestamp } from '../sql/timeValues';
import { SYSTEMDB } from '../sql/values';
import { readBackupFile } from './backupFiles';
import type { ConfigLayers } from './configLayers';
import { isDatabaseActive, setDatabaseActive } from './landscape';
import {
  type ChainFile,
  type ChainInput,
  type ChainTarget,
  type RecoveryPlan,
  RecoveryProblem,
  computeRecoveryChain,
} from './recoveryChain';
import {
  ensureRecoveryTable,
  pastRecoveries,
  readCatalog,
  readLogArea,
  restartLogAfterRecovery,
  saveRecovery,
} from './recoveryState';
import type { StatementHandler } from './simulator';

type RecoverStatement = Extract<Statement, { kind: 'recoverDatabase' | 'recoverData' }>;

export const RECOVERY_FAILED = 448;
export const RECOVERY_STRATEGY = 449;

export interface RecoveryService {
  host: string;
  port: number;
  volumeId: number;
}

export interface RecoveryOptions {
  engine: SqlEngine;
  /** The simulator's data dir: HANA paths of file pieces live under it (`<dataDir>/<DESTINATION_PATH>`). */
  dataDir: string;
  clock: { nowMs(): number };
  /** Effective configuration (log_mode); without it log_mode counts as normal. */
  config?: ConfigLayers;
  /** The services with persistence of a database (for the log area and the new log sequence). */
  services?: (database: string) => RecoveryService[];
  /** Bytes of data backup read per simulated second (default 200 MB/s). */
  dataRate?: number;
  /** Bytes of log replayed per simulated second (default 100 MB/s). */
  logReplayRate?: number;
  /** Redo log positions per simulated second (the backup subsystem's logRate, default 1000). */
  logRate?: number;
  /** One redo log position in bytes (default 64). */
  logPositionBytes?: number;
}

export function recoveryFailed(text: string): HanaError {
  return new HanaError(RECOVERY_FAILED, `recovery could not be completed: ${text}`);
}

export function recoveryStrategyError(text: string): HanaError {
  return new HanaError(RECOVERY_STRATEGY, `recovery strategy could not be determined: ${text}`);
}

export class RecoveryHandler implements StatementHandler {
  private readonly dataRate: number;
  private readonly logReplayRate: number;
  private readonly logRate: number;
  private readonly logPositionBytes: number;

  constructor(private readonly opts: RecoveryOptions) {
    this.dataRate = opts.dataRate ?? 200_000_000;
    this.logReplayRate = opts.logReplayRate ?? 100_000_000;
    this.logRate = opts.logRate ?? 1000;
    this.logPositionBytes = opts.logPositionBytes ?? 64;
    ensureRecoveryTable(opts.engine);
  }

  handles(statement: Statement): boolean {
    return statement.kind === 'recoverDatabase' || statement.kind === 'recoverData';
  }

  run(session: SessionInfo, statement: Statement): StatementResult {
    if (statement.kind !== 'recoverDatabase' && statement.kind !== 'recoverData') {
      throw new HanaError(7, `feature not supported: ${statement.kind} is not a recovery statement`);
    }
    const database = this.checkTarget(session, statement);
    const now = this.opts.clock.nowMs();
    const plan = this.plan(database, statement, now);
    this.finish(database, statement, plan, now);
    return { kind: 'count', count: 0 };
  }

  private checkTarget(session: SessionInfo, stmt: RecoverStatement): string {
    const database = (stmt.database ?? session.database).toUpperCase();
    if (database === SYSTEMDB) {
      throw recoveryFailed(
        'the system database cannot be recovered with SQL; stop the system and run ' +
          `HDBSettings.sh recoverSys.py --command="${stmt.kind === 'recoverData' ? 'RECOVER DATA USING … CLEAR LOG' : 'RECOVER DATABASE UNTIL TIMESTAMP …'}" as <sid>adm`,
      );
    }
    if (session.database !== SYSTEMDB) {
      throw recoveryFailed(
        `a tenant database is recovered from the system database (RECOVER … FOR ${database})`,
      );
    }
    const active = isDatabaseActive(this.opts.engine, database);
    if (active === undefined) throw new HanaError(259, `invalid database name: ${database}`);
    if (active) {
      throw recoveryFailed(
        `database ${database} is running; stop it first with ALTER SYSTEM STOP DATABASE ${database}`,
      );
    }
    if (stmt.source !== undefined) {
      throw recoveryFailed(`recovery from another database (USING SOURCE '${stmt.source}') is not simulated`);
    }
    return database;
  }

  private plan(database: string, stmt: RecoverStatement, now: number): RecoveryPlan {
    const { entries, files } = readCatalog(this.opts.engine, database);
    let target: ChainTarget;
    let useSnapshot = false;
    let dataPaths = stmt.dataPaths;
    let logPaths: string[] | undefined;
    if (stmt.kind === 'recoverDatabase') {
      target = { kind: 'time', ms: stmt.untilTime.getTime(), backupId: stmt.backupId };
      useSnapshot = stmt.useSnapshot;
      logPaths = stmt.logPaths;
    } else if (stmt.using.type === 'backupId') {
      target = { kind: 'backupId', backupId: stmt.using.backupId };
    } else if (stmt.using.type === 'snapshot') {
      target = { kind: 'latestSnapshot' };
      useSnapshot = true;
    } else {
      const backupId = findByPrefix(files, stmt.using.type, stmt.using.prefix);
      if (backupId === undefined) {
        throw recoveryStrategyError(
          `no data backup with prefix '${stmt.using.prefix}' (${stmt.using.type === 'file' ? 'FILE' : 'BACKINT'}) in the backup catalog of database ${database}`,
        );
      }
      if (stmt.using.type === 'file' && path.isAbsolute(stmt.using.prefix)) {
        dataPaths = dataPaths ?? [path.dirname(stmt.using.prefix)];
      }
      target = { kind: 'backupId', backupId };
    }
    const services = this.opts.services?.(database) ?? [];
    const logModeOverwrite =
      this.opts.config
        ?.effective(database, undefined, 'persistence', 'log_mode')
        ?.value.trim()
        .toLowerCase() === 'overwrite';
    const input: ChainInput = {
      database,
      entries,
      files,
      target,
      useSnapshot,
      clearLog: stmt.clearLog,
      nowMs: now,
      logModeOverwrite,
      recoveries: pastRecoveries(this.opts.engine, database),
      logArea: readLogArea(
        this.opts.engine,
        database,
        (host, port) => services.find((s) => s.host === host && s.port === port)?.volumeId,
        this.logRate,
      ),
      pieceState: (f) => this.pieceState(f, dataPaths, logPaths),
    };
    try {
      return computeRecoveryChain(input);
    } catch (err) {
      if (err instanceof RecoveryProblem) throw recoveryStrategyError(err.message);
      throw err;
    }
  }

  /** Whether a piece is on disk and intact; USING DATA/LOG PATH relocate file pieces by name. */
  private pieceState(
    f: ChainFile,
    dataPaths?: string[],
    logPaths?: string[],
  ): 'ok' | 'missing' | 'damaged' | undefined {
    const candidates: string[] = [];
    if (f.destinationType === 'file' && f.destinationPath) {
      const relocated = f.firstRedoLogPosition !== null ? logPaths : dataPaths;
      if (relocated?.length) {
        for (const dir of relocated)
          candidates.push(this.onDisk(path.posix.join(dir, path.posix.basename(f.destinationPath))));
      }
      candidates.push(this.onDisk(f.destinationPath));
    } else if (f.destinationType === 'backint') {
      if (!f.externalBackupId) return 'missing';
      candidates.push(
        path.join(
          this.opts.dataDir,
          'backint-agent',
          'objects',
          f.externalBackupId.replace(/[^A-Za-z0-9_.-]/g, '_'),
        ),
      );
    } else {
      return undefined; // snapshot: the data area itself
    }
    let damaged = false;
    for (const file of candidates) {
      const state = readBackupFile(file);
      if (state.ok) return 'ok';
      if (state.reason === 'damaged') damaged = true;
    }
    return damaged ? 'damaged' : 'missing';
  }

  private onDisk(hanaPath: string): string {
    return path.join(this.opts.dataDir, hanaPath);
  }

  private finish(database: string, stmt: RecoverStatement, plan: RecoveryPlan, now: number): void {
    const logBytes =
      plan.logBytes +
      plan.volumes.reduce(
        (sum, v) =>
          sum +
          (v.usedLogArea ? Math.max(0, v.reachedPosition - v.startPosition) * this.logPositionBytes : 0),
        0,
      );
    const durationMs = Math.max(
      1000,
      Math.ceil((plan.dataBytes / this.dataRate + logBytes / this.logReplayRate) * 1000),
    );
    const endMs = now + durationMs;
    const services = this.opts.services?.(database) ?? [];
    const engine = this.opts.engine;
    engine.transaction(() => {
      saveRecovery(engine, {
        database,
        kind: stmt.kind,
        statementMs: now,
        endMs,
        durationMs,
        targetMs: plan.targetMs,
        reachedMs: plan.reachedMs,
        baseBackupId: plan.base.backupId,
        deltaBackupIds: plan.deltas.map((d) => d.backupId),
        logBackupIds: [...new Set(plan.volumes.flatMap((v) => v.logBackupIds))],
        clearLog: stmt.clearLog,
        positions: Object.fromEntries(plan.volumes.map((v) => [v.volume, v.reachedPosition])),
      });
      restartLogAfterRecovery(
        engine,
        database,
        plan.volumes,
        (host, volumeId) => services.find((s) => s.host === host && s.volumeId === volumeId)?.port,
        endMs,
      );
      // HANA starts the tenant when the recovery is done.
      setDatabaseActive(engine, database, true);
      engine.runInternal('UPDATE "S_M_DATABASE" SET "START_TIME" = ? WHERE "DATABASE_NAME" = ?', [
        formatTimestamp(new Date(endMs)),
        database,
      ]);
    });
  }
}

/** The data backup whose pieces were written with a prefix (file: path stem; Backint: object stem). */
function findByPrefix(files: ChainFile[], type: 'file' | 'backint', prefix: string): number | undefined {
  const stem = prefix.replace(/\/+$/, '');
  let best: number | undefined;
  for (const f of files) {
    if (f.destinationType !== type || !f.destinationPath || f.firstRedoLogPosition !== null) continue;
    const p = f.destinationPath;
    const match = stem.startsWith('/')
      ? p.startsWith(`${stem}_databackup_`)
      : p.includes(`/${stem}_databackup_`);
    if (match && (best === undefined || f.backupId > best)) best = f.backupId;
  }
  return best;
}

/**
 * The backup subsystem of hanasim, in-process: data backups (file / Backint, synchronous or
 * ASYNCHRONOUS, cancelable), automatic log backups driven by the effective configuration, data
 * snapshots, catalog deletion, crash recovery. All state lives in the engine's SQLite file and in
 * small piece files under the data dir.
 */
import { HanaError, type SessionInfo, type StatementResult } from '../shared/types';
import type { Statement } from '../sql/statementAst';
import { BACKUP_STATE, ENTRY_TYPE, SYSTEMDB } from '../sql/values';
import { BackupContext, BackupFaults, type BackupOptions } from './backupContext';
import { catalogDelete } from './catalogDelete';
import { backupData, finishDataBackup, runningDataBackup, setEntryState } from './dataBackups';
import { ensureLogState } from './logState';
import { runLogBackups } from './logBackups';
import { closeSnapshot, createSnapshot } from './snapshots';

export { BackupFaults, type BackupOptions } from './backupContext';
export type { Topology } from './topology';

interface RunningRow {
  backup_id: number;
  database: string;
  start_ms: number;
  end_ms: number;
  cancel: number;
}

export const CANCELED_MESSAGE = 'Backup canceled by user (BACKUP CANCEL)';
export const CRASH_MESSAGE =
  'Backup was interrupted: the database server stopped while the backup was running';

export class BackupSubsystem {
  readonly ctx: BackupContext;

  constructor(opts: BackupOptions) {
    this.ctx = new BackupContext(opts);
    ensureLogState(this.ctx);
  }

  get faults(): BackupFaults {
    return this.ctx.faults;
  }

  /** Runs a parsed backup statement for a session (privileges are already checked by the caller). */
  run(session: SessionInfo, statement: Statement): StatementResult {
    this.tick(); // what was due before this statement happens first
    switch (statement.kind) {
      case 'backupData':
        return backupData(this.ctx, session, statement);
      case 'backupCancel':
        return this.cancel(session, statement.backupId);
      case 'createSnapshot':
        return createSnapshot(this.ctx, session, statement);
      case 'closeSnapshot':
        return closeSnapshot(this.ctx, session, statement);
      case 'catalogDelete':
        return catalogDelete(this.ctx, session, statement);
      default:
        throw new HanaError(7, `feature not supported: ${statement.kind} is not a backup statement`);
    }
  }

  /** Advances simulated work to the clock's now: running data backups, automatic log backups. */
  tick(): void {
    const now = this.ctx.nowMs();
    const db = this.ctx.engine.db;
    for (const r of db.prepare('SELECT * FROM HS_RUNNING_BACKUP ORDER BY end_ms').all() as RunningRow[]) {
      if (r.cancel) {
        this.ctx.engine.transaction(() => {
          setEntryState(this.ctx, r.database, r.backup_id, BACKUP_STATE.canceled, CANCELED_MESSAGE, now);
          this.ctx.engine.runInternal('DELETE FROM HS_RUNNING_BACKUP WHERE backup_id = ?', [r.backup_id]);
        });
      } else if (now >= r.end_ms) {
        finishDataBackup(this.ctx, r.database, r.backup_id, r.end_ms);
      } else {
        const done = (now - r.start_ms) / Math.max(1, r.end_ms - r.start_ms);
        this.ctx.engine.runInternal(
          `UPDATE S_M_BACKUP_PROGRESS SET TRANSFERRED_SIZE = CAST(BACKUP_SIZE * ? AS INTEGER)
           WHERE DATABASE_NAME = ? AND BACKUP_ID = ?`,
          [Math.max(0, Math.min(1, done)), r.database, r.backup_id],
        );
      }
    }
    runLogBackups(this.ctx, now);
  }

  /** BACKUP CANCEL [<id>]: the backup goes to 'cancel pending', and to 'canceled' on the next tick. */
  private cancel(session: SessionInfo, backupId: number | undefined): StatementResult {
    const id = backupId ?? runningDataBackup(this.ctx, session.database);
    const row =
      id === undefined
        ? undefined
        : (this.ctx.engine.db.prepare('SELECT * FROM HS_RUNNING_BACKUP WHERE backup_id = ?').get(id) as
            RunningRow | undefined);
    if (!row || (row.database !== session.database && session.database !== SYSTEMDB)) {
      throw new HanaError(
        448,
        `backup could not be canceled: ${id === undefined ? 'no data backup is running' : `no running backup with BACKUP_ID ${id}`}`,
      );
    }
    this.ctx.engine.transaction(() => {
      this.ctx.engine.runInternal('UPDATE HS_RUNNING_BACKUP SET cancel = 1 WHERE backup_id = ?', [
        row.backup_id,
      ]);
      setEntryState(this.ctx, row.database, row.backup_id, BACKUP_STATE.cancelPending, null, null);
    });
    return { kind: 'none' };
  }

  /** Simulates the loss of a log backup's file (or Backint object): a later recovery must fail. */
  dropLogBackup(backupId: number): void {
    const pieces = this.ctx.engine.db
      .prepare(
        `SELECT f.DESTINATION_TYPE_NAME AS t, f.DESTINATION_PATH AS p, f.EXTERNAL_BACKUP_ID AS e
         FROM S_M_BACKUP_CATALOG_FILES f JOIN S_M_BACKUP_CATALOG c
           ON c.DATABASE_NAME = f.DATABASE_NAME AND c.BACKUP_ID = f.BACKUP_ID
         WHERE f.BACKUP_ID = ? AND c.ENTRY_TYPE_NAME = ?`,
      )
      .all(backupId, ENTRY_TYPE.log) as { t: string; p: string | null; e: string | null }[];
    if (pieces.length === 0) throw new HanaError(448, `no log backup with BACKUP_ID ${backupId}`);
    // HANA's catalog does not notice a file removed behind its back: only the piece goes.
    for (const piece of pieces) this.ctx.deletePiece(piece.t, piece.p, piece.e);
  }

  /** At start-up: a data backup still 'running' (the process was killed) has failed. */
  recoverAfterCrash(): number {
    const now = this.ctx.nowMs();
    const rows = this.ctx.engine.db
      .prepare(`SELECT DATABASE_NAME AS d, BACKUP_ID AS b FROM S_M_BACKUP_CATALOG WHERE STATE_NAME IN (?, ?)`)
      .all(BACKUP_STATE.running, BACKUP_STATE.cancelPending) as { d: string; b: number }[];
    this.ctx.engine.transaction(() => {
      for (const r of rows) setEntryState(this.ctx, r.d, r.b, BACKUP_STATE.failed, CRASH_MESSAGE, now);
      this.ctx.engine.runInternal('DELETE FROM HS_RUNNING_BACKUP');
    });
    return rows.length;
  }
}

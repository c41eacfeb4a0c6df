/** BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT / CLOSE SNAPSHOT BACKUP_ID <id> SUCCESSFUL '<ebid>' | UNSUCCESSFUL. */
import type { Statement } from '../sql/statementAst';
import { BACKUP_STATE, DESTINATION_TYPE, ENTRY_TYPE, MESSAGE_OK, SOURCE_TYPE, SYSTEMDB } from '../sql/values';
import { HanaError, type SessionInfo, type StatementResult } from '../shared/types';
import { type BackupContext, parseUtc } from './backupContext';
import { setEntryState } from './dataBackups';
import { logPosition, startLogChain, stateOf } from './logState';
import { servicesOf } from './topology';

type CreateSnapshot = Extract<Statement, { kind: 'createSnapshot' }>;
type CloseSnapshot = Extract<Statement, { kind: 'closeSnapshot' }>;

function snapshotError(text: string): HanaError {
  return new HanaError(448, `snapshot operation failed: ${text}`);
}

function checkSystemDb(session: SessionInfo, target: CreateSnapshot['target']): void {
  if (session.database !== SYSTEMDB || target.kind === 'database') {
    throw snapshotError('data snapshots can only be created for the full system from the system database');
  }
}

export function preparedSnapshot(ctx: BackupContext): number | undefined {
  const row = ctx.engine.db
    .prepare(
      'SELECT BACKUP_ID FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND ENTRY_TYPE_NAME = ? AND STATE_NAME = ?',
    )
    .get(SYSTEMDB, ENTRY_TYPE.snapshot, BACKUP_STATE.prepared) as { BACKUP_ID: number } | undefined;
  return row?.BACKUP_ID;
}

export function createSnapshot(
  ctx: BackupContext,
  session: SessionInfo,
  stmt: CreateSnapshot,
): StatementResult {
  checkSystemDb(session, stmt.target);
  const existing = preparedSnapshot(ctx);
  if (existing !== undefined)
    throw snapshotError(`a data snapshot is already prepared (BACKUP_ID ${existing})`);
  const now = ctx.nowMs();
  const backupId = ctx.nextBackupId(now);
  // A data snapshot is of the full system: every database's catalog gets its entry, with the redo
  // log position of each of its volumes, so a tenant can be recovered USING SNAPSHOT.
  ctx.engine.transaction(() => {
    for (const database of ctx.topology.databases) {
      const entryId = ctx.nextEntryId();
      ctx.engine.insert('M_BACKUP_CATALOG', [
        {
          DATABASE_NAME: database,
          ENTRY_ID: entryId,
          ENTRY_TYPE_NAME: ENTRY_TYPE.snapshot,
          BACKUP_ID: backupId,
          SYS_START_TIME: ctx.sysTime(now),
          UTC_START_TIME: ctx.utcTime(now),
          STATE_NAME: BACKUP_STATE.prepared,
          COMMENT: stmt.comment ?? null,
          SYSTEM_ID: ctx.sid,
          SOURCE_DATABASE_NAME: database,
        },
      ]);
      ctx.engine.insert(
        'M_BACKUP_CATALOG_FILES',
        servicesOf(ctx.topology, database).map((s) => ({
          DATABASE_NAME: database,
          ENTRY_ID: entryId,
          BACKUP_ID: backupId,
          SOURCE_ID: s.volumeId,
          SOURCE_TYPE_NAME: SOURCE_TYPE.volume,
          HOST: s.host,
          SERVICE_TYPE_NAME: s.service,
          REDO_LOG_POSITION: logPosition(ctx, stateOf(ctx, s), now),
          BACKUP_SIZE: ctx.volumeSize(database, s.service, s.volumeId),
          DESTINATION_TYPE_NAME: DESTINATION_TYPE.snapshot,
        })),
      );
    }
  });
  return { kind: 'none' };
}

export function closeSnapshot(
  ctx: BackupContext,
  session: SessionInfo,
  stmt: CloseSnapshot,
): StatementResult {
  checkSystemDb(session, stmt.target);
  const row = ctx.engine.db
    .prepare(
      'SELECT STATE_NAME, UTC_START_TIME FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND BACKUP_ID = ? AND ENTRY_TYPE_NAME = ?',
    )
    .get(SYSTEMDB, stmt.backupId, ENTRY_TYPE.snapshot) as
    { STATE_NAME: string; UTC_START_TIME: string } | undefined;
  if (!row) throw snapshotError(`no data snapshot with BACKUP_ID ${stmt.backupId}`);
  if (row.STATE_NAME !== BACKUP_STATE.prepared) {
    throw snapshotError(`data snapshot ${stmt.backupId} is not prepared (state ${row.STATE_NAME})`);
  }
  const now = ctx.nowMs();
  ctx.engine.transaction(() => {
    for (const database of ctx.topology.databases) {
      if (stmt.successful) {
        setEntryState(ctx, database, stmt.backupId, BACKUP_STATE.successful, MESSAGE_OK, now);
        ctx.engine.runInternal(
          'UPDATE S_M_BACKUP_CATALOG_FILES SET EXTERNAL_BACKUP_ID = ? WHERE DATABASE_NAME = ? AND BACKUP_ID = ?',
          [stmt.externalBackupId ?? null, database, stmt.backupId],
        );
        const files = ctx.engine.db
          .prepare(
            'SELECT HOST, SOURCE_ID, REDO_LOG_POSITION FROM S_M_BACKUP_CATALOG_FILES WHERE DATABASE_NAME = ? AND BACKUP_ID = ?',
          )
          .all(database, stmt.backupId) as { HOST: string; SOURCE_ID: number; REDO_LOG_POSITION: number }[];
        const services = servicesOf(ctx.topology, database);
        const positions = files.flatMap((f) => {
          const s = services.find((x) => x.host === f.HOST && x.volumeId === f.SOURCE_ID);
          return s ? [{ host: s.host, port: s.port, position: f.REDO_LOG_POSITION }] : [];
        });
        if (positions.length) startLogChain(ctx, database, positions, parseUtc(row.UTC_START_TIME));
      } else {
        setEntryState(
          ctx,
          database,
          stmt.backupId,
          BACKUP_STATE.failed,
          stmt.message ?? 'snapshot closed as unsuccessful',
          now,
        );
      }
    }
  });
  return { kind: 'none' };
}

/** BACKUP CATALOG DELETE [FOR <db>] ALL BEFORE BACKUP_ID <id> | BACKUP_ID <id> [COMPLETE | WITH FILE | WITH BACKINT]. */
import type { Statement } from '../sql/statementAst';
import { BACKUP_STATE, DESTINATION_TYPE, ENTRY_TYPE, SYSTEMDB } from '../sql/values';
import { HanaError, type SessionInfo, type StatementResult } from '../shared/types';
import type { BackupContext } from './backupContext';
import { hasDatabase } from './topology';

type CatalogDeleteStatement = Extract<Statement, { kind: 'catalogDelete' }>;

function deleteError(text: string): HanaError {
  return new HanaError(448, `backup catalog deletion failed: ${text}`);
}

export function catalogDelete(
  ctx: BackupContext,
  session: SessionInfo,
  stmt: CatalogDeleteStatement,
): StatementResult {
  const database = (stmt.database ?? session.database).toUpperCase();
  if (database !== session.database && session.database !== SYSTEMDB) {
    throw deleteError(`FOR ${database} is only possible from the system database`);
  }
  if (!hasDatabase(ctx.topology, database)) throw new HanaError(259, `invalid database name: ${database}`);
  const db = ctx.engine.db;
  const entry = db
    .prepare(
      'SELECT ENTRY_TYPE_NAME, STATE_NAME FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND BACKUP_ID = ?',
    )
    .get(database, stmt.backupId) as { ENTRY_TYPE_NAME: string; STATE_NAME: string } | undefined;
  if (!entry) throw deleteError(`backup with BACKUP_ID ${stmt.backupId} not found in the backup catalog`);
  const busy = [BACKUP_STATE.running, BACKUP_STATE.cancelPending, BACKUP_STATE.prepared] as string[];
  let ids: number[];
  if (stmt.scope === 'allBefore') {
    if (entry.ENTRY_TYPE_NAME !== ENTRY_TYPE.complete && entry.ENTRY_TYPE_NAME !== ENTRY_TYPE.snapshot) {
      throw deleteError(
        `BACKUP_ID ${stmt.backupId} is not a complete data backup or data snapshot (it is a ${entry.ENTRY_TYPE_NAME})`,
      );
    }
    ids = (
      db
        .prepare(
          `SELECT BACKUP_ID FROM S_M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND BACKUP_ID < ?
           AND STATE_NAME NOT IN (${busy.map(() => '?').join(', ')})`,
        )
        .all(database, stmt.backupId, ...busy) as { BACKUP_ID: number }[]
    ).map((r) => r.BACKUP_ID);
  } else {
    if (busy.includes(entry.STATE_NAME)) {
      throw deleteError(
        `backup with BACKUP_ID ${stmt.backupId} is ${entry.STATE_NAME} and cannot be deleted`,
      );
    }
    ids = [stmt.backupId];
  }
  const physical =
    stmt.remove === 'complete'
      ? [DESTINATION_TYPE.file, DESTINATION_TYPE.backint]
      : stmt.remove === 'file'
        ? [DESTINATION_TYPE.file]
        : stmt.remove === 'backint'
          ? [DESTINATION_TYPE.backint]
          : [];
  ctx.engine.transaction(() => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS HS_DELETE_IDS (id INTEGER PRIMARY KEY)');
    db.exec('DELETE FROM HS_DELETE_IDS');
    const add = db.prepare('INSERT OR IGNORE INTO HS_DELETE_IDS (id) VALUES (?)');
    for (const id of ids) add.run(id);
    if (physical.length > 0) {
      const pieces = db
        .prepare(
          `SELECT DESTINATION_TYPE_NAME AS t, DESTINATION_PATH AS p, EXTERNAL_BACKUP_ID AS e FROM S_M_BACKUP_CATALOG_FILES
           WHERE DATABASE_NAME = ? AND BACKUP_ID IN (SELECT id FROM HS_DELETE_IDS)
           AND DESTINATION_TYPE_NAME IN (${physical.map(() => '?').join(', ')})`,
        )
        .all(database, ...physical) as { t: string; p: string | null; e: string | null }[];
      for (const piece of pieces) ctx.deletePiece(piece.t, piece.p, piece.e);
    }
    for (const table of ['S_M_BACKUP_CATALOG_FILES', 'S_M_BACKUP_CATALOG', 'S_M_BACKUP_PROGRESS']) {
      db.prepare(
        `DELETE FROM ${table} WHERE DATABASE_NAME = ? AND BACKUP_ID IN (SELECT id FROM HS_DELETE_IDS)`,
      ).run(database);
    }
  });
  return { kind: 'none' };
}

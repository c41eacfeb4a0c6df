/**
 * The statements a prune runs (facts §3.1), from the SYSTEMDB for any database. HANA takes no
 * parameters in BACKUP CATALOG DELETE: the database is a quoted identifier, the id a checked integer.
 */
import { identifier, integer, sql, type SqlStatement } from '../hana/sqlText';

function removal(deleteFromDestination: boolean): SqlStatement {
  return deleteFromDestination ? sql` COMPLETE` : sql``;
}

/**
 * `BACKUP CATALOG DELETE FOR <db> ALL BEFORE BACKUP_ID <id> [COMPLETE]`: every entry older than
 * the full or snapshot `backupId` (log backups included), not the entry itself.
 */
export function deleteAllBeforeStatement(
  database: string,
  backupId: string,
  deleteFromDestination: boolean,
): SqlStatement {
  return sql`BACKUP CATALOG DELETE FOR ${identifier(database)} ALL BEFORE BACKUP_ID ${integer(backupId)}${removal(deleteFromDestination)}`;
}

/** `BACKUP CATALOG DELETE FOR <db> BACKUP_ID <id> [COMPLETE]`: one data backup or snapshot. */
export function deleteBackupStatement(
  database: string,
  backupId: string,
  deleteFromDestination: boolean,
): SqlStatement {
  return sql`BACKUP CATALOG DELETE FOR ${identifier(database)} BACKUP_ID ${integer(backupId)}${removal(deleteFromDestination)}`;
}

/** The cutoff first: a single delete may name the cutoff entry itself, which ALL BEFORE leaves. */
export function pruneStatements(
  database: string,
  cutoffId: string | undefined,
  singleIds: readonly string[],
  deleteFromDestination: boolean,
): SqlStatement[] {
  return [
    ...(cutoffId === undefined ? [] : [deleteAllBeforeStatement(database, cutoffId, deleteFromDestination)]),
    ...singleIds.map((id) => deleteBackupStatement(database, id, deleteFromDestination)),
  ];
}

/** Everything the catalog knows about one backup: the entry and its files per service and volume. */
import type { SqlRunner } from '../hana/connectionPool';
import { sql } from '../hana/sqlText';
import { entriesStatement, toCatalogEntry } from './catalogSql';
import type { BackupDetails } from './catalogTypes';
import { toNumber, toOptionalId, toText } from './rowValues';

export async function readBackupDetails(
  runner: SqlRunner,
  database: string,
  backupId: string,
): Promise<BackupDetails | undefined> {
  const [entryRows, sourceRows, fileRows] = await Promise.all([
    runner.exec<Record<string, unknown>>(
      entriesStatement(sql`c.DATABASE_NAME = ${database} AND c.BACKUP_ID = ${backupId}`, sql``),
    ),
    runner.exec<Record<string, unknown>>(
      sql`SELECT TOP 1 SOURCE_DATABASE_NAME FROM SYS_DATABASES.M_BACKUP_CATALOG
           WHERE DATABASE_NAME = ${database} AND BACKUP_ID = ${backupId}`,
    ),
    runner.exec<Record<string, unknown>>(
      sql`SELECT HOST, SERVICE_TYPE_NAME, SOURCE_TYPE_NAME, BACKUP_SIZE, DESTINATION_TYPE_NAME, DESTINATION_PATH,
                 EXTERNAL_BACKUP_ID, REDO_LOG_POSITION, FIRST_REDO_LOG_POSITION, LAST_REDO_LOG_POSITION
            FROM SYS_DATABASES.M_BACKUP_CATALOG_FILES
           WHERE DATABASE_NAME = ${database} AND BACKUP_ID = ${backupId}
           ORDER BY HOST, SERVICE_TYPE_NAME, SOURCE_TYPE_NAME`,
    ),
  ]);
  if (entryRows.length === 0) return undefined;
  return {
    ...toCatalogEntry(entryRows[0]),
    database,
    sourceDatabase: toText(sourceRows[0]?.SOURCE_DATABASE_NAME),
    files: fileRows.map((row) => ({
      host: toText(row.HOST),
      service: toText(row.SERVICE_TYPE_NAME),
      sourceType: toText(row.SOURCE_TYPE_NAME),
      sizeBytes: toNumber(row.BACKUP_SIZE),
      destinationType: toText(row.DESTINATION_TYPE_NAME),
      destinationPath: toText(row.DESTINATION_PATH),
      externalBackupId: toText(row.EXTERNAL_BACKUP_ID),
      redoLogPosition: toOptionalId(row.REDO_LOG_POSITION),
      firstRedoLogPosition: toOptionalId(row.FIRST_REDO_LOG_POSITION),
      lastRedoLogPosition: toOptionalId(row.LAST_REDO_LOG_POSITION),
    })),
  };
}

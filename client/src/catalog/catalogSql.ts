/** SQL shared by the catalog queries: one entry with its size and destination, aggregated from its files. */
import { sql, type SqlStatement } from '../hana/sqlText';
import type { CatalogEntry } from './catalogTypes';
import { toDate, toId, toNumber, toText } from './rowValues';

/**
 * SELECT … FROM the SYSTEMDB's cross-database catalog, one row per entry. `where` and `tail` are
 * statements themselves (their values bound), so no caller writes SQL text with values in it.
 */
export function entriesStatement(where: SqlStatement, tail: SqlStatement): SqlStatement {
  return sql`SELECT c.BACKUP_ID, c.ENTRY_TYPE_NAME, c.STATE_NAME, c.SYS_START_TIME, c.SYS_END_TIME,
       c.COMMENT, c.MESSAGE, SUM(f.BACKUP_SIZE) AS BACKUP_SIZE, MAX(f.DESTINATION_TYPE_NAME) AS DESTINATION_TYPE_NAME
  FROM SYS_DATABASES.M_BACKUP_CATALOG c
  LEFT JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES f
    ON f.DATABASE_NAME = c.DATABASE_NAME AND f.ENTRY_ID = c.ENTRY_ID
 WHERE ${where}
 GROUP BY c.BACKUP_ID, c.ENTRY_TYPE_NAME, c.STATE_NAME, c.SYS_START_TIME, c.SYS_END_TIME, c.COMMENT, c.MESSAGE
 ${tail}`;
}

export function toCatalogEntry(row: Record<string, unknown>): CatalogEntry {
  return {
    backupId: toId(row.BACKUP_ID),
    entryType: toText(row.ENTRY_TYPE_NAME),
    state: toText(row.STATE_NAME),
    start: toDate(row.SYS_START_TIME) ?? new Date(0),
    end: toDate(row.SYS_END_TIME),
    comment: toText(row.COMMENT),
    message: toText(row.MESSAGE),
    sizeBytes: toNumber(row.BACKUP_SIZE),
    destination: toText(row.DESTINATION_TYPE_NAME),
  };
}

/** The server's clock: ages are measured against it, not against this machine's. */
export async function serverNow(runner: { exec<T>(statement: string): Promise<T[]> }): Promise<Date> {
  const rows = await runner.exec<Record<string, unknown>>('SELECT CURRENT_TIMESTAMP AS NOW FROM DUMMY');
  return toDate(rows[0]?.NOW) ?? new Date();
}

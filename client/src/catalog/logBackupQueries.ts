/** Log backups of one database: per day (aggregated by HANA) and the entries of one day, paged. */
import type { SqlRunner } from '../hana/connectionPool';
import { integer, sql } from '../hana/sqlText';
import { entriesStatement, toCatalogEntry } from './catalogSql';
import { ENTRY_TYPE, type CatalogEntry, type LogDay } from './catalogTypes';
import type { Page } from './dataBackupQueries';
import { toNumber, toText, toTimestampText } from './rowValues';

/** Days with log backups or gaps in [from, before), newest first. */
export async function readLogDays(
  runner: SqlRunner,
  database: string,
  range: { from: Date; before: Date },
): Promise<LogDay[]> {
  const rows = await runner.exec<Record<string, unknown>>(
    sql`SELECT TO_VARCHAR(SYS_START_TIME, 'YYYY-MM-DD') AS DAY, COUNT(*) AS N,
               SUM(CASE WHEN ENTRY_TYPE_NAME = ${ENTRY_TYPE.logMissing} THEN 1 ELSE 0 END) AS GAPS,
               SUM(CASE WHEN STATE_NAME = 'failed' THEN 1 ELSE 0 END) AS FAILED
          FROM SYS_DATABASES.M_BACKUP_CATALOG
         WHERE DATABASE_NAME = ${database} AND ENTRY_TYPE_NAME IN (${ENTRY_TYPE.log}, ${ENTRY_TYPE.logMissing})
           AND SYS_START_TIME >= ${toTimestampText(range.from)} AND SYS_START_TIME < ${toTimestampText(range.before)}
         GROUP BY TO_VARCHAR(SYS_START_TIME, 'YYYY-MM-DD')
         ORDER BY DAY DESC`,
  );
  return rows.map((row) => {
    const gaps = toNumber(row.GAPS);
    return {
      day: toText(row.DAY),
      count: toNumber(row.N) - gaps,
      gaps,
      failed: toNumber(row.FAILED),
    };
  });
}

/** Log backups and gaps of one day (YYYY-MM-DD, server time), newest first, one page. */
export async function readLogEntries(
  runner: SqlRunner,
  database: string,
  day: string,
  page: { offset: number; limit: number },
): Promise<Page<CatalogEntry>> {
  const from = new Date(`${day}T00:00:00.000Z`);
  const to = new Date(from.getTime() + 86_400_000);
  const rows = await runner.exec<Record<string, unknown>>(
    entriesStatement(
      sql`c.DATABASE_NAME = ${database} AND c.ENTRY_TYPE_NAME IN (${ENTRY_TYPE.log}, ${ENTRY_TYPE.logMissing})
          AND c.SYS_START_TIME >= ${toTimestampText(from)} AND c.SYS_START_TIME < ${toTimestampText(to)}`,
      sql`ORDER BY c.SYS_START_TIME DESC LIMIT ${integer(page.limit + 1)} OFFSET ${integer(page.offset)}`,
    ),
  );
  return { items: rows.slice(0, page.limit).map(toCatalogEntry), more: rows.length > page.limit };
}

/** Is there any log backup before `before`? */
export async function hasLogBackupsBefore(
  runner: SqlRunner,
  database: string,
  before: Date,
): Promise<boolean> {
  const rows = await runner.exec(
    sql`SELECT TOP 1 BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG
         WHERE DATABASE_NAME = ${database} AND ENTRY_TYPE_NAME IN (${ENTRY_TYPE.log}, ${ENTRY_TYPE.logMissing})
           AND SYS_START_TIME < ${toTimestampText(before)}`,
  );
  return rows.length > 0;
}

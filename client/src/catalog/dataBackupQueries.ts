/**
 * Data backups of one database: the recent ones one by one, older ones per ISO week (aggregated by
 * HANA), every list a page bounded by TOP/LIMIT and a time range.
 */
import type { SqlRunner } from '../hana/connectionPool';
import { integer, sql } from '../hana/sqlText';
import { entriesStatement, toCatalogEntry } from './catalogSql';
import { DATA_ENTRY_TYPES, ENTRY_TYPE, type CatalogEntry, type WeekGroup } from './catalogTypes';
import { toDate, toNumber, toText, toTimestampText } from './rowValues';

const [COMPLETE, DIFFERENTIAL, INCREMENTAL] = DATA_ENTRY_TYPES;

export interface Page<T> {
  items: T[];
  /** More rows exist after this page. */
  more: boolean;
}

/** Data backups (not snapshots) started in [from, to), newest first: one page from `offset`. */
export async function readDataBackups(
  runner: SqlRunner,
  database: string,
  range: { from: Date; to?: Date },
  page: { offset: number; limit: number },
): Promise<Page<CatalogEntry>> {
  const to = range.to ? sql` AND c.SYS_START_TIME < ${toTimestampText(range.to)}` : sql``;
  const rows = await runner.exec<Record<string, unknown>>(
    entriesStatement(
      sql`c.DATABASE_NAME = ${database} AND c.ENTRY_TYPE_NAME IN (${COMPLETE}, ${DIFFERENTIAL}, ${INCREMENTAL})
          AND c.SYS_START_TIME >= ${toTimestampText(range.from)}${to}`,
      sql`ORDER BY c.SYS_START_TIME DESC LIMIT ${integer(page.limit + 1)} OFFSET ${integer(page.offset)}`,
    ),
  );
  return { items: rows.slice(0, page.limit).map(toCatalogEntry), more: rows.length > page.limit };
}

/** Data backups per ISO week, started before `before` and not before `from`, newest week first. */
export async function readDataBackupWeeks(
  runner: SqlRunner,
  database: string,
  range: { from: Date; before: Date },
): Promise<WeekGroup[]> {
  const rows = await runner.exec<Record<string, unknown>>(
    sql`SELECT ISOWEEK(SYS_START_TIME) AS WEEK, MIN(SYS_START_TIME) AS FIRST, MAX(SYS_START_TIME) AS LAST,
               COUNT(*) AS N,
               SUM(CASE WHEN STATE_NAME = 'successful' THEN 1 ELSE 0 END) AS OK,
               SUM(CASE WHEN STATE_NAME = 'failed' THEN 1 ELSE 0 END) AS FAILED
          FROM SYS_DATABASES.M_BACKUP_CATALOG
         WHERE DATABASE_NAME = ${database} AND ENTRY_TYPE_NAME IN (${COMPLETE}, ${DIFFERENTIAL}, ${INCREMENTAL})
           AND SYS_START_TIME >= ${toTimestampText(range.from)} AND SYS_START_TIME < ${toTimestampText(range.before)}
         GROUP BY ISOWEEK(SYS_START_TIME)
         ORDER BY WEEK DESC`,
  );
  return rows.map((row) => ({
    week: toText(row.WEEK),
    first: toDate(row.FIRST) ?? new Date(0),
    last: toDate(row.LAST) ?? new Date(0),
    count: toNumber(row.N),
    successful: toNumber(row.OK),
    failed: toNumber(row.FAILED),
  }));
}

/** Is there any data backup before `before`? (Whether "older weeks" can offer more.) */
export async function hasDataBackupsBefore(
  runner: SqlRunner,
  database: string,
  before: Date,
): Promise<boolean> {
  const rows = await runner.exec(
    sql`SELECT TOP 1 BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG
         WHERE DATABASE_NAME = ${database} AND ENTRY_TYPE_NAME = ${ENTRY_TYPE.complete}
           AND SYS_START_TIME < ${toTimestampText(before)}`,
  );
  return rows.length > 0;
}

/** Snapshots of one database, newest first, one page. */
export async function readSnapshots(
  runner: SqlRunner,
  database: string,
  page: { offset: number; limit: number },
): Promise<Page<CatalogEntry>> {
  const rows = await runner.exec<Record<string, unknown>>(
    entriesStatement(
      sql`c.DATABASE_NAME = ${database} AND c.ENTRY_TYPE_NAME = ${ENTRY_TYPE.snapshot}`,
      sql`ORDER BY c.SYS_START_TIME DESC LIMIT ${integer(page.limit + 1)} OFFSET ${integer(page.offset)}`,
    ),
  );
  return { items: rows.slice(0, page.limit).map(toCatalogEntry), more: rows.length > page.limit };
}

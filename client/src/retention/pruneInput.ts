/**
 * What a prune plan is made from, read with bounded queries: every data backup and snapshot of the
 * database (a few hundred a year) with its size, and the log backups only as HANA's own counts and
 * sums per span between two possible cutoffs — never the log backups themselves, of which a
 * catalog may hold a million. Times are the UTC columns: retention counts in the policy's zone.
 */
import { ENTRY_TYPE } from '../catalog/catalogTypes';
import { toDate, toId, toNumber, toText } from '../catalog/rowValues';
import type { SqlRunner } from '../hana/connectionPool';
import { integer, sql, type SqlStatement } from '../hana/sqlText';
import type { DataEntry, DataKind, LogSpan, PruneInput } from './pruneTypes';

type Row = Record<string, unknown>;

const KIND_OF_TYPE: Record<string, DataKind> = {
  [ENTRY_TYPE.complete]: 'full',
  [ENTRY_TYPE.differential]: 'differential',
  [ENTRY_TYPE.incremental]: 'incremental',
  [ENTRY_TYPE.snapshot]: 'snapshot',
};

export async function readPruneInput(runner: SqlRunner, database: string): Promise<PruneInput> {
  const [nowRows, dataRows] = await Promise.all([
    runner.exec<Row>('SELECT CURRENT_UTCTIMESTAMP AS NOW FROM DUMMY'),
    runner.exec<Row>(
      sql`SELECT c.BACKUP_ID, c.ENTRY_TYPE_NAME, c.STATE_NAME, c.UTC_START_TIME, SUM(f.BACKUP_SIZE) AS BACKUP_SIZE
            FROM SYS_DATABASES.M_BACKUP_CATALOG c
            LEFT JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES f
              ON f.DATABASE_NAME = c.DATABASE_NAME AND f.ENTRY_ID = c.ENTRY_ID
           WHERE c.DATABASE_NAME = ${database}
             AND c.ENTRY_TYPE_NAME IN (${ENTRY_TYPE.complete}, ${ENTRY_TYPE.differential}, ${ENTRY_TYPE.incremental}, ${ENTRY_TYPE.snapshot})
           GROUP BY c.BACKUP_ID, c.ENTRY_TYPE_NAME, c.STATE_NAME, c.UTC_START_TIME
           ORDER BY c.BACKUP_ID`,
    ),
  ]);
  const now = toDate(nowRows[0]?.NOW);
  if (!now) throw new Error(`The server of ${runner.name} did not say what time it is.`);
  const data: DataEntry[] = dataRows.map((row) => ({
    backupId: toId(row.BACKUP_ID),
    kind: KIND_OF_TYPE[toText(row.ENTRY_TYPE_NAME)],
    state: toText(row.STATE_NAME),
    start: toDate(row.UTC_START_TIME) ?? new Date(0),
    sizeBytes: toNumber(row.BACKUP_SIZE),
  }));
  const boundaries = data
    .filter((e) => (e.kind === 'full' || e.kind === 'snapshot') && e.state === 'successful')
    .map((e) => e.backupId);
  return { database, now, data, logs: await readLogSpans(runner, database, boundaries) };
}

/**
 * The index of the span a BACKUP_ID falls in — how many boundaries are at or below it — as a
 * binary search of nested CASEs, so each log row costs log2(boundaries) comparisons. The ids are
 * inlined (checked integers): GROUP BY must repeat the expression, and parameters would make the
 * two copies different expressions to HANA.
 */
function spanIndex(boundaries: readonly string[], lo: number, hi: number): SqlStatement {
  if (lo === hi) return sql`${integer(lo)}`;
  const mid = Math.floor((lo + hi + 1) / 2);
  return sql`CASE WHEN c.BACKUP_ID < ${integer(boundaries[mid - 1])} THEN ${spanIndex(boundaries, lo, mid - 1)} ELSE ${spanIndex(boundaries, mid, hi)} END`;
}

/** Log backups and 'log missing' entries per span between the sorted `boundaries`. */
async function readLogSpans(
  runner: SqlRunner,
  database: string,
  boundaries: readonly string[],
): Promise<LogSpan[]> {
  const span = spanIndex(boundaries, 0, boundaries.length);
  // Without boundaries the index is the constant 0: one span, no grouping needed.
  const grouping = boundaries.length > 0 ? sql` GROUP BY ${span}` : sql``;
  const rows = await runner.exec<Row>(
    sql`SELECT ${span} AS SPAN,
               COUNT(DISTINCT CASE WHEN c.ENTRY_TYPE_NAME = ${ENTRY_TYPE.log} THEN c.ENTRY_ID END) AS N,
               COUNT(DISTINCT CASE WHEN c.ENTRY_TYPE_NAME = ${ENTRY_TYPE.logMissing} THEN c.ENTRY_ID END) AS MISSING,
               SUM(CASE WHEN c.ENTRY_TYPE_NAME = ${ENTRY_TYPE.log} THEN f.BACKUP_SIZE ELSE 0 END) AS BYTES
          FROM SYS_DATABASES.M_BACKUP_CATALOG c
          LEFT JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES f
            ON f.DATABASE_NAME = c.DATABASE_NAME AND f.ENTRY_ID = c.ENTRY_ID
         WHERE c.DATABASE_NAME = ${database} AND c.ENTRY_TYPE_NAME IN (${ENTRY_TYPE.log}, ${ENTRY_TYPE.logMissing})${grouping}`,
  );
  return rows
    .map((row) => ({
      index: toNumber(row.SPAN),
      span: {
        beforeId: boundaries[toNumber(row.SPAN)],
        count: toNumber(row.N),
        bytes: toNumber(row.BYTES),
        missing: toNumber(row.MISSING),
      },
    }))
    .sort((a, b) => a.index - b.index)
    .map(({ span: s }) => s);
}

/**
 * One database's state at a glance: the window it can be recovered to, the newest full backup, the
 * age of the last log backup and the largest log backup interval. Every query is bounded by an index
 * prefix (database, entry type, time) and a TOP, so the cost does not grow with the catalog.
 */
import type { SqlRunner } from '../hana/connectionPool';
import { sql } from '../hana/sqlText';
import { LAYER_ORDER } from './backupParameters';
import { entriesStatement, serverNow, toCatalogEntry } from './catalogSql';
import { DATA_ENTRY_TYPES, ENTRY_TYPE, type DatabaseSummary, type RecoverableWindow } from './catalogTypes';
import { toDate, toNumber, toText, toTimestampText } from './rowValues';

/** How many recent log backups the interval check looks at (one page). */
export const LOG_SAMPLE = 200;
/** The span the log backup counts cover. */
export const RECENT_DAYS = 30;

type Row = Record<string, unknown>;

export async function readDatabaseSummary(runner: SqlRunner, database: string): Promise<DatabaseSummary> {
  const now = await serverNow(runner);
  const newest = (type: string, order: 'ASC' | 'DESC', after?: Date) =>
    runner.exec<Row>(
      sql`SELECT TOP 1 BACKUP_ID, SYS_START_TIME, SYS_END_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG
           WHERE DATABASE_NAME = ${database} AND ENTRY_TYPE_NAME = ${type} AND STATE_NAME = 'successful'
             AND SYS_START_TIME > ${toTimestampText(after ?? new Date(0))}
           ORDER BY SYS_START_TIME ${order === 'ASC' ? sql`ASC` : sql`DESC`}`,
    );
  const [logModeRows, gapRows, fullRows, lastLogRows, activeRows] = await Promise.all([
    runner.exec<Row>(
      sql`SELECT LAYER_NAME, VALUE FROM M_INIFILE_CONTENTS
           WHERE FILE_NAME = 'global.ini' AND SECTION = 'persistence' AND KEY = 'log_mode'
             AND LAYER_NAME <> 'HOST' AND (LAYER_NAME <> 'DATABASE' OR TENANT_NAME = ${database})`,
    ),
    runner.exec<Row>(
      sql`SELECT TOP 1 SYS_START_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG
           WHERE DATABASE_NAME = ${database} AND ENTRY_TYPE_NAME = ${ENTRY_TYPE.logMissing}
           ORDER BY SYS_START_TIME DESC`,
    ),
    runner.exec<Row>(
      entriesStatement(
        sql`c.DATABASE_NAME = ${database} AND c.ENTRY_TYPE_NAME = ${ENTRY_TYPE.complete} AND c.STATE_NAME = 'successful'`,
        sql`ORDER BY c.SYS_START_TIME DESC LIMIT 1`,
      ),
    ),
    newest(ENTRY_TYPE.log, 'DESC'),
    runner.exec<Row>(
      sql`SELECT ENTRY_TYPE_NAME, STATE_NAME, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG
           WHERE DATABASE_NAME = ${database}
             AND ENTRY_TYPE_NAME IN (${DATA_ENTRY_TYPES[0]}, ${DATA_ENTRY_TYPES[1]}, ${DATA_ENTRY_TYPES[2]}, ${ENTRY_TYPE.snapshot})
             AND STATE_NAME IN ('running', 'cancel pending', 'prepared')
           GROUP BY ENTRY_TYPE_NAME, STATE_NAME`,
    ),
  ]);
  const logMode =
    logModeRows
      .map((r) => ({ layer: toText(r.LAYER_NAME).toUpperCase(), value: toText(r.VALUE).toLowerCase() }))
      .sort((a, b) => LAYER_ORDER.indexOf(b.layer) - LAYER_ORDER.indexOf(a.layer))[0]?.value ?? 'normal';
  const lastGap = toDate(gapRows[0]?.SYS_START_TIME);
  const lastLogBackup = toDate(lastLogRows[0]?.SYS_END_TIME);

  // Data backups do not need the log: a delta after a gap, on a full from before it, starts a chain.
  const firsts = await Promise.all(
    [...DATA_ENTRY_TYPES, ENTRY_TYPE.snapshot].map((type) => newest(type, 'ASC', lastGap)),
  );
  const bases = firsts
    .flat()
    .map((r) => toDate(r.SYS_END_TIME))
    .filter((d): d is Date => d !== undefined)
    .sort((a, b) => a.getTime() - b.getTime());
  const window = recoverableWindow(logMode, bases[0], lastLogBackup, lastGap);

  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000);
  const [countRows, sampleRows] = await Promise.all([
    runner.exec<Row>(
      sql`SELECT ENTRY_TYPE_NAME, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG
           WHERE DATABASE_NAME = ${database} AND ENTRY_TYPE_NAME IN (${ENTRY_TYPE.log}, ${ENTRY_TYPE.logMissing})
             AND SYS_START_TIME >= ${toTimestampText(since)}
           GROUP BY ENTRY_TYPE_NAME`,
    ),
    runner.exec<Row>(
      sql`SELECT c.SYS_END_TIME, f.HOST, f.SERVICE_TYPE_NAME
            FROM SYS_DATABASES.M_BACKUP_CATALOG c
            JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES f ON f.DATABASE_NAME = c.DATABASE_NAME AND f.ENTRY_ID = c.ENTRY_ID
           WHERE c.DATABASE_NAME = ${database} AND c.ENTRY_TYPE_NAME = ${ENTRY_TYPE.log} AND c.STATE_NAME = 'successful'
           ORDER BY c.SYS_START_TIME DESC LIMIT ${LOG_SAMPLE}`,
    ),
  ]);
  const count = (type: string) => toNumber(countRows.find((r) => toText(r.ENTRY_TYPE_NAME) === type)?.N);
  const active = (state: string) =>
    activeRows.filter((r) => toText(r.STATE_NAME) === state).reduce((n, r) => n + toNumber(r.N), 0);
  return {
    database,
    now,
    logMode,
    window,
    newestFull: fullRows[0] ? toCatalogEntry(fullRows[0]) : undefined,
    lastLogBackup,
    lastGap,
    logBackupsRecent: count(ENTRY_TYPE.log),
    gapsRecent: count(ENTRY_TYPE.logMissing),
    maxLogGapSeconds: maxIntervalSeconds(sampleRows, now),
    logSample: sampleRows.length,
    runningBackups: active('running') + active('cancel pending'),
    preparedSnapshots: active('prepared'),
  };
}

/**
 * The continuous window that ends now: from the first data backup (full, delta or snapshot) after
 * the last 'log missing' entry, through the log backups, to the newest one. Without log backups (log_mode
 * overwrite) there is no window, only the data backups themselves.
 */
export function recoverableWindow(
  logMode: string,
  firstBase: Date | undefined,
  lastLogBackup: Date | undefined,
  lastGap: Date | undefined,
): RecoverableWindow {
  if (logMode === 'overwrite')
    return { reason: 'log_mode is overwrite: no log backups, recovery only to a data backup' };
  if (!firstBase)
    return {
      reason: lastGap
        ? `no data backup since the log gap of ${lastGap.toISOString().slice(0, 16).replace('T', ' ')}`
        : 'no successful full backup',
    };
  const until = lastLogBackup && lastLogBackup > firstBase ? lastLogBackup : firstBase;
  return { from: firstBase, until };
}

/**
 * Largest interval between consecutive log backups of one service (a volume's log is backed up on
 * its own rhythm, so merging services would hide a slow host), and from the newest to now.
 */
export function maxIntervalSeconds(rows: Row[], now: Date): number | undefined {
  const byService = new Map<string, number[]>();
  for (const row of rows) {
    const end = toDate(row.SYS_END_TIME);
    if (!end) continue;
    const key = `${toText(row.HOST)}:${toText(row.SERVICE_TYPE_NAME)}`;
    byService.set(key, [...(byService.get(key) ?? []), end.getTime()]);
  }
  let max: number | undefined;
  for (const times of byService.values()) {
    times.sort((a, b) => b - a);
    const intervals = [now.getTime() - times[0], ...times.slice(1).map((t, i) => times[i] - t)];
    for (const ms of intervals) max = Math.max(max ?? 0, Math.round(ms / 1000));
  }
  return max;
}

/**
 * "Run due backups": what the catalog says each kind of data backup last achieved, and running the
 * backups the policy's schedules make due. Which ones are due is decided by the language service's
 * dueRuns (the schedules are its business); this file reads its inputs and acts on its answer. No
 * VS Code here: the command and the CLI both use it.
 */
import type { DataKind } from '../../../server/src/languageService/model/policyModel';
import type { DueRun } from '../../../server/src/languageService/operations/dueRuns';
import { ENTRY_TYPE } from '../catalog/catalogTypes';
import { toDate } from '../catalog/rowValues';
import type { SqlRunner } from '../hana/connectionPool';
import { sql, type BackupType } from '../hana/sqlText';
import {
  BackupStateUnknown,
  defaultBackupPrefix,
  runDataBackup,
  type BackupProgress,
  type BackupRequest,
} from '../operations/backupRun';

export interface RunDueRequest {
  database: string;
  /** dueRuns' answer for this database. */
  due: readonly DueRun[];
  /** The policy's data destination. */
  destination: 'file' | 'backint';
  sid: string;
  /** Named in each backup's catalog comment. */
  policy?: string;
}

export interface RunDueOptions {
  signal?: AbortSignal;
  onProgress?(kind: DataKind, progress: BackupProgress): void;
  pollIntervalMs?: number;
}

export interface DueRunResult {
  kind: DataKind;
  occurrence: Date;
  /**
   * The backup's final state; `refused` when HANA did not start it; `unknown` when HANA could not be
   * reached again to say how it went; `not-started` when the run was aborted before it;
   * `needs-snapshot-command` for a snapshot (taken with the policy's command).
   */
  status:
    'successful' | 'failed' | 'canceled' | 'refused' | 'unknown' | 'not-started' | 'needs-snapshot-command';
  backupId?: string;
  message?: string;
}

const ENTRY_TYPES: Record<DataKind, string> = {
  full: ENTRY_TYPE.complete,
  differential: ENTRY_TYPE.differential,
  incremental: ENTRY_TYPE.incremental,
  snapshot: ENTRY_TYPE.snapshot,
};
const BACKUP_TYPES: Record<Exclude<DataKind, 'snapshot'>, BackupType> = {
  full: 'complete',
  differential: 'differential',
  incremental: 'incremental',
};

/**
 * When each kind of data backup of `database` last started and succeeded (UTC), read on a SYSTEMDB
 * connection: one newest entry per kind, so the cost does not grow with the catalog.
 */
export async function lastSuccessfulBackups(
  runner: SqlRunner,
  database: string,
): Promise<Partial<Record<DataKind, Date>>> {
  const kinds = Object.keys(ENTRY_TYPES) as DataKind[];
  const newest = await Promise.all(
    kinds.map(async (kind) => {
      const rows = await runner.exec<Record<string, unknown>>(
        sql`SELECT TOP 1 UTC_START_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG
             WHERE DATABASE_NAME = ${database} AND ENTRY_TYPE_NAME = ${ENTRY_TYPES[kind]}
               AND STATE_NAME = 'successful'
             ORDER BY UTC_START_TIME DESC`,
      );
      return [kind, toDate(rows[0]?.UTC_START_TIME)] as const;
    }),
  );
  return Object.fromEntries(newest.filter(([, date]) => date !== undefined));
}

/** The server's clock in UTC: the catalog's times and the schedules are measured against it. */
export async function serverUtcNow(runner: SqlRunner): Promise<Date> {
  const rows = await runner.exec<Record<string, unknown>>('SELECT CURRENT_UTCTIMESTAMP AS NOW FROM DUMMY');
  const now = toDate(rows[0]?.NOW);
  if (!now) throw new Error(`${runner.name} did not tell its time.`);
  return now;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The backup each due run takes (snapshots excluded), so that a caller can show them before they run. */
export function dueBackups(
  request: RunDueRequest,
  now: Date,
): { run: DueRun & { kind: Exclude<DataKind, 'snapshot'> }; backup: BackupRequest }[] {
  return request.due
    .filter((run): run is DueRun & { kind: Exclude<DataKind, 'snapshot'> } => run.kind !== 'snapshot')
    .map((run) => {
      const type = BACKUP_TYPES[run.kind];
      const scheduled = `${run.kind} scheduled ${run.occurrence.toISOString()}`;
      return {
        run,
        backup: {
          database: request.database,
          type,
          destination: request.destination,
          prefix: defaultBackupPrefix(request.database, type, request.destination, request.sid, now),
          comment: request.policy ? `policy ${request.policy}: ${scheduled}` : scheduled,
        },
      };
    });
}

async function runOne(
  runner: SqlRunner,
  request: RunDueRequest,
  run: DueRun,
  backup: BackupRequest,
  options: RunDueOptions,
): Promise<DueRunResult> {
  try {
    const outcome = await runDataBackup(runner, backup, {
      signal: options.signal,
      pollIntervalMs: options.pollIntervalMs,
      sid: request.sid,
      onProgress: (progress) => options.onProgress?.(run.kind, progress),
    });
    const { state: status, backupId, message } = outcome;
    return { kind: run.kind, occurrence: run.occurrence, status, backupId, ...(message ? { message } : {}) };
  } catch (error) {
    const status = error instanceof BackupStateUnknown ? 'unknown' : 'refused';
    return { kind: run.kind, occurrence: run.occurrence, status, message: errorText(error) };
  }
}

/**
 * Runs the due backups one after the other, in dueRuns' order (full before deltas): HANA runs one
 * data backup per database at a time. A snapshot is only reported: it needs the policy's snapshot
 * command between CREATE and CLOSE SNAPSHOT, which the snapshot operation runs. After an abort the
 * rest is not started.
 */
export async function runDue(
  runner: SqlRunner,
  request: RunDueRequest,
  options: RunDueOptions = {},
): Promise<DueRunResult[]> {
  const backups = dueBackups(request, new Date());
  const results: DueRunResult[] = [];
  for (const run of request.due) {
    const { kind, occurrence } = run;
    const planned = backups.find((b) => b.run === run);
    if (!planned) {
      results.push({ kind, occurrence, status: 'needs-snapshot-command' });
    } else if (options.signal?.aborted) {
      results.push({ kind, occurrence, status: 'not-started' });
    } else {
      results.push(await runOne(runner, request, run, planned.backup, options));
    }
  }
  return results;
}

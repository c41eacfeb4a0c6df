/**
 * Reads the part of a database's backup catalog a recovery plan needs — never the whole catalog.
 * Every query goes through an index prefix of the SYSTEMDB's cross-database views: (DATABASE_NAME,
 * ENTRY_TYPE_NAME, SYS_START_TIME) with a TOP or a time range, or (DATABASE_NAME, BACKUP_ID):
 *
 * 1. the server clock and the effective log_mode;
 * 2. the base candidate (newest successful complete data backup — or data snapshot — at or before
 *    the point) or the data backup named;
 * 3. the latest differential after it, then the incrementals after that, up to the point;
 * 4. the log backups of the last data backup's volumes from its start to the point, then per volume
 *    the first log backup past the point, the 'log missing' entries over that span, and the next
 *    data backup after the point (a new chain, should there be a gap).
 *
 * Ranges are on SYS_START_TIME (indexed, server time) widened by the server's UTC offset and an
 * hour of slack (a daylight saving change between the point and now), then cut exactly on
 * UTC_START_TIME: the planner works in UTC.
 */
import { LAYER_ORDER } from '../catalog/backupParameters';
import { ENTRY_TYPE } from '../catalog/catalogTypes';
import { toDate, toId, toNumber, toText, toTimestampText } from '../catalog/rowValues';
import type { SqlRunner } from '../hana/connectionPool';
import { sql, type SqlParameter, type SqlStatement } from '../hana/sqlText';
import { isDataBackup, targetPoint, volumePieces } from './planner';
import type { LogModeSetting, RecoverySlice, RecoveryTarget, SliceEntry, SliceFile } from './recoveryTypes';

type Row = Record<string, unknown>;

/** A daylight saving change between a catalog time and now shifts the server's offset by up to this. */
const SERVER_TIME_SLACK_MS = 3_600_000;
const SUCCESSFUL = 'successful';

const ENTRY_COLUMNS = sql`c.BACKUP_ID, c.ENTRY_TYPE_NAME, c.STATE_NAME, c.UTC_START_TIME, c.MESSAGE`;
const FILE_COLUMNS = sql`f.SOURCE_ID, f.SOURCE_TYPE_NAME, f.HOST, f.SERVICE_TYPE_NAME, f.REDO_LOG_POSITION,
       f.FIRST_REDO_LOG_POSITION, f.LAST_REDO_LOG_POSITION, f.BACKUP_SIZE, f.DESTINATION_TYPE_NAME,
       f.DESTINATION_PATH, f.EXTERNAL_BACKUP_ID`;
const CATALOG = sql`SYS_DATABASES.M_BACKUP_CATALOG c`;
const WITH_FILES = sql`SYS_DATABASES.M_BACKUP_CATALOG c
  LEFT JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES f ON f.DATABASE_NAME = c.DATABASE_NAME AND f.ENTRY_ID = c.ENTRY_ID`;

function toPosition(value: unknown): bigint | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : undefined;
  return /^-?\d+$/.test(String(value).trim()) ? BigInt(String(value).trim()) : undefined;
}

function toEntry(row: Row): SliceEntry {
  return {
    backupId: toId(row.BACKUP_ID),
    entryType: toText(row.ENTRY_TYPE_NAME),
    state: toText(row.STATE_NAME),
    utcStart: toDate(row.UTC_START_TIME) ?? new Date(0),
    message: toText(row.MESSAGE),
    files: [],
  };
}

function toFile(row: Row): SliceFile {
  return {
    host: toText(row.HOST),
    serviceType: toText(row.SERVICE_TYPE_NAME),
    volumeId: row.SOURCE_ID === null || row.SOURCE_ID === undefined ? undefined : toNumber(row.SOURCE_ID),
    sourceType: toText(row.SOURCE_TYPE_NAME),
    redoLogPosition: toPosition(row.REDO_LOG_POSITION),
    firstRedoLogPosition: toPosition(row.FIRST_REDO_LOG_POSITION),
    lastRedoLogPosition: toPosition(row.LAST_REDO_LOG_POSITION),
    sizeBytes: toNumber(row.BACKUP_SIZE),
    destinationType: toText(row.DESTINATION_TYPE_NAME),
    destinationPath: toText(row.DESTINATION_PATH),
    externalBackupId: toText(row.EXTERNAL_BACKUP_ID),
  };
}

/** Rows of an entry-with-files join, one entry per BACKUP_ID in the order they came. */
function groupEntries(rows: Row[]): SliceEntry[] {
  const entries = new Map<string, SliceEntry>();
  for (const row of rows) {
    const id = toId(row.BACKUP_ID);
    let entry = entries.get(id);
    if (!entry) {
      entry = toEntry(row);
      entries.set(id, entry);
    }
    if (row.SOURCE_TYPE_NAME !== null && row.SOURCE_TYPE_NAME !== undefined) entry.files.push(toFile(row));
  }
  return [...entries.values()];
}

/** BACKUP_IDs bound as numbers where exact, as text beyond 2^53. */
function idParameter(id: string): SqlParameter {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : id;
}

function commaList(values: SqlParameter[]): SqlStatement {
  return values.slice(1).reduce<SqlStatement>((list, v) => sql`${list}, ${v}`, sql`${values[0]}`);
}

async function readClock(runner: SqlRunner): Promise<{ now: Date; offsetMinutes: number }> {
  const [row] = await runner.exec<Row>(
    'SELECT CURRENT_TIMESTAMP AS SYS_NOW, CURRENT_UTCTIMESTAMP AS UTC_NOW FROM DUMMY',
  );
  const now = toDate(row?.UTC_NOW) ?? new Date();
  const sys = toDate(row?.SYS_NOW) ?? now;
  return { now, offsetMinutes: Math.round((sys.getTime() - now.getTime()) / 60_000) };
}

async function readLogMode(runner: SqlRunner, database: string): Promise<LogModeSetting> {
  const rows = await runner.exec<Row>(
    sql`SELECT LAYER_NAME, HOST, VALUE FROM M_INIFILE_CONTENTS
         WHERE FILE_NAME = 'global.ini' AND SECTION = 'persistence' AND KEY = 'log_mode'
           AND (LAYER_NAME <> 'DATABASE' OR TENANT_NAME = ${database})`,
  );
  const values = rows.map((r) => ({
    layer: toText(r.LAYER_NAME).toUpperCase(),
    host: toText(r.HOST),
    value: toText(r.VALUE).trim().toLowerCase(),
  }));
  const effective = values
    .filter((v) => v.layer !== 'HOST')
    .sort((a, b) => LAYER_ORDER.indexOf(b.layer) - LAYER_ORDER.indexOf(a.layer))[0] ?? {
    layer: 'DEFAULT',
    value: 'normal',
  };
  return {
    value: effective.value,
    layer: effective.layer,
    hostOverrides: values
      .filter((v) => v.layer === 'HOST' && v.value !== effective.value)
      .map((v) => ({ host: v.host, value: v.value })),
  };
}

/** The queries of one slice, sharing the database and the server's offset from UTC. */
class SliceQueries {
  constructor(
    private readonly runner: SqlRunner,
    private readonly database: string,
    private readonly offsetMs: number,
  ) {}

  /** `SYS_START_TIME` bound for a UTC instant, widened outwards by the slack. */
  private sys(utc: Date, side: 'from' | 'to'): string {
    const slack = side === 'from' ? -SERVER_TIME_SLACK_MS : SERVER_TIME_SLACK_MS;
    return toTimestampText(new Date(utc.getTime() + this.offsetMs + slack));
  }

  /** `c.UTC_START_TIME` within (after, upTo] — either end open — and the SYS_START_TIME range around it. */
  private span(after: Date | undefined, upTo: Date | undefined, includeAfter = false): SqlStatement {
    const from = after
      ? sql` AND c.SYS_START_TIME >= ${this.sys(after, 'from')} AND c.UTC_START_TIME ${includeAfter ? sql`>=` : sql`>`} ${toTimestampText(after)}`
      : sql``;
    const to = upTo
      ? sql` AND c.SYS_START_TIME <= ${this.sys(upTo, 'to')} AND c.UTC_START_TIME <= ${toTimestampText(upTo)}`
      : sql``;
    return sql`${from}${to}`;
  }

  private where(types: string[], state: string | undefined): SqlStatement {
    const stateFilter = state === undefined ? sql`` : sql` AND c.STATE_NAME = ${state}`;
    return sql`c.DATABASE_NAME = ${this.database} AND c.ENTRY_TYPE_NAME IN (${commaList(types)})${stateFilter}`;
  }

  /** The newest (or oldest) successful entry of these types in the span, without files. */
  async one(
    types: string[],
    order: 'newest' | 'oldest',
    after: Date | undefined,
    upTo: Date | undefined,
  ): Promise<SliceEntry | undefined> {
    const direction = order === 'newest' ? sql`DESC` : sql`ASC`;
    const rows = await this.runner.exec<Row>(
      sql`SELECT TOP 1 ${ENTRY_COLUMNS} FROM ${CATALOG}
           WHERE ${this.where(types, SUCCESSFUL)}${this.span(after, upTo)}
           ORDER BY c.SYS_START_TIME ${direction}, c.BACKUP_ID ${direction}`,
    );
    return rows[0] ? toEntry(rows[0]) : undefined;
  }

  /** Every successful entry of these types in the span, with its files, oldest first. */
  async range(types: string[], after: Date, upTo: Date, includeAfter = false): Promise<SliceEntry[]> {
    const rows = await this.runner.exec<Row>(
      sql`SELECT ${ENTRY_COLUMNS}, ${FILE_COLUMNS} FROM ${WITH_FILES}
           WHERE ${this.where(types, SUCCESSFUL)}${this.span(after, upTo, includeAfter)}
           ORDER BY c.SYS_START_TIME, c.BACKUP_ID`,
    );
    return groupEntries(rows);
  }

  /** 'log missing' entries (any state) with their files in the span. */
  async logMissing(after: Date, upTo: Date): Promise<SliceEntry[]> {
    const rows = await this.runner.exec<Row>(
      sql`SELECT ${ENTRY_COLUMNS}, ${FILE_COLUMNS} FROM ${WITH_FILES}
           WHERE ${this.where([ENTRY_TYPE.logMissing], undefined)}${this.span(after, upTo)}
           ORDER BY c.SYS_START_TIME, c.BACKUP_ID`,
    );
    return groupEntries(rows);
  }

  /** The first successful log backup of one volume started after `after`. */
  async firstLogOf(volume: SliceFile, after: Date): Promise<SliceEntry | undefined> {
    const source = volume.volumeId === undefined ? sql`` : sql` AND f.SOURCE_ID = ${volume.volumeId}`;
    const rows = await this.runner.exec<Row>(
      sql`SELECT TOP 1 ${ENTRY_COLUMNS}, ${FILE_COLUMNS} FROM ${WITH_FILES}
           WHERE ${this.where([ENTRY_TYPE.log], SUCCESSFUL)}${this.span(after, undefined)}
             AND f.HOST = ${volume.host}${source}
           ORDER BY c.SYS_START_TIME, c.BACKUP_ID`,
    );
    return groupEntries(rows)[0];
  }

  /** One entry by BACKUP_ID (any type and state), without files. */
  async byId(backupId: string): Promise<SliceEntry | undefined> {
    const rows = await this.runner.exec<Row>(
      sql`SELECT ${ENTRY_COLUMNS} FROM ${CATALOG}
           WHERE c.DATABASE_NAME = ${this.database} AND c.BACKUP_ID = ${idParameter(backupId)}`,
    );
    return rows[0] ? toEntry(rows[0]) : undefined;
  }

  /** Attaches their files to entries read without them. */
  async attachFiles(entries: SliceEntry[]): Promise<void> {
    const ids = [...new Set(entries.filter((e) => e.files.length === 0).map((e) => e.backupId))];
    if (ids.length === 0) return;
    const rows = await this.runner.exec<Row>(
      sql`SELECT f.BACKUP_ID, ${FILE_COLUMNS} FROM SYS_DATABASES.M_BACKUP_CATALOG_FILES f
           WHERE f.DATABASE_NAME = ${this.database} AND f.BACKUP_ID IN (${commaList(ids.map(idParameter))})`,
    );
    for (const row of rows) {
      const id = toId(row.BACKUP_ID);
      for (const entry of entries) if (entry.backupId === id) entry.files.push(toFile(row));
    }
  }
}

const DATA_TYPES = [ENTRY_TYPE.complete, ENTRY_TYPE.differential, ENTRY_TYPE.incremental];

/** The catalog slice for planning `target` on `database`, read through a SYSTEMDB connection. */
export async function readRecoverySlice(
  runner: SqlRunner,
  database: string,
  target: RecoveryTarget,
): Promise<RecoverySlice> {
  const [clock, logMode] = await Promise.all([readClock(runner), readLogMode(runner, database)]);
  const slice: RecoverySlice = {
    database,
    now: clock.now,
    serverUtcOffsetMinutes: clock.offsetMinutes,
    logMode,
    entries: [],
  };
  const at = targetPoint(target, clock.now);
  if (at && at > clock.now) return slice; // refused as in the future: nothing else to read
  const q = new SliceQueries(runner, database, clock.offsetMinutes * 60_000);
  const found = new Map<string, SliceEntry>();
  const keep = (...entries: (SliceEntry | undefined)[]) => {
    for (const e of entries) if (e && !found.has(e.backupId)) found.set(e.backupId, e);
  };

  // ---- the data backup to start from --------------------------------------------------------
  let base: SliceEntry | undefined;
  let deltaLimit: Date | undefined = at;
  const namedId = target.kind === 'backup' || target.kind === 'snapshot' ? target.backupId : undefined;
  const named = namedId !== undefined ? await q.byId(namedId) : undefined;
  keep(named);
  const usable = named && isDataBackup(named.entryType) && named.state === SUCCESSFUL ? named : undefined;
  if (target.kind === 'snapshot' || named?.entryType === ENTRY_TYPE.snapshot) {
    // The newest snapshot decides between USING SNAPSHOT and USING BACKUP_ID.
    const newest = await q.one([ENTRY_TYPE.snapshot], 'newest', undefined, at ?? clock.now);
    keep(newest);
    base = namedId === undefined ? newest : usable?.entryType === ENTRY_TYPE.snapshot ? usable : undefined;
    if (target.kind !== 'snapshot' || !target.until) deltaLimit = undefined;
  } else if (target.kind === 'backup') {
    deltaLimit = undefined;
    if (usable?.entryType === ENTRY_TYPE.complete) base = usable;
    else if (usable) {
      base = await q.one([ENTRY_TYPE.complete], 'newest', undefined, usable.utcStart);
      deltaLimit = usable.utcStart;
    }
  } else {
    base = await q.one([ENTRY_TYPE.complete], 'newest', undefined, at);
    if (!base && at) keep(await q.one([ENTRY_TYPE.complete], 'oldest', at, undefined));
  }
  keep(base);
  if (!base) {
    slice.entries = [...found.values()];
    return slice;
  }

  // ---- deltas: the latest differential, then the incrementals after it ------------------------
  let lastData = base;
  if (deltaLimit && deltaLimit > base.utcStart) {
    const differential = await q.one([ENTRY_TYPE.differential], 'newest', base.utcStart, deltaLimit);
    const incrementals = await q.range([ENTRY_TYPE.incremental], (differential ?? base).utcStart, deltaLimit);
    keep(differential, ...incrementals);
    lastData = incrementals.at(-1) ?? differential ?? base;
  }
  await q.attachFiles([...found.values()]);

  // ---- log replay up to the point (log_mode overwrite: refused, nothing to read) ---------------
  const overwrite = [logMode.value, ...logMode.hostOverrides.map((h) => h.value)].includes('overwrite');
  if (at && at > lastData.utcStart && !overwrite) {
    const logs = await q.range([ENTRY_TYPE.log], lastData.utcStart, at, true);
    const volumes = volumePieces(lastData);
    const reaches = (v: SliceFile) =>
      logs.some(
        (e) => e.utcStart >= at && e.files.some((f) => f.host === v.host && f.volumeId === v.volumeId),
      );
    // Even for the most recent state: a log backup may have started within the point's second.
    const [past, next] = await Promise.all([
      Promise.all(volumes.filter((v) => !reaches(v)).map((v) => q.firstLogOf(v, at))),
      q.one(DATA_TYPES, 'oldest', at, undefined),
    ]);
    // A 'log missing' entry over the replayed positions is written before the volume's next log
    // backup; a volume without one may lose log up to now.
    const open = past.some((e) => e === undefined);
    const horizon = open
      ? clock.now
      : new Date(Math.max(at.getTime(), ...past.map((e) => e!.utcStart.getTime())));
    const [missing] = await Promise.all([
      q.logMissing(lastData.utcStart, horizon),
      next ? q.attachFiles([next]) : undefined,
    ]);
    keep(...logs, ...past, ...missing, next);
  }
  slice.entries = [...found.values()];
  return slice;
}

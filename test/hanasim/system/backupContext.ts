/**
 * What the parts of the backup subsystem share: the engine and its internal state tables, ids,
 * times, effective configuration, and where HANA paths and Backint objects live in the data dir.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SqlEngine } from '../sql/engine';
import { formatTimestamp } from '../sql/timeValues';
import { SYSTEMDB } from '../sql/values';
import { HanaError } from '../shared/types';
import type { SimClock } from './clock';
import type { ConfigLayers } from './configLayers';
import type { Topology } from './topology';

/** HANA reports failed backup statements with this code (see the brief; `backup could not be completed`). */
export const BACKUP_ERROR = 448;

export function backupError(text: string): HanaError {
  return new HanaError(BACKUP_ERROR, `backup could not be completed: ${text}`);
}

/** Faults a test injects (`CALL HANASIM.INJECT_FAULT('backint', …)`). Not durable. */
export type BackintFault = 'fail-next' | 'response-timeout' | 'slow';
export const BACKINT_FAULTS: readonly BackintFault[] = ['fail-next', 'response-timeout', 'slow'];

export class BackupFaults {
  private readonly pending = new Map<string, number>();

  /**
   * 'fail-next': the next Backint operation fails; 'response-timeout': it hangs past
   * backint_response_timeout; 'slow': the next Backint data backup runs at a tenth of the rate.
   */
  inject(component: 'backint', kind: BackintFault): void {
    const key = `${component}:${kind}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  /** Takes one pending fault of that kind, if any. */
  take(component: 'backint', kind: BackintFault): boolean {
    const key = `${component}:${kind}`;
    const n = this.pending.get(key) ?? 0;
    if (n === 0) return false;
    if (n === 1) this.pending.delete(key);
    else this.pending.set(key, n - 1);
    return true;
  }
}

export interface BackupOptions {
  engine: SqlEngine;
  config: ConfigLayers;
  clock: SimClock;
  dataDir: string;
  topology: Topology;
  faults?: BackupFaults;
  /** Bytes of a complete data backup per service volume (default: indexserver 8 GiB, nameserver 1 GiB, xsengine 256 MiB). */
  volumeSize?: (database: string, service: string, volumeId: number) => number;
  /** Data backup throughput, bytes per simulated second (default 200 MB/s). */
  dataBackupRate?: number;
  /** Redo log growth, log positions per simulated second per service (default 1000; one position = 64 bytes). */
  logRate?: number;
  /** Server time zone offset for the SYS_* columns, minutes east of UTC (default 0). */
  utcOffsetMinutes?: number;
}

export const LOG_POSITION_BYTES = 64;

/** Storage text 'YYYY-MM-DD HH:MM:SS.mmm' (UTC) → epoch ms. */
export function parseUtc(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`);
}
const GIB = 1024 ** 3;

function defaultVolumeSize(_database: string, service: string): number {
  if (service === 'indexserver') return 8 * GIB;
  if (service === 'nameserver') return GIB;
  return 256 * 1024 ** 2;
}

const INTERNAL_DDL = [
  // Redo log of each service: position(t) = origin_pos + (t - origin_ms) * rate / 1000. backed_pos is
  // where the next log backup starts (NULL: no log backups until the next complete data backup).
  `CREATE TABLE IF NOT EXISTS HS_LOG_STATE (database TEXT NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL,
     origin_ms INTEGER NOT NULL, origin_pos INTEGER NOT NULL, backed_pos INTEGER, last_backup_ms INTEGER,
     PRIMARY KEY (database, host, port))`,
  // Data backups in flight (ASYNCHRONOUS): when they end, and whether a cancel was asked for.
  `CREATE TABLE IF NOT EXISTS HS_RUNNING_BACKUP (backup_id INTEGER PRIMARY KEY, database TEXT NOT NULL,
     start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, cancel INTEGER NOT NULL DEFAULT 0)`,
];

export class BackupContext {
  readonly engine: SqlEngine;
  readonly config: ConfigLayers;
  readonly clock: SimClock;
  readonly dataDir: string;
  readonly topology: Topology;
  readonly faults: BackupFaults;
  readonly volumeSize: (database: string, service: string, volumeId: number) => number;
  readonly dataBackupRate: number;
  readonly logRate: number;
  private readonly offsetMs: number;
  private lastBackupId: number;
  private lastEntryId: number;

  constructor(opts: BackupOptions) {
    this.engine = opts.engine;
    this.config = opts.config;
    this.clock = opts.clock;
    this.dataDir = opts.dataDir;
    this.topology = opts.topology;
    this.faults = opts.faults ?? new BackupFaults();
    this.volumeSize = opts.volumeSize ?? defaultVolumeSize;
    this.dataBackupRate = opts.dataBackupRate ?? 200_000_000;
    this.logRate = opts.logRate ?? 1000;
    this.offsetMs = (opts.utcOffsetMinutes ?? 0) * 60_000;
    for (const ddl of INTERNAL_DDL) this.engine.db.exec(ddl);
    const max = this.engine.db
      .prepare('SELECT MAX(BACKUP_ID) AS b, MAX(ENTRY_ID) AS e FROM S_M_BACKUP_CATALOG')
      .get() as { b: number | null; e: number | null };
    this.lastBackupId = max.b ?? 0;
    this.lastEntryId = max.e ?? 0;
  }

  get sid(): string {
    return this.topology.sid;
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** BACKUP_ID as HANA makes them: the epoch milliseconds of the start, strictly increasing. */
  nextBackupId(atMs: number): number {
    this.lastBackupId = Math.max(Math.floor(atMs), this.lastBackupId + 1);
    return this.lastBackupId;
  }

  nextEntryId(): number {
    return ++this.lastEntryId;
  }

  /** SYS_ (server local) and UTC_ values of a time. */
  sysTime(ms: number): string {
    return formatTimestamp(new Date(ms + this.offsetMs));
  }

  utcTime(ms: number): string {
    return formatTimestamp(new Date(ms));
  }

  // ---- configuration --------------------------------------------------------------------------

  setting(
    database: string,
    host: string | undefined,
    section: string,
    key: string,
    fallback: string,
  ): string {
    return this.config.effective(database, host, section, key)?.value.trim() ?? fallback;
  }

  flag(database: string, host: string | undefined, section: string, key: string, fallback: boolean): boolean {
    const v = this.setting(database, host, section, key, fallback ? 'true' : 'false').toLowerCase();
    return v === 'true' || v === 'yes' || v === 'on' || v === '1';
  }

  number(database: string, host: string | undefined, section: string, key: string, fallback: number): number {
    const n = Number(this.setting(database, host, section, key, String(fallback)));
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  }

  // ---- paths ---------------------------------------------------------------------------------

  /** `$(DIR_INSTANCE)` and friends expanded: a path as HANA shows it. */
  expand(value: string): string {
    const dirInstance = `/usr/sap/${this.sid}/HDB${this.topology.instance}`;
    return value
      .replace(/\$\(DIR_INSTANCE\)/g, dirInstance)
      .replace(/\$\(SAPSYSTEMNAME\)/g, this.sid)
      .replace(/\$\(DIR_GLOBAL\)/g, `/usr/sap/${this.sid}/SYS/global`)
      .replace(/\/+$/, '');
  }

  /** Sub-directory of a database under a base path: SYSTEMDB or DB_<TENANT>. */
  dbDir(database: string): string {
    return database === SYSTEMDB ? SYSTEMDB : `DB_${database}`;
  }

  /** Where file data backups (kind 'data') or log backups ('log') of a database go, as HANA shows it. */
  fileBase(kind: 'data' | 'log', database: string, host?: string): string {
    const key = kind === 'data' ? 'basepath_databackup' : 'basepath_logbackup';
    const fallback = `$(DIR_INSTANCE)/backup/${kind}`;
    return `${this.expand(this.setting(database, host, 'persistence', key, fallback))}/${this.dbDir(database)}`;
  }

  /** The Backint directory of a database: prefixes must lie under it. */
  backintBase(database: string): string {
    return `/usr/sap/${this.sid}/SYS/global/hdb/backint/${this.dbDir(database)}`;
  }

  /** A HANA path mapped into the data dir. */
  onDisk(hanaPath: string): string {
    const file = path.join(this.dataDir, hanaPath);
    const rel = path.relative(this.dataDir, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw backupError(`invalid backup path ${hanaPath}`);
    return file;
  }

  /** The agent directory standing in for hdbbackint: one object file per EBID. */
  backintObject(ebid: string): string {
    return path.join(this.dataDir, 'backint-agent', 'objects', ebid.replace(/[^A-Za-z0-9_.-]/g, '_'));
  }

  private ebidCounter = 0;

  /** An external backup id as a Backint agent hands them out. */
  newEbid(backupId: number): string {
    return `SIM${backupId.toString(36).toUpperCase()}${(++this.ebidCounter).toString(36).toUpperCase().padStart(4, '0')}`;
  }

  /** Where a catalog piece lives on disk (file or Backint object); undefined for snapshots. */
  pieceLocation(
    destinationType: string | null,
    destinationPath: string | null,
    ebid: string | null,
  ): string | undefined {
    if (destinationType === 'file' && destinationPath) return this.onDisk(destinationPath);
    if (destinationType === 'backint' && ebid) return this.backintObject(ebid);
    return undefined;
  }

  deletePiece(destinationType: string | null, destinationPath: string | null, ebid: string | null): void {
    const where = this.pieceLocation(destinationType, destinationPath, ebid);
    if (where) fs.rmSync(where, { force: true });
  }
}

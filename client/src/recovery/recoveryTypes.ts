/**
 * What "Plan recovery" works with: the target an administrator asks for, the slice of the backup
 * catalog the plan is computed from, and the plan or the refusal that comes out (reference facts
 * §3.2–3.4, §6.1–6.2). Pure data: no driver, no VS Code.
 *
 * Times are UTC instants (the catalog's UTC_* columns): RECOVER … UNTIL TIMESTAMP is written in UTC.
 * Redo log positions are bigint: they are BIGINT in the catalog and outgrow 2^53 on old systems.
 */
import type { SqlStatement } from '../hana/sqlText';

/**
 * - latest: the most recent state (log backups, then the log area);
 * - time: a point in time, to the second;
 * - backup: exactly one data backup (complete, differential or incremental), no log replay;
 * - snapshot: a data snapshot (the newest, or the one named) — alone, or with `until` followed by
 *   log replay to that point. The storage snapshot itself is restored outside HANA beforehand.
 */
export type RecoveryTarget =
  | { kind: 'latest' }
  | { kind: 'time'; at: Date }
  | { kind: 'backup'; backupId: string }
  | { kind: 'snapshot'; backupId?: string; until?: Date };

/** One row of M_BACKUP_CATALOG_FILES as the planner needs it. */
export interface SliceFile {
  host: string;
  serviceType: string;
  /** Volume id (SOURCE_ID); HANA leaves it empty on some rows, e.g. 'log missing' ones. */
  volumeId?: number;
  /** 'volume', 'topology', 'catalog'. */
  sourceType: string;
  /** Data backup: where log replay starts. */
  redoLogPosition?: bigint;
  /** Log backup / 'log missing': the positions it covers, (first, last]. */
  firstRedoLogPosition?: bigint;
  lastRedoLogPosition?: bigint;
  sizeBytes: number;
  destinationType: string;
  destinationPath: string;
  externalBackupId: string;
}

/** One M_BACKUP_CATALOG entry with its files. */
export interface SliceEntry {
  backupId: string;
  entryType: string;
  state: string;
  utcStart: Date;
  message: string;
  files: SliceFile[];
}

/** The effective log_mode of the database, and hosts whose HOST layer says otherwise. */
export interface LogModeSetting {
  value: string;
  /** Layer the value comes from (DEFAULT when nothing is set). */
  layer: string;
  hostOverrides: { host: string; value: string }[];
}

/** What {@link readRecoverySlice} fetched: only the catalog entries a plan for one target needs. */
export interface RecoverySlice {
  database: string;
  /** The server's clock (UTC). */
  now: Date;
  /** SYS_* minus UTC_* at `now`, in minutes: how the server's own times relate to UTC. */
  serverUtcOffsetMinutes: number;
  logMode: LogModeSetting;
  entries: SliceEntry[];
}

export interface PlannedBackup {
  backupId: string;
  entryType: string;
  utcStart: Date;
  sizeBytes: number;
  /** 'file', 'backint', or empty (snapshots). */
  destinationType: string;
  /** Where the pieces are (file paths or Backint names), one per volume. */
  destinations: string[];
  /** EBIDs: for a snapshot, the storage snapshot to restore first. */
  externalBackupIds: string[];
}

export interface PlannedLogBackup {
  backupId: string;
  utcStart: Date;
  firstPosition: bigint;
  lastPosition: bigint;
  sizeBytes: number;
}

/** The log replay of one volume (one service on one host). */
export interface VolumeReplay {
  host: string;
  serviceType: string;
  volumeId?: number;
  /** REDO_LOG_POSITION of the last data backup used: replay starts here. */
  startPosition: bigint;
  /** Positions of the log backups used (undefined when none is). */
  firstPosition?: bigint;
  lastPosition?: bigint;
  logBackups: PlannedLogBackup[];
  logBytes: number;
  /** The target lies past this volume's last log backup: the rest comes from its log area. */
  usesLogArea: boolean;
}

export type StatementStep = 'stop' | 'recover' | 'start';

export interface PlannedStatement {
  step: StatementStep;
  statement: SqlStatement;
  /** Why it is there, or when it is needed, in words. */
  note: string;
}

export interface RecoveryPlan {
  database: string;
  target: RecoveryTarget;
  /** Where the database will be after the recovery (UTC, whole seconds for points in time). */
  pointInTime: Date;
  base: PlannedBackup;
  /** The latest differential and/or the incrementals after it, oldest first. */
  deltas: PlannedBackup[];
  /** One entry per volume of the last data backup used; empty log lists when no log is replayed. */
  volumes: VolumeReplay[];
  /** Some volume needs its log area: the statement keeps it (no CLEAR LOG). */
  usesLogArea: boolean;
  dataBytes: number;
  /** Bytes of log backups; what comes from the log area is not in the catalog and not counted. */
  logBytes: number;
  estimatedSeconds: number;
  /** For a tenant: stop, RECOVER, start. For SYSTEMDB: the RECOVER that recoverSys.py runs. */
  statements: PlannedStatement[];
  serverNow: Date;
  serverUtcOffsetMinutes: number;
  /** What the plan takes for granted (throughput, the log area, storage snapshot restored …). */
  assumptions: string[];
}

/** A stretch of redo log no log backup holds. */
export interface LogGap {
  host: string;
  serviceType: string;
  volumeId?: number;
  /** Positions (from, to] are missing. */
  fromPosition: bigint;
  toPosition?: bigint;
  /** The log up to `from` is backed up; `until` is when the log after the gap is backed up again. */
  from: Date;
  until?: Date;
  /** The 'log missing' entry HANA wrote for it, when there is one. */
  logMissing?: { backupId: string; recordedAt: Date; message: string };
}

export type RefusalKind =
  | 'future'
  | 'overwriteMode'
  | 'noBase'
  | 'notInCatalog'
  | 'backupNotUsable'
  | 'incompleteCatalog'
  | 'logGap'
  /** Log backups overlap: an earlier point-in-time recovery began a new log sequence. */
  | 'logSequence'
  | 'systemdb';

export type RecoveryRefusal =
  | { kind: Exclude<RefusalKind, 'logGap' | 'systemdb'>; reason: string }
  | {
      kind: 'logGap';
      reason: string;
      gap: LogGap;
      /** The latest point the same chain still reaches, before the gap. */
      reachableUntil: Date;
    }
  | {
      kind: 'systemdb';
      reason: string;
      /** The plan itself is sound; only SQL cannot run it. */
      plan: RecoveryPlan;
      /** What <sid>adm runs on the master host. */
      commandLine: string;
    };

export type PlanResult = { ok: true; plan: RecoveryPlan } | { ok: false; refusal: RecoveryRefusal };

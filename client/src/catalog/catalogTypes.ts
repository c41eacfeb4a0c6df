/**
 * What the tree shows of a system and its backup catalog. Pure data read by the queries in this
 * folder; times are server times (SYS_* columns) as the administrator's tools show them.
 */

/** M_BACKUP_CATALOG.ENTRY_TYPE_NAME values. */
export const ENTRY_TYPE = {
  complete: 'complete data backup',
  differential: 'differential data backup',
  incremental: 'incremental data backup',
  snapshot: 'data snapshot',
  log: 'log backup',
  logMissing: 'log missing',
} as const;

export const DATA_ENTRY_TYPES = [ENTRY_TYPE.complete, ENTRY_TYPE.differential, ENTRY_TYPE.incremental];

/** M_BACKUP_CATALOG.STATE_NAME values that no longer change. */
export const FINAL_STATES = ['successful', 'failed', 'canceled'];

export interface SystemOverview {
  sid: string;
  version: string;
  hosts: HostInfo[];
  databases: DatabaseStatus[];
}

export interface HostInfo {
  name: string;
  /** INDEXSERVER_ACTUAL_ROLE, e.g. MASTER / SLAVE / STANDBY. */
  role: string;
  active: boolean;
  status: string;
  /** Services running on the host, over all databases, without duplicates. */
  services: string[];
  /** Backup-relevant parameters set in this host's HOST layer. */
  overrides: ParameterValue[];
}

export interface DatabaseStatus {
  name: string;
  /** M_DATABASES.ACTIVE_STATUS: YES, NO, STARTING, STOPPING. */
  activeStatus: string;
  details: string;
}

export interface ParameterValue {
  section: string;
  key: string;
  value: string;
  layer: string;
  /** Host of a HOST-layer value; tenant of a DATABASE-layer value. */
  layerName?: string;
}

export interface CatalogEntry {
  backupId: string;
  entryType: string;
  state: string;
  start: Date;
  end?: Date;
  comment: string;
  message: string;
  /** Sum over the entry's files (bytes). */
  sizeBytes: number;
  /** 'file', 'backint', or empty for snapshots. */
  destination: string;
}

/** Data backups of one ISO week (older than the individually listed recent days). */
export interface WeekGroup {
  /** ISO week as HANA's ISOWEEK writes it, e.g. 2026-W47. */
  week: string;
  first: Date;
  last: Date;
  count: number;
  successful: number;
  failed: number;
}

/** Log backups of one day. */
export interface LogDay {
  /** YYYY-MM-DD (server time). */
  day: string;
  count: number;
  /** 'log missing' entries: points no recovery can cross. */
  gaps: number;
  failed: number;
}

export interface RecoverableWindow {
  /** Earliest point reachable with a continuous log chain up to now; undefined: none. */
  from?: Date;
  /** The newest point: the last log backup (the online log may reach further). */
  until?: Date;
  /** Why there is no window, in words. */
  reason?: string;
}

export interface DatabaseSummary {
  database: string;
  /** Server time when the summary was read. */
  now: Date;
  logMode: string;
  window: RecoverableWindow;
  newestFull?: CatalogEntry;
  lastLogBackup?: Date;
  lastGap?: Date;
  /** Log backups and 'log missing' entries over the last {@link RECENT_DAYS} days. */
  logBackupsRecent: number;
  gapsRecent: number;
  /** Largest interval between consecutive log backups over the last {@link logSample} log backups. */
  maxLogGapSeconds?: number;
  logSample: number;
  runningBackups: number;
  preparedSnapshots: number;
}

export interface BackupFile {
  host: string;
  service: string;
  sourceType: string;
  sizeBytes: number;
  destinationType: string;
  destinationPath: string;
  externalBackupId: string;
  redoLogPosition?: string;
  firstRedoLogPosition?: string;
  lastRedoLogPosition?: string;
}

export interface BackupDetails extends CatalogEntry {
  database: string;
  sourceDatabase: string;
  files: BackupFile[];
}

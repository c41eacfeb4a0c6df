/**
 * Value strings exactly as HANA writes them into the monitoring views (facts §4, §3.4, §6.3).
 * Spelling matters: 'canceled' has one l, 'cancel pending' is two words.
 */

/** M_BACKUP_CATALOG.ENTRY_TYPE_NAME, M_BACKUP_PROGRESS.ENTRY_TYPE_NAME. */
export const ENTRY_TYPE = {
  complete: 'complete data backup',
  differential: 'differential data backup',
  incremental: 'incremental data backup',
  log: 'log backup',
  snapshot: 'data snapshot',
  logMissing: 'log missing',
} as const;
export type EntryTypeName = (typeof ENTRY_TYPE)[keyof typeof ENTRY_TYPE];

/** Entry types Note 1969700 treats as data backups. */
export const DATA_BACKUP_ENTRY_TYPES: readonly EntryTypeName[] = [
  ENTRY_TYPE.complete,
  ENTRY_TYPE.differential,
  ENTRY_TYPE.incremental,
  ENTRY_TYPE.snapshot,
];

/** M_BACKUP_CATALOG.STATE_NAME, M_BACKUP_PROGRESS.STATE_NAME. */
export const BACKUP_STATE = {
  successful: 'successful',
  failed: 'failed',
  running: 'running',
  canceled: 'canceled',
  cancelPending: 'cancel pending',
  prepared: 'prepared',
} as const;
export type BackupStateName = (typeof BACKUP_STATE)[keyof typeof BACKUP_STATE];

/** M_BACKUP_CATALOG.MESSAGE of a successful entry. */
export const MESSAGE_OK = '<ok>';

/** M_BACKUP_CATALOG_FILES.DESTINATION_TYPE_NAME ('snapshot' for snapshots is UNCONFIRMED). */
export const DESTINATION_TYPE = { file: 'file', backint: 'backint', snapshot: 'snapshot' } as const;

/** M_BACKUP_CATALOG_FILES.SOURCE_TYPE_NAME. */
export const SOURCE_TYPE = { volume: 'volume', topology: 'topology', catalog: 'catalog' } as const;

/** SERVICE_TYPE_NAME / SERVICE_NAME values. */
export const SERVICE_NAME = {
  nameserver: 'nameserver',
  indexserver: 'indexserver',
  statisticsserver: 'statisticsserver',
  xsengine: 'xsengine',
  compileserver: 'compileserver',
  preprocessor: 'preprocessor',
  webdispatcher: 'webdispatcher',
  diserver: 'diserver',
} as const;

/** M_DATABASES.ACTIVE_STATUS, M_SERVICES.ACTIVE_STATUS. */
export const ACTIVE_STATUS = {
  yes: 'YES',
  no: 'NO',
  unknown: 'UNKNOWN',
  starting: 'STARTING',
  stopping: 'STOPPING',
} as const;

/** M_DATABASES.ACTIVE_STATUS_DETAILS values seen. */
export const ACTIVE_STATUS_DETAILS = {
  stoppedByUser: 'stopped by user',
  stoppedBrokenRecovery: 'stopped due to broken recovery',
  stoppedByTakeover: 'stopped by takeover',
} as const;

/** M_DATABASES.RESTART_MODE. */
export const RESTART_MODE = { no: 'NO', default: 'DEFAULT' } as const;

/** M_INIFILE_CONTENTS.LAYER_NAME. */
export const LAYER_NAME = {
  default: 'DEFAULT',
  system: 'SYSTEM',
  database: 'DATABASE',
  host: 'HOST',
} as const;

/** M_SERVICES.COORDINATOR_TYPE. */
export const COORDINATOR_TYPE = {
  coordinator: 'COORDINATOR',
  worker: 'WORKER',
  standby: 'STANDBY',
  none: 'NONE',
} as const;

/** M_LANDSCAPE_HOST_CONFIGURATION.HOST_STATUS. */
export const HOST_STATUS = {
  ok: 'OK',
  ignore: 'IGNORE',
  info: 'INFO',
  warning: 'WARNING',
  error: 'ERROR',
} as const;

/** M_LANDSCAPE_HOST_CONFIGURATION *_ROLE values (on-prem wording, Note 1969700). */
export const HOST_ROLE = {
  master: 'MASTER',
  slave: 'SLAVE',
  worker: 'WORKER',
  standby: 'STANDBY',
  none: 'NONE',
} as const;

/** M_SYSTEM_REPLICATION.REPLICATION_MODE. */
export const REPLICATION_MODE = {
  sync: 'SYNC',
  syncmem: 'SYNCMEM',
  async: 'ASYNC',
  unknown: 'UNKNOWN',
} as const;

/** Name of the system database. */
export const SYSTEMDB = 'SYSTEMDB';

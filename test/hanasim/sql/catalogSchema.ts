/**
 * The monitoring views hanasim serves, as data: column names and HANA types (facts §2.4, §4), how
 * each view is stored in SQLite, and the DDL that creates the storage.
 *
 * Storage model: one SQLite table per view, named `S_<VIEW>`. Views scoped to a database keep a
 * hidden DATABASE_NAME column; `SYS.<VIEW>` shows the session database's rows, and
 * `SYS_DATABASES.<VIEW>` (SYSTEMDB only) shows all rows with DATABASE_NAME as its first column.
 * Time values are stored as text 'YYYY-MM-DD HH:MM:SS.mmm' (UTC), which sorts and compares
 * correctly and lets day/month grouping use substr.
 */
import type { ColumnMeta, HanaType } from '../shared/types';
import type { SqliteDatabase } from './sqlite';

/**
 * How rows are visible: 'database' — per database (hidden DATABASE_NAME unless the view has it);
 * 'tenant-own' — SYSTEMDB sees all rows, a tenant only rows with its DATABASE_NAME (M_DATABASES);
 * 'system' — the same rows everywhere.
 */
export type ViewScope = 'database' | 'tenant-own' | 'system';

export interface ViewDef {
  name: string;
  /** SQLite storage table. */
  table: string;
  columns: ColumnMeta[];
  scope: ViewScope;
  /** Has a SYS_DATABASES.<name> variant. */
  sysDatabases: boolean;
  /** Storage indexes, as column lists. */
  indexes: string[][];
}

function col(name: string, type: HanaType, length?: number, nullable = true): ColumnMeta {
  const c: ColumnMeta = { name, type, nullable };
  if (length !== undefined) c.length = length;
  return c;
}
const nv = (name: string, length: number, nullable = true): ColumnMeta =>
  col(name, 'NVARCHAR', length, nullable);
const big = (name: string, nullable = true): ColumnMeta => col(name, 'BIGINT', undefined, nullable);
const int = (name: string, nullable = true): ColumnMeta => col(name, 'INTEGER', undefined, nullable);
const ts = (name: string, nullable = true): ColumnMeta => col(name, 'TIMESTAMP', undefined, nullable);

export const DATABASE_NAME_COLUMN: ColumnMeta = nv('DATABASE_NAME', 256, false);

const VIEWS: ViewDef[] = [
  {
    name: 'M_BACKUP_CATALOG',
    table: 'S_M_BACKUP_CATALOG',
    scope: 'database',
    sysDatabases: true,
    columns: [
      big('ENTRY_ID', false),
      nv('ENTRY_TYPE_NAME', 64, false),
      big('BACKUP_ID', false),
      ts('SYS_START_TIME'),
      ts('UTC_START_TIME'),
      ts('SYS_END_TIME'),
      ts('UTC_END_TIME'),
      nv('STATE_NAME', 64),
      nv('COMMENT', 256),
      nv('MESSAGE', 512),
      nv('SYSTEM_ID', 3),
      nv('ENCRYPTION_ROOT_KEY_HASH', 64),
      nv('SOURCE_DATABASE_NAME', 256),
    ],
    indexes: [
      ['DATABASE_NAME', 'SYS_START_TIME', 'ENTRY_TYPE_NAME', 'STATE_NAME'],
      ['DATABASE_NAME', 'ENTRY_TYPE_NAME', 'SYS_START_TIME'],
      ['DATABASE_NAME', 'BACKUP_ID'],
      ['BACKUP_ID'],
    ],
  },
  {
    name: 'M_BACKUP_CATALOG_FILES',
    table: 'S_M_BACKUP_CATALOG_FILES',
    scope: 'database',
    sysDatabases: true,
    columns: [
      big('ENTRY_ID', false),
      big('BACKUP_ID', false),
      big('SOURCE_ID'),
      nv('SOURCE_TYPE_NAME', 64),
      nv('HOST', 64),
      nv('SERVICE_TYPE_NAME', 64),
      big('REDO_LOG_POSITION'),
      big('FIRST_REDO_LOG_POSITION'),
      big('LAST_REDO_LOG_POSITION'),
      big('BACKUP_SIZE'),
      nv('DESTINATION_PATH', 512),
      nv('DESTINATION_TYPE_NAME', 16),
      nv('EXTERNAL_BACKUP_ID', 64),
      int('LOG_SEGMENT_COUNT'),
      col('CONFIGURATION_INCLUDED', 'VARCHAR', 5),
    ],
    indexes: [['DATABASE_NAME', 'BACKUP_ID'], ['DATABASE_NAME', 'ENTRY_ID'], ['BACKUP_ID']],
  },
  {
    name: 'M_BACKUP_PROGRESS',
    table: 'S_M_BACKUP_PROGRESS',
    scope: 'database',
    sysDatabases: true,
    columns: [
      big('BACKUP_ID', false),
      nv('HOST', 64),
      int('PORT'),
      nv('SERVICE_NAME', 32),
      nv('ENTRY_TYPE_NAME', 64),
      ts('SYS_START_TIME'),
      ts('UTC_START_TIME'),
      ts('SYS_END_TIME'),
      ts('UTC_END_TIME'),
      nv('STATE_NAME', 64),
      big('BACKUP_SIZE'),
      big('TRANSFERRED_SIZE'),
    ],
    indexes: [['DATABASE_NAME', 'BACKUP_ID']],
  },
  {
    name: 'M_BACKUP_CONFIGURATION',
    table: 'S_M_BACKUP_CONFIGURATION',
    scope: 'database',
    sysDatabases: true,
    columns: [
      big('MAX_RECOVERY_FILE_AGE'),
      int('MAX_RECOVERY_BACKINT_CHANNELS'),
      nv('BACKINT_EXECUTABLE_LINK', 512),
      nv('BACKINT_EXECUTABLE', 512),
      nv('BACKINT_DATA_BACKUP_PATH', 512),
      nv('BACKINT_LOG_BACKUP_PATH', 512),
      nv('BACKINT_CATALOG_BACKUP_PATH', 512),
      nv('FILE_DATA_BACKUP_PATH', 512),
      nv('FILE_LOG_BACKUP_PATH', 512),
      nv('FILE_CATALOG_BACKUP_PATH', 512),
      nv('FILE_ROOTKEY_BACKUP_PATH', 512),
      big('LOG_BACKUP_TIMEOUT'),
      nv('LOG_BACKUP_INTERVAL_MODE', 16),
      col('IS_ROOT_KEY_BACKUP_PASSWORD_SET', 'VARCHAR', 5),
      nv('ROOT_KEY_ENCRYPTION_CONTROL', 32),
      ts('ROOT_KEY_BACKUP_PASSWORD_LAST_CHANGE_TIME'),
    ],
    indexes: [['DATABASE_NAME']],
  },
  {
    name: 'M_BACKUP_SIZE_ESTIMATIONS',
    table: 'S_M_BACKUP_SIZE_ESTIMATIONS',
    scope: 'database',
    sysDatabases: true,
    columns: [
      nv('HOST', 64),
      int('PORT'),
      nv('SERVICE_NAME', 32),
      nv('ENTRY_TYPE_NAME', 64),
      big('ESTIMATED_SIZE'),
    ],
    indexes: [['DATABASE_NAME']],
  },
  {
    name: 'M_DATABASES',
    table: 'S_M_DATABASES',
    scope: 'tenant-own',
    sysDatabases: false,
    columns: [
      nv('DATABASE_NAME', 256, false),
      nv('DESCRIPTION', 256),
      nv('ACTIVE_STATUS', 16),
      nv('ACTIVE_STATUS_DETAILS', 256),
      nv('OS_USER', 32),
      nv('OS_GROUP', 32),
      nv('RESTART_MODE', 16),
      ts('FALLBACK_SNAPSHOT_CREATE_TIME'),
    ],
    indexes: [['DATABASE_NAME']],
  },
  {
    name: 'M_DATABASE',
    table: 'S_M_DATABASE',
    scope: 'database',
    sysDatabases: true,
    columns: [
      nv('SYSTEM_ID', 3),
      nv('DATABASE_NAME', 256, false),
      nv('HOST', 64),
      ts('START_TIME'),
      nv('VERSION', 32),
      nv('USAGE', 32),
    ],
    indexes: [['DATABASE_NAME']],
  },
  {
    name: 'M_SERVICES',
    table: 'S_M_SERVICES',
    scope: 'database',
    sysDatabases: true,
    columns: [
      nv('HOST', 64),
      int('PORT'),
      nv('SERVICE_NAME', 32),
      int('PROCESS_ID'),
      nv('DETAIL', 128),
      nv('ACTIVE_STATUS', 16),
      int('SQL_PORT'),
      nv('COORDINATOR_TYPE', 16),
      nv('VOLUME_REPLICATION_ROLE', 16),
      col('IS_DATABASE_LOCAL', 'VARCHAR', 5),
    ],
    indexes: [['DATABASE_NAME']],
  },
  {
    name: 'M_LANDSCAPE_HOST_CONFIGURATION',
    table: 'S_M_LANDSCAPE_HOST_CONFIGURATION',
    scope: 'system',
    sysDatabases: false,
    columns: [
      nv('HOST', 64),
      col('HOST_ACTIVE', 'VARCHAR', 3),
      nv('HOST_STATUS', 16),
      nv('FAILOVER_STATUS', 256),
      nv('FAILOVER_CONFIG_GROUP', 256),
      nv('FAILOVER_ACTUAL_GROUP', 256),
      nv('NAMESERVER_CONFIG_ROLE', 16),
      nv('NAMESERVER_ACTUAL_ROLE', 16),
      nv('INDEXSERVER_CONFIG_ROLE', 16),
      nv('INDEXSERVER_ACTUAL_ROLE', 16),
      nv('HOST_CONFIG_ROLES', 256),
      nv('HOST_ACTUAL_ROLES', 256),
    ],
    indexes: [],
  },
  {
    name: 'M_HOST_INFORMATION',
    table: 'S_M_HOST_INFORMATION',
    scope: 'system',
    sysDatabases: false,
    columns: [nv('HOST', 64), nv('KEY', 32), nv('VALUE', 256)],
    indexes: [['HOST', 'KEY']],
  },
  {
    name: 'M_INIFILE_CONTENTS',
    table: 'S_M_INIFILE_CONTENTS',
    scope: 'database',
    sysDatabases: true,
    columns: [
      nv('FILE_NAME', 256),
      nv('LAYER_NAME', 16),
      nv('TENANT_NAME', 256),
      nv('HOST', 64),
      nv('SECTION', 128),
      nv('KEY', 128),
      nv('VALUE', 5000),
    ],
    indexes: [['DATABASE_NAME', 'FILE_NAME', 'SECTION', 'KEY']],
  },
  {
    name: 'M_SYSTEM_REPLICATION',
    table: 'S_M_SYSTEM_REPLICATION',
    scope: 'system',
    sysDatabases: false,
    columns: [
      int('SITE_ID'),
      nv('SITE_NAME', 256),
      int('SECONDARY_SITE_ID'),
      nv('SECONDARY_SITE_NAME', 256),
      nv('REPLICATION_MODE', 7),
      nv('REPLICATION_STATUS', 16),
      nv('OPERATION_MODE', 32),
      nv('SECONDARY_READ_ACCESS_STATUS', 16),
      int('TIER'),
    ],
    indexes: [],
  },
  {
    name: 'DUMMY',
    table: 'S_DUMMY',
    scope: 'system',
    sysDatabases: false,
    columns: [col('DUMMY', 'VARCHAR', 1)],
    indexes: [],
  },
];

export const VIEW_DEFS: ReadonlyMap<string, ViewDef> = new Map(VIEWS.map((v) => [v.name, v]));

/** Does the storage table have a DATABASE_NAME column the view does not itself show? */
export function hasHiddenDatabaseName(view: ViewDef): boolean {
  return view.scope === 'database' && !view.columns.some((c) => c.name === 'DATABASE_NAME');
}

/** Storage columns: the view's plus a hidden DATABASE_NAME where the view is per database. */
export function storageColumns(view: ViewDef): ColumnMeta[] {
  return hasHiddenDatabaseName(view) ? [DATABASE_NAME_COLUMN, ...view.columns] : view.columns;
}

/** Columns of the SYS_DATABASES.<view> variant: DATABASE_NAME first. */
export function sysDatabasesColumns(view: ViewDef): ColumnMeta[] {
  return [DATABASE_NAME_COLUMN, ...view.columns.filter((c) => c.name !== 'DATABASE_NAME')];
}

export const TIME_TYPES: ReadonlySet<HanaType> = new Set(['TIMESTAMP', 'SECONDDATE', 'LONGDATE', 'DATE']);
export const INTEGER_TYPES: ReadonlySet<HanaType> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);

function affinity(type: HanaType): string {
  if (INTEGER_TYPES.has(type) || type === 'BOOLEAN') return 'INTEGER';
  if (type === 'DOUBLE') return 'REAL';
  if (type === 'DECIMAL') return 'NUMERIC';
  return 'TEXT';
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** DDL for every storage table and index (idempotent). */
export function schemaDdl(): string[] {
  const ddl: string[] = [];
  for (const view of VIEWS) {
    const cols = storageColumns(view).map(
      (c) => `${quoteIdent(c.name)} ${affinity(c.type)}${c.nullable ? '' : ' NOT NULL'}`,
    );
    ddl.push(`CREATE TABLE IF NOT EXISTS ${quoteIdent(view.table)} (${cols.join(', ')})`);
    view.indexes.forEach((ix, i) => {
      const name = quoteIdent(`${view.table}_IX${i + 1}`);
      ddl.push(
        `CREATE INDEX IF NOT EXISTS ${name} ON ${quoteIdent(view.table)} (${ix.map(quoteIdent).join(', ')})`,
      );
    });
  }
  return ddl;
}

/** Creates the storage tables and indexes, and DUMMY's single row. */
export function createSchema(db: SqliteDatabase): void {
  for (const stmt of schemaDdl()) db.exec(stmt);
  const dummy = db.prepare('SELECT COUNT(*) AS n FROM "S_DUMMY"').get() as { n: number };
  if (dummy.n === 0) db.exec(`INSERT INTO "S_DUMMY" ("DUMMY") VALUES ('X')`);
}

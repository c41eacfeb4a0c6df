import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Backend, DatabaseInfo, PreparedInfo, UserCredentials } from '../protocol/backend';
import { HanaError, type SessionInfo, type SqlValue, type StatementResult } from '../shared/types';
import { SqlEngine } from '../sql/engine';
import { classify } from '../sql/statements';
import type { Statement } from '../sql/statementAst';
import { SimClock } from './clock';
import { ConfigLayers } from './configLayers';
import {
  isDatabaseActive,
  setDatabaseActive,
  setRestartMode,
  sqlPortOf,
  writeLandscape,
  type LandscapeSpec,
} from './landscape';
import { runControlCall, type ControlTarget } from './controlCalls';
import { UserStore } from './users';

export interface SimulatorOptions {
  dataDir: string;
  /** Used only when the data directory is new; afterwards its own state wins. */
  landscape?: LandscapeSpec;
  /** Simulated seconds per real second. */
  speed?: number;
  /** Password of SYSTEM (and of the simulator's control calls) when the data directory is new. */
  systemPassword?: string;
  /** Simulated time of a new system. */
  startTime?: Date;
  /**
   * File that gets one JSON line (LoggedStatement) per statement a client sends, appended: tests
   * read it to prove the extension's SQL arrives as written, values bound and nothing spliced in.
   */
  statementLog?: string;
}

/** A parameter as the statement log writes it: Dates as ISO text, bigints as digits, bytes as hex. */
export type LoggedParam = string | number | boolean | null;

/**
 * One line of the statement log. A prepared statement appears once at PREPARE (no parameters) and
 * once per executed row, with the values the client bound.
 */
export interface LoggedStatement {
  database: string;
  user: string;
  sql: string;
  params: LoggedParam[];
}

function loggedParam(value: unknown): LoggedParam {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return value as LoggedParam;
}

interface SavedState {
  landscape: LandscapeSpec;
  clockMs: number;
}

export const DEFAULT_LANDSCAPE: LandscapeSpec = {
  sid: 'HXE',
  instance: '90',
  hosts: [{ name: 'hxehost', role: 'MASTER' }],
  databases: ['SYSTEMDB', 'HXE'],
  version: '2.00.070.00.1679989823',
};

/** Something the simulator does for a parsed statement beyond SQL reads (backups, recovery, …). */
export interface StatementHandler extends ControlTarget {
  handles(statement: Statement): boolean;
  run(session: SessionInfo, statement: Statement): StatementResult;
  /** Catches up with the clock (running backups, automatic log backups). */
  tick?(): void;
}

/**
 * One simulated HANA system: its landscape, users, configuration layers, clock and the SQLite state
 * behind the views, all under one data directory that survives restarts. It is the protocol layer's
 * backend: SELECTs go to the SQL engine, the statement family to the simulated system.
 */
export class Simulator implements Backend {
  readonly engine: SqlEngine;
  readonly clock: SimClock;
  readonly config: ConfigLayers;
  readonly users: UserStore;
  readonly landscape: LandscapeSpec;
  private readonly handlers: StatementHandler[] = [];
  private readonly stateFile: string;
  private statementLog?: number;

  constructor(readonly options: SimulatorOptions) {
    const dataDir = options.dataDir;
    fs.mkdirSync(dataDir, { recursive: true });
    this.stateFile = path.join(dataDir, 'state.json');
    const fresh = !fs.existsSync(this.stateFile);
    const saved: SavedState = fresh
      ? {
          landscape: options.landscape ?? DEFAULT_LANDSCAPE,
          clockMs: (options.startTime ?? new Date()).getTime(),
        }
      : (JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) as SavedState);
    this.landscape = saved.landscape;
    this.clock = new SimClock(saved.clockMs, options.speed ?? 1);
    this.engine = new SqlEngine(path.join(dataDir, 'catalog.sqlite'), () => this.clock.now());
    this.config = new ConfigLayers(path.join(dataDir, 'fs'), this.landscape.sid, this.landscape.instance);
    this.users = new UserStore(path.join(dataDir, 'users.json'));
    if (fresh) this.create(options.systemPassword ?? 'Manager1');
    this.refreshInifileContents();
    if (options.statementLog) this.statementLog = fs.openSync(options.statementLog, 'a');
  }

  /** Appends what the client sent, before anything can reject it: refused statements count too. */
  private logStatement(session: SessionInfo, sql: string, params: SqlValue[]): void {
    if (this.statementLog === undefined) return;
    const entry: LoggedStatement = {
      database: session.database,
      user: session.user,
      sql,
      params: params.map(loggedParam),
    };
    fs.writeSync(this.statementLog, `${JSON.stringify(entry)}\n`);
  }

  private create(password: string): void {
    writeLandscape(this.engine, this.landscape, this.clock.now());
    const all = [
      'BACKUP ADMIN',
      'CATALOG READ',
      'DATABASE ADMIN',
      'INIFILE ADMIN',
      'DATABASE START',
      'DATABASE STOP',
      'HANASIM ADMIN',
    ] as const;
    for (const database of this.landscape.databases) this.users.add(database, 'SYSTEM', password, [...all]);
    this.saveState();
  }

  /** Persists what is not in SQLite: the landscape and the simulated time reached. */
  saveState(): void {
    const temporary = `${this.stateFile}.tmp`;
    fs.writeFileSync(
      temporary,
      JSON.stringify({ landscape: this.landscape, clockMs: this.clock.nowMs() } satisfies SavedState),
    );
    fs.renameSync(temporary, this.stateFile);
  }

  use(handler: StatementHandler): void {
    this.handlers.push(handler);
  }

  controlTargets(): ControlTarget[] {
    return this.handlers;
  }

  tick(): void {
    for (const handler of this.handlers) handler.tick?.();
    this.saveState();
  }

  /**
   * M_BACKUP_CONFIGURATION per database from the effective configuration (master host): the paths
   * and the log backup timeout HANA would report.
   */
  private backupConfigurationRows(): Record<string, SqlValue>[] {
    const master =
      this.landscape.hosts.find((h) => h.role === 'MASTER')?.name ?? this.landscape.hosts[0].name;
    const instanceDir = `/usr/sap/${this.landscape.sid}/HDB${this.landscape.instance}`;
    return this.landscape.databases.map((database) => {
      const value = (section: string, key: string, fallback: string) =>
        (this.config.effective(database, master, section, key)?.value ?? fallback).replace(
          '$(DIR_INSTANCE)',
          instanceDir,
        );
      const suffix = database === 'SYSTEMDB' ? 'SYSTEMDB' : `DB_${database}`;
      const backint = `/usr/sap/${this.landscape.sid}/SYS/global/hdb/backint/${suffix}`;
      const timeout = Number(value('persistence', 'log_backup_timeout_s', '900'));
      return {
        DATABASE_NAME: database,
        MAX_RECOVERY_FILE_AGE: 0,
        MAX_RECOVERY_BACKINT_CHANNELS: 64,
        BACKINT_EXECUTABLE_LINK: `/usr/sap/${this.landscape.sid}/SYS/global/hdb/opt/hdbbackint`,
        BACKINT_EXECUTABLE: `/usr/sap/${this.landscape.sid}/SYS/global/hdb/opt/hdbbackint`,
        BACKINT_DATA_BACKUP_PATH: backint,
        BACKINT_LOG_BACKUP_PATH: backint,
        BACKINT_CATALOG_BACKUP_PATH: backint,
        FILE_DATA_BACKUP_PATH: `${value('persistence', 'basepath_databackup', '$(DIR_INSTANCE)/backup/data')}/${suffix}`,
        FILE_LOG_BACKUP_PATH: `${value('persistence', 'basepath_logbackup', '$(DIR_INSTANCE)/backup/log')}/${suffix}`,
        FILE_CATALOG_BACKUP_PATH: `${value('persistence', 'basepath_catalogbackup', '$(DIR_INSTANCE)/backup/log')}/${suffix}`,
        FILE_ROOTKEY_BACKUP_PATH: '',
        LOG_BACKUP_TIMEOUT: Number.isFinite(timeout) ? timeout : 900,
        LOG_BACKUP_INTERVAL_MODE: 'service',
        IS_ROOT_KEY_BACKUP_PASSWORD_SET: 'FALSE',
        ROOT_KEY_ENCRYPTION_CONTROL: 'LOCAL',
      };
    });
  }

  /** M_INIFILE_CONTENTS as each database sees it (shared layers plus its own DATABASE layer), and M_BACKUP_CONFIGURATION. */
  refreshInifileContents(): void {
    const rows = this.config.contents();
    this.engine.transaction(() => {
      this.engine.runInternal('DELETE FROM "S_M_BACKUP_CONFIGURATION"');
      this.engine.insert('M_BACKUP_CONFIGURATION', this.backupConfigurationRows());
      this.engine.runInternal('DELETE FROM "S_M_INIFILE_CONTENTS"');
      for (const database of this.landscape.databases) {
        const visible = rows.filter(
          (r) => r.layer !== 'DATABASE' || database === 'SYSTEMDB' || r.tenant === database,
        );
        this.engine.insert(
          'M_INIFILE_CONTENTS',
          visible.map((r) => ({
            DATABASE_NAME: database,
            FILE_NAME: r.fileName,
            LAYER_NAME: r.layer,
            TENANT_NAME: r.tenant,
            HOST: r.host,
            SECTION: r.section,
            KEY: r.key,
            VALUE: r.value,
          })),
        );
      }
    });
  }

  // --- Backend -----------------------------------------------------------------------------------

  databases(): DatabaseInfo[] {
    return this.landscape.databases.map((name, index) => ({
      name,
      port: sqlPortOf(this.landscape.instance, index),
    }));
  }

  credentials(database: string, user: string): UserCredentials | undefined {
    if (database !== 'SYSTEMDB' && isDatabaseActive(this.engine, database) === false) {
      throw new HanaError(
        -10709,
        `Connection failed (RTE:[89008] Socket closed by peer: database ${database} is not running)`,
      );
    }
    const record = this.users.get(database, user);
    return record ? { verifier: record.verifier, locked: record.locked } : undefined;
  }

  /** Real (not simulated) milliseconds the next statement's reply waits: a slow or hanging server. */
  private pendingDelayMs = 0;

  delayNextStatement(ms: number): void {
    this.pendingDelayMs = ms;
  }

  execute(session: SessionInfo, sql: string, params: SqlValue[]): StatementResult | Promise<StatementResult> {
    const delay = this.pendingDelayMs;
    if (delay > 0) {
      this.pendingDelayMs = 0;
      return new Promise((resolve, reject) => {
        setTimeout(() => {
          try {
            resolve(this.executeNow(session, sql, params));
          } catch (error) {
            reject(error);
          }
        }, delay);
      });
    }
    return this.executeNow(session, sql, params);
  }

  private executeNow(session: SessionInfo, sql: string, params: SqlValue[]): StatementResult {
    this.logStatement(session, sql, params);
    this.tick();
    const classified = classify(sql);
    if (classified.kind === 'unsupported') throw classified.error;
    if (classified.kind === 'select') return this.engine.query(sql, params, session.database);
    const { statement, privileges } = classified;
    if (privileges.length && !privileges.some((p) => this.users.has(session.database, session.user, p))) {
      throw new HanaError(
        258,
        `insufficient privilege: Not authorized (one of ${privileges.join(', ')} is needed)`,
        'HY000',
      );
    }
    return this.run(session, statement);
  }

  private run(session: SessionInfo, statement: Statement): StatementResult {
    switch (statement.kind) {
      case 'commit':
      case 'rollback':
      case 'set':
        return { kind: 'none' };
      case 'alterConfiguration':
        return this.alterConfiguration(session, statement);
      case 'stopDatabase':
      case 'startDatabase':
      case 'alterDatabaseNoRestart':
        return this.tenantLifecycle(session, statement);
      case 'call':
        return runControlCall(this, statement);
      default: {
        const handler = this.handlers.find((h) => h.handles(statement));
        if (!handler)
          throw new HanaError(7, `feature not supported: ${statement.kind} is not simulated`, 'HY000');
        const result = handler.run(session, statement);
        this.saveState();
        return result;
      }
    }
  }

  private requireSystemDb(session: SessionInfo, what: string): void {
    if (session.database !== 'SYSTEMDB')
      throw new HanaError(258, `insufficient privilege: ${what} is only possible from SYSTEMDB`);
  }

  private requireTenant(name: string): string {
    const database = name.toUpperCase();
    if (!this.landscape.databases.includes(database) || database === 'SYSTEMDB') {
      throw new HanaError(259, `invalid table name: database ${database} does not exist or is not a tenant`);
    }
    return database;
  }

  private alterConfiguration(
    session: SessionInfo,
    statement: Extract<Statement, { kind: 'alterConfiguration' }>,
  ): StatementResult {
    if (statement.file.toLowerCase() !== 'global.ini') {
      throw new HanaError(7, `feature not supported: hanasim keeps only global.ini, not ${statement.file}`);
    }
    if (statement.layer !== 'DATABASE' && session.database !== 'SYSTEMDB')
      this.requireSystemDb(session, `changing the ${statement.layer} layer`);
    if (statement.layer !== 'SYSTEM' && !statement.layerName) {
      throw new HanaError(257, `sql syntax error: the ${statement.layer} layer needs its name`);
    }
    const name =
      statement.layer === 'DATABASE'
        ? this.landscapeDatabase(statement.layerName!)
        : statement.layerName?.toLowerCase();
    if (statement.layer === 'HOST' && !this.landscape.hosts.some((h) => h.name === name)) {
      throw new HanaError(259, `invalid table name: host ${name} does not exist`);
    }
    for (const entry of statement.entries) {
      if (statement.action === 'set')
        this.config.set(statement.layer, name, entry.section, entry.key, entry.value ?? '');
      else this.config.unset(statement.layer, name, entry.section, entry.key);
    }
    this.refreshInifileContents();
    return { kind: 'count', count: 0 };
  }

  private landscapeDatabase(name: string): string {
    const database = name.toUpperCase();
    if (!this.landscape.databases.includes(database))
      throw new HanaError(259, `invalid table name: database ${database} does not exist`);
    return database;
  }

  private tenantLifecycle(
    session: SessionInfo,
    statement: Extract<Statement, { kind: 'stopDatabase' | 'startDatabase' | 'alterDatabaseNoRestart' }>,
  ): StatementResult {
    this.requireSystemDb(session, 'tenant management');
    const database = this.requireTenant(statement.database);
    if (statement.kind === 'alterDatabaseNoRestart') setRestartMode(this.engine, database, 'NO');
    else setDatabaseActive(this.engine, database, statement.kind === 'startDatabase');
    return { kind: 'count', count: 0 };
  }

  prepare(session: SessionInfo, sql: string): PreparedInfo {
    this.logStatement(session, sql, []);
    const classified = classify(sql);
    if (classified.kind === 'unsupported') throw classified.error;
    if (classified.kind !== 'select') return { parameters: [] };
    const prepared = this.engine.prepare(sql, session.database === 'SYSTEMDB');
    return {
      parameters: Array.from({ length: prepared.compiled.paramCount }, () => ({
        type: 'NVARCHAR' as const,
        length: 5000,
      })),
      resultColumns: prepared.compiled.columns,
    };
  }

  closeSession(): void {}

  close(): void {
    this.saveState();
    this.engine.close();
    if (this.statementLog !== undefined) fs.closeSync(this.statementLog);
    this.statementLog = undefined;
  }
}

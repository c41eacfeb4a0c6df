import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HanaError, type SessionInfo } from '../shared/types';
import { SqlEngine } from '../sql/engine';
import { classify } from '../sql/statements';
import type { Statement } from '../sql/statementAst';
import { writeBackupFile } from './backupFiles';
import { isDatabaseActive, setDatabaseActive, writeLandscape } from './landscape';
import { RecoveryHandler } from './recoveryHandler';
import { lastRecovery } from './recoveryState';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 1, 0, 0, 0);
const NOW = T0 + 24 * HOUR;
const HOST = 'hxehost';
const VOLUME = 3;
const SYSTEM: SessionInfo = { sessionId: 1, user: 'SYSTEM', database: 'SYSTEMDB' };
const DATA_DIR = '/usr/sap/HXE/HDB90/backup/data/DB_PRD';
const LOG_DIR = '/usr/sap/HXE/HDB90/backup/log/DB_PRD';

/** Log position at a time: 1000 at T0, one position per second. */
const posAt = (ms: number): number => 1000 + Math.round((ms - T0) / 1000);

const utc = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

function parse(sql: string): Statement {
  const c = classify(sql);
  if (c.kind !== 'statement') throw new Error(`not a statement: ${sql}`);
  return c.statement;
}

class Fixture {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-recovery-'));
  readonly engine = new SqlEngine(':memory:', () => new Date(NOW));
  readonly handler = new RecoveryHandler({
    engine: this.engine,
    dataDir: this.dir,
    clock: { nowMs: () => NOW },
  });
  private entryId = 0;

  constructor() {
    writeLandscape(
      this.engine,
      {
        sid: 'HXE',
        instance: '90',
        hosts: [{ name: HOST, role: 'MASTER' }],
        databases: ['SYSTEMDB', 'PRD'],
        version: '2.00.070.00',
      },
      new Date(T0 - 30 * 24 * HOUR),
    );
    setDatabaseActive(this.engine, 'PRD', false);
  }

  close(): void {
    this.engine.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private entry(backupId: number, type: string, startMs: number, state = 'successful'): void {
    this.engine.insert('M_BACKUP_CATALOG', [
      {
        DATABASE_NAME: 'PRD',
        ENTRY_ID: ++this.entryId,
        ENTRY_TYPE_NAME: type,
        BACKUP_ID: backupId,
        SYS_START_TIME: new Date(startMs),
        UTC_START_TIME: new Date(startMs),
        SYS_END_TIME: new Date(startMs + 60_000),
        UTC_END_TIME: new Date(startMs + 60_000),
        STATE_NAME: state,
        MESSAGE: '<ok>',
        SYSTEM_ID: 'HXE',
        SOURCE_DATABASE_NAME: 'PRD',
      },
    ]);
  }

  /** A data backup (complete / differential / incremental / data snapshot) with its volume piece. */
  data(type: string, startMs: number, state = 'successful'): number {
    const backupId = startMs + 7; // unique: log backups use their start time
    this.entry(backupId, type, startMs, state);
    const snapshot = type === 'data snapshot';
    const hanaPath = snapshot ? null : `${DATA_DIR}/B${backupId}_databackup_${VOLUME}_1`;
    this.engine.insert('M_BACKUP_CATALOG_FILES', [
      {
        DATABASE_NAME: 'PRD',
        ENTRY_ID: this.entryId,
        BACKUP_ID: backupId,
        SOURCE_ID: VOLUME,
        SOURCE_TYPE_NAME: 'volume',
        HOST,
        SERVICE_TYPE_NAME: 'indexserver',
        REDO_LOG_POSITION: posAt(startMs),
        BACKUP_SIZE: 4_000_000_000,
        DESTINATION_PATH: hanaPath,
        DESTINATION_TYPE_NAME: snapshot ? 'snapshot' : 'file',
      },
    ]);
    if (hanaPath) {
      writeBackupFile(path.join(this.dir, hanaPath), {
        backupId,
        database: 'PRD',
        entryType: type,
        serviceType: 'indexserver',
        volumeId: VOLUME,
        declaredSize: 4_000_000_000,
        lastRedoLogPosition: posAt(startMs),
      });
    }
    return backupId;
  }

  /** A log backup made at `atMs` covering the log since `fromMs`. */
  log(fromMs: number, atMs: number): { backupId: number; file: string } {
    const backupId = atMs;
    const first = posAt(fromMs);
    const last = posAt(atMs);
    this.entry(backupId, 'log backup', atMs);
    const hanaPath = `${LOG_DIR}/log_backup_${VOLUME}_0_${first}_${last}.${backupId}`;
    this.engine.insert('M_BACKUP_CATALOG_FILES', [
      {
        DATABASE_NAME: 'PRD',
        ENTRY_ID: this.entryId,
        BACKUP_ID: backupId,
        SOURCE_ID: VOLUME,
        SOURCE_TYPE_NAME: 'volume',
        HOST,
        SERVICE_TYPE_NAME: 'indexserver',
        FIRST_REDO_LOG_POSITION: first,
        LAST_REDO_LOG_POSITION: last,
        BACKUP_SIZE: (last - first) * 64,
        DESTINATION_PATH: hanaPath,
        DESTINATION_TYPE_NAME: 'file',
        LOG_SEGMENT_COUNT: 1,
      },
    ]);
    const file = path.join(this.dir, hanaPath);
    writeBackupFile(file, {
      backupId,
      database: 'PRD',
      entryType: 'log backup',
      serviceType: 'indexserver',
      volumeId: VOLUME,
      declaredSize: (last - first) * 64,
      firstRedoLogPosition: first,
      lastRedoLogPosition: last,
    });
    return { backupId, file };
  }

  /** Hourly log backups from `fromH` to `toH` hours after T0. */
  hourlyLogs(fromH: number, toH: number): { backupId: number; file: string }[] {
    const out = [];
    for (let h = fromH + 1; h <= toH; h++) out.push(this.log(T0 + (h - 1) * HOUR, T0 + h * HOUR));
    return out;
  }

  run(sql: string, session: SessionInfo = SYSTEM): ReturnType<RecoveryHandler['run']> {
    return this.handler.run(session, parse(sql));
  }
}

function hanaError(code: number, pattern: RegExp): (err: unknown) => boolean {
  return (err: unknown) => {
    assert.ok(err instanceof HanaError, `expected a HanaError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    assert.match(err.message, pattern);
    return true;
  };
}

describe('hanasim recovery', () => {
  let fx: Fixture;
  beforeEach(() => (fx = new Fixture()));
  afterEach(() => fx.close());

  it('recovers to a point inside the log chain and reaches exactly that point', () => {
    const full = fx.data('complete data backup', T0);
    const logs = fx.hourlyLogs(0, 10);
    const target = T0 + 3.5 * HOUR;
    assert.deepEqual(fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(target)}' CLEAR LOG`), {
      kind: 'count',
      count: 0,
    });
    const r = lastRecovery(fx.engine, 'PRD')!;
    assert.equal(r.reachedMs, target);
    assert.equal(r.baseBackupId, full);
    assert.deepEqual(
      r.logBackupIds,
      logs.slice(0, 4).map((l) => l.backupId),
    );
    assert.equal(r.positions[`${HOST}:${VOLUME}`], posAt(target));
    assert.ok(r.durationMs > 0 && r.endMs === NOW + r.durationMs);
    // The tenant is started again and the views still answer.
    assert.equal(isDatabaseActive(fx.engine, 'PRD'), true);
    const dbs = fx.engine.query(`SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = 'PRD'`);
    assert.deepEqual(dbs.kind === 'rows' && dbs.rows, [['YES']]);
    const db = fx.engine.query(`SELECT DATABASE_NAME FROM M_DATABASE`, [], 'PRD');
    assert.deepEqual(db.kind === 'rows' && db.rows, [['PRD']]);
  });

  it('uses the newest complete data backup before the point', () => {
    fx.data('complete data backup', T0);
    fx.hourlyLogs(0, 6);
    const newer = fx.data('complete data backup', T0 + 6.5 * HOUR);
    fx.hourlyLogs(6, 10);
    fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 8.25 * HOUR)}' CLEAR LOG`);
    const r = lastRecovery(fx.engine, 'PRD')!;
    assert.equal(r.baseBackupId, newer);
    assert.deepEqual(r.logBackupIds, [T0 + 7 * HOUR, T0 + 8 * HOUR, T0 + 9 * HOUR]);
    assert.equal(r.reachedMs, T0 + 8.25 * HOUR);
  });

  it('recovers to a backup id (RECOVER DATA USING BACKUP_ID … CLEAR LOG)', () => {
    const full = fx.data('complete data backup', T0);
    fx.hourlyLogs(0, 4);
    fx.data('complete data backup', T0 + 4 * HOUR);
    fx.run(`RECOVER DATA FOR PRD USING BACKUP_ID ${full} CLEAR LOG`);
    const r = lastRecovery(fx.engine, 'PRD')!;
    assert.equal(r.baseBackupId, full);
    assert.equal(r.reachedMs, T0);
    assert.deepEqual(r.logBackupIds, []);
  });

  it('recovers to a point with USING BACKUP_ID as the base', () => {
    const first = fx.data('complete data backup', T0);
    fx.hourlyLogs(0, 6);
    fx.data('complete data backup', T0 + 2 * HOUR);
    fx.run(
      `RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 5 * HOUR)}' CLEAR LOG USING BACKUP_ID ${first}`,
    );
    const r = lastRecovery(fx.engine, 'PRD')!;
    assert.equal(r.baseBackupId, first);
    assert.equal(r.logBackupIds.length, 5);
  });

  it('recovers from a data snapshot plus log backups (USING SNAPSHOT)', () => {
    fx.data('complete data backup', T0);
    fx.hourlyLogs(0, 8);
    const snapshot = fx.data('data snapshot', T0 + 2 * HOUR);
    fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 4.5 * HOUR)}' CLEAR LOG USING SNAPSHOT`);
    const r = lastRecovery(fx.engine, 'PRD')!;
    assert.equal(r.baseBackupId, snapshot);
    assert.deepEqual(r.logBackupIds, [T0 + 3 * HOUR, T0 + 4 * HOUR, T0 + 5 * HOUR]);
    assert.equal(r.reachedMs, T0 + 4.5 * HOUR);
  });

  it('refuses when a log backup file was deleted, naming it', () => {
    fx.data('complete data backup', T0);
    const logs = fx.hourlyLogs(0, 6);
    fs.rmSync(logs[2].file);
    assert.throws(
      () => fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 5 * HOUR)}' CLEAR LOG`),
      hanaError(
        449,
        new RegExp(
          `log backup not found: log backup ${logs[2].backupId} of ${utc(T0 + 3 * HOUR)} UTC: .*log_backup_3_0_`,
        ),
      ),
    );
    assert.equal(isDatabaseActive(fx.engine, 'PRD'), false);
    // A point before the lost file is still reachable.
    fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 1.5 * HOUR)}' CLEAR LOG`);
  });

  it('refuses a damaged data backup file', () => {
    const full = fx.data('complete data backup', T0);
    fs.writeFileSync(path.join(fx.dir, `${DATA_DIR}/B${full}_databackup_${VOLUME}_1`), 'garbage');
    assert.throws(
      () => fx.run(`RECOVER DATA FOR PRD USING BACKUP_ID ${full} CLEAR LOG`),
      hanaError(449, /backup piece damaged .*complete data backup/),
    );
  });

  it('refuses a gap in the log backups, naming the positions and times', () => {
    fx.data('complete data backup', T0);
    fx.log(T0, T0 + HOUR);
    fx.log(T0 + 2 * HOUR, T0 + 3 * HOUR);
    assert.throws(
      () => fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 2.5 * HOUR)}' CLEAR LOG`),
      hanaError(
        449,
        new RegExp(
          `redo log positions ${posAt(T0 + HOUR)} to ${posAt(T0 + 2 * HOUR)} .*${utc(T0 + HOUR)} UTC`,
        ),
      ),
    );
  });

  it('refuses while the tenant is running', () => {
    const full = fx.data('complete data backup', T0);
    setDatabaseActive(fx.engine, 'PRD', true);
    assert.throws(
      () => fx.run(`RECOVER DATA FOR PRD USING BACKUP_ID ${full} CLEAR LOG`),
      hanaError(448, /database PRD is running; stop it first with ALTER SYSTEM STOP DATABASE PRD/),
    );
  });

  it('refuses SYSTEMDB and points to recoverSys.py', () => {
    assert.throws(
      () => fx.run(`RECOVER DATA FOR SYSTEMDB USING SNAPSHOT CLEAR LOG`),
      hanaError(448, /recoverSys\.py/),
    );
    assert.throws(() => fx.run(`RECOVER DATA USING SNAPSHOT CLEAR LOG`), hanaError(448, /recoverSys\.py/));
  });

  it('refuses a recovery issued from the tenant itself', () => {
    assert.throws(
      () => fx.run(`RECOVER DATA FOR PRD USING SNAPSHOT CLEAR LOG`, { ...SYSTEM, database: 'PRD' }),
      hanaError(448, /from the system database/),
    );
  });

  it('refuses when there is no complete data backup before the point', () => {
    fx.data('complete data backup', T0 + 2 * HOUR);
    fx.data('complete data backup', T0 - HOUR, 'failed');
    assert.throws(
      () => fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + HOUR)}' CLEAR LOG`),
      hanaError(449, new RegExp(`no successful complete data backup found before ${utc(T0 + HOUR)} UTC`)),
    );
  });

  it('refuses a point in the future', () => {
    fx.data('complete data backup', T0);
    assert.throws(
      () => fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(NOW + HOUR)}' CLEAR LOG`),
      hanaError(449, /lies in the future/),
    );
  });

  it('uses every incremental after the complete data backup', () => {
    fx.data('complete data backup', T0);
    fx.hourlyLogs(0, 5);
    const i1 = fx.data('incremental data backup', T0 + 1.5 * HOUR);
    const i2 = fx.data('incremental data backup', T0 + 2.5 * HOUR);
    fx.data('incremental data backup', T0 + 4.5 * HOUR);
    fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 3.5 * HOUR)}' CLEAR LOG`);
    const r = lastRecovery(fx.engine, 'PRD')!;
    assert.deepEqual(r.deltaBackupIds, [i1, i2]);
    // Log replay starts at the last incremental's position: hours 3 and 4 only.
    assert.deepEqual(r.logBackupIds, [T0 + 3 * HOUR, T0 + 4 * HOUR]);
  });

  it('uses only the latest differential', () => {
    fx.data('complete data backup', T0);
    fx.hourlyLogs(0, 5);
    fx.data('differential data backup', T0 + 1.5 * HOUR);
    const d2 = fx.data('differential data backup', T0 + 2.5 * HOUR);
    fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 3.5 * HOUR)}' CLEAR LOG`);
    const r = lastRecovery(fx.engine, 'PRD')!;
    assert.deepEqual(r.deltaBackupIds, [d2]);
  });

  it('refuses a point behind a log missing entry', () => {
    fx.data('complete data backup', T0);
    fx.hourlyLogs(0, 3);
    fx.engine.insert('M_BACKUP_CATALOG', [
      {
        DATABASE_NAME: 'PRD',
        ENTRY_ID: 999,
        ENTRY_TYPE_NAME: 'log missing',
        BACKUP_ID: T0 + 2 * HOUR + 1,
        UTC_START_TIME: new Date(T0 + 2 * HOUR + 1),
        SYS_START_TIME: new Date(T0 + 2 * HOUR + 1),
        STATE_NAME: 'successful',
      },
    ]);
    assert.throws(
      () => fx.run(`RECOVER DATABASE FOR PRD UNTIL TIMESTAMP '${utc(T0 + 2.5 * HOUR)}' CLEAR LOG`),
      hanaError(449, /log missing: catalog entry .*'log missing'/),
    );
  });

  it('recovers RECOVER DATA USING FILE by prefix', () => {
    const full = fx.data('complete data backup', T0);
    fx.run(`RECOVER DATA FOR PRD USING FILE ('${DATA_DIR}/B${full}') CLEAR LOG`);
    assert.equal(lastRecovery(fx.engine, 'PRD')!.baseBackupId, full);
  });
});

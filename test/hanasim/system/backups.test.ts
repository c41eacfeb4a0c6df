import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqlEngine } from '../sql/engine';
import { parseStatement } from '../sql/statements';
import { HanaError, type SessionInfo, type SqlValue } from '../shared/types';
import { readBackupFile } from './backupFiles';
import { BackupFaults, BackupSubsystem, type Topology } from './backups';
import { SimClock } from './clock';
import { ConfigLayers } from './configLayers';

const START = Date.UTC(2024, 0, 1, 0, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

const topology: Topology = {
  sid: 'PRD',
  instance: '00',
  hosts: [
    {
      name: 'hana01',
      services: [
        { name: 'nameserver', port: 30001, volumeId: 1 },
        { name: 'indexserver', port: 30003, volumeId: 3 },
      ],
    },
    { name: 'hana02', services: [{ name: 'indexserver', port: 30040, volumeId: 4 }] },
  ],
  databases: ['SYSTEMDB', 'PRD'],
};

const SYS: SessionInfo = { sessionId: 1, user: 'SYSTEM', database: 'SYSTEMDB' };
const TENANT: SessionInfo = { sessionId: 2, user: 'BACKUP_OP', database: 'PRD' };

describe('hanasim backup subsystem', () => {
  let dir: string;
  let engine: SqlEngine;
  let clock: SimClock;
  let config: ConfigLayers;
  let faults: BackupFaults;
  let backups: BackupSubsystem;

  /** Opens the engine and the subsystem on the data directory (again, after a simulated crash). */
  function open(dataBackupRate = 1e9): void {
    engine = new SqlEngine(path.join(dir, 'hanasim.db'), () => clock.now());
    config = new ConfigLayers(dir, 'PRD', '00');
    faults = new BackupFaults();
    backups = new BackupSubsystem({
      engine,
      config,
      clock,
      dataDir: dir,
      topology,
      faults,
      dataBackupRate,
    });
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-backups-'));
    clock = new SimClock(START, 1, () => 0);
    open();
  });
  afterEach(() => {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (sql: string, session: SessionInfo = SYS) => backups.run(session, parseStatement(sql));

  function rows(sql: string, params: SqlValue[] = [], database = 'SYSTEMDB'): Record<string, SqlValue>[] {
    const result = engine.query(sql, params, database);
    assert.equal(result.kind, 'rows');
    if (result.kind !== 'rows') return [];
    return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c.name, r[i]])));
  }

  const catalog = (database = 'PRD', type?: string) =>
    rows(
      `SELECT BACKUP_ID, ENTRY_TYPE_NAME, STATE_NAME, MESSAGE, UTC_START_TIME, UTC_END_TIME, COMMENT
       FROM M_BACKUP_CATALOG ${type ? 'WHERE ENTRY_TYPE_NAME = ?' : ''} ORDER BY BACKUP_ID`,
      type ? [type] : [],
      database,
    );
  const files = (backupId: SqlValue, database = 'PRD') =>
    rows(
      `SELECT SOURCE_ID, SOURCE_TYPE_NAME, HOST, SERVICE_TYPE_NAME, REDO_LOG_POSITION, FIRST_REDO_LOG_POSITION,
       LAST_REDO_LOG_POSITION, BACKUP_SIZE, DESTINATION_PATH, DESTINATION_TYPE_NAME, EXTERNAL_BACKUP_ID, LOG_SEGMENT_COUNT
       FROM M_BACKUP_CATALOG_FILES WHERE BACKUP_ID = ? ORDER BY SOURCE_ID`,
      [backupId],
      database,
    );

  function rejects(fn: () => unknown, code: number, text: RegExp): void {
    assert.throws(fn, (err: unknown) => {
      assert.ok(err instanceof HanaError, String(err));
      assert.equal(err.code, code);
      assert.match(err.message, text);
      return true;
    });
  }

  function advance(ms: number): void {
    clock.advance(ms);
    backups.tick();
  }

  describe('data backups', () => {
    it('writes a complete backup to file: catalog entry, one file row per volume plus topology, real files', () => {
      run("BACKUP DATA USING FILE ('COMPLETE_DATA_BACKUP')", TENANT);
      const [entry] = catalog();
      assert.equal(entry.ENTRY_TYPE_NAME, 'complete data backup');
      assert.equal(entry.STATE_NAME, 'successful');
      assert.equal(entry.MESSAGE, '<ok>');
      assert.ok(Number(entry.BACKUP_ID) >= START);
      assert.equal((entry.UTC_START_TIME as Date).getTime(), START);
      assert.ok((entry.UTC_END_TIME as Date).getTime() > START);
      const pieces = files(entry.BACKUP_ID);
      assert.deepEqual(
        pieces.map((p) => [p.SOURCE_TYPE_NAME, p.SOURCE_ID, p.HOST, p.SERVICE_TYPE_NAME]),
        [
          ['topology', 0, 'hana01', 'nameserver'],
          ['volume', 3, 'hana01', 'indexserver'],
          ['volume', 4, 'hana02', 'indexserver'],
        ],
      );
      for (const p of pieces) {
        assert.equal(p.DESTINATION_TYPE_NAME, 'file');
        assert.match(
          String(p.DESTINATION_PATH),
          /^\/usr\/sap\/PRD\/HDB00\/backup\/data\/DB_PRD\/COMPLETE_DATA_BACKUP_databackup_\d_1$/,
        );
        const state = readBackupFile(path.join(dir, String(p.DESTINATION_PATH)));
        assert.ok(state.ok);
        assert.equal(state.ok && state.header.backupId, Number(entry.BACKUP_ID));
      }
      assert.equal(typeof pieces[1].REDO_LOG_POSITION, 'number');
      // The tenant's catalog is its own: SYSTEMDB's is empty, SYS_DATABASES shows it.
      assert.equal(catalog('SYSTEMDB').length, 0);
      assert.equal(rows('SELECT DATABASE_NAME FROM SYS_DATABASES.M_BACKUP_CATALOG')[0].DATABASE_NAME, 'PRD');
    });

    it('honours basepath_databackup and a FOR <tenant> from SYSTEMDB; FULL SYSTEM backs up every database', () => {
      config.set('SYSTEM', undefined, 'persistence', 'basepath_databackup', '/hana/backup/data');
      run("BACKUP DATA FOR PRD USING FILE ('WEEKLY')");
      const [entry] = catalog();
      assert.equal(
        files(entry.BACKUP_ID)[1].DESTINATION_PATH,
        '/hana/backup/data/DB_PRD/WEEKLY_databackup_3_1',
      );
      assert.ok(fs.existsSync(path.join(dir, 'hana/backup/data/DB_PRD/WEEKLY_databackup_3_1')));
      run("BACKUP DATA FOR FULL SYSTEM USING FILE ('FULL')");
      assert.equal(catalog('SYSTEMDB').length, 1);
      assert.equal(catalog('PRD').length, 2);
      assert.equal(
        files(catalog('SYSTEMDB')[0].BACKUP_ID, 'SYSTEMDB')[1].DESTINATION_PATH,
        '/hana/backup/data/SYSTEMDB/FULL_databackup_1_1',
      );
      rejects(() => run("BACKUP DATA FOR NOPE USING FILE ('X')"), 259, /NOPE/);
      rejects(() => run("BACKUP DATA FOR FULL SYSTEM USING FILE ('X')", TENANT), 448, /system database/);
    });

    it('refuses a differential or incremental before any complete backup', () => {
      rejects(() => run("BACKUP DATA DIFFERENTIAL USING FILE ('D')", TENANT), 448, /No data backups found/);
      rejects(() => run("BACKUP DATA INCREMENTAL USING FILE ('I')", TENANT), 448, /No data backups found/);
      assert.equal(catalog().length, 0);
    });

    it('runs complete, differential and incremental backups to Backint with EBIDs and agent objects', () => {
      const base = '/usr/sap/PRD/SYS/global/hdb/backint/DB_PRD';
      run(`BACKUP DATA FOR PRD USING BACKINT ('${base}/FULL')`);
      advance(DAY);
      run(`BACKUP DATA DIFFERENTIAL FOR PRD USING BACKINT ('${base}/DIFF')`);
      advance(DAY);
      run(`BACKUP DATA INCREMENTAL FOR PRD USING BACKINT ('INCR')`);
      const data = catalog().filter((e) => e.ENTRY_TYPE_NAME !== 'log backup');
      assert.deepEqual(
        data.map((e) => [e.ENTRY_TYPE_NAME, e.STATE_NAME]),
        [
          ['complete data backup', 'successful'],
          ['differential data backup', 'successful'],
          ['incremental data backup', 'successful'],
        ],
      );
      const [full, diff, incr] = data.map((e) => files(e.BACKUP_ID));
      assert.ok(Number(diff[1].BACKUP_SIZE) < Number(full[1].BACKUP_SIZE));
      for (const p of [...full, ...diff, ...incr]) {
        assert.equal(p.DESTINATION_TYPE_NAME, 'backint');
        assert.ok(String(p.DESTINATION_PATH).startsWith(`${base}/`));
        assert.ok(p.EXTERNAL_BACKUP_ID);
        assert.ok(
          readBackupFile(path.join(dir, 'backint-agent', 'objects', String(p.EXTERNAL_BACKUP_ID))).ok,
        );
      }
      assert.match(String(incr[1].DESTINATION_PATH), /INCR_databackup_incremental_\d+_\d+_3_1$/);
      rejects(() => run("BACKUP DATA FOR PRD USING BACKINT ('/tmp/elsewhere')"), 448, /110091/);
    });

    it('fails a Backint backup when the agent fails (fault fail-next), then works again', () => {
      faults.inject('backint', 'fail-next');
      rejects(
        () => run("BACKUP DATA USING BACKINT ('FULL')", TENANT),
        448,
        /backup could not be completed: \[110507\]/,
      );
      let [entry] = catalog();
      assert.equal(entry.STATE_NAME, 'failed');
      assert.match(String(entry.MESSAGE), /110507/);
      run("BACKUP DATA USING BACKINT ('FULL')", TENANT);
      entry = catalog()[1];
      assert.equal(entry.STATE_NAME, 'successful');
    });

    it('runs ASYNCHRONOUS backups in simulated time with progress, refuses a second one, and cancels', () => {
      const slow = 200_000_000; // bytes/s: 8 GiB + 8 GiB take ~86 s
      engine.close();
      open(slow);
      run("BACKUP DATA USING FILE ('A') ASYNCHRONOUS", TENANT);
      let [entry] = catalog();
      assert.equal(entry.STATE_NAME, 'running');
      assert.equal(entry.UTC_END_TIME, null);
      rejects(() => run("BACKUP DATA USING FILE ('B')", TENANT), 448, /already running/);
      advance(20_000);
      const progress = () =>
        rows(
          'SELECT SERVICE_NAME, STATE_NAME, BACKUP_SIZE, TRANSFERRED_SIZE FROM M_BACKUP_PROGRESS',
          [],
          'PRD',
        );
      const p1 = progress();
      assert.equal(p1.length, 2);
      assert.ok(
        Number(p1[0].TRANSFERRED_SIZE) > 0 && Number(p1[0].TRANSFERRED_SIZE) < Number(p1[0].BACKUP_SIZE),
      );
      advance(20_000);
      assert.ok(Number(progress()[0].TRANSFERRED_SIZE) > Number(p1[0].TRANSFERRED_SIZE));
      assert.ok(!fs.existsSync(path.join(dir, '/usr/sap/PRD/HDB00/backup/data/DB_PRD/A_databackup_3_1')));
      advance(60_000);
      [entry] = catalog();
      assert.equal(entry.STATE_NAME, 'successful');
      const took = (entry.UTC_END_TIME as Date).getTime() - START; // 2 × 8 GiB at 200 MB/s
      assert.ok(took > 85_000 && took < 87_000, String(took));
      assert.ok(fs.existsSync(path.join(dir, '/usr/sap/PRD/HDB00/backup/data/DB_PRD/A_databackup_3_1')));
      assert.deepEqual(
        progress().map((p) => [p.STATE_NAME, p.TRANSFERRED_SIZE === p.BACKUP_SIZE]),
        [
          ['successful', true],
          ['successful', true],
        ],
      );

      run("BACKUP DATA USING FILE ('C') ASYNCHRONOUS", TENANT);
      const id = catalog().at(-1)!.BACKUP_ID;
      advance(5_000);
      run(`BACKUP CANCEL ${String(id)}`, TENANT);
      assert.equal(catalog().at(-1)!.STATE_NAME, 'cancel pending');
      advance(1_000);
      entry = catalog().at(-1)!;
      assert.equal(entry.STATE_NAME, 'canceled');
      assert.ok(entry.UTC_END_TIME instanceof Date);
      assert.ok(!fs.existsSync(path.join(dir, '/usr/sap/PRD/HDB00/backup/data/DB_PRD/C_databackup_3_1')));
      rejects(() => run(`BACKUP CANCEL ${String(id)}`, TENANT), 448, /no running backup/);
    });

    it('marks a backup found running at start-up as failed (kill -9)', () => {
      engine.close();
      open(1e6);
      run("BACKUP DATA USING FILE ('A') ASYNCHRONOUS", TENANT);
      engine.close(); // the process dies
      open();
      assert.equal(backups.recoverAfterCrash(), 1);
      const [entry] = catalog();
      assert.equal(entry.STATE_NAME, 'failed');
      assert.match(String(entry.MESSAGE), /interrupted/);
      advance(DAY);
      assert.equal(catalog()[0].STATE_NAME, 'failed');
      run("BACKUP DATA USING FILE ('B')", TENANT); // no longer blocked
    });
  });

  describe('log backups', () => {
    const logs = (database = 'PRD') =>
      rows(
        `SELECT c.BACKUP_ID, f.HOST, f.FIRST_REDO_LOG_POSITION, f.LAST_REDO_LOG_POSITION, f.LOG_SEGMENT_COUNT,
           f.DESTINATION_PATH, f.DESTINATION_TYPE_NAME, c.UTC_START_TIME
         FROM M_BACKUP_CATALOG c JOIN M_BACKUP_CATALOG_FILES f ON f.BACKUP_ID = c.BACKUP_ID
         WHERE c.ENTRY_TYPE_NAME = 'log backup' ORDER BY c.BACKUP_ID`,
        [],
        database,
      );

    it('start only after the first complete backup and come every log_backup_timeout_s, contiguous', () => {
      advance(DAY);
      assert.equal(logs().length, 0);
      run("BACKUP DATA USING FILE ('FULL')", TENANT);
      const full = catalog()[0];
      const redo = files(full.BACKUP_ID).filter((f) => f.SOURCE_TYPE_NAME === 'volume');
      advance(15 * MIN - 1);
      assert.equal(logs().length, 0);
      advance(1);
      let l = logs();
      assert.deepEqual(l.map((x) => x.HOST).sort(), ['hana01', 'hana02']);
      assert.equal(l[0].FIRST_REDO_LOG_POSITION, redo.find((r) => r.HOST === l[0].HOST)!.REDO_LOG_POSITION);
      assert.equal(l[0].LOG_SEGMENT_COUNT, 1);
      assert.equal(l[0].DESTINATION_TYPE_NAME, 'file');
      assert.match(
        String(l[0].DESTINATION_PATH),
        /^\/usr\/sap\/PRD\/HDB00\/backup\/log\/DB_PRD\/log_backup_\d_0_\d+_\d+\.\d+$/,
      );
      assert.ok(readBackupFile(path.join(dir, String(l[0].DESTINATION_PATH))).ok);
      advance(15 * MIN);
      l = logs().filter((x) => x.HOST === 'hana01');
      assert.equal(l.length, 2);
      assert.equal(l[1].FIRST_REDO_LOG_POSITION, l[0].LAST_REDO_LOG_POSITION);
      assert.equal(
        (l[1].UTC_START_TIME as Date).getTime() - (l[0].UTC_START_TIME as Date).getTime(),
        15 * MIN,
      );
      // SYSTEMDB has had no complete backup: no log backups there.
      assert.equal(logs('SYSTEMDB').length, 0);
    });

    it('follow a HOST-layer log_backup_timeout_s on that host only, and go to Backint when configured', () => {
      config.set('HOST', 'hana02', 'persistence', 'log_backup_timeout_s', '300');
      run("BACKUP DATA USING FILE ('FULL')", TENANT);
      advance(15 * MIN);
      const l = logs();
      assert.equal(l.filter((x) => x.HOST === 'hana01').length, 1);
      assert.equal(l.filter((x) => x.HOST === 'hana02').length, 3);
      config.set('DATABASE', 'PRD', 'backup', 'log_backup_using_backint', 'true');
      advance(15 * MIN);
      const last = logs().at(-1)!;
      assert.equal(last.DESTINATION_TYPE_NAME, 'backint');
      assert.match(
        String(last.DESTINATION_PATH),
        /^\/usr\/sap\/PRD\/SYS\/global\/hdb\/backint\/DB_PRD\/log_backup_/,
      );
    });

    it('stop with log_mode = overwrite and with enable_auto_log_backup = no', () => {
      run("BACKUP DATA USING FILE ('FULL')", TENANT);
      advance(15 * MIN);
      assert.equal(logs().length, 2);
      config.set('DATABASE', 'PRD', 'persistence', 'enable_auto_log_backup', 'no');
      advance(DAY);
      assert.equal(logs().length, 2);
      config.set('DATABASE', 'PRD', 'persistence', 'enable_auto_log_backup', 'yes');
      advance(15 * MIN);
      const l = logs();
      assert.equal(l.length, 4); // the first after re-enabling covers the whole day
      config.set('DATABASE', 'PRD', 'persistence', 'log_mode', 'overwrite');
      advance(DAY);
      assert.equal(logs().length, 4);
      config.set('DATABASE', 'PRD', 'persistence', 'log_mode', 'normal');
      advance(DAY);
      assert.equal(logs().length, 4, 'after overwrite, log backups wait for a new complete backup');
      run("BACKUP DATA USING FILE ('FULL2')", TENANT);
      advance(15 * MIN);
      assert.equal(logs().length, 6);
    });

    it('catches up 7 days of 15-minute log backups quickly', function () {
      this.timeout(20_000);
      run("BACKUP DATA USING FILE ('FULL')", TENANT);
      run("BACKUP DATA USING FILE ('FULL')");
      const t0 = Date.now();
      advance(7 * DAY);
      const elapsed = Date.now() - t0;
      const count = (db: string) =>
        Number(
          rows("SELECT COUNT(*) AS N FROM M_BACKUP_CATALOG WHERE ENTRY_TYPE_NAME = 'log backup'", [], db)[0]
            .N,
        );
      assert.equal(count('PRD'), 2 * 672);
      assert.equal(count('SYSTEMDB'), 672);
      assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
      const ids = logs().map((x) => Number(x.BACKUP_ID));
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => a - b),
      );
      assert.equal(new Set(ids).size, ids.length);
    });

    it('dropLogBackup deletes the file but leaves the catalog as HANA would', () => {
      run("BACKUP DATA USING FILE ('FULL')", TENANT);
      advance(30 * MIN);
      const victim = logs()[1];
      backups.dropLogBackup(Number(victim.BACKUP_ID));
      assert.equal(readBackupFile(path.join(dir, String(victim.DESTINATION_PATH))).ok, false);
      assert.equal(logs().length, 4);
      rejects(() => backups.dropLogBackup(1), 448, /no log backup/);
    });
  });

  describe('snapshots', () => {
    it('prepares one snapshot at a time and closes it successful or unsuccessful', () => {
      run("BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT 'storage snap'");
      const [snap] = catalog('SYSTEMDB');
      assert.equal(snap.ENTRY_TYPE_NAME, 'data snapshot');
      assert.equal(snap.STATE_NAME, 'prepared');
      assert.equal(snap.COMMENT, 'storage snap');
      rejects(() => run('BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT'), 448, /already prepared/);
      rejects(() => run('BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT', TENANT), 448, /system database/);
      run(
        `BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID ${String(snap.BACKUP_ID)} SUCCESSFUL 'ebs-123'`,
      );
      const closed = catalog('SYSTEMDB')[0];
      assert.equal(closed.STATE_NAME, 'successful');
      assert.equal(closed.MESSAGE, '<ok>');
      assert.equal(files(snap.BACKUP_ID, 'SYSTEMDB')[0].EXTERNAL_BACKUP_ID, 'ebs-123');
      rejects(
        () =>
          run(`BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID ${String(snap.BACKUP_ID)} UNSUCCESSFUL`),
        448,
        /not prepared/,
      );
      advance(MIN);
      run('BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT');
      const second = catalog('SYSTEMDB', 'data snapshot')[1];
      run(
        `BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID ${String(second.BACKUP_ID)} UNSUCCESSFUL 'snap failed'`,
      );
      const failed = catalog('SYSTEMDB', 'data snapshot')[1];
      assert.equal(failed.STATE_NAME, 'failed');
      assert.equal(failed.MESSAGE, 'snap failed');
    });
  });

  describe('catalog delete', () => {
    function history(): { full1: number; full2: number } {
      run("BACKUP DATA USING FILE ('F1')", TENANT);
      advance(DAY);
      run("BACKUP DATA DIFFERENTIAL USING BACKINT ('D1')", TENANT);
      advance(DAY);
      run("BACKUP DATA USING FILE ('F2')", TENANT);
      advance(HOURS(1));
      const fulls = catalog('PRD', 'complete data backup').map((e) => Number(e.BACKUP_ID));
      return { full1: fulls[0], full2: fulls[1] };
    }
    const HOURS = (n: number) => n * 60 * MIN;

    it('ALL BEFORE BACKUP_ID needs a complete backup and removes older entries, COMPLETE also their files', () => {
      const { full1, full2 } = history();
      const logId = Number(catalog('PRD', 'log backup')[0].BACKUP_ID);
      rejects(
        () => run(`BACKUP CATALOG DELETE ALL BEFORE BACKUP_ID ${logId}`, TENANT),
        448,
        /not a complete data backup/,
      );
      rejects(() => run('BACKUP CATALOG DELETE ALL BEFORE BACKUP_ID 42', TENANT), 448, /not found/);
      const oldFiles = rows(
        'SELECT DESTINATION_PATH, DESTINATION_TYPE_NAME, EXTERNAL_BACKUP_ID FROM M_BACKUP_CATALOG_FILES WHERE BACKUP_ID < ?',
        [full2],
        'PRD',
      );
      run(`BACKUP CATALOG DELETE FOR PRD ALL BEFORE BACKUP_ID ${full2} COMPLETE`);
      const left = catalog();
      assert.ok(left.every((e) => Number(e.BACKUP_ID) >= full2));
      assert.equal(left[0].BACKUP_ID, full2);
      assert.ok(left.length > 1);
      assert.equal(files(full1).length, 0);
      for (const f of oldFiles) {
        const where =
          f.DESTINATION_TYPE_NAME === 'backint'
            ? path.join(dir, 'backint-agent', 'objects', String(f.EXTERNAL_BACKUP_ID))
            : path.join(dir, String(f.DESTINATION_PATH));
        assert.ok(!fs.existsSync(where), where);
      }
    });

    it('without COMPLETE keeps the files; WITH BACKINT removes only Backint objects; BACKUP_ID deletes one entry', () => {
      const { full1, full2 } = history();
      const f1 = files(full1).map((f) => path.join(dir, String(f.DESTINATION_PATH)));
      const diff = catalog('PRD', 'differential data backup')[0];
      const diffObjects = files(diff.BACKUP_ID).map((f) =>
        path.join(dir, 'backint-agent', 'objects', String(f.EXTERNAL_BACKUP_ID)),
      );
      run(`BACKUP CATALOG DELETE BACKUP_ID ${full1}`, TENANT);
      assert.equal(catalog().filter((e) => e.BACKUP_ID === full1).length, 0);
      assert.ok(f1.every((f) => fs.existsSync(f)));
      run(`BACKUP CATALOG DELETE ALL BEFORE BACKUP_ID ${full2} WITH BACKINT`, TENANT);
      assert.ok(diffObjects.every((f) => !fs.existsSync(f)));
      assert.ok(f1.every((f) => fs.existsSync(f)));
      assert.equal(Number(catalog()[0].BACKUP_ID), full2);
    });
  });
});

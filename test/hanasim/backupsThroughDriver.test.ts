// The backup subsystem as a client sees it: statements and catalog views through @sap/hana-client.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulatorSession } from './support/simulatorSession';

interface CatalogRow {
  BACKUP_ID: number | string;
  ENTRY_TYPE_NAME: string;
  STATE_NAME: string;
}

describe('hanasim backups through @sap/hana-client', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('backups');

  const catalog = (database = 'HXE') =>
    session.system.exec<CatalogRow>(
      'SELECT BACKUP_ID, ENTRY_TYPE_NAME, STATE_NAME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ? ORDER BY ENTRY_ID',
      [database],
    );

  it('estimates backup sizes per service', async () => {
    const rows = await session.system.exec<{ SERVICE_NAME: string; ESTIMATED_SIZE: number }>(
      "SELECT SERVICE_NAME, ESTIMATED_SIZE FROM SYS_DATABASES.M_BACKUP_SIZE_ESTIMATIONS WHERE DATABASE_NAME = 'HXE' AND ENTRY_TYPE_NAME = 'complete data backup'",
    );
    assert.ok(
      rows.length > 0 && rows.every((r) => r.SERVICE_NAME === 'indexserver' && Number(r.ESTIMATED_SIZE) > 0),
    );
  });

  it('refuses a differential before any complete backup (448)', async () => {
    await assert.rejects(
      session.system.exec("BACKUP DATA DIFFERENTIAL FOR HXE USING FILE ('diff')"),
      (error: { code: number; message: string }) =>
        error.code === 448 && /No data backups found/.test(error.message),
    );
  });

  it('takes a complete backup to file and to Backint, with files on disk', async () => {
    await session.system.exec("BACKUP DATA FOR HXE USING FILE ('full')");
    await session.system.exec(
      "BACKUP DATA FOR HXE USING BACKINT ('/usr/sap/HXE/SYS/global/hdb/backint/DB_HXE/full')",
    );
    const rows = (await catalog()).filter((r) => r.ENTRY_TYPE_NAME === 'complete data backup');
    assert.deepEqual(
      rows.map((r) => r.STATE_NAME),
      ['successful', 'successful'],
    );
    const files = await session.system.exec<{ DESTINATION_TYPE_NAME: string; DESTINATION_PATH: string }>(
      "SELECT DESTINATION_TYPE_NAME, DESTINATION_PATH FROM SYS_DATABASES.M_BACKUP_CATALOG_FILES WHERE DATABASE_NAME = 'HXE' AND SOURCE_TYPE_NAME = 'volume'",
    );
    const onDisk = files.filter((f) => f.DESTINATION_TYPE_NAME === 'file');
    assert.ok(
      onDisk.length > 0 && onDisk.every((f) => fs.existsSync(path.join(session.dataDir, f.DESTINATION_PATH))),
    );
    assert.ok(files.some((f) => f.DESTINATION_TYPE_NAME === 'backint'));
  });

  it('writes log backups at the effective timeout once a complete backup exists', async () => {
    const before = (await catalog()).filter((r) => r.ENTRY_TYPE_NAME === 'log backup').length;
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('1h')");
    const after = (await catalog()).filter((r) => r.ENTRY_TYPE_NAME === 'log backup').length;
    assert.equal(after - before, 4, 'one per 900 s (the default) in an hour');
    await session.system.exec(
      "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'HOST', 'hxehost') SET ('persistence', 'log_backup_timeout_s') = '300' WITH RECONFIGURE",
    );
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('1h')");
    const faster = (await catalog()).filter((r) => r.ENTRY_TYPE_NAME === 'log backup').length;
    assert.equal(faster - after, 12, 'the HOST layer’s 300 s rules the host');
  });

  it('runs an ASYNCHRONOUS backup with progress, and cancels it', async () => {
    await session.system.exec("BACKUP DATA FOR HXE USING FILE ('async') ASYNCHRONOUS");
    const [running] = (await catalog()).filter((r) => r.STATE_NAME === 'running');
    assert.ok(running, 'a running entry');
    const progress = await session.system.exec<{ STATE_NAME: string }>(
      "SELECT STATE_NAME FROM SYS_DATABASES.M_BACKUP_PROGRESS WHERE DATABASE_NAME = 'HXE'",
    );
    assert.ok(progress.some((p) => p.STATE_NAME === 'running'));
    await assert.rejects(
      session.system.exec("BACKUP DATA FOR HXE USING FILE ('second')"),
      (error: { code: number }) => error.code === 448,
    );
    await session.system.exec(`BACKUP CANCEL ${running.BACKUP_ID}`);
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('1s')");
    const entry = (await catalog()).find((r) => String(r.BACKUP_ID) === String(running.BACKUP_ID));
    assert.equal(entry?.STATE_NAME, 'canceled');
  });

  it('fails the next Backint backup on an injected fault', async () => {
    await session.system.exec("CALL HANASIM.INJECT_FAULT('backint', 'fail-next')");
    await assert.rejects(
      session.system.exec(
        "BACKUP DATA FOR HXE USING BACKINT ('/usr/sap/HXE/SYS/global/hdb/backint/DB_HXE/f')",
      ),
    );
    const last = (await catalog()).filter((r) => r.ENTRY_TYPE_NAME === 'complete data backup').at(-1);
    assert.equal(last?.STATE_NAME, 'failed');
  });

  it('runs a Backint backup ten times slower on an injected slow fault', async () => {
    const duration = async () => {
      const [row] = await session.system.exec<{ S: number }>(
        "SELECT TOP 1 SECONDS_BETWEEN(UTC_START_TIME, UTC_END_TIME) AS S FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'HXE' AND ENTRY_TYPE_NAME = 'complete data backup' AND STATE_NAME = 'successful' ORDER BY ENTRY_ID DESC",
      );
      return Number(row.S);
    };
    await session.system.exec(
      "BACKUP DATA FOR HXE USING BACKINT ('/usr/sap/HXE/SYS/global/hdb/backint/DB_HXE/normal')",
    );
    const normal = await duration();
    await session.system.exec("CALL HANASIM.INJECT_FAULT('backint', 'slow')");
    await session.system.exec(
      "BACKUP DATA FOR HXE USING BACKINT ('/usr/sap/HXE/SYS/global/hdb/backint/DB_HXE/slow')",
    );
    const slow = await duration();
    assert.ok(slow >= normal * 9, `slow ${slow} s vs normal ${normal} s`);
  });

  it('shows a backup interrupted by kill -9 as failed after the restart', async () => {
    await session.system.exec("BACKUP DATA FOR HXE USING FILE ('crash') ASYNCHRONOUS");
    const [running] = (await catalog()).filter((r) => r.STATE_NAME === 'running');
    assert.ok(running, 'the backup is running when the process dies');
    await session.restart(true);
    const entry = (await catalog()).find((r) => String(r.BACKUP_ID) === String(running.BACKUP_ID));
    assert.equal(entry?.STATE_NAME, 'failed');
  });
});

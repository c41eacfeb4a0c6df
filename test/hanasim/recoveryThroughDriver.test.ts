// Recovery as the extension will run it: stop the tenant, RECOVER, start — through @sap/hana-client.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { start, type RunningSimulator } from './start';
import { connect, type Connection } from './support/driver';

const PASSWORD = 'Manager1-Sim';
const hanaTime = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19);

describe('hanasim recovery through @sap/hana-client', function () {
  this.timeout(60000);
  let dataDir: string;
  let sim: RunningSimulator;
  let system: Connection;

  const now = async () =>
    new Date(
      `${String((await system.exec<{ T: string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY'))[0].T).replace(' ', 'T')}Z`,
    );

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-recovery-'));
    sim = await start({ dataDir, password: PASSWORD });
    system = await connect({ port: sim.ports.SYSTEMDB, password: PASSWORD });
    await system.exec("BACKUP DATA FOR HXE USING FILE ('full')");
    await system.exec("CALL HANASIM.ADVANCE_CLOCK('3h')");
  });
  after(async () => {
    await system?.close();
    await sim?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses to recover a running tenant, and SYSTEMDB over SQL', async () => {
    const target = hanaTime(new Date((await now()).getTime() - 3_600_000));
    await assert.rejects(
      system.exec(`RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${target}' CLEAR LOG`),
      (e: { code: number; message: string }) => e.code === 448 && /running/.test(e.message),
    );
    await assert.rejects(
      system.exec(`RECOVER DATABASE FOR SYSTEMDB UNTIL TIMESTAMP '${target}' CLEAR LOG`),
      (e: { message: string }) => /recoverSys\.py/.test(e.message),
    );
  });

  it('recovers a stopped tenant to the requested second', async () => {
    const target = new Date((await now()).getTime() - 90 * 60_000);
    await system.exec('ALTER SYSTEM STOP DATABASE HXE');
    await system.exec(`RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${hanaTime(target)}' CLEAR LOG`);
    const [status] = await system.exec<{ ACTIVE_STATUS: string }>(
      "SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = 'HXE'",
    );
    assert.equal(status.ACTIVE_STATUS, 'YES', 'the tenant runs again');
    const tenant = await connect({ port: sim.ports.HXE, password: PASSWORD });
    await tenant.close();
  });

  it('refuses with the reason when a log backup file is missing', async () => {
    await system.exec("CALL HANASIM.ADVANCE_CLOCK('2h')");
    const logs = await system.exec<{ BACKUP_ID: number; UTC_START_TIME: string }>(
      "SELECT BACKUP_ID, UTC_START_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'HXE' AND ENTRY_TYPE_NAME = 'log backup' ORDER BY UTC_START_TIME DESC",
    );
    const dropped = logs[2];
    await system.exec(`CALL HANASIM.DROP_LOG_BACKUP(${dropped.BACKUP_ID})`);
    await system.exec('ALTER SYSTEM STOP DATABASE HXE');
    const target = hanaTime(await now());
    await assert.rejects(
      system.exec(`RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${target}' CLEAR LOG`),
      (e: { code: number; message: string }) =>
        e.code === 449 && e.message.includes(String(dropped.BACKUP_ID)),
    );
    await system.exec('ALTER SYSTEM START DATABASE HXE');
  });
});

describe('hanasim snapshot + log replay through @sap/hana-client', function () {
  this.timeout(60000);
  let dataDir: string;
  let sim: RunningSimulator;
  let system: Connection;
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-snapshot-'));
    sim = await start({ dataDir, password: PASSWORD });
    system = await connect({ port: sim.ports.SYSTEMDB, password: PASSWORD });
  });
  after(async () => {
    await system?.close();
    await sim?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('confirms a snapshot for every database and recovers a tenant from it plus the logs', async () => {
    await system.exec("BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT 'ebs'");
    const prepared = await system.exec<{ DATABASE_NAME: string; BACKUP_ID: number }>(
      "SELECT DATABASE_NAME, BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE ENTRY_TYPE_NAME = 'data snapshot' AND STATE_NAME = 'prepared' ORDER BY DATABASE_NAME",
    );
    assert.deepEqual(
      prepared.map((p) => p.DATABASE_NAME),
      ['HXE', 'SYSTEMDB'],
    );
    await system.exec(
      `BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID ${prepared[0].BACKUP_ID} SUCCESSFUL 'snap-0001'`,
    );
    await system.exec("CALL HANASIM.ADVANCE_CLOCK('2h')");
    const [{ T: nowText }] = await system.exec<{ T: string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY');
    const target = new Date(new Date(`${String(nowText).replace(' ', 'T')}Z`).getTime() - 30 * 60_000);
    await system.exec('ALTER SYSTEM STOP DATABASE HXE');
    await system.exec(
      `RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${hanaTime(target)}' CLEAR LOG USING SNAPSHOT`,
    );
    const [status] = await system.exec<{ ACTIVE_STATUS: string }>(
      "SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = 'HXE'",
    );
    assert.equal(status.ACTIVE_STATUS, 'YES');
  });
});

describe('hanasim lost log and lost data backups through @sap/hana-client', function () {
  this.timeout(60000);
  let dataDir: string;
  let sim: RunningSimulator;
  let system: Connection;
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-loss-'));
    sim = await start({ dataDir, password: PASSWORD });
    system = await connect({ port: sim.ports.SYSTEMDB, password: PASSWORD });
    await system.exec("BACKUP DATA FOR HXE USING FILE ('full')");
    await system.exec("CALL HANASIM.ADVANCE_CLOCK('1h')");
  });
  after(async () => {
    await system?.close();
    await sim?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("records lost log as a 'log missing' entry that no recovery can cross", async () => {
    await system.exec("CALL HANASIM.ADVANCE_CLOCK('10m')");
    await system.exec("CALL HANASIM.LOSE_LOG('HXE')");
    const missing = await system.exec<{ ENTRY_TYPE_NAME: string }>(
      "SELECT ENTRY_TYPE_NAME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'HXE' AND ENTRY_TYPE_NAME = 'log missing'",
    );
    assert.equal(missing.length, 1);
    await system.exec("CALL HANASIM.ADVANCE_CLOCK('1h')");
    const [{ T }] = await system.exec<{ T: string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY');
    await system.exec('ALTER SYSTEM STOP DATABASE HXE');
    await assert.rejects(
      system.exec(`RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${String(T).slice(0, 19)}' CLEAR LOG`),
      (e: { code: number; message: string }) => e.code === 449 && /log (backup )?missing/.test(e.message),
    );
    await system.exec('ALTER SYSTEM START DATABASE HXE');
  });

  it('refuses a recovery from a data backup whose files are gone', async () => {
    const [full] = await system.exec<{ BACKUP_ID: number }>(
      "SELECT BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'HXE' AND ENTRY_TYPE_NAME = 'complete data backup'",
    );
    await system.exec(`CALL HANASIM.DELETE_BACKUP_FILE(${full.BACKUP_ID})`);
    await system.exec('ALTER SYSTEM STOP DATABASE HXE');
    await assert.rejects(
      system.exec(`RECOVER DATA FOR HXE USING BACKUP_ID ${full.BACKUP_ID} CLEAR LOG`),
      (e: { code: number; message: string }) => e.code === 449 && e.message.includes(String(full.BACKUP_ID)),
    );
    await system.exec('ALTER SYSTEM START DATABASE HXE');
  });
});

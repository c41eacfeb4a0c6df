// Recovery as the extension will run it: stop the tenant, RECOVER, start — through @sap/hana-client.
import * as assert from 'node:assert/strict';
import { connect } from './support/driver';
import { PASSWORD, SimulatorSession } from './support/simulatorSession';

const hanaTime = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19);

describe('hanasim recovery through @sap/hana-client', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('recovery');
  before(async () => {
    await session.system.exec("BACKUP DATA FOR HXE USING FILE ('full')");
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('3h')");
  });

  it('refuses to recover a running tenant, and SYSTEMDB over SQL', async () => {
    const target = hanaTime(new Date((await session.now()).getTime() - 3_600_000));
    await assert.rejects(
      session.system.exec(`RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${target}' CLEAR LOG`),
      (e: { code: number; message: string }) => e.code === 448 && /running/.test(e.message),
    );
    await assert.rejects(
      session.system.exec(`RECOVER DATABASE FOR SYSTEMDB UNTIL TIMESTAMP '${target}' CLEAR LOG`),
      (e: { message: string }) => /recoverSys\.py/.test(e.message),
    );
  });

  it('recovers a stopped tenant to a point in time and starts it again', async () => {
    const target = new Date((await session.now()).getTime() - 90 * 60_000);
    await session.system.exec('ALTER SYSTEM STOP DATABASE HXE');
    await session.system.exec(`RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${hanaTime(target)}' CLEAR LOG`);
    const [status] = await session.system.exec<{ ACTIVE_STATUS: string }>(
      "SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = 'HXE'",
    );
    assert.equal(status.ACTIVE_STATUS, 'YES', 'the tenant runs again');
    const tenant = await connect({ port: session.sim.ports.HXE, password: PASSWORD });
    await tenant.close();
  });

  it('refuses with the reason when a log backup file is missing', async () => {
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('2h')");
    const logs = await session.system.exec<{ BACKUP_ID: number; UTC_START_TIME: string }>(
      "SELECT BACKUP_ID, UTC_START_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'HXE' AND ENTRY_TYPE_NAME = 'log backup' ORDER BY UTC_START_TIME DESC",
    );
    const dropped = logs[2];
    await session.system.exec(`CALL HANASIM.DROP_LOG_BACKUP(${dropped.BACKUP_ID})`);
    await session.system.exec('ALTER SYSTEM STOP DATABASE HXE');
    const target = hanaTime(await session.now());
    await assert.rejects(
      session.system.exec(`RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${target}' CLEAR LOG`),
      (e: { code: number; message: string }) =>
        e.code === 449 && e.message.includes(String(dropped.BACKUP_ID)),
    );
    await session.system.exec('ALTER SYSTEM START DATABASE HXE');
  });
});

describe('hanasim snapshot + log replay through @sap/hana-client', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('snapshot');

  it('confirms a snapshot for every database and recovers a tenant from it plus the logs', async () => {
    await session.system.exec("BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT 'ebs'");
    const prepared = await session.system.exec<{ DATABASE_NAME: string; BACKUP_ID: number }>(
      "SELECT DATABASE_NAME, BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE ENTRY_TYPE_NAME = 'data snapshot' AND STATE_NAME = 'prepared' ORDER BY DATABASE_NAME",
    );
    assert.deepEqual(
      prepared.map((p) => p.DATABASE_NAME),
      ['HXE', 'SYSTEMDB'],
    );
    await session.system.exec(
      `BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID ${prepared[0].BACKUP_ID} SUCCESSFUL 'snap-0001'`,
    );
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('2h')");
    const [{ T: nowText }] = await session.system.exec<{ T: string }>(
      'SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY',
    );
    const target = new Date(new Date(`${String(nowText).replace(' ', 'T')}Z`).getTime() - 30 * 60_000);
    await session.system.exec('ALTER SYSTEM STOP DATABASE HXE');
    await session.system.exec(
      `RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${hanaTime(target)}' CLEAR LOG USING SNAPSHOT`,
    );
    const [status] = await session.system.exec<{ ACTIVE_STATUS: string }>(
      "SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = 'HXE'",
    );
    assert.equal(status.ACTIVE_STATUS, 'YES');
  });
});

describe('hanasim lost log and lost data backups through @sap/hana-client', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('loss');
  before(async () => {
    await session.system.exec("BACKUP DATA FOR HXE USING FILE ('full')");
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('1h')");
  });

  it("records lost log as a 'log missing' entry that no recovery can cross", async () => {
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('10m')");
    await session.system.exec("CALL HANASIM.LOSE_LOG('HXE')");
    const missing = await session.system.exec<{ ENTRY_TYPE_NAME: string }>(
      "SELECT ENTRY_TYPE_NAME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'HXE' AND ENTRY_TYPE_NAME = 'log missing'",
    );
    assert.equal(missing.length, 1);
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('1h')");
    const [{ T }] = await session.system.exec<{ T: string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY');
    await session.system.exec('ALTER SYSTEM STOP DATABASE HXE');
    await assert.rejects(
      session.system.exec(`RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '${String(T).slice(0, 19)}' CLEAR LOG`),
      (e: { code: number; message: string }) => e.code === 449 && /log (backup )?missing/.test(e.message),
    );
    await session.system.exec('ALTER SYSTEM START DATABASE HXE');
  });

  it('refuses a recovery from a data backup whose files are gone', async () => {
    const [full] = await session.system.exec<{ BACKUP_ID: number }>(
      "SELECT BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'HXE' AND ENTRY_TYPE_NAME = 'complete data backup'",
    );
    await session.system.exec(`CALL HANASIM.DELETE_BACKUP_FILE(${full.BACKUP_ID})`);
    await session.system.exec('ALTER SYSTEM STOP DATABASE HXE');
    await assert.rejects(
      session.system.exec(`RECOVER DATA FOR HXE USING BACKUP_ID ${full.BACKUP_ID} CLEAR LOG`),
      (e: { code: number; message: string }) => e.code === 449 && e.message.includes(String(full.BACKUP_ID)),
    );
    await session.system.exec('ALTER SYSTEM START DATABASE HXE');
  });
});

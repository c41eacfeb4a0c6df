// hanasim as the extension sees it: through @sap/hana-client, over TCP, in a child process.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { connect } from './support/driver';
import { PASSWORD, SimulatorSession } from './support/simulatorSession';
import { Simulator } from './system/simulator';

describe('hanasim through @sap/hana-client', function () {
  this.timeout(60000);
  // A user without configuration rights, created before the first start (there is no CREATE USER).
  const session = SimulatorSession.use('driver', {
    prepare(dataDir) {
      const prepared = new Simulator({
        dataDir,
        systemPassword: PASSWORD,
        startTime: new Date('2026-11-01T00:00:00Z'),
      });
      prepared.users.add('SYSTEMDB', 'MONITOR', PASSWORD, ['CATALOG READ']);
      prepared.close();
    },
  });

  it('authenticates, and refuses a wrong password with error 10', async () => {
    const connection = await connect({ port: session.sim.ports.SYSTEMDB, password: PASSWORD });
    assert.deepEqual(await connection.exec('SELECT * FROM DUMMY'), [{ DUMMY: 'X' }]);
    await connection.close();
    await assert.rejects(
      connect({ port: session.sim.ports.SYSTEMDB, password: 'wrong' }),
      (error: { code: number }) => error.code === 10,
    );
  });

  it('routes to a tenant through SYSTEMDB and serves its own views', async () => {
    const tenant = await connect({
      port: session.sim.ports.SYSTEMDB,
      password: PASSWORD,
      databaseName: 'HXE',
    });
    assert.deepEqual(await tenant.exec('SELECT DATABASE_NAME FROM M_DATABASES'), [{ DATABASE_NAME: 'HXE' }]);
    await tenant.close();
    const system = await connect({ port: session.sim.ports.SYSTEMDB, password: PASSWORD });
    const rows = await system.exec<{ DATABASE_NAME: string; ACTIVE_STATUS: string }>(
      'SELECT DATABASE_NAME, ACTIVE_STATUS FROM M_DATABASES ORDER BY DATABASE_NAME',
    );
    assert.deepEqual(rows, [
      { DATABASE_NAME: 'HXE', ACTIVE_STATUS: 'YES' },
      { DATABASE_NAME: 'SYSTEMDB', ACTIVE_STATUS: 'YES' },
    ]);
    await system.close();
  });

  it('changes configuration layers as real files, visible in M_INIFILE_CONTENTS', async () => {
    const connection = await connect({ port: session.sim.ports.SYSTEMDB, password: PASSWORD });
    await connection.exec(
      "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'HOST', 'hxehost') SET ('persistence', 'log_backup_timeout_s') = '3600' WITH RECONFIGURE",
    );
    const rows = await connection.exec(
      "SELECT LAYER_NAME, HOST, VALUE FROM M_INIFILE_CONTENTS WHERE KEY = 'log_backup_timeout_s'",
    );
    assert.deepEqual(rows, [{ LAYER_NAME: 'HOST', HOST: 'hxehost', VALUE: '3600' }]);
    const file = path.join(session.dataDir, 'fs/usr/sap/HXE/HDB90/hxehost/global.ini');
    assert.match(fs.readFileSync(file, 'utf8'), /\[persistence\]\nlog_backup_timeout_s = 3600\n/);
    assert.deepEqual(await connection.exec('SELECT LOG_BACKUP_TIMEOUT FROM M_BACKUP_CONFIGURATION'), [
      { LOG_BACKUP_TIMEOUT: 3600 },
    ]);
    await connection.exec(
      "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'HOST', 'hxehost') UNSET ('persistence', 'log_backup_timeout_s') WITH RECONFIGURE",
    );
    assert.deepEqual(await connection.exec('SELECT LOG_BACKUP_TIMEOUT FROM M_BACKUP_CONFIGURATION'), [
      { LOG_BACKUP_TIMEOUT: 900 },
    ]);
    assert.deepEqual(
      await connection.exec("SELECT VALUE FROM M_INIFILE_CONTENTS WHERE KEY = 'log_backup_timeout_s'"),
      [],
    );
    await connection.close();
  });

  it('refuses a statement without its privilege with 258', async () => {
    const monitor = await connect({ port: session.sim.ports.SYSTEMDB, user: 'MONITOR', password: PASSWORD });
    assert.equal((await monitor.exec('SELECT COUNT(*) AS N FROM M_BACKUP_CATALOG'))[0].N, 0);
    await assert.rejects(
      monitor.exec(
        "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'SYSTEM') SET ('backup', 'log_backup_using_backint') = 'true'",
      ),
      (error: { code: number; message: string }) => error.code === 258 && /INIFILE ADMIN/.test(error.message),
    );
    await monitor.close();
  });

  it('reports unknown tables and syntax errors with HANA’s codes', async () => {
    const connection = await connect({ port: session.sim.ports.SYSTEMDB, password: PASSWORD });
    await assert.rejects(
      connection.exec('SELECT * FROM NO_SUCH_VIEW'),
      (error: { code: number }) => error.code === 259,
    );
    await assert.rejects(
      connection.exec('BACKUP DATA SOMEHOW'),
      (error: { code: number }) => error.code === 257,
    );
    await connection.close();
  });

  it('stops and starts a tenant: a stopped tenant takes no connections', async () => {
    const system = await connect({ port: session.sim.ports.SYSTEMDB, password: PASSWORD });
    await system.exec('ALTER SYSTEM STOP DATABASE HXE');
    assert.deepEqual(
      await system.exec(
        "SELECT ACTIVE_STATUS, ACTIVE_STATUS_DETAILS FROM M_DATABASES WHERE DATABASE_NAME = 'HXE'",
      ),
      [{ ACTIVE_STATUS: 'NO', ACTIVE_STATUS_DETAILS: 'stopped by user' }],
    );
    await assert.rejects(connect({ port: session.sim.ports.HXE, password: PASSWORD }));
    await system.exec('ALTER SYSTEM START DATABASE HXE');
    const tenant = await connect({ port: session.sim.ports.HXE, password: PASSWORD });
    await tenant.close();
    await system.close();
  });

  it('moves its clock on request', async () => {
    const connection = await connect({ port: session.sim.ports.SYSTEMDB, password: PASSWORD });
    const before = (
      await connection.exec<{ T: Date | string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY')
    )[0].T;
    await connection.exec("CALL HANASIM.ADVANCE_CLOCK('7d')");
    const after = (
      await connection.exec<{ T: Date | string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY')
    )[0].T;
    const days = (new Date(String(after)).getTime() - new Date(String(before)).getTime()) / 86_400_000;
    assert.ok(days >= 7 && days < 7.1, `moved ${days} days`);
    await connection.close();
  });

  it('keeps its state across a restart and a kill -9', async () => {
    const connection = await connect({ port: session.sim.ports.SYSTEMDB, password: PASSWORD });
    await connection.exec(
      "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'SYSTEM') SET ('backup', 'log_backup_using_backint') = 'true' WITH RECONFIGURE",
    );
    await connection.close();
    await session.restart(true);
    const again = await connect({ port: session.sim.ports.SYSTEMDB, password: PASSWORD });
    assert.deepEqual(
      await again.exec("SELECT VALUE FROM M_INIFILE_CONTENTS WHERE KEY = 'log_backup_using_backint'"),
      [{ VALUE: 'true' }],
    );
    const time = (await again.exec<{ T: string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY'))[0].T;
    assert.ok(
      new Date(String(time)).getTime() > new Date('2026-11-08T00:00:00Z').getTime(),
      'simulated time went on from where it was',
    );
    await again.close();
  });
});

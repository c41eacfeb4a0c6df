// The statement log: what a client sent through @sap/hana-client, as the simulator received it.
import * as assert from 'node:assert/strict';
import { connect } from './support/driver';
import { PASSWORD, SimulatorSession } from './support/simulatorSession';

describe('hanasim statement log through @sap/hana-client', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('statements', { statementLog: true });

  it('records a statement and its bound parameter exactly as the client sent them', async () => {
    const tenant = await connect({
      port: session.sim.ports.SYSTEMDB,
      password: PASSWORD,
      databaseName: 'HXE',
    });
    const sql = 'SELECT COUNT(*) AS N FROM M_BACKUP_CATALOG WHERE ENTRY_TYPE_NAME = ?';
    // Quote and semicolon: a value spliced into the SQL text would show up there, not as a parameter.
    const value = "log backup'; DROP TABLE X --";
    assert.deepEqual(await tenant.exec(sql, [value]), [{ N: 0 }]);
    await tenant.close();
    assert.deepEqual(
      session.statements().filter((s) => s.sql.includes('M_BACKUP_CATALOG')),
      [
        { database: 'HXE', user: 'SYSTEM', sql, params: [] },
        { database: 'HXE', user: 'SYSTEM', sql, params: [value] },
      ],
    );
  });

  it('records statements without parameters, and ones the simulator refuses', async () => {
    await session.system.exec('SELECT * FROM DUMMY');
    await assert.rejects(session.system.exec('SELECT NOPE FROM DUMMY'));
    const logged = session.statements().filter((s) => s.sql.includes('FROM DUMMY'));
    assert.deepEqual(
      logged.map((s) => s.sql),
      ['SELECT * FROM DUMMY', 'SELECT NOPE FROM DUMMY'],
    );
    assert.ok(logged.every((s) => s.database === 'SYSTEMDB' && s.params.length === 0));
  });
});

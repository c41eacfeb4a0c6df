import assert from 'node:assert/strict';
import { HanaClient, HdbClient, rejects, type Row } from './fixtures/drivers';
import { TEST_PASSWORD, startEchoServer, type EchoServer } from './fixtures/harness';

describe('hanasim protocol: statements, parameters, errors, transactions', () => {
  let server: EchoServer;
  let hana: HanaClient;
  let hdb: HdbClient;

  before(async () => {
    server = await startEchoServer();
    hana = await HanaClient.connect({
      serverNode: `127.0.0.1:${server.ports.HXE}`,
      uid: 'SYSTEM',
      pwd: TEST_PASSWORD,
    });
    hdb = await HdbClient.connect({
      host: '127.0.0.1',
      port: server.ports.HXE,
      user: 'SYSTEM',
      password: TEST_PASSWORD,
    });
  });
  after(async () => {
    await hana?.disconnect();
    await hdb?.disconnect();
    await server?.stop();
  });

  it('DML returns its count, DDL nothing (@sap/hana-client)', async () => {
    assert.equal(await hana.exec('INSERT INTO T VALUES (1)'), 1);
    assert.equal(await hana.exec('UPDATE T SET A = 2'), 3);
    assert.equal(await hana.exec('CREATE TABLE T2 (A INT)'), undefined);
    assert.equal(await hana.exec('INSERT INTO T VALUES (?)', ['x']), 1);
  });

  it('prepared statements: repeated execution, batches, and a result set from a prepared query', async () => {
    const stmt = await hana.prepare('SELECT ECHO(INTEGER, NVARCHAR) FROM DUMMY');
    for (let i = 0; i < 5; i++) {
      assert.deepEqual(await HanaClient.stmtExec<Row[]>(stmt, [i, `v${i}`]), [{ P1: i, P2: `v${i}` }]);
    }
    await HanaClient.drop(stmt);
    const ins = await hana.prepare('INSERT INTO T VALUES (?)');
    assert.equal(await HanaClient.stmtBatch(ins, [['a'], ['b'], ['c']]), 3);
    await HanaClient.drop(ins);
    assert.equal(await hdb.execParams('INSERT INTO T VALUES (?)', ['x']), 1);
  });

  it('serves an asynchronous backend result', async () => {
    assert.deepEqual(await hana.exec('SELECT * FROM SLOW'), [{ DUMMY: 'S' }]);
  });

  it('reports errors with code, SQL state and text, and the connection stays usable', async () => {
    const e = await rejects(hana.exec('SELECT * FROM NOPE'));
    assert.equal(e.code, 259);
    assert.equal(e.sqlState, 'HY000');
    assert.equal(
      e.message,
      'invalid table name:  Could not find table/view NOPE in schema SYSTEM: line 1 col 15 (at pos 14)',
    );
    const s = await rejects(hana.exec('FOO BAR'));
    assert.equal(s.code, 257);
    assert.equal(s.sqlState, '42000');
    const p = await rejects(hana.prepare('SELECT * FROM NOPE'));
    assert.equal(p.code, 259);
    assert.deepEqual(await hana.exec('SELECT * FROM DUMMY'), [{ DUMMY: 'X' }]);

    const h = await rejects(hdb.exec('SELECT * FROM NOPE'));
    assert.equal(h.code, 259);
    assert.equal(h.sqlState, 'HY000');
    assert.match(h.message, /invalid table name/);
    assert.equal((h as unknown as { position: number }).position, 15);
    assert.deepEqual(await hdb.exec('SELECT * FROM DUMMY'), [{ DUMMY: 'X' }]);
  });

  it('accepts COMMIT and ROLLBACK, and reports the autocommit bit to the backend', async () => {
    hana.setAutoCommit(false);
    assert.equal((await hana.exec('SELECT * FROM SESSION_INFO'))[0].AUTOCOMMIT, false);
    await hana.exec('INSERT INTO T VALUES (1)');
    await hana.commit();
    await hana.exec('INSERT INTO T VALUES (2)');
    await hana.rollback();
    assert.deepEqual(await hana.exec('SELECT * FROM TRANSACTIONS'), [{ COMMITS: 1, ROLLBACKS: 1 }]);
    hana.setAutoCommit(true);

    hdb.setAutoCommit(false);
    await hdb.exec('INSERT INTO T VALUES (1)');
    await hdb.commit();
    await hdb.rollback();
    assert.deepEqual(await hdb.exec('SELECT * FROM TRANSACTIONS'), [{ COMMITS: 1, ROLLBACKS: 1 }]);
    hdb.setAutoCommit(true);
  });
});

import assert from 'node:assert/strict';
import { HanaClient, HdbClient, rejects } from './fixtures/drivers';
import { TEST_PASSWORD, startEchoServer, type EchoServer } from './fixtures/harness';

describe('hanasim protocol: connect, authentication, tenant routing', () => {
  let server: EchoServer;
  const node = (db = 'SYSTEMDB'): string => `127.0.0.1:${server.ports[db]}`;

  before(async () => {
    server = await startEchoServer();
  });
  after(async () => {
    await server?.stop();
  });

  describe('@sap/hana-client', () => {
    it('connects with the right password and runs a query', async () => {
      const c = await HanaClient.connect({ serverNode: node(), uid: 'SYSTEM', pwd: TEST_PASSWORD });
      assert.deepEqual(await c.exec('SELECT * FROM DUMMY'), [{ DUMMY: 'X' }]);
      assert.deepEqual(await c.exec('SELECT * FROM SESSION_INFO'), [
        { USER_NAME: 'SYSTEM', DATABASE_NAME: 'SYSTEMDB', AUTOCOMMIT: true },
      ]);
      await c.disconnect();
    });

    it('refuses a wrong password with error 10', async () => {
      const e = await rejects(HanaClient.connect({ serverNode: node(), uid: 'SYSTEM', pwd: 'wrong' }));
      assert.equal(e.code, 10);
      assert.equal(e.sqlState, '28000');
      assert.match(e.message, /authentication failed/);
    });

    it('refuses an unknown user like a wrong password', async () => {
      const e = await rejects(HanaClient.connect({ serverNode: node(), uid: 'NOBODY', pwd: TEST_PASSWORD }));
      assert.equal(e.code, 10);
    });

    it('refuses a locked user with error 414', async () => {
      const e = await rejects(
        HanaClient.connect({ serverNode: node(), uid: 'LOCKED_USER', pwd: TEST_PASSWORD }),
      );
      assert.equal(e.code, 414);
      assert.match(e.message, /locked/);
    });

    it('routes to a tenant through the SYSTEMDB port and databaseName (redirect)', async () => {
      for (const db of ['HXE', 'TN2']) {
        const c = await HanaClient.connect({
          serverNode: node(),
          databaseName: db,
          uid: 'SYSTEM',
          pwd: TEST_PASSWORD,
        });
        const rows = await c.exec('SELECT * FROM SESSION_INFO');
        assert.equal(rows[0].DATABASE_NAME, db);
        await c.disconnect();
      }
    });

    it('stays on the SYSTEMDB port when databaseName is SYSTEMDB', async () => {
      const c = await HanaClient.connect({
        serverNode: node(),
        databaseName: 'SYSTEMDB',
        uid: 'SYSTEM',
        pwd: TEST_PASSWORD,
      });
      assert.equal((await c.exec('SELECT * FROM SESSION_INFO'))[0].DATABASE_NAME, 'SYSTEMDB');
      await c.disconnect();
    });

    it("connects to a tenant's own port", async () => {
      const c = await HanaClient.connect({ serverNode: node('TN2'), uid: 'SYSTEM', pwd: TEST_PASSWORD });
      assert.equal((await c.exec('SELECT * FROM SESSION_INFO'))[0].DATABASE_NAME, 'TN2');
      await c.disconnect();
    });

    it('reports an unknown database', async () => {
      const e = await rejects(
        HanaClient.connect({ serverNode: node(), databaseName: 'NOPE', uid: 'SYSTEM', pwd: TEST_PASSWORD }),
      );
      assert.match(e.message, /NOPE/);
    });
  });

  describe('hdb', () => {
    const opts = (port: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      host: '127.0.0.1',
      port,
      user: 'SYSTEM',
      password: TEST_PASSWORD,
      ...extra,
    });

    it('connects with the right password (and checks the PBKDF2 server proof)', async () => {
      const c = await HdbClient.connect(opts(server.ports.SYSTEMDB));
      assert.deepEqual(await c.exec('SELECT * FROM DUMMY'), [{ DUMMY: 'X' }]);
      await c.disconnect();
    });

    it('refuses a wrong password with error 10', async () => {
      const e = await rejects(HdbClient.connect(opts(server.ports.SYSTEMDB, { password: 'nope' })));
      assert.equal(e.code, 10);
      assert.equal(e.sqlState, '28000');
    });

    it('refuses a locked user with error 414', async () => {
      const e = await rejects(HdbClient.connect(opts(server.ports.SYSTEMDB, { user: 'LOCKED_USER' })));
      assert.equal(e.code, 414);
    });

    it('routes with databaseName on the SYSTEMDB port, and on the tenant port directly', async () => {
      const a = await HdbClient.connect(opts(server.ports.SYSTEMDB, { databaseName: 'HXE' }));
      assert.equal((await a.exec('SELECT * FROM SESSION_INFO'))[0].DATABASE_NAME, 'HXE');
      await a.disconnect();
      const b = await HdbClient.connect(opts(server.ports.TN2));
      assert.equal((await b.exec('SELECT * FROM SESSION_INFO'))[0].DATABASE_NAME, 'TN2');
      await b.disconnect();
    });
  });
});

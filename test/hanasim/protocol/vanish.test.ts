import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { HanaClient, HdbClient, type Row } from './fixtures/drivers';
import { TEST_PASSWORD, eventually, startEchoServer, type EchoServer } from './fixtures/harness';

/** A client in its own process that opens a cursor on the big result, reads a little and waits. */
const MID_FETCH_CLIENT = `
const hana = require('@sap/hana-client');
const c = hana.createConnection();
c.connect({ serverNode: process.argv[1], uid: 'SYSTEM', pwd: process.env.PW }, (err) => {
  if (err) { console.error(err); process.exit(3); }
  const rs = c.prepare('SELECT * FROM BIG').executeQuery();
  for (let i = 0; i < 1000; i++) rs.next();
  process.stdout.write('MID ' + rs.getValue(0) + '\\n');
  setInterval(() => {}, 1000);
});
`;

describe('hanasim protocol: a client that vanishes mid-fetch', () => {
  let server: EchoServer;
  let observer: HanaClient;

  const stats = async (): Promise<Row> => (await observer.exec('SELECT * FROM PROTOCOL_STATS'))[0];

  before(async () => {
    server = await startEchoServer();
    observer = await HanaClient.connect({
      serverNode: `127.0.0.1:${server.ports.SYSTEMDB}`,
      uid: 'SYSTEM',
      pwd: TEST_PASSWORD,
    });
  });
  after(async () => {
    await observer?.disconnect();
    await server?.stop();
  });

  it('frees the session and cursor of an hdb client whose socket closes without DISCONNECT', async () => {
    const before = await stats();
    const c = await HdbClient.connect({
      host: '127.0.0.1',
      port: server.ports.SYSTEMDB,
      user: 'SYSTEM',
      password: TEST_PASSWORD,
    });
    await c.execute('SELECT * FROM BIG');
    const open = await stats();
    assert.equal(open.SESSIONS, (before.SESSIONS as number) + 1);
    assert.equal(open.CURSORS, 1);
    c.vanish();
    await eventually(async () => {
      const s = await stats();
      return s.CURSORS === 0 && s.SESSIONS === before.SESSIONS;
    });
  });

  it('keeps serving others when a @sap/hana-client process is killed mid-fetch, and frees its cursor', async () => {
    const child = spawn(process.execPath, ['-e', MID_FETCH_CLIENT, `127.0.0.1:${server.ports.SYSTEMDB}`], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, PW: TEST_PASSWORD },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error('the client never got mid-fetch')), 20000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (/MID 999\n/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`client exited with ${code}`)));
      });
      assert.equal((await stats()).CURSORS, 1);
      // Another client is served while the first one holds its cursor…
      const rows = await observer.exec('SELECT * FROM BIG');
      assert.equal(rows.length, 100_000);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    // …and after the kill the server frees everything the dead client held.
    await eventually(async () => {
      const s = await stats();
      return s.CURSORS === 0 && s.SESSIONS === 1;
    });
    assert.deepEqual(await observer.exec('SELECT * FROM DUMMY'), [{ DUMMY: 'X' }]);
  });
});

import assert from 'node:assert/strict';
import { BIG_ROW_COUNT, bigRow } from './fixtures/data';
import { HanaClient, HdbClient, type Row } from './fixtures/drivers';
import { TEST_PASSWORD, startEchoServer, type EchoServer } from './fixtures/harness';

function hanaTs(d: Date): string {
  return `${d.toISOString().replace('T', ' ').replace('Z', '')}000000`;
}

/** Compares the 100,000-row result with what the fixture generated, value by value. */
function checkBig(rows: Row[], ts: (v: unknown) => number, flag: (v: boolean) => unknown): void {
  assert.equal(rows.length, BIG_ROW_COUNT);
  let mismatches = 0;
  for (let i = 0; i < BIG_ROW_COUNT; i++) {
    const [id, name, n, t, amount, f, note, val] = bigRow(i);
    const r = rows[i];
    if (
      r.ID !== id ||
      r.NAME !== name ||
      r.N !== n ||
      ts(r.TS) !== (t as Date).getTime() ||
      r.AMOUNT !== amount ||
      r.FLAG !== flag(f as boolean) ||
      r.NOTE !== note ||
      r.VAL !== val
    ) {
      if (mismatches++ < 3) assert.fail(`row ${i} differs: ${JSON.stringify(r)}`);
    }
  }
  assert.equal(mismatches, 0);
}

describe('hanasim protocol: results larger than one fetch', () => {
  let server: EchoServer;
  let hana: HanaClient;

  before(async () => {
    server = await startEchoServer();
    hana = await HanaClient.connect({
      serverNode: `127.0.0.1:${server.ports.SYSTEMDB}`,
      uid: 'SYSTEM',
      pwd: TEST_PASSWORD,
    });
  });
  after(async () => {
    await hana?.disconnect();
    await server?.stop();
  });

  it('@sap/hana-client reads 100,000 rows × 8 columns over FETCH NEXT, value by value', async () => {
    const rows = await hana.exec('SELECT * FROM BIG');
    checkBig(
      rows,
      (v) => Date.parse(`${String(v).slice(0, 23).replace(' ', 'T')}Z`),
      (f) => f,
    );
    assert.equal(hanaTs(bigRow(5)[3] as Date), rows[5].TS);
    const [stats] = await hana.exec('SELECT * FROM PROTOCOL_STATS');
    assert.equal(stats.CURSORS, 0, 'the exhausted cursor is freed');
  });

  it('hdb reads the same 100,000 rows', async () => {
    const c = await HdbClient.connect({
      host: '127.0.0.1',
      port: server.ports.SYSTEMDB,
      user: 'SYSTEM',
      password: TEST_PASSWORD,
    });
    try {
      const rows = await c.exec('SELECT * FROM BIG');
      checkBig(
        rows,
        (v) => Date.parse(`${String(v)}Z`),
        (f) => (f ? 1 : 0),
      );
    } finally {
      await c.disconnect();
    }
  });

  it('returns an empty result (ROW_NOT_FOUND) to both drivers', async () => {
    assert.deepEqual(await hana.exec('SELECT * FROM EMPTY_TABLE'), []);
    const c = await HdbClient.connect({
      host: '127.0.0.1',
      port: server.ports.SYSTEMDB,
      user: 'SYSTEM',
      password: TEST_PASSWORD,
    });
    assert.deepEqual(await c.exec('SELECT * FROM EMPTY_TABLE'), []);
    await c.disconnect();
  });

  it('closes a result set the client abandons early (CLOSE_RESULT_SET)', async () => {
    const stmt = await hana.prepare('SELECT * FROM BIG');
    const rs = await HanaClient.query(stmt);
    for (let i = 0; i < 100; i++) assert.equal(await HanaClient.next(rs), true);
    assert.equal(rs.getValue(0), 99);
    const [open] = await hana.exec('SELECT * FROM PROTOCOL_STATS');
    assert.equal(open.CURSORS, 1);
    await HanaClient.closeRs(rs);
    await HanaClient.drop(stmt);
    const [closed] = await hana.exec('SELECT * FROM PROTOCOL_STATS');
    assert.deepEqual([closed.CURSORS, closed.STATEMENTS], [0, 0]);
  });
});

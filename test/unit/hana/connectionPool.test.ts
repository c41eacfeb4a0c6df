import * as assert from 'node:assert/strict';
import { HanaConnectionPool } from '../../../client/src/hana/connectionPool';
import type { HanaCallback, HanaDriver, NativeConnection } from '../../../client/src/hana/driver';
import type { HanaAccessError } from '../../../client/src/hana/errors';

/** A fake driver: `exec` answers what `answer` says; 'hang' never answers; `refuse` fails connects. */
function fakeDriver(
  answer: (sql: string) => 'hang' | Error | unknown[],
  refuse: () => Error | null = () => null,
) {
  const stats = { connects: 0, disconnects: 0 };
  const driver: HanaDriver = {
    createConnection(): NativeConnection {
      return {
        connect: (_options, callback) => {
          stats.connects++;
          const error = refuse();
          queueMicrotask(() => callback(error));
        },
        exec: (sql: string, _params: unknown[], callback: HanaCallback<unknown>) => {
          const result = answer(sql);
          if (result === 'hang') return;
          queueMicrotask(() => (result instanceof Error ? callback(result) : callback(null, result)));
        },
        disconnect: (callback) => {
          stats.disconnects++;
          queueMicrotask(() => callback?.(null));
        },
      };
    },
  };
  return { driver, stats };
}

const settings = { name: 'fake', host: '127.0.0.1', port: 30013, user: 'U', password: 'P' };

describe('hana connection pool', () => {
  it('abandons a statement at its deadline, drops the connection and reconnects next time', async () => {
    const { driver, stats } = fakeDriver((sql) => (sql === 'SLOW' ? 'hang' : [{ X: 1 }]));
    const pool = new HanaConnectionPool(settings, { driver: () => driver, statementTimeoutMs: 30 });
    const error = await pool.exec('SLOW').then(
      () => assert.fail('finished'),
      (e: unknown) => e as HanaAccessError,
    );
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not finish within 0\.03 s/);
    assert.equal(stats.disconnects, 1);
    assert.equal(pool.stats().open, 0);
    assert.deepEqual(await pool.exec('FAST'), [{ X: 1 }]);
    assert.equal(stats.connects, 2);
    await pool.dispose();
  });

  it('drops idle connections after a lost connection, without retrying', async () => {
    let down = false;
    const { driver, stats } = fakeDriver(() =>
      down ? Object.assign(new Error('Connection down'), { code: -10807 }) : [],
    );
    const pool = new HanaConnectionPool(settings, { driver: () => driver, maxConnections: 2 });
    await Promise.all([pool.exec('A'), pool.exec('B')]);
    assert.equal(pool.stats().idle, 2);
    down = true;
    const error = await pool.exec('C').then(
      () => assert.fail('ran'),
      (e: unknown) => e as HanaAccessError,
    );
    assert.equal(error.kind, 'connectionLost');
    assert.equal(stats.connects, 2, 'no retry');
    assert.equal(pool.stats().open, 0);
    down = false;
    await pool.exec('D');
    assert.equal(stats.connects, 3);
    await pool.dispose();
  });

  it('leaves no queued call waiting when the system goes away (each one fails with its own connect)', async () => {
    let down = false;
    const { driver, stats } = fakeDriver(
      () => (down ? Object.assign(new Error('Connection down'), { code: -10807 }) : []),
      () => (down ? new Error('Connection refused (ECONNREFUSED)') : null),
    );
    const pool = new HanaConnectionPool(settings, { driver: () => driver, maxConnections: 2 });
    await Promise.all([pool.exec('A'), pool.exec('B')]);
    down = true;
    // Two calls take the two (now dead) connections, four queue behind them.
    const results = await Promise.allSettled(['1', '2', '3', '4', '5', '6'].map((s) => pool.exec(s)));
    assert.deepEqual(
      results.map((r) => r.status === 'rejected' && (r.reason as HanaAccessError).kind),
      [
        'connectionLost',
        'connectionLost',
        'connectionRefused',
        'connectionRefused',
        'connectionRefused',
        'connectionRefused',
      ],
    );
    assert.equal(stats.connects, 2 + 4, 'one connect per queued call, no retry');
    assert.deepEqual([pool.stats().open, pool.stats().waiting], [0, 0]);
    await pool.dispose();
  });

  it('queues calls beyond the pool size and keeps rows of regular errors on the connection', async () => {
    const { driver, stats } = fakeDriver((sql) =>
      sql === 'BAD' ? Object.assign(new Error('invalid table name: X'), { code: 259 }) : [{ sql }],
    );
    const pool = new HanaConnectionPool(settings, { driver: () => driver, maxConnections: 1 });
    const results = await Promise.all(['1', '2', '3'].map((s) => pool.exec<{ sql: string }>(s)));
    assert.deepEqual(
      results.map((r) => r[0].sql),
      ['1', '2', '3'],
    );
    await assert.rejects(pool.exec('BAD'), (e: HanaAccessError) => e.kind === 'notFound');
    await pool.exec('4');
    assert.equal(stats.connects, 1);
    await pool.dispose();
  });
});

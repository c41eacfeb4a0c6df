// Faults while "Back up now" (client/src/operations/backupRun.ts) follows an ASYNCHRONOUS backup
// through @sap/hana-client: the connection cut under a poll or under the BACKUP statement's reply,
// the network silently dropping packets, the simulator killed (-9) and restarted, a failing or
// hanging Backint agent, a server slower than the statement deadline. The outcome is always what
// the catalog says, never "running", and the BACKUP statement reaches HANA exactly once.
import * as assert from 'node:assert/strict';
import { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import {
  BackupStateUnknown,
  defaultBackupPrefix,
  runDataBackup,
  type BackupProgress,
  type BackupRequest,
} from '../../client/src/operations/backupRun';
import { PASSWORD, SimulatorSession } from '../hanasim/support/simulatorSession';
import { FaultProxy } from './support/faultProxy';
import { interceptingRunner } from './support/interceptingRunner';

interface CatalogRow {
  BACKUP_ID: number;
  STATE_NAME: string;
  MESSAGE: string | null;
}

describe('faults while a backup is followed', function () {
  this.timeout(60000);
  // 50× real time: a complete file backup of PRD takes about 2 s, a 'slow' Backint one about 20 s.
  const session = SimulatorSession.use('faults-backup', {
    seed: 'demo',
    speed: 50,
    deadlineMs: 60000,
    statementLog: true,
  });
  let proxy: FaultProxy;
  const pools: HanaConnectionPool[] = [];

  before(async () => {
    proxy = await FaultProxy.start(() => session.sim.ports.SYSTEMDB);
  });
  afterEach(async () => {
    proxy.disarm();
    proxy.resume();
    await session.system.exec('CALL HANASIM.CLEAR_FAULTS()');
    await Promise.all(pools.splice(0).map((p) => p.dispose()));
  });
  after(() => proxy?.close());

  /** A pool that reaches the simulator through the proxy, as the extension reaches HANA. */
  function pool(statementTimeoutMs = 20000): HanaConnectionPool {
    const created = new HanaConnectionPool(
      { name: 'PRD', host: '127.0.0.1', port: proxy.port, user: 'SYSTEM', password: PASSWORD },
      { statementTimeoutMs, connectTimeoutMs: 2000 },
    );
    pools.push(created);
    return created;
  }

  const request = (overrides: Partial<BackupRequest> = {}): BackupRequest => {
    const destination = overrides.destination ?? 'file';
    return {
      database: 'PRD',
      type: 'complete',
      destination,
      prefix: defaultBackupPrefix('PRD', 'complete', destination, session.sim.sid, new Date()),
      ...overrides,
    };
  };

  /** PRD's complete data backups as the catalog lists them, read beside the extension's connection. */
  const catalog = (): Promise<CatalogRow[]> =>
    session.system.exec<CatalogRow>(
      "SELECT BACKUP_ID, STATE_NAME, MESSAGE FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'PRD' AND ENTRY_TYPE_NAME = 'complete data backup' ORDER BY BACKUP_ID",
    );

  /** BACKUP DATA statements the simulator received since `mark` (an index into its statement log). */
  const backupsSent = (mark: number): number =>
    session
      .statements()
      .slice(mark)
      .filter((s) => s.sql.startsWith('BACKUP DATA')).length;

  /** Runs `go` and checks what nothing may break: exactly one new catalog entry, one BACKUP sent. */
  async function exactlyOneBackup(go: () => Promise<{ backupId?: string }>): Promise<CatalogRow> {
    const mark = session.statements().length;
    const before = await catalog();
    const outcome = await go();
    const after = await catalog();
    assert.equal(backupsSent(mark), 1, 'the BACKUP statement reached HANA once: no retry fired another');
    assert.equal(after.length, before.length + 1, 'one new catalog entry, none lost');
    const entry = after[after.length - 1];
    assert.equal(String(entry.BACKUP_ID), outcome.backupId, 'the outcome names the new entry');
    return entry;
  }

  /** Calls `fault` once, at the first progress report of the running backup. */
  const onceRunning = (fault: () => void) => {
    let done = false;
    return (p: BackupProgress) => {
      if (done || p.state !== 'running') return;
      done = true;
      fault();
    };
  };

  it('a poll’s reply cut off: reconnects and reports the backup’s true end, successful', async () => {
    const access = pool();
    let cut: Promise<void> | undefined;
    const states: string[] = [];
    const lost: string[] = [];
    const entry = await exactlyOneBackup(async () => {
      const outcome = await runDataBackup(access, request(), {
        pollIntervalMs: 50,
        onProgress: (p) => {
          states.push(p.state);
          onceRunning(() => (cut = proxy.cutStatementReply(10)))(p);
        },
        onConnectionLost: (message) => lost.push(message),
      });
      assert.equal(outcome.state, 'successful', outcome.message);
      return outcome;
    });
    assert.ok(cut, 'the backup was seen running');
    await cut;
    assert.equal(entry.STATE_NAME, 'successful');
    assert.equal(states.at(-1), 'successful', 'the last state reported is the final one');
    assert.match(lost[0] ?? '', /connection to PRD was lost/);
    assert.ok(access.stats().created >= 2, 'a new connection replaced the cut one');
  });

  it('the BACKUP statement’s reply lost: the started backup is found in the catalog and followed, not started again', async () => {
    const access = pool();
    let cut: Promise<void> | undefined;
    const runner = interceptingRunner(access, (text, run) => {
      if (text.startsWith('BACKUP DATA')) cut = proxy.cutStatementReply();
      return run();
    });
    const entry = await exactlyOneBackup(async () => {
      const outcome = await runDataBackup(runner, request(), { pollIntervalMs: 50 });
      assert.equal(outcome.state, 'successful', outcome.message);
      return outcome;
    });
    await cut;
    assert.equal(entry.STATE_NAME, 'successful');
  });

  it('the network silently dropping packets, then back: the poll times out, a new connection finishes the job', async () => {
    const access = pool(1000);
    const lost: string[] = [];
    const entry = await exactlyOneBackup(async () => {
      const outcome = await runDataBackup(access, request(), {
        pollIntervalMs: 50,
        onProgress: onceRunning(() => proxy.stall()),
        // Back once the extension noticed: the connections that lived through it are dead.
        onConnectionLost: (message) => {
          lost.push(message);
          proxy.cutAll();
          proxy.resume();
        },
      });
      assert.equal(outcome.state, 'successful', outcome.message);
      return outcome;
    });
    assert.equal(entry.STATE_NAME, 'successful');
    assert.match(lost[0] ?? '', /did not finish within 1 s and was abandoned/);
  });

  it('HANA out of reach for longer than the reconnect window: the state is unknown, never running or failed', async () => {
    const access = pool(500);
    const mark = session.statements().length;
    await assert.rejects(
      runDataBackup(access, request(), {
        pollIntervalMs: 50,
        reconnectWindowMs: 1500,
        onProgress: onceRunning(() => proxy.stall()),
      }),
      (error: unknown) =>
        error instanceof BackupStateUnknown &&
        /could not be followed to its end/.test(error.message) &&
        /backup catalog shows how it ended/.test(error.message),
    );
    proxy.cutAll();
    proxy.resume();
    assert.equal(backupsSent(mark), 1, 'no second BACKUP while HANA was out of reach');
  });

  it('the simulator killed (-9) mid-backup and restarted: failed, as the catalog says', async () => {
    await session.system.exec("CALL HANASIM.INJECT_FAULT('backint', 'slow')");
    const access = pool();
    let restarted: Promise<void> | undefined;
    const states: string[] = [];
    let message: string | undefined;
    const entry = await exactlyOneBackup(async () => {
      const outcome = await runDataBackup(access, request({ destination: 'backint' }), {
        pollIntervalMs: 50,
        sid: session.sim.sid,
        onProgress: (p) => {
          states.push(p.state);
          onceRunning(() => (restarted = session.restart(true)))(p);
        },
      });
      await restarted;
      assert.equal(outcome.state, 'failed', 'not "running", not successful');
      assert.match(outcome.message ?? '', /interrupted: the database server stopped/);
      message = outcome.message;
      return outcome;
    });
    assert.deepEqual([entry.STATE_NAME, entry.MESSAGE], ['failed', message]);
    assert.equal(states.at(-1), 'failed');
  });

  it('a Backint agent past its response timeout: failed with HANA’s message, no second attempt', async () => {
    await session.system.exec("CALL HANASIM.INJECT_FAULT('backint', 'response-timeout')");
    const entry = await exactlyOneBackup(async () => {
      const outcome = await runDataBackup(pool(), request({ destination: 'backint' }), {
        pollIntervalMs: 50,
        sid: session.sim.sid,
      });
      assert.equal(outcome.state, 'failed');
      assert.match(
        outcome.message ?? '',
        /\[110203\] Backint did not respond within backint_response_timeout/,
      );
      return outcome;
    });
    assert.equal(entry.STATE_NAME, 'failed');
    assert.match(entry.MESSAGE ?? '', /110203/);
  });

  it('a failing Backint agent and the statement’s reply lost: failed with HANA’s message from the catalog', async () => {
    await session.system.exec("CALL HANASIM.INJECT_FAULT('backint', 'fail-next')");
    const runner = interceptingRunner(pool(), (text, run) => {
      if (text.startsWith('BACKUP DATA')) void proxy.cutStatementReply();
      return run();
    });
    const entry = await exactlyOneBackup(async () => {
      const outcome = await runDataBackup(runner, request({ destination: 'backint' }), {
        pollIntervalMs: 50,
        sid: session.sim.sid,
      });
      assert.equal(outcome.state, 'failed');
      assert.match(outcome.message ?? '', /Backint exited with exit code 1/);
      return outcome;
    });
    assert.deepEqual([entry.STATE_NAME, /exit code 1/.test(entry.MESSAGE ?? '')], ['failed', true]);
  });

  it('a poll slower than the statement deadline: a timeout in words, then following goes on to the end', async () => {
    const access = pool(2000);
    let slowNext = false;
    const lost: string[] = [];
    const runner = interceptingRunner(access, async (text, run) => {
      if (slowNext && text.startsWith('SELECT')) {
        slowNext = false;
        await session.system.exec("CALL HANASIM.DELAY_NEXT_STATEMENT('5s')");
      }
      return run();
    });
    const entry = await exactlyOneBackup(async () => {
      const outcome = await runDataBackup(runner, request(), {
        pollIntervalMs: 50,
        onProgress: onceRunning(() => (slowNext = true)),
        onConnectionLost: (message) => lost.push(message),
      });
      assert.equal(outcome.state, 'successful', outcome.message);
      return outcome;
    });
    assert.equal(entry.STATE_NAME, 'successful');
    assert.deepEqual(lost, [
      'The statement on PRD did not finish within 2 s and was abandoned; its connection was closed (the server may still be working on it).',
    ]);
    assert.equal(access.stats().created, 2, 'the abandoned connection was replaced, once');
  });
});

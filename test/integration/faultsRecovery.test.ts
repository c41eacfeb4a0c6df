// Faults while "Recover Database" (client/src/recovery/runRecovery.ts) runs a plan through
// @sap/hana-client: RECOVER's reply lost, RECOVER lost on its way by a network dropping packets,
// RECOVER slower than its deadline, a connection cut while planning again. After reconnecting the
// outcome states the tenant's ACTIVE_STATUS and only what happened: a recovery is called complete
// when HANA has the tenant running again, and nothing is started while HANA may still recover it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { readRecoverySlice } from '../../client/src/recovery/catalogSlice';
import { planRecovery } from '../../client/src/recovery/planner';
import type { RecoveryPlan, RecoveryTarget } from '../../client/src/recovery/recoveryTypes';
import { runRecovery, type RecoveryOutcome } from '../../client/src/recovery/runRecovery';
import { openSqlite } from '../hanasim/sql/sqlite';
import { PASSWORD, SimulatorSession } from '../hanasim/support/simulatorSession';
import { FaultProxy } from './support/faultProxy';
import { interceptingRunner, type Interceptor } from './support/interceptingRunner';
import { eventually } from '../support/eventually';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('faults while a tenant is recovered', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('faults-recovery', {
    seed: 'demo',
    deadlineMs: 60000,
    statementLog: true,
  });
  let proxy: FaultProxy;
  let access: HanaConnectionPool;

  before(async () => {
    proxy = await FaultProxy.start(() => session.sim.ports.SYSTEMDB);
    access = new HanaConnectionPool(
      { name: 'PRD', host: '127.0.0.1', port: proxy.port, user: 'SYSTEM', password: PASSWORD },
      { statementTimeoutMs: 20000, connectTimeoutMs: 2000 },
    );
  });
  afterEach(async () => {
    proxy.disarm();
    proxy.resume();
    // Each test starts from a running PRD, whatever the last one left.
    const [{ ACTIVE_STATUS }] = await session.system.exec<{ ACTIVE_STATUS: string }>(
      "SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = 'PRD'",
    );
    if (ACTIVE_STATUS !== 'YES') await session.system.exec('ALTER SYSTEM START DATABASE PRD');
  });
  after(async () => {
    await access?.dispose();
    await proxy?.close();
  });

  async function plan(target: RecoveryTarget): Promise<RecoveryPlan> {
    const result = planRecovery(await readRecoverySlice(access, 'PRD', target), target);
    if (!result.ok) assert.fail(`${result.refusal.kind}: ${result.refusal.reason}`);
    return result.plan;
  }
  /**
   * A point of the last days, a different one per test. Each recovery to a point begins a new log
   * sequence, so "most recent state" is planned first, while the chain still reaches now.
   */
  const daysAgo = async (days: number): Promise<RecoveryTarget> => ({
    kind: 'time',
    at: new Date((await session.now()).getTime() - days * DAY + 7 * HOUR + 4321),
  });

  /** hanasim's own record of PRD's recoveries (no SQL view shows them; see recoveryPlan.test.ts). */
  function recoveries(): { reached_ms: number }[] {
    const db = openSqlite(path.join(session.dataDir, 'catalog.sqlite'));
    try {
      return db.prepare("SELECT reached_ms FROM HS_RECOVERY WHERE database = 'PRD' ORDER BY id").all() as {
        reached_ms: number;
      }[];
    } finally {
      db.close();
    }
  }
  const active = async (): Promise<string> =>
    (
      await session.system.exec<{ ACTIVE_STATUS: string }>(
        "SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = 'PRD'",
      )
    )[0].ACTIVE_STATUS;

  /**
   * Runs the plan with `intercept` on its statements; returns the outcome and `since()`: the
   * RECOVER and START statements HANA received and the recoveries it made since the run began.
   */
  async function recover(p: RecoveryPlan, intercept: Interceptor, recoverTimeoutMs = 20000) {
    const mark = session.statements().length;
    const before = recoveries().length;
    const steps: string[] = [];
    const outcome = await runRecovery(interceptingRunner(access, intercept), p, {
      recoverTimeoutMs,
      onStep: (step) => steps.push(step),
    });
    const since = () => {
      const received = session.statements().slice(mark);
      return [
        received.filter((s) => s.sql.startsWith('RECOVER')).length,
        recoveries().length - before,
        received.filter((s) => s.sql.startsWith('ALTER SYSTEM START DATABASE')).length,
      ];
    };
    return { outcome, steps, since };
  }

  function failure(outcome: RecoveryOutcome) {
    if (outcome.ok) assert.fail('the outcome claims a recovery');
    return outcome;
  }

  it('the connection cut while the most recent state is planned again: planned on a new connection and recovered', async () => {
    const p = await plan({ kind: 'latest' });
    let replanning = false;
    let cut: Promise<void> | undefined;
    const run = await recover(p, (text, go) => {
      if (replanning && !cut && text.startsWith('SELECT')) cut = proxy.cutStatementReply(10);
      if (text.startsWith('ALTER SYSTEM STOP')) replanning = true;
      return go();
    });
    await cut;
    assert.ok(run.outcome.ok, `${!run.outcome.ok && String(run.outcome.error)}`);
    assert.deepEqual(run.steps, ['stop', 'replan', 'recover']);
    assert.deepEqual(run.since(), [1, 1, 0], 'RECOVER received, recoveries made, START received');
    assert.equal(await active(), 'YES');
  });

  it('RECOVER’s reply lost: reconnected, PRD runs — the recovery completed, and the outcome says so', async () => {
    const p = await plan(await daysAgo(5));
    let cut: Promise<void> | undefined;
    const run = await recover(p, (text, go) => {
      if (text.startsWith('RECOVER')) cut = proxy.cutStatementReply();
      return go();
    });
    await cut;
    assert.ok(run.outcome.ok, `${!run.outcome.ok && String(run.outcome.error)}`);
    assert.equal(run.outcome.confirmedAfterReconnect, true);
    assert.equal(run.outcome.startedByUs, false);
    assert.equal(run.outcome.pointInTime.toISOString(), p.pointInTime.toISOString());
    assert.deepEqual(run.since(), [1, 1, 0], 'RECOVER received, recoveries made, START received');
    assert.equal(recoveries().at(-1)?.reached_ms, p.pointInTime.getTime(), 'HANA reached the plan’s point');
    assert.equal(await active(), 'YES');
  });

  it('RECOVER lost on its way (packets dropped): PRD stopped, nothing claimed, nothing started', async () => {
    const p = await plan(await daysAgo(4));
    const run = await recover(
      p,
      async (text, go) => {
        if (!text.startsWith('RECOVER')) return go();
        proxy.stall();
        try {
          return await go();
        } finally {
          // The network comes back after the deadline: what it held is gone with its connections.
          proxy.cutAll();
          proxy.resume();
        }
      },
      1000,
    );
    const outcome = failure(run.outcome);
    assert.equal(outcome.step, 'recover');
    assert.match(String(outcome.error), /did not finish within 1 s and was abandoned/);
    assert.deepEqual(
      [outcome.activeStatus, outcome.stopped, outcome.mayStillBeRecovering],
      ['NO', true, true],
    );
    assert.deepEqual(run.since(), [0, 0, 0], 'RECOVER received, recoveries made, START received');
    assert.equal(await active(), 'NO');
  });

  it('RECOVER slower than its deadline: "may still be recovering" — and HANA does finish it', async () => {
    const p = await plan(await daysAgo(3));
    const run = await recover(
      p,
      async (text, go) => {
        if (text.startsWith('RECOVER')) await session.system.exec("CALL HANASIM.DELAY_NEXT_STATEMENT('4s')");
        return go();
      },
      1000,
    );
    const outcome = failure(run.outcome);
    assert.deepEqual(
      [outcome.step, outcome.activeStatus, outcome.stopped, outcome.mayStillBeRecovering],
      ['recover', 'NO', true, true],
    );
    assert.deepEqual(run.since(), [0, 0, 0], 'RECOVER still held back by the slow server, nothing started');
    // The abandoned statement goes on server-side: PRD comes up when HANA is done with it.
    const status = await eventually(active, (value) => value === 'YES', {
      deadlineMs: 15000,
      intervalMs: 100,
    });
    assert.equal(status, 'YES', 'PRD did not come up');
    assert.deepEqual(run.since(), [1, 1, 0], 'RECOVER received once, one recovery, no START from us');
    assert.equal(recoveries().at(-1)?.reached_ms, p.pointInTime.getTime());
  });
});

// Recovery plans (client/src/recovery) against hanasim's demo seed through @sap/hana-client: the
// plan's statements are run and hanasim's recovery must agree with the plan.
//
// Where hanasim reports the point reached: HANA writes no catalog entry for a recovery (it logs to
// backup.log), and neither does hanasim. It records each recovery in its internal table
// HS_RECOVERY (catalog.sqlite in its data directory: reached_ms, base_backup_id, delta_backup_ids,
// log_backup_ids, positions per volume) and sets M_DATABASE.START_TIME to the recovery's simulated
// end. No SQL view shows the point reached, so these tests read HS_RECOVERY from the file and
// compare the point, the chain and the duration with the plan.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { HanaAccessError } from '../../client/src/hana/errors';
import type { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { readRecoverySlice } from '../../client/src/recovery/catalogSlice';
import { runRecovery } from '../../client/src/recovery/runRecovery';
import { ASSUMED_FIXED_SECONDS, planRecovery } from '../../client/src/recovery/planner';
import { recoverStatement } from '../../client/src/recovery/recoverStatements';
import type { PlanResult, RecoveryPlan, RecoveryTarget } from '../../client/src/recovery/recoveryTypes';
import { openSqlite } from '../hanasim/sql/sqlite';
import { SimulatorSession } from '../hanasim/support/simulatorSession';
import { systemDbPool } from './support/systemPool';
import { CountingRunner } from './support/countingRunner';

const DAY = 86_400_000;
const MIN = 60_000;

type Row = Record<string, unknown>;

interface RecoveryRecord {
  reached_ms: number;
  duration_ms: number;
  base_backup_id: number;
  delta_backup_ids: string;
  log_backup_ids: string;
}

/** Small deterministic sampler: the same points on every run. */
function sampler(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('recovery plans on the demo seed, run by hanasim', function () {
  this.timeout(120_000);
  const session = SimulatorSession.use('recovery-plan', { seed: 'demo' });
  let pool: HanaConnectionPool;
  let runner: CountingRunner;
  before(() => {
    pool = systemDbPool(session, 30_000, 'demo');
    runner = new CountingRunner(pool);
  });
  after(() => pool.dispose());

  async function plan(database: string, target: RecoveryTarget): Promise<PlanResult> {
    return planRecovery(await readRecoverySlice(runner, database, target), target);
  }

  function planned(result: PlanResult): RecoveryPlan {
    if (!result.ok) assert.fail(`${result.refusal.kind}: ${result.refusal.reason}`);
    return result.plan;
  }

  /** hanasim's record of the last recovery of a database (see the header). */
  function lastRecovery(database: string): RecoveryRecord {
    const db = openSqlite(path.join(session.dataDir, 'catalog.sqlite'));
    try {
      return db
        .prepare('SELECT * FROM HS_RECOVERY WHERE database = ? ORDER BY id DESC LIMIT 1')
        .get(database) as RecoveryRecord;
    } finally {
      db.close();
    }
  }

  /** Runs the plan as Recover database does; returns the plan that ran and the steps taken. */
  async function run(p: RecoveryPlan): Promise<{ ran: RecoveryPlan; steps: string[] }> {
    const steps: string[] = [];
    const outcome = await runRecovery(pool, p, {
      recoverTimeoutMs: 60_000,
      onStep: (step) => steps.push(step),
    });
    if (!outcome.ok) assert.fail(`${outcome.step}: ${String(outcome.error)}`);
    assert.equal(outcome.pointInTime.toISOString(), outcome.plan.pointInTime.toISOString());
    return { ran: outcome.plan, steps };
  }

  async function active(database: string): Promise<string> {
    const [row] = await pool.exec<Row>('SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = ?', [
      database,
    ]);
    return String(row.ACTIVE_STATUS);
  }

  /** hanasim used exactly the plan's chain and reached the plan's point. */
  function assertAgrees(p: RecoveryPlan): void {
    const r = lastRecovery(p.database);
    assert.equal(new Date(r.reached_ms).toISOString(), p.pointInTime.toISOString(), 'the point reached');
    assert.equal(String(r.base_backup_id), p.base.backupId);
    assert.deepEqual(
      (JSON.parse(r.delta_backup_ids) as number[]).map(String),
      p.deltas.map((d) => d.backupId),
    );
    assert.deepEqual(
      (JSON.parse(r.log_backup_ids) as number[]).map(String).sort(),
      [...new Set(p.volumes.flatMap((v) => v.logBackups.map((l) => l.backupId)))].sort(),
    );
    // Same bytes at the same assumed rates: the estimate is hanasim's duration plus the fixed part.
    if (!p.usesLogArea) {
      const estimate = p.estimatedSeconds - ASSUMED_FIXED_SECONDS;
      assert.ok(Math.abs(estimate - r.duration_ms / 1000) <= 1, `${estimate} s vs ${r.duration_ms} ms`);
    }
  }

  it('reads a bounded slice: every query keyed by database, a few hundred rows of a catalog of thousands', async () => {
    const [{ N }] = await pool.exec<Row>(
      "SELECT COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'PRD'",
    );
    const now = await session.now();
    for (const target of [
      { kind: 'latest' },
      { kind: 'time', at: new Date(now.getTime() - 2.5 * DAY) },
      { kind: 'snapshot' },
    ] satisfies RecoveryTarget[]) {
      runner.take();
      await readRecoverySlice(runner, 'PRD', target);
      const { rows, statements } = runner.take();
      assert.ok(rows <= 300, `${target.kind}: ${rows} rows`);
      assert.ok(rows * 20 < Number(N), `${target.kind}: ${rows} rows of ${String(N)} catalog entries`);
      for (const text of statements.filter((s) => s.includes('M_BACKUP_CATALOG'))) {
        assert.match(text, /\b[cf]\.DATABASE_NAME = \?/, text);
        assert.match(text, /TOP 1|UTC_START_TIME <= \?|BACKUP_ID (=|IN) /, `bounded: ${text}`);
      }
    }
  });

  it("refuses a point behind QAS's 'log missing' entry, naming it — and hanasim refuses it too", async () => {
    const [missing] = await pool.exec<Row>(
      "SELECT BACKUP_ID, UTC_START_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'QAS' AND ENTRY_TYPE_NAME = 'log missing'",
    );
    const recorded = new Date(`${String(missing.UTC_START_TIME).slice(0, 23).replace(' ', 'T')}Z`);
    const target = new Date(recorded.getTime() + 5 * MIN);
    const result = await plan('QAS', { kind: 'time', at: target });
    assert.equal(result.ok, false);
    if (result.ok || result.refusal.kind !== 'logGap') return assert.fail('expected a log gap');
    const { gap, reason } = result.refusal;
    assert.equal(gap.logMissing?.backupId, String(missing.BACKUP_ID));
    assert.equal(gap.host, 'hana02');
    assert.ok(gap.toPosition !== undefined && gap.toPosition > gap.fromPosition);
    assert.ok(gap.until && gap.from < target && gap.until > target, 'the gap spans the point');
    assert.match(reason, new RegExp(`'log missing' entry ${String(missing.BACKUP_ID)}`));
    assert.match(reason, /starts a new chain/);

    await pool.exec('ALTER SYSTEM STOP DATABASE QAS');
    const statement = recoverStatement('QAS', {
      kind: 'untilTimestamp',
      until: target,
      clearLog: true,
      snapshot: false,
    });
    await assert.rejects(
      pool.exec(statement),
      (e: HanaAccessError) => e.code === 449 && /log (backup )?missing/.test(e.message),
    );
    await pool.exec('ALTER SYSTEM START DATABASE QAS');
  });

  it('recovers PRD to its most recent state, planned again after the tenant is stopped', async () => {
    const early = planned(await plan('PRD', { kind: 'latest' }));
    assert.doesNotMatch(early.statements[1].statement.text, /CLEAR LOG/);
    await pool.exec("CALL HANASIM.ADVANCE_CLOCK('10m')");
    const { ran, steps } = await run(early);
    // HANA starts the tenant when the recovery ends: no START is sent.
    assert.deepEqual(steps, ['stop', 'replan', 'recover']);
    assert.ok(
      ran.pointInTime > early.pointInTime,
      'the point reached is the time of stopping, not of planning',
    );
    assertAgrees(ran);
    assert.equal(await active('PRD'), 'YES');
  });

  it('recovers PRD to sampled points of the last six days, each to the second', async () => {
    const now = (await session.now()).getTime();
    const next = sampler(20261122);
    for (let i = 0; i < 4; i++) {
      const at = new Date(now - 6 * DAY + Math.floor(next() * 5.5 * DAY) + Math.floor(next() * 1000));
      runner.take();
      const p = planned(await plan('PRD', { kind: 'time', at }));
      assert.ok(runner.take().rows < 400);
      assert.equal(p.pointInTime.getTime(), Math.floor(at.getTime() / 1000) * 1000);
      await run(p);
      assertAgrees(p);
      assert.equal(await active('PRD'), 'YES');
    }
  });

  it('plans past a log backup whose file is gone (the catalog still lists it); hanasim names the missing piece', async () => {
    const now = await session.now();
    const [diff] = await pool.exec<Row>(
      `SELECT TOP 1 UTC_START_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG
        WHERE DATABASE_NAME = 'PRD' AND ENTRY_TYPE_NAME = 'differential data backup' AND UTC_START_TIME <= ?
        ORDER BY UTC_START_TIME DESC`,
      [new Date(now.getTime() - 3 * DAY).toISOString().replace('T', ' ').slice(0, 23)],
    );
    const [victim] = await pool.exec<Row>(
      `SELECT TOP 1 c.BACKUP_ID, c.UTC_START_TIME FROM SYS_DATABASES.M_BACKUP_CATALOG c
         JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES f ON f.DATABASE_NAME = c.DATABASE_NAME AND f.ENTRY_ID = c.ENTRY_ID
        WHERE c.DATABASE_NAME = 'PRD' AND c.ENTRY_TYPE_NAME = 'log backup' AND f.HOST = 'hana01'
          AND c.UTC_START_TIME >= ADD_SECONDS(?, 7200)
        ORDER BY c.UTC_START_TIME`,
      [String(diff.UTC_START_TIME)],
    );
    const id = String(victim.BACKUP_ID);
    await pool.exec(`CALL HANASIM.DROP_LOG_BACKUP(${id})`);
    const start = new Date(`${String(victim.UTC_START_TIME).slice(0, 23).replace(' ', 'T')}Z`);
    const p = planned(await plan('PRD', { kind: 'time', at: new Date(start.getTime() - MIN) }));
    assert.ok(
      p.volumes.some((v) => v.logBackups.some((l) => l.backupId === id)),
      'the plan uses the log backup: the catalog cannot tell its file is gone',
    );
    const steps: string[] = [];
    const outcome = await runRecovery(pool, p, { recoverTimeoutMs: 60_000, onStep: (s) => steps.push(s) });
    assert.ok(!outcome.ok);
    assert.equal(outcome.step, 'recover');
    const error = outcome.error as HanaAccessError;
    assert.ok(
      error.code === 449 && /not found/.test(error.message) && error.message.includes(id),
      error.message,
    );
    assert.deepEqual(steps, ['stop', 'recover'], 'a failed recovery is not followed by START');
    assert.equal(outcome.stopped, true);
    assert.equal(await active('PRD'), 'NO');
    await pool.exec(p.statements[2].statement);
    assert.equal(await active('PRD'), 'YES');
  });

  it('recovers QAS from a data snapshot plus log replay', async () => {
    const [snapshot] = await pool.exec<Row>(
      "SELECT BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'QAS' AND ENTRY_TYPE_NAME = 'data snapshot' AND STATE_NAME = 'prepared'",
    );
    const id = String(snapshot.BACKUP_ID);
    await pool.exec(`BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID ${id} SUCCESSFUL 'ebs-snap-0001'`);
    await pool.exec("CALL HANASIM.ADVANCE_CLOCK('2h')");
    const until = new Date((await session.now()).getTime() - 30 * MIN);
    const p = planned(await plan('QAS', { kind: 'snapshot', until }));
    assert.equal(p.base.backupId, id);
    assert.equal(p.base.entryType, 'data snapshot');
    assert.ok(p.volumes.every((v) => v.logBackups.length > 0));
    assert.match(
      p.statements[1].statement.text,
      /^RECOVER DATABASE FOR "QAS" UNTIL TIMESTAMP '[^']+' USING SNAPSHOT/,
    );
    assert.match(p.assumptions.join('\n'), /storage snapshot ebs-snap-0001 has been restored/);
    await run(p);
    assertAgrees(p);
    assert.equal(await active('QAS'), 'YES');
  });

  it('refuses to plan across the new log sequence the point-in-time recoveries of PRD began', async () => {
    // Runs last: the snapshot test moved the clock on, so PRD has log backups of its new sequence.
    const result = await plan('PRD', { kind: 'latest' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.refusal.kind, 'logSequence', result.refusal.reason);
    const now = (await session.now()).getTime();
    planned(await plan('PRD', { kind: 'time', at: new Date(now - 2 * DAY) }));
  });
});

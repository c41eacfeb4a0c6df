// Prune by retention against hanasim through @sap/hana-client: a three-week history, a plan from the
// policy's retention, its statements run, and then the proof — recoveries to the points the policy
// keeps succeed, the deleted entries are gone, and a point the policy gave up is gone too.
import * as assert from 'node:assert/strict';
import type { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { readPruneInput } from '../../client/src/retention/pruneInput';
import { planPrune } from '../../client/src/retention/prunePlanner';
import { pruneAsText } from '../../client/src/retention/pruneText';
import { retentionRulesOf, type PrunePlan } from '../../client/src/retention/pruneTypes';
import { readPolicy } from '../../server/src/languageService/model/policyModel';
import { SimulatorSession } from '../hanasim/support/simulatorSession';
import { systemDbPool } from './support/systemPool';
import { CountingRunner } from './support/countingRunner';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TENANT = 'HXE';

const POLICY = {
  apiVersion: 'hana-backup/v1',
  kind: 'BackupPolicy',
  metadata: { name: 'hxe-prune' },
  spec: {
    timezone: 'Europe/Berlin',
    targets: [{ system: 'SIM', databases: [TENANT] }],
    retention: {
      full: { daily: '3d', weekly: '3w' },
      differential: '2d',
      log: '5d',
      deleteFromDestination: true,
    },
  },
};

const hanaTime = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 19);

interface CatalogRow {
  BACKUP_ID: number;
  ENTRY_TYPE_NAME: string;
}

describe('prune by retention against hanasim', function () {
  this.timeout(120_000);
  const session = SimulatorSession.use('prune', { seed: 'empty', deadlineMs: 60_000 });
  let pool: HanaConnectionPool;
  let plan: PrunePlan;
  let history: CatalogRow[];
  /** Start of the history: the first full. */
  let firstFull: Date;

  const catalog = () =>
    session.system.exec<CatalogRow>(
      'SELECT BACKUP_ID, ENTRY_TYPE_NAME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ? ORDER BY BACKUP_ID',
      [TENANT],
    );

  /** Stops the tenant, runs the recovery, and starts the tenant again when the recovery left it stopped. */
  async function recover(statement: string): Promise<void> {
    await session.system.exec(`ALTER SYSTEM STOP DATABASE ${TENANT}`);
    try {
      await session.system.exec(statement);
    } finally {
      const [status] = await session.system.exec<{ ACTIVE_STATUS: string }>(
        'SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = ?',
        [TENANT],
      );
      if (status.ACTIVE_STATUS !== 'YES') await session.system.exec(`ALTER SYSTEM START DATABASE ${TENANT}`);
    }
  }

  before(async () => {
    pool = systemDbPool(session, 30_000, 'SIM');
    // Three weeks: a full every 7 days, a differential on the days between; log backups run by themselves.
    firstFull = await session.now();
    for (let day = 0; day < 21; day++) {
      const statement =
        day % 7 === 0
          ? `BACKUP DATA FOR ${TENANT} USING FILE ('full_${day}')`
          : `BACKUP DATA DIFFERENTIAL FOR ${TENANT} USING FILE ('diff_${day}')`;
      await session.system.exec(statement);
      await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('1d')");
    }
    // Half a day on, so that no backup sits right at the edge of a retention.
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('12h')");
    history = await catalog();
    const input = await readPruneInput(pool, TENANT);
    plan = planPrune(input, retentionRulesOf(readPolicy(POLICY)!), input.now);
  });
  after(() => pool.dispose());

  it('plans an ALL BEFORE at the oldest kept full and single deletes for the differentials no point needs', () => {
    const text = pruneAsText(plan);
    assert.equal(plan.cutoff?.kind, 'full', text);
    const day = (at: Date) => Math.round((at.getTime() - firstFull.getTime()) / DAY);
    assert.equal(day(plan.cutoff.start), 7, 'the weekly tier keeps the second full, the first goes');
    // Between the kept fulls: the differentials of the second week, and the one the window's start
    // does not need (day 15: the window starts on day 16.5, after the differential of day 16).
    assert.deepEqual(
      plan.singles.map((e) => `${e.kind} ${day(e.start)}`),
      [8, 9, 10, 11, 12, 13, 15].map((d) => `differential ${d}`),
      text,
    );
    assert.ok(plan.deleted.log.count > 0 && plan.deleted.log.bytes > 0);
    assert.ok(plan.statements.every((s) => s.toDisplayString().endsWith(' COMPLETE')));
    const logsBefore = history.filter(
      (r) => r.ENTRY_TYPE_NAME === 'log backup' && BigInt(r.BACKUP_ID) < BigInt(plan.cutoff!.backupId),
    );
    assert.equal(plan.deleted.log.count, logsBefore.length, 'the log spans are exact');
  });

  it('runs the statements: what the plan deletes is gone, everything else is still there', async () => {
    for (const statement of plan.statements) await pool.exec(statement);
    const cutoff = BigInt(plan.cutoff!.backupId);
    const singles = new Set(plan.singles.map((e) => e.backupId));
    const expected = history
      .filter((r) => BigInt(r.BACKUP_ID) >= cutoff && !singles.has(String(r.BACKUP_ID)))
      .map((r) => String(r.BACKUP_ID));
    const remaining = (await catalog()).map((r) => String(r.BACKUP_ID));
    assert.deepEqual(remaining, expected);
    assert.equal(
      remaining.length,
      history.length - plan.deleted.log.count - plan.singles.length - countDataBefore(),
    );

    function countDataBefore(): number {
      return history.filter((r) => r.ENTRY_TYPE_NAME !== 'log backup' && BigInt(r.BACKUP_ID) < cutoff).length;
    }
  });

  it('recovers to points inside the log retention and to the full the weekly tier keeps', async () => {
    const now = (await session.now()).getTime();
    const window = plan.points.find((p) => p.kind === 'logWindow');
    assert.ok(window, 'the plan keeps the log window');
    // Points spread over the window, oldest first, the newest an hour before the last log backups.
    const span = now - HOUR - window.at.getTime();
    const points = [0, 0.2, 0.55, 0.9, 1].map((f) => new Date(window.at.getTime() + Math.round(span * f)));
    for (const point of points) {
      await recover(`RECOVER DATABASE FOR ${TENANT} UNTIL TIMESTAMP '${hanaTime(point)}' CLEAR LOG`);
    }
    const weekly = plan.points.find((p) => p.kind === 'fullTier' && /weekly/.test(p.label));
    assert.ok(weekly, pruneAsText(plan));
    assert.equal(weekly.needs[0], plan.cutoff?.backupId, 'the full the cutoff stops at');
    await recover(`RECOVER DATA FOR ${TENANT} USING BACKUP_ID ${weekly.needs[0]} CLEAR LOG`);
  });

  it('no longer reaches a point the policy gave up: before the cutoff there is no full left', async () => {
    const gone = new Date(firstFull.getTime() + 3 * DAY);
    await assert.rejects(
      recover(`RECOVER DATABASE FOR ${TENANT} UNTIL TIMESTAMP '${hanaTime(gone)}' CLEAR LOG`),
      (e: { code?: number; message: string }) =>
        e.code === 449 && /no successful complete data backup/.test(e.message),
    );
  });

  it('finds nothing more to delete right after', async () => {
    const input = await readPruneInput(pool, TENANT);
    const again = planPrune(input, plan.rules, input.now);
    assert.deepEqual(again.statements, [], pruneAsText(again));
  });
});

describe('prune by retention on the demo seed', function () {
  this.timeout(120_000);
  const session = SimulatorSession.use('prune-demo', { seed: 'demo' });
  let pool: HanaConnectionPool;
  let counting: CountingRunner;
  before(() => {
    pool = systemDbPool(session, 30_000);
    counting = new CountingRunner(pool);
  });
  after(() => pool.dispose());

  it('reads QAS with bounded queries, counts the log exactly, keeps the prepared snapshot, and deletes what it planned', async () => {
    const policy = {
      spec: {
        timezone: 'America/New_York',
        retention: { full: { weekly: '2w' }, differential: '7d', log: '10d' },
      },
    };
    const input = await readPruneInput(counting, 'QAS');
    assert.equal(
      counting.rows,
      1 + input.data.length + input.logs.length,
      'the now, the data backups, the log spans',
    );
    assert.ok(input.logs.length <= input.data.length + 1);
    const plan = planPrune(input, retentionRulesOf(readPolicy(policy)!), input.now);
    const text = pruneAsText(plan);
    assert.ok(plan.cutoff, text);
    const [counts] = await session.system.exec<{ LOGS: number; MISSING: number }>(
      `SELECT SUM(CASE WHEN ENTRY_TYPE_NAME = 'log backup' THEN 1 ELSE 0 END) AS LOGS,
              SUM(CASE WHEN ENTRY_TYPE_NAME = 'log missing' THEN 1 ELSE 0 END) AS MISSING
         FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'QAS' AND BACKUP_ID < ?`,
      [Number(plan.cutoff.backupId)],
    );
    assert.equal(plan.deleted.log.count, Number(counts.LOGS));
    assert.equal(plan.deletedLogMissing, Number(counts.MISSING));
    const prepared = plan.kept.find((k) => k.entry.state === 'prepared');
    assert.ok(prepared, 'the seed leaves a snapshot prepared');
    assert.match(prepared.reasons.join(), /no delete touches it/);
    assert.ok(plan.statements.every((s) => !s.toDisplayString().endsWith('COMPLETE')));

    for (const statement of plan.statements) await pool.exec(statement);
    const [left] = await session.system.exec<{ N: number }>(
      "SELECT COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'QAS' AND BACKUP_ID < ?",
      [Number(plan.cutoff.backupId)],
    );
    assert.equal(Number(left.N), 0);
    for (const single of plan.singles) {
      const found = await session.system.exec(
        "SELECT BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'QAS' AND BACKUP_ID = ?",
        [Number(single.backupId)],
      );
      assert.deepEqual(found, []);
    }
  });
});

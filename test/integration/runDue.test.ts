// "Run due backups" (dueRuns in the language service, client/src/policyOps/runDue) against hanasim's demo system.
import * as assert from 'node:assert/strict';
import type { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { lastSuccessfulBackups, runDue, serverUtcNow } from '../../client/src/policyOps/runDue';
import { TextDocument } from '../../server/src/languageService';
import { dueRuns } from '../../server/src/languageService/operations/dueRuns';
import {
  policyOperations,
  type PolicyOperations,
} from '../../server/src/languageService/operations/policyOperations';
import { SimulatorSession } from '../hanasim/support/simulatorSession';
import { systemDbPool } from './support/systemPool';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * A weekly full on Sunday and a differential on the other days, at an hour twelve hours away from the
 * simulated now: whatever time of day the test runs, no run falls due while it is being checked.
 */
function weeklyPolicy(now: Date): PolicyOperations {
  const at = `${String((now.getUTCHours() + 12) % 24).padStart(2, '0')}:00`;
  const text = `apiVersion: hana-backup/v1
kind: BackupPolicy
metadata: { name: prd-weekly }
spec:
  timezone: UTC
  targets: [{ system: PRD, databases: [PRD] }]
  destinations:
    data: { type: backint, parameterFile: /usr/sap/PRD/SYS/global/hdb/opt/hdbconfig/param }
    log: { type: backint }
  schedules:
    full: { every: week, on: [sun], at: "${at}" }
    differential: { every: day, on: [${DAYS.slice(1).join(', ')}], at: "${at}" }
    log: { interval: 15m }
`;
  return policyOperations(
    TextDocument.create('file:///ws/prd.backup-policy.yaml', 'hana-backup-policy', 1, text),
  )[0];
}

interface CountRow {
  ENTRY_TYPE_NAME: string;
  N: number;
}

describe('run due backups against hanasim', function () {
  this.timeout(60000);
  // 50× real time: a complete backup of PRD (~90 s simulated) takes ~2 s.
  const session = SimulatorSession.use('run-due', { seed: 'demo', speed: 50, deadlineMs: 60000 });
  let pool: HanaConnectionPool;

  before(() => {
    pool = systemDbPool(session, 20000);
  });
  after(() => pool.dispose());

  const successfulDataBackups = async () => {
    const rows = await session.system.exec<CountRow>(
      "SELECT ENTRY_TYPE_NAME, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'PRD' AND STATE_NAME = 'successful' AND ENTRY_TYPE_NAME IN ('complete data backup', 'differential data backup', 'incremental data backup') GROUP BY ENTRY_TYPE_NAME",
    );
    return Object.fromEntries(rows.map((row) => [row.ENTRY_TYPE_NAME, Number(row.N)]));
  };

  const dueNow = async (policy: PolicyOperations) =>
    dueRuns(
      policy.schedules,
      policy.timezone,
      await lastSuccessfulBackups(pool, 'PRD'),
      await serverUtcNow(pool),
    );

  it('reads the newest successful backup of each kind from the catalog', async () => {
    const last = await lastSuccessfulBackups(pool, 'PRD');
    const now = await serverUtcNow(pool);
    assert.deepEqual(Object.keys(last).sort(), ['differential', 'full']);
    for (const date of Object.values(last)) {
      assert.ok(
        date.getTime() <= now.getTime() && date.getTime() > now.getTime() - 8 * 86_400_000,
        `${date.toISOString()}`,
      );
    }
  });

  it('takes one full a week later, standing in for the differential due with it, and then nothing is due', async () => {
    await session.system.exec("CALL HANASIM.ADVANCE_CLOCK('7d')");
    const policy = weeklyPolicy(await serverUtcNow(pool));
    const before = await successfulDataBackups();

    const due = await dueNow(policy);
    assert.deepEqual(
      due.map((run) => [run.kind, run.supersedes?.map((s) => s.kind)]),
      [['full', ['differential']]],
    );
    const results = await runDue(
      pool,
      {
        database: 'PRD',
        due,
        destination: policy.dataDestination!,
        sid: session.sim.sid,
        policy: policy.policy,
      },
      { pollIntervalMs: 50 },
    );
    assert.deepEqual(
      results.map((r) => [r.kind, r.status]),
      [['full', 'successful']],
      results[0]?.message,
    );

    const after = await successfulDataBackups();
    assert.equal(after['complete data backup'], before['complete data backup'] + 1);
    assert.equal(after['differential data backup'], before['differential data backup']);
    const [entry] = await session.system.exec<{ ENTRY_TYPE_NAME: string; COMMENT: string }>(
      "SELECT ENTRY_TYPE_NAME, COMMENT FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'PRD' AND BACKUP_ID = ?",
      [Number(results[0].backupId)],
    );
    assert.equal(entry.ENTRY_TYPE_NAME, 'complete data backup');
    assert.equal(entry.COMMENT, `policy prd-weekly: full scheduled ${due[0].occurrence.toISOString()}`);

    assert.deepEqual(await dueNow(policy), []);
  });

  it('reports a due snapshot as needing the snapshot command and runs nothing for it', async () => {
    const occurrence = await serverUtcNow(pool);
    const before = await successfulDataBackups();
    const results = await runDue(pool, {
      database: 'PRD',
      due: [{ kind: 'snapshot', occurrence }],
      destination: 'backint',
      sid: session.sim.sid,
    });
    assert.deepEqual(results, [{ kind: 'snapshot', occurrence, status: 'needs-snapshot-command' }]);
    assert.deepEqual(await successfulDataBackups(), before);
  });
});

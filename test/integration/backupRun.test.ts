// "Back up now" (client/src/operations/backupRun) against hanasim's demo system through @sap/hana-client.
import * as assert from 'node:assert/strict';
import type { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { HanaAccessError } from '../../client/src/hana/errors';
import { sql } from '../../client/src/hana/sqlText';
import {
  defaultBackupPrefix,
  runDataBackup,
  type BackupProgress,
  type BackupRequest,
} from '../../client/src/operations/backupRun';
import { SimulatorSession } from '../hanasim/support/simulatorSession';
import { systemDbPool } from './support/systemPool';

interface CatalogRow {
  ENTRY_TYPE_NAME: string;
  STATE_NAME: string;
  COMMENT: string | null;
  MESSAGE: string | null;
}

describe('runDataBackup against hanasim', function () {
  this.timeout(60000);
  // 50× real time: a complete backup of PRD (2 × 8 GiB at 200 MB/s, ~90 s simulated) takes ~2 s.
  const session = SimulatorSession.use('backup-run', { seed: 'demo', speed: 50, deadlineMs: 60000 });
  let pool: HanaConnectionPool;

  before(() => {
    pool = systemDbPool(session, 20000, 'sim');
  });
  after(() => pool.dispose());

  const request = (overrides: Partial<BackupRequest> = {}): BackupRequest => {
    const database = overrides.database ?? 'PRD';
    const type = overrides.type ?? 'complete';
    const destination = overrides.destination ?? 'file';
    return {
      database,
      type,
      destination,
      prefix: defaultBackupPrefix(database, type, destination, session.sim.sid, new Date()),
      ...overrides,
    };
  };

  const entry = async (database: string, backupId: string | undefined): Promise<CatalogRow> => {
    assert.ok(backupId, 'the outcome names its backup');
    const rows = await session.system.exec<CatalogRow>(
      'SELECT ENTRY_TYPE_NAME, STATE_NAME, COMMENT, MESSAGE FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ? AND BACKUP_ID = ?',
      [database, Number(backupId)],
    );
    assert.equal(rows.length, 1, `one catalog entry for ${backupId}`);
    return rows[0];
  };

  /** A Backint backup slowed to a tenth of the rate (~15 real seconds), with a way to wait for its first progress. */
  const slowBackup = async (database: string) => {
    await session.system.exec("CALL HANASIM.INJECT_FAULT('backint', 'slow')");
    const controller = new AbortController();
    let seen!: () => void;
    const progressSeen = new Promise<void>((resolve) => (seen = resolve));
    const outcome = runDataBackup(pool, request({ database, destination: 'backint' }), {
      signal: controller.signal,
      pollIntervalMs: 50,
      sid: session.sim.sid,
      onProgress: (p) => p.state === 'running' && seen(),
    });
    return { controller, progressSeen, outcome };
  };

  it('runs a complete file backup of a tenant to successful, with rising progress up to 100', async () => {
    const progress: BackupProgress[] = [];
    const outcome = await runDataBackup(pool, request(), {
      pollIntervalMs: 50,
      onProgress: (p) => progress.push(p),
    });
    assert.equal(outcome.state, 'successful', outcome.message);
    assert.ok(outcome.sizeBytes && outcome.sizeBytes > 16 * 1024 ** 3, `size ${outcome.sizeBytes}`);
    assert.ok(progress.length >= 3, `several progress reports (${progress.length})`);
    for (let i = 1; i < progress.length; i++) {
      assert.ok(progress[i].percent >= progress[i - 1].percent, `never falls: ${JSON.stringify(progress)}`);
      assert.ok(progress[i].transferredBytes >= progress[i - 1].transferredBytes);
    }
    assert.ok(
      progress.some((p) => p.percent > 0 && p.percent < 100),
      'seen in between',
    );
    const last = progress[progress.length - 1];
    assert.deepEqual([last.percent, last.state], [100, 'successful']);
    assert.equal(last.transferredBytes, last.totalBytes);
    const row = await entry('PRD', outcome.backupId);
    assert.deepEqual([row.ENTRY_TYPE_NAME, row.STATE_NAME], ['complete data backup', 'successful']);
  });

  it('backs up the SYSTEMDB from the SYSTEMDB (without FOR)', async () => {
    const outcome = await runDataBackup(pool, request({ database: 'SYSTEMDB' }), { pollIntervalMs: 50 });
    assert.equal(outcome.state, 'successful', outcome.message);
    assert.equal((await entry('SYSTEMDB', outcome.backupId)).STATE_NAME, 'successful');
  });

  it('runs a differential to Backint under the database’s Backint path', async () => {
    const backup = request({ database: 'QAS', type: 'differential', destination: 'backint' });
    assert.match(
      backup.prefix,
      /^\/usr\/sap\/PRD\/SYS\/global\/hdb\/backint\/DB_QAS\/DIFFERENTIAL_DATA_BACKUP_/,
    );
    const outcome = await runDataBackup(pool, backup, { pollIntervalMs: 50, sid: session.sim.sid });
    assert.equal(outcome.state, 'successful', outcome.message);
    const row = await entry('QAS', outcome.backupId);
    assert.deepEqual([row.ENTRY_TYPE_NAME, row.STATE_NAME], ['differential data backup', 'successful']);
    const files = await session.system.exec<{ DESTINATION_TYPE_NAME: string; DESTINATION_PATH: string }>(
      'SELECT DESTINATION_TYPE_NAME, DESTINATION_PATH FROM SYS_DATABASES.M_BACKUP_CATALOG_FILES WHERE DATABASE_NAME = ? AND BACKUP_ID = ?',
      ['QAS', Number(outcome.backupId)],
    );
    assert.ok(files.length > 0);
    assert.ok(
      files.every(
        (f) => f.DESTINATION_TYPE_NAME === 'backint' && f.DESTINATION_PATH.startsWith(backup.prefix),
      ),
    );
  });

  it('refuses a Backint path outside the database’s directory before sending anything', async () => {
    await assert.rejects(
      runDataBackup(
        pool,
        request({ destination: 'backint', prefix: '/usr/sap/PRD/SYS/global/hdb/backint/DB_QAS/x' }),
        {
          sid: 'PRD',
        },
      ),
      /must go under \/usr\/sap\/PRD\/SYS\/global\/hdb\/backint\/DB_PRD\/.*110091/,
    );
  });

  it('cancels a running backup when the signal aborts, and the catalog says canceled', async () => {
    await session.system.exec("CALL HANASIM.INJECT_FAULT('backint', 'slow')");
    const controller = new AbortController();
    const states: string[] = [];
    const result = await runDataBackup(pool, request({ destination: 'backint' }), {
      signal: controller.signal,
      pollIntervalMs: 50,
      onProgress: (p) => {
        states.push(p.state);
        if (p.percent > 0) controller.abort();
      },
    });
    assert.equal(result.state, 'canceled');
    assert.match(result.message ?? '', /cancel/i);
    assert.equal(states[states.length - 1], 'canceled');
    assert.equal((await entry('PRD', result.backupId)).STATE_NAME, 'canceled');
  });

  it('fails a second backup of the same database while one runs, with HANA’s message', async () => {
    const first = await slowBackup('QAS');
    await first.progressSeen;
    const error = await runDataBackup(pool, request({ database: 'QAS' }), { pollIntervalMs: 50 }).then(
      () => assert.fail('a second backup started'),
      (e: unknown) => e,
    );
    first.controller.abort();
    assert.equal((await first.outcome).state, 'canceled');
    assert.ok(error instanceof HanaAccessError, String(error));
    assert.equal(error.kind, 'backupRunning', error.message);
    assert.match(error.hanaText ?? '', /Another data backup is already running for database QAS/);
  });

  it('reports a failing Backint agent as failed, with HANA’s message', async () => {
    await session.system.exec("CALL HANASIM.INJECT_FAULT('backint', 'fail-next')");
    const outcome = await runDataBackup(pool, request({ destination: 'backint' }), { pollIntervalMs: 50 });
    assert.equal(outcome.state, 'failed');
    assert.match(outcome.message ?? '', /Backint exited with exit code 1/);
    const row = await entry('PRD', outcome.backupId);
    assert.deepEqual([row.STATE_NAME, row.MESSAGE], ['failed', outcome.message]);
  });

  it('keeps a hostile comment verbatim in the catalog', async () => {
    const comment = `it's "nightly"'); DROP TABLE M_BACKUP_CATALOG; -- ''`;
    const outcome = await runDataBackup(pool, request({ type: 'differential', comment }), {
      pollIntervalMs: 50,
    });
    assert.equal(outcome.state, 'successful', outcome.message);
    assert.equal((await entry('PRD', outcome.backupId)).COMMENT, comment);
    const [{ N }] = await pool.exec<{ N: number }>(
      sql`SELECT COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ${'PRD'}`,
    );
    assert.ok(Number(N) > 0, 'the catalog is still there');
  });
});

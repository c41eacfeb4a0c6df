// Planning a recovery on the large seed (a year of catalog, over a million entries): the time
// readRecoverySlice + planRecovery take for one database and the rows they fetch, next to the time
// it takes to fetch that database's whole catalog (entries with their files) through the driver.
// Prints figures, asserts nothing. Run: npm run bench:recovery
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HanaConnectionPool } from '../client/src/hana/connectionPool';
import { readRecoverySlice } from '../client/src/recovery/catalogSlice';
import { planRecovery } from '../client/src/recovery/planner';
import type { RecoveryTarget } from '../client/src/recovery/recoveryTypes';
import { launchSimulator } from '../test/hanasim/launch.mjs';
import { CountingRunner } from '../test/integration/support/countingRunner';
import { runBenchmark } from './support/runBenchmark';

const PASSWORD = 'Manager1-Bench';
const DATABASE = 'T02';
const RUNS = 5;
const TARGET_MS = 200;
const DAY = 86_400_000;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-recovery-plan-'));
  const started = performance.now();
  const sim = await launchSimulator({ dataDir, password: PASSWORD, seed: 'large' });
  const seededS = (performance.now() - started) / 1000;
  const pool = new HanaConnectionPool(
    { name: 'BENCH', host: '127.0.0.1', port: sim.ports.SYSTEMDB, user: 'SYSTEM', password: PASSWORD },
    { statementTimeoutMs: 300_000 },
  );
  try {
    const [{ T }] = await pool.exec<Row>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY');
    const now = new Date(`${String(T).slice(0, 23).replace(' ', 'T')}Z`);
    const [diff] = await pool.exec<Row>(
      `SELECT TOP 1 BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG
        WHERE DATABASE_NAME = ? AND ENTRY_TYPE_NAME = 'differential data backup' AND UTC_START_TIME <= ?
        ORDER BY UTC_START_TIME DESC`,
      [DATABASE, new Date(now.getTime() - 100 * DAY).toISOString().replace('T', ' ').slice(0, 23)],
    );
    const targets: [string, RecoveryTarget][] = [
      ['most recent state', { kind: 'latest' }],
      ['point in time, yesterday', { kind: 'time', at: new Date(now.getTime() - DAY - 4_321_000) }],
      ['point in time, 200 days ago', { kind: 'time', at: new Date(now.getTime() - 200 * DAY + 7_777_000) }],
      ['differential of 100 days ago', { kind: 'backup', backupId: String(diff.BACKUP_ID) }],
    ];
    const lines: string[] = [];
    for (const [label, target] of targets) {
      const times: number[] = [];
      let rows = 0;
      let statements = 0;
      let outcome = '';
      for (let run = 0; run < RUNS; run++) {
        const counting = new CountingRunner(pool);
        const t0 = performance.now();
        const result = planRecovery(await readRecoverySlice(counting, DATABASE, target), target);
        times.push(performance.now() - t0);
        rows = counting.rows;
        statements = counting.statements.length;
        outcome = result.ok
          ? `plan: ${1 + result.plan.deltas.length} data, ${result.plan.volumes.reduce((n, v) => n + v.logBackups.length, 0)} log backups`
          : `refused (${result.refusal.kind})`;
      }
      const ms = median(times);
      lines.push(
        `| ${label} | ${ms.toFixed(0)} ms ${ms < TARGET_MS ? '✔' : '✘'} | ${rows} | ${statements} | ${outcome} |`,
      );
    }

    const wholeTimes: number[] = [];
    let wholeRows = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const rows = await pool.exec<Row>(
        `SELECT c.BACKUP_ID, c.ENTRY_TYPE_NAME, c.STATE_NAME, c.UTC_START_TIME, c.UTC_END_TIME, c.MESSAGE,
                f.SOURCE_ID, f.SOURCE_TYPE_NAME, f.HOST, f.SERVICE_TYPE_NAME, f.REDO_LOG_POSITION,
                f.FIRST_REDO_LOG_POSITION, f.LAST_REDO_LOG_POSITION, f.BACKUP_SIZE, f.DESTINATION_TYPE_NAME,
                f.DESTINATION_PATH, f.EXTERNAL_BACKUP_ID
           FROM SYS_DATABASES.M_BACKUP_CATALOG c
           LEFT JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES f ON f.DATABASE_NAME = c.DATABASE_NAME AND f.ENTRY_ID = c.ENTRY_ID
          WHERE c.DATABASE_NAME = ?`,
        [DATABASE],
      );
      wholeTimes.push(performance.now() - t0);
      wholeRows = rows.length;
    }
    const [{ N }] = await pool.exec<Row>('SELECT COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG');

    console.log(
      `Large seed: ${Number(N).toLocaleString('en-US')} catalog entries (built in ${seededS.toFixed(0)} s); database ${DATABASE}.\n`,
    );
    console.log(`| plan (median of ${RUNS}) | slice + plan | rows fetched | statements | outcome |`);
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const line of lines) console.log(line);
    console.log(
      `\nFetching ${DATABASE}'s whole catalog (entries with their files) through the driver: ` +
        `${median(wholeTimes).toFixed(0)} ms (median of 3), ${wholeRows.toLocaleString('en-US')} rows. Target for a plan: < ${TARGET_MS} ms.`,
    );
  } finally {
    await pool.dispose();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBenchmark(main);

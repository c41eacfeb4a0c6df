// Prune by retention on hanasim's large seed (five databases, a year of history, over a million
// catalog entries): the time to read a database's catalog and plan its prune, and the rows that
// costs, for one database and for the whole catalog. Prints figures, asserts nothing.
// Run: npm run bench:prune
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HanaConnectionPool } from '../client/src/hana/connectionPool';
import { readPruneInput } from '../client/src/retention/pruneInput';
import { planPrune } from '../client/src/retention/prunePlanner';
import { retentionRulesOf, type PrunePlan } from '../client/src/retention/pruneTypes';
import { readPolicy } from '../server/src/languageService/model/policyModel';
import { launchSimulator } from '../test/hanasim/launch.mjs';
import { CountingRunner } from '../test/integration/support/countingRunner';
import { runBenchmark } from './support/runBenchmark';

const PASSWORD = 'Manager1-Bench';
const RUNS = 5;
const POLICY_TEXT =
  'full daily 7d, weekly 8w, monthly 12mo, yearly 7y · differential 14d · incremental 14d · snapshot 3d · log 35d, Europe/Berlin';
/** The retention of the policy spec's example. */
const RULES = retentionRulesOf(
  readPolicy({
    spec: {
      timezone: 'Europe/Berlin',
      retention: {
        full: { daily: '7d', weekly: '8w', monthly: '12mo', yearly: '7y' },
        differential: '14d',
        incremental: '14d',
        snapshot: '3d',
        log: '35d',
      },
    },
  })!,
);

interface Run {
  ms: number;
  readMs: number;
  rows: number;
  plans: PrunePlan[];
}

async function planAll(runner: CountingRunner, databases: string[]): Promise<Run> {
  runner.take();
  const started = performance.now();
  const inputs = await Promise.all(databases.map((database) => readPruneInput(runner, database)));
  const readMs = performance.now() - started;
  const plans = inputs.map((input) => planPrune(input, RULES, input.now));
  return { ms: performance.now() - started, readMs, rows: runner.take().rows, plans };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function measure(runner: CountingRunner, databases: string[]): Promise<{ cold: Run; runs: Run[] }> {
  const cold = await planAll(runner, databases);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await planAll(runner, databases));
  return { cold, runs };
}

function row(label: string, entries: number, result: { cold: Run; runs: Run[] }): string {
  const { cold, runs } = result;
  const ms = median(runs.map((r) => r.ms));
  const readMs = median(runs.map((r) => r.readMs));
  const ok = ms < 2000 ? '✔' : '✘';
  return `| ${label} | ${entries.toLocaleString('en-US')} | ${cold.ms.toFixed(0)} ms | ${ms.toFixed(0)} ms (read ${readMs.toFixed(0)} ms, plan ${(ms - readMs).toFixed(0)} ms) | ${runs[0].rows.toLocaleString('en-US')} | < 2,000 ms ${ok} |`;
}

function summary(plan: PrunePlan): string {
  const d = plan.deleted;
  return (
    `${plan.database}: ${plan.statements.length} statements (ALL BEFORE ${plan.cutoff ? plan.cutoff.start.toISOString().slice(0, 10) : '—'}, ` +
    `${plan.singles.length} single), deletes ${d.full.count} fulls, ${d.differential.count} differentials, ` +
    `${d.log.count.toLocaleString('en-US')} log backups; keeps ${plan.kept.length} data backups, ` +
    `${(plan.keptLogs.needed.count + plan.keptLogs.unneeded.count).toLocaleString('en-US')} log backups`
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-prune-large-'));
  const seeding = performance.now();
  const sim = await launchSimulator({ dataDir, password: PASSWORD, seed: 'large', readyTimeoutMs: 600_000 });
  console.log(`hanasim large seed ready in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`);
  const pool = new HanaConnectionPool(
    { name: 'BENCH', host: '127.0.0.1', port: sim.ports.SYSTEMDB, user: 'SYSTEM', password: PASSWORD },
    { statementTimeoutMs: 60_000 },
  );
  try {
    const runner = new CountingRunner(pool);
    const databases = (
      await pool.exec<{ DATABASE_NAME: string }>(
        'SELECT DATABASE_NAME FROM M_DATABASES ORDER BY DATABASE_NAME',
      )
    ).map((r) => r.DATABASE_NAME);
    const sizes = await pool.exec<{ DATABASE_NAME: string; N: number }>(
      'SELECT DATABASE_NAME, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG GROUP BY DATABASE_NAME',
    );
    const entries = (names: string[]) =>
      sizes.filter((s) => names.includes(s.DATABASE_NAME)).reduce((n, s) => n + Number(s.N), 0);

    const one = await measure(runner, ['T02']);
    const all = await measure(runner, databases);
    console.log(
      `| prune plan (read + plan; median of ${RUNS} after a cold run) | catalog entries | cold | median | rows fetched | target |`,
    );
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    console.log(row('one database (T02)', entries(['T02']), one));
    console.log(row(`whole catalog (${databases.length} databases)`, entries(databases), all));
    console.log(`\nPolicy: the spec's example retention (${POLICY_TEXT}). The plans of the whole catalog:`);
    for (const plan of all.runs[0].plans) console.log(`- ${summary(plan)}`);
  } finally {
    await pool.dispose();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runBenchmark(main);

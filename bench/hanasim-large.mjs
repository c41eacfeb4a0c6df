// The `large` seed: how long building a catalog of more than a million entries takes, and how fast the
// per-day, per-type aggregation a tree node needs answers through @sap/hana-client.
// Run: node bench/hanasim-large.mjs   (needs no build; prints figures, asserts nothing)
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchSimulator } from '../test/hanasim/launch.mjs';

const require = createRequire(import.meta.url);
const hana = require('@sap/hana-client');
const PASSWORD = 'Manager1-Bench';
const AGGREGATE =
  "SELECT TO_VARCHAR(UTC_START_TIME, 'YYYY-MM-DD') AS DAY, ENTRY_TYPE_NAME, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG " +
  'WHERE DATABASE_NAME = ? AND UTC_START_TIME >= ADD_DAYS(CURRENT_UTCTIMESTAMP, -90) GROUP BY TO_VARCHAR(UTC_START_TIME, ' +
  "'YYYY-MM-DD'), ENTRY_TYPE_NAME";

function exec(connection, sql, params = []) {
  return new Promise((resolve, reject) =>
    connection.exec(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
  );
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hanasim-large-'));
  let sim;
  try {
    const started = performance.now();
    sim = await launchSimulator({ dataDir, password: PASSWORD, seed: 'large' });
    const buildMs = performance.now() - started;
    const connection = hana.createConnection();
    await new Promise((resolve, reject) =>
      connection.connect(
        { serverNode: `127.0.0.1:${sim.ports.SYSTEMDB}`, uid: 'SYSTEM', pwd: PASSWORD },
        (e) => (e ? reject(e) : resolve()),
      ),
    );
    const [{ N: entries }] = await exec(
      connection,
      'SELECT COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG',
    );
    const times = [];
    let groups = 0;
    for (let run = 0; run < 7; run++) {
      const t = performance.now();
      groups = (await exec(connection, AGGREGATE, ['T02'])).length;
      times.push(performance.now() - t);
    }
    connection.disconnect();
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log('| hanasim --seed large | value | target |');
    console.log('| --- | ---: | --- |');
    console.log(
      `| catalog entries | ${entries.toLocaleString('en-US')} | ≥ 1,000,000 ${entries >= 1e6 ? '✔' : '✘'} |`,
    );
    console.log(
      `| seed built and serving (start → ready) | ${(buildMs / 1000).toFixed(1)} s | < 60 s ${buildMs < 60000 ? '✔' : '✘'} |`,
    );
    console.log(
      `| per-day, per-type aggregation, one database, 90 days (${groups} groups), median of 7 | ${median.toFixed(0)} ms | < 200 ms ${median < 200 ? '✔' : '✘'} |`,
    );
  } finally {
    await sim?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`Benchmark failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});

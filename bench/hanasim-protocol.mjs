// Benchmark of the hanasim protocol layer: rows/s for the 100,000-row × 8-column result
// (BIGINT, NVARCHAR, INTEGER, TIMESTAMP, DECIMAL, BOOLEAN, NVARCHAR, DOUBLE) fetched by
// @sap/hana-client `exec`, from the echo fixture server running in a child process.
//
//   node bench/hanasim-protocol.mjs [--runs=5]
//
// Target: not below the prototype's 70–130k rows/s (reference/hana-protocol-notes.md §16).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const hana = require('@sap/hana-client');

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const PASSWORD = 'Bench-Password1';

function startServer(deadlineMs = 20000) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/hanasim/protocol/fixtures/echoServer.ts'], {
    cwd: root,
    env: { ...process.env, HANASIM_PASSWORD: PASSWORD },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('echo server not ready in time'));
    }, deadlineMs);
    child.once('exit', (code) => reject(new Error(`echo server exited with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /HANASIM_PROTOCOL_READY (\{.*\})\n/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, ports: JSON.parse(m[1]) });
    });
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const call = (fn) => new Promise((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v))));

const { child, ports } = await startServer();
try {
  const conn = hana.createConnection();
  await call((cb) =>
    conn.connect({ serverNode: `127.0.0.1:${ports.SYSTEMDB}`, uid: 'SYSTEM', pwd: PASSWORD }, cb),
  );
  // Warm-up (the server builds the rows on first use; JIT on both sides).
  await call((cb) => conn.exec('SELECT * FROM BIG', cb));
  const rates = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const rows = await call((cb) => conn.exec('SELECT * FROM BIG', cb));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (rows.length !== 100000) throw new Error(`expected 100000 rows, got ${rows.length}`);
    rates.push(rows.length / (ms / 1000));
    console.log(
      `run ${i + 1}: ${ms.toFixed(0)} ms, ${Math.round(rows.length / (ms / 1000)).toLocaleString('en')} rows/s`,
    );
  }
  await call((cb) => conn.disconnect(cb));
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  console.log(
    `@sap/hana-client exec, 100,000 rows × 8 columns: median ${Math.round(median).toLocaleString('en')} rows/s ` +
      `(min ${Math.round(rates[0]).toLocaleString('en')}, max ${Math.round(rates.at(-1)).toLocaleString('en')}); ` +
      `target ≥ 70,000 rows/s: ${median >= 70000 ? 'met' : 'MISSED'}`,
  );
} finally {
  await stopServer(child);
}

// `npm test`: builds, runs the static checks and every test suite, and ends with one summary line
// "N passed, N failed" (tests plus checks), exiting non-zero when anything failed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hana-backup-test-')), 'summary.jsonl');
const env = { ...process.env, HANA_BACKUP_SUMMARY_FILE: summaryFile };
const results = [];

function run(name, command, args, options = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n=== ${name}\n`);
    let output = '';
    const child = spawn(command, args, {
      env: { ...env, HANA_BACKUP_SUITE: name },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const relay = (stream, target) =>
      stream.on('data', (chunk) => {
        target.write(chunk);
        if (options.capture) output += chunk;
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`=== ${name}: exit ${code} in ${seconds}s\n`);
      resolve({ code: code ?? 1, output });
    });
  });
}

async function check(name, command, args) {
  const { code } = await run(name, command, args);
  results.push({ name, passes: code === 0 ? 1 : 0, failures: code === 0 ? 0 : 1 });
}

function mochaCounts(name) {
  if (!fs.existsSync(summaryFile)) return undefined;
  return fs
    .readFileSync(summaryFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .find((entry) => entry.suite === name);
}

async function suite(name, npmScript) {
  const { code } = await run(name, 'npm', ['run', '--silent', npmScript]);
  const counts = mochaCounts(name);
  // A suite that crashed before reporting counts as one failure, never as silence.
  if (!counts) results.push({ name, passes: 0, failures: 1 });
  else
    results.push({
      name,
      passes: counts.passes,
      failures: counts.failures + (code !== 0 && counts.failures === 0 ? 1 : 0),
    });
}

/** A stage that is no mocha suite: its counts come from its own `<marker>: N passed, N failed` line. */
async function countedStage(name, marker, command, args) {
  const { code, output } = await run(name, command, args, { capture: true });
  const match = new RegExp(`${marker}: (\\d+) passed, (\\d+) failed`).exec(output);
  if (!match) results.push({ name, passes: 0, failures: 1 });
  else
    results.push({
      name,
      passes: Number(match[1]),
      failures: Number(match[2]) + (code !== 0 && match[2] === '0' ? 1 : 0),
    });
}

const build = await run('build', 'npm', ['run', '--silent', 'build']);
results.push({ name: 'build', passes: build.code === 0 ? 1 : 0, failures: build.code === 0 ? 0 : 1 });
await check('typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']);
await check('eslint', 'npx', ['eslint', '.']);
await check('format', 'npx', ['prettier', '--check', '.']);
await suite('unit', 'test:unit');
if (build.code === 0) {
  await suite('lsp', 'test:lsp');
  // Generated and mutated files through the language service and the built server (README, Tests).
  await countedStage('fuzz', 'FUZZ', 'npm', ['run', '--silent', 'test:fuzz']);
  await suite('cli', 'test:cli');
  await suite('hanasim', 'test:hanasim');
  await suite('integration', 'test:integration');
  // Packages the linux-x64 and universal VSIXs, checks their contents and runs them unpacked.
  await check('package', 'node', ['scripts/package.mjs', '--target', 'linux-x64,universal']);
  await countedStage('vscode', 'VSCODE-SUITE', 'node', ['test/vscode/run.mjs', '--no-build']);
  // The README's run command, started and stopped: simulator up, workbench answering.
  await check('demo', 'node', ['scripts/demo.mjs', '--smoke']);
}

process.stdout.write('\n');
for (const r of results)
  process.stdout.write(`${r.name.padEnd(10)} ${r.passes} passed, ${r.failures} failed\n`);
const passed = results.reduce((sum, r) => sum + r.passes, 0);
const failed = results.reduce((sum, r) => sum + r.failures, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;

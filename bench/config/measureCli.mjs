// The CLI on the same workspace: `hana-backup lint <folder> --format json`.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnNode } from '../support/children.mjs';
import { sortedByKey } from '../support/counts.mjs';
import { withDeadline } from '../support/deadline.mjs';
import { CPU_PROF_DIR, ROOT } from '../support/paths.mjs';
import { round } from '../support/stats.mjs';
import { DEADLINE } from './constants.mjs';

const CLI_BIN = path.join(ROOT, 'bin', 'hana-backup.js');

/**
 * `hana-backup lint <folder> --format json`: one run, wall time, and what it found. `profile`: run
 * the CLI under `node --cpu-prof`.
 */
export async function measureCli(workspace, { profile = false } = {}) {
  const nodeArgs = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, '--cpu-prof-name=config-workspace-cli.cpuprofile']
    : [];
  const started = performance.now();
  const { child, exited, stderrTail } = spawnNode(
    [...nodeArgs, CLI_BIN, 'lint', workspace.folder, '--format', 'json'],
    { cwd: ROOT },
  );
  child.stdin.end();
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  const stdoutClosed = new Promise((resolve) => child.stdout.once('close', resolve));
  let exit;
  try {
    [exit] = await withDeadline(Promise.all([exited, stdoutClosed]), DEADLINE.cli, 'hana-backup lint');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const ms = performance.now() - started;
  // Exit code 1 means "errors found": expected here (HBI005, HBI011 and others are errors).
  if (exit.code !== 0 && exit.code !== 1)
    throw new Error(`lint exited with ${exit.code ?? exit.signal}: ${stderrTail().trim()}`);
  const stdout = Buffer.concat(chunks).toString('utf8');
  let problems;
  try {
    problems = JSON.parse(stdout);
  } catch {
    throw new Error(`lint did not print JSON: ${stdout.slice(0, 200)} ${stderrTail().trim()}`);
  }
  const byCode = {};
  for (const p of problems) byCode[p.code] = (byCode[p.code] ?? 0) + 1;
  return {
    ms: round(ms),
    exitCode: exit.code,
    problems: problems.length,
    files: new Set(problems.map((p) => p.file)).size,
    byCode: sortedByKey(byCode),
  };
}

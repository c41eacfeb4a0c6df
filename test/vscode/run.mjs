#!/usr/bin/env node
// `npm run test:vscode`: the extension in a real VS Code. Builds the extension, packages this
// machine's VSIX and installs it into code-server, builds the extension-host suites
// (test/vscode/suite) and runs them in code-server driven by headless Chromium, followed by UI checks
// in the same browser. With VSCODE_EXECUTABLE set (a desktop VS Code), the same suites run from the
// development folder through @vscode/test-electron's runTests instead, without the UI checks.
// Ends with the line `VSCODE-SUITE: <passed> passed, <failed> failed`; exits non-zero on any failure.
// Flags: --no-build (the caller already ran `npm run build`), --keep (keep the run folder).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ensureCodeServer, findChromium } from '../../scripts/ensure-code-server.mjs';
import { launchBrowser, runSuite, workbenchUrl } from './browser.mjs';
import { prepareRunFolder, startCodeServer } from './codeServer.mjs';
import { checkProblemsPanel } from './problemsPanel.mjs';
import { launchSimulator } from '../hanasim/launch.mjs';
import {
  checkBackupFromTree,
  checkPruneFromTree,
  checkRecoverFromTree,
  checkWalkthrough,
} from './treeUi.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = path.join(repo, 'test-results', 'vscode');
const suiteOut = path.join(repo, 'out', 'test', 'vscode', 'suite');
/** Suite folders (test/vscode/suite/<name>) and the workspace each runs in. */
const SUITES = ['examples', 'live'];
const fixtureWorkspace = path.join(repo, 'test', 'fixtures', 'shared-examples', 'workspace');
const liveWorkspace = path.join(repo, 'test', 'fixtures', 'live-workspace');
/** The simulator's SYSTEM password reaches the extension only through this environment variable. */
const PASSWORD_ENV = 'HANA_BACKUP_DEMO_PASSWORD';
const SIM_PASSWORD = 'Manager1-Sim';
/** The suite's own runner (test/vscode/suite/index.ts) writes its counts to this file. */
const RESULTS_ENV = 'HANA_BACKUP_VSCODE_RESULTS';
const SUITE_DEADLINE_MS = 5 * 60_000;
/** Where code-server installed the VSIX: the suites check that the extension runs from there. */
const INSTALLED_ENV = 'HANA_BACKUP_INSTALLED_EXTENSIONS';
/** An empty extension in development mode, which VS Code needs to run extension-host tests. */
const testHost = path.join(repo, 'test', 'vscode', 'host');

/**
 * Undone in reverse order when the run ends, also on Ctrl+C: code-server runs in a process group of
 * its own and would outlive us.
 */
const cleanups = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`test:vscode cleanup: ${error.message}`);
    }
  }
}

const started = Date.now();
const step = (message) =>
  console.log(`[test:vscode ${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

function buildExtension() {
  step('npm run build');
  const result = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}

/** One CommonJS file per suite file, as the extension host `require`s them; vscode and mocha stay external. */
async function compileSuite() {
  const sources = path.join(repo, 'test', 'vscode', 'suite');
  const entryPoints = SUITES.flatMap((suite) =>
    fs
      .readdirSync(path.join(sources, suite))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => path.join(sources, suite, name)),
  );
  fs.rmSync(suiteOut, { recursive: true, force: true }); // a deleted test must not run from a stale build
  await esbuild.build({
    entryPoints,
    outdir: suiteOut,
    outbase: sources,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

/** Counts from the runner's results file, else from its `VSCODE-MOCHA:` log line. */
function readCounts(resultsFile, logLines) {
  if (fs.existsSync(resultsFile)) return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  for (const line of logLines) {
    const match = /VSCODE-MOCHA: (\d+) passed, (\d+) failed/.exec(line);
    if (match) return { passed: Number(match[1]), failed: Number(match[2]) };
  }
  return undefined;
}

/** Results file of one suite folder (test/vscode/suite/runner.ts writes it). */
function suiteResults(run, suite) {
  return `${run.resultsFile.replace(/\.json$/, '')}-${suite}.json`;
}

/** The workspace each suite runs in. */
function suiteWorkspace(run, suite) {
  return suite === 'live' ? run.liveWorkspace : run.workspace;
}

/** Counts of every suite, a missing or crashed one counted as a failure. */
function addUp(results) {
  let passed = 0;
  let failed = 0;
  for (const { suiteExit, counts } of results) {
    const c = counts ?? { passed: 0, failed: 0 };
    passed += c.passed;
    // A runner that crashed or timed out reports no failed test: never let that read as green.
    failed += suiteExit !== 0 && c.failed === 0 ? 1 : c.failed;
  }
  return { passed, failed };
}

/**
 * Packages this machine's VSIX (scripts/package.mjs) and installs it into the run's extensions folder:
 * the suites run against what a user installs, not the development folder.
 */
function installVsix(bin, run) {
  const target = `${process.platform}-${process.arch}`;
  step(`packaging the ${target} VSIX`);
  const packaged = spawnSync('node', ['scripts/package.mjs', '--target', target], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (packaged.status !== 0) throw new Error(`packaging the ${target} VSIX failed`);
  const { version } = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const vsix = path.join(repo, 'dist', 'vsix', `hana-backup-${target}-${version}.vsix`);
  step(`installing ${path.relative(repo, vsix)} into code-server`);
  const installed = spawnSync(
    bin,
    ['--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8' },
  );
  if (installed.status !== 0)
    throw new Error(`code-server --install-extension failed: ${installed.stderr || installed.stdout}`);
}

async function runInCodeServer(run) {
  const bin = ensureCodeServer();
  const chromiumPath = findChromium();
  installVsix(bin, run);
  step('starting code-server');
  const server = await startCodeServer({
    bin,
    run,
    logFile: path.join(artifacts, 'code-server.log'),
    env: {
      [RESULTS_ENV]: run.resultsFile,
      [PASSWORD_ENV]: SIM_PASSWORD,
      [INSTALLED_ENV]: run.extensionsDir,
    },
  });
  cleanups.push(() => server.stop());
  step(`code-server ready at ${server.url}; launching Chromium`);
  const context = await launchBrowser(chromiumPath, run);
  cleanups.push(() => context.close());

  const results = [];
  for (const suite of SUITES) {
    const logLines = [];
    const onLog = (type, text) => {
      logLines.push(text);
      (type === 'error' || type === 'pageerror' ? console.error : console.log)(`[vscode ${type}] ${text}`);
    };
    const testsPath = path.join(suiteOut, suite, 'index.js');
    const suiteExit = await runSuite(
      context,
      workbenchUrl(server.url, { folder: suiteWorkspace(run, suite), extensionPath: testHost, testsPath }),
      { deadlineMs: SUITE_DEADLINE_MS, onLog, screenshot: path.join(artifacts, `suite-${suite}.png`) },
    );
    step(
      suiteExit === null
        ? `suite ${suite} did not finish within ${SUITE_DEADLINE_MS / 1000} s`
        : `suite ${suite} exited with ${suiteExit}`,
    );
    results.push({ suiteExit, counts: readCounts(suiteResults(run, suite), logLines) });
  }

  const ui = [
    ...(await problemsPanelChecks(context, workbenchUrl(server.url, { folder: run.workspace }))),
    ...(await treeChecks(context, workbenchUrl(server.url, { folder: run.liveWorkspace }))),
  ];
  return { ...addUp(results), ui };
}

/**
 * The journey through the workbench on the demo system, in order: Back up now, Plan and Recover PRD to
 * a point in time, Prune QAS by retention; then the getting-started walkthrough. A failed check is
 * counted and the next one still runs.
 */
async function treeChecks(context, url) {
  const checks = [
    ['Back up now from the tree', checkBackupFromTree, (r) => `the new backup shows: ${r}`],
    ['Recover PRD to a point in time', checkRecoverFromTree, (r) => `after confirmation: ${r}`],
    ['Prune QAS by retention', checkPruneFromTree, (r) => r],
    ['the getting-started walkthrough', checkWalkthrough, (r) => `steps: ${r.join(', ')}`],
  ];
  const results = [];
  for (const [name, check, describe] of checks) {
    try {
      step(`UI check passed: ${name}; ${describe(await check(context, url, { artifacts }))}`);
      results.push(true);
    } catch (error) {
      console.error(`UI check failed (${name}): ${error.message}`);
      results.push(false);
    }
  }
  return results;
}

/** What a user must see in the Problems panel after opening a file (search: quick-open text). */
const UI_CHECKS = [
  { fileName: 'sandbox.backup-policy.yaml', code: 'HBP101', screenshot: 'problems-panel.png' },
  {
    fileName: 'global.ini',
    search: 'erphana2 global.ini',
    pick: 'erphana2',
    code: 'HBI010',
    screenshot: 'problems-panel-host-override.png',
  },
];

/**
 * The UI checks, each in a fresh window (the suite's extension host stops once the suite is done).
 * A failure is reported and counted as a failed test, not thrown.
 */
async function problemsPanelChecks(context, url) {
  const results = [];
  for (const check of UI_CHECKS) {
    try {
      await checkProblemsPanel(context, url, {
        ...check,
        screenshot: path.join(artifacts, check.screenshot),
      });
      step(`UI check passed: the Problems panel shows ${check.code} for ${check.search ?? check.fileName}`);
      results.push(true);
    } catch (error) {
      console.error(
        `UI check failed (the Problems panel should show ${check.code} for ${check.search ?? check.fileName}): ${error.message}`,
      );
      results.push(false);
    }
  }
  return results;
}

/** The same suites against a desktop VS Code (the standard @vscode/test-electron route). */
async function runInDesktop(run) {
  const { runTests } = await import('@vscode/test-electron');
  const results = [];
  for (const suite of SUITES) {
    let suiteExit = 0;
    try {
      await runTests({
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
        extensionDevelopmentPath: repo,
        extensionTestsPath: path.join(suiteOut, suite, 'index.js'),
        launchArgs: [
          suiteWorkspace(run, suite),
          '--disable-extensions',
          `--user-data-dir=${run.userDataDir}`,
          `--extensions-dir=${run.extensionsDir}`,
        ],
        extensionTestsEnv: { [RESULTS_ENV]: run.resultsFile, [PASSWORD_ENV]: SIM_PASSWORD },
      });
    } catch (error) {
      suiteExit = error.code ?? 1;
    }
    results.push({ suiteExit, counts: readCounts(suiteResults(run, suite), []) });
  }
  return { ...addUp(results), ui: [] };
}

async function main() {
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  if (!process.argv.includes('--no-build')) buildExtension();
  await compileSuite();
  const run = prepareRunFolder(fixtureWorkspace);
  cleanups.push(() => {
    if (process.argv.includes('--keep')) console.log(`run folder kept: ${run.root}`);
    else fs.rmSync(run.root, { recursive: true, force: true });
  });
  try {
    step('starting hanasim (demo seed)');
    const simulator = await launchSimulator({
      dataDir: path.join(run.root, 'hanasim'),
      password: SIM_PASSWORD,
      seed: 'demo',
      // Simulated time runs faster so that a complete backup of the demo takes seconds.
      speed: 30,
    });
    cleanups.push(() => simulator.stop());
    run.liveWorkspace = prepareLiveWorkspace(run.root, simulator.ports.SYSTEMDB);
    const { passed, failed, ui } = process.env.VSCODE_EXECUTABLE
      ? await runInDesktop(run)
      : await runInCodeServer(run);
    const total = {
      passed: passed + ui.filter(Boolean).length,
      failed: failed + ui.filter((ok) => !ok).length,
    };
    if (total.failed === 0) publishScreenshots();
    step(`done; screenshots and code-server.log in ${path.relative(repo, artifacts)}/`);
    console.log(`VSCODE-SUITE: ${total.passed} passed, ${total.failed} failed`);
    process.exitCode = total.failed > 0 ? 1 : 0;
  } finally {
    await cleanUp();
  }
}

/**
 * The README shows these: a green run replaces them, so they show what the extension does today.
 * Kept out of the VSIX (docs/ is not in .vscodeignore's allow-list).
 */
const README_SCREENSHOTS = ['tree.png', 'problems-panel.png', 'recovery-plan.png', 'walkthrough.png'];
function publishScreenshots() {
  const target = path.join(repo, 'docs', 'screenshots');
  fs.mkdirSync(target, { recursive: true });
  for (const name of README_SCREENSHOTS) fs.copyFileSync(path.join(artifacts, name), path.join(target, name));
}

/** The live suite's workspace: its policy, and the demo system's connection (password from the environment). */
function prepareLiveWorkspace(root, port) {
  const folder = path.join(root, 'live-workspace');
  fs.cpSync(liveWorkspace, folder, { recursive: true });
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  const connection = { name: 'PRD', host: '127.0.0.1', port, user: 'SYSTEM', passwordEnv: PASSWORD_ENV };
  fs.writeFileSync(
    path.join(folder, '.vscode', 'settings.json'),
    JSON.stringify({ 'hanaBackup.connections': [connection] }, null, 2),
  );
  return folder;
}

const signalExitCodes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
for (const [signal, exitCode] of Object.entries(signalExitCodes)) {
  process.on(signal, async () => {
    await cleanUp();
    process.exit(exitCode);
  });
}

main().catch(async (error) => {
  await cleanUp();
  console.error(`test:vscode: ${error instanceof Error ? error.message : error}`);
  console.log('VSCODE-SUITE: 0 passed, 1 failed');
  process.exit(1);
});

#!/usr/bin/env node
// `npm run demo`: the extension on hanasim's demo system in one command. Builds, starts hanasim
// (--seed demo; its state is kept in .demo/hanasim between runs), prepares .demo/workspace from the
// example workspace with the demo system's connection (its password reaches VS Code only through an
// environment variable, never a file), and opens VS Code on it with the extension: the desktop
// `code` when there is one, otherwise code-server on 127.0.0.1 (the URL is printed). Ctrl-C stops
// everything it started. `--smoke` starts everything, checks it answers, and stops (for the tests).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchSimulator } from '../test/hanasim/launch.mjs';
import { workbenchUrl } from '../test/vscode/browser.mjs';
import { startCodeServer } from '../test/vscode/codeServer.mjs';
import { ensureCodeServer } from './ensure-code-server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const state = path.join(repo, '.demo');
const PASSWORD_ENV = 'HANA_BACKUP_DEMO_PASSWORD';
// The simulator's SYSTEM password. A local stand-in, not a real system; override it with the
// environment variable when you like (before the first run: the simulator keeps its verifier).
const password = process.env[PASSWORD_ENV] || 'Manager1-Demo';
const smoke = process.argv.includes('--smoke');

const stops = [];
async function stopAll() {
  while (stops.length) {
    try {
      await stops.pop()();
    } catch (error) {
      console.error(`demo: ${error.message}`);
    }
  }
}

function step(text) {
  console.log(`[demo] ${text}`);
}

function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The example workspace (../shared/examples when present, else the vendored copy) plus the PRD policy. */
function prepareWorkspace(port) {
  const workspace = path.join(state, 'workspace');
  if (!fs.existsSync(workspace)) {
    const shared = path.resolve(repo, '../shared/examples/workspace');
    const source = fs.existsSync(shared)
      ? shared
      : path.join(repo, 'test/fixtures/shared-examples/workspace');
    fs.cpSync(source, workspace, { recursive: true });
    fs.cpSync(path.join(repo, 'test/fixtures/live-workspace'), workspace, { recursive: true });
    makeWritable(workspace);
  }
  // The port changes from run to run; the rest of the user's settings stay.
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  const settings = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {};
  settings['hanaBackup.connections'] = [
    { name: 'PRD', sid: 'PRD', host: '127.0.0.1', port, user: 'SYSTEM', passwordEnv: PASSWORD_ENV },
  ];
  fs.writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  return workspace;
}

function makeWritable(target) {
  const stat = fs.statSync(target);
  fs.chmodSync(target, stat.mode | 0o200);
  if (stat.isDirectory()) for (const name of fs.readdirSync(target)) makeWritable(path.join(target, name));
}

async function openDesktop(code, workspace) {
  step(`opening VS Code (${code}) on ${path.relative(repo, workspace)}`);
  const child = spawn(code, ['--new-window', `--extensionDevelopmentPath=${repo}`, workspace], {
    stdio: 'inherit',
    env: { ...process.env, [PASSWORD_ENV]: password },
  });
  await new Promise((resolve) => child.once('exit', resolve));
  console.log('[demo] VS Code is open; the simulator runs until you press Ctrl-C here.');
}

async function openCodeServer(workspace) {
  const root = path.join(state, 'code-server');
  const run = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    xdg: path.join(root, 'xdg'),
    workspace,
  };
  for (const dir of [run.extensionsDir, path.join(run.userDataDir, 'User')])
    fs.mkdirSync(dir, { recursive: true });
  const userSettings = path.join(run.userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(userSettings))
    fs.writeFileSync(
      userSettings,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'telemetry.telemetryLevel': 'off',
          'security.workspace.trust.enabled': false,
        },
        null,
        2,
      ),
    );
  step('starting code-server (no desktop VS Code found)');
  const server = await startCodeServer({
    bin: ensureCodeServer(),
    run,
    logFile: path.join(root, 'code-server.log'),
    env: { [PASSWORD_ENV]: password },
  });
  stops.push(() => server.stop());
  const url = workbenchUrl(server.url, { folder: workspace, extensionPath: repo });
  console.log(`\n  Open ${url}\n`);
  if (smoke) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the workbench answered ${response.status}`);
  }
}

async function main() {
  step('building the extension');
  const build = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs')], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the build failed');
  fs.mkdirSync(state, { recursive: true });
  step('starting hanasim (demo seed; the first start builds 45 days of history)');
  const simulator = await launchSimulator({ dataDir: path.join(state, 'hanasim'), password, seed: 'demo' });
  stops.push(() => simulator.stop());
  step(`hanasim PRD: SYSTEMDB on 127.0.0.1:${simulator.ports.SYSTEMDB}`);
  const workspace = prepareWorkspace(simulator.ports.SYSTEMDB);
  const code = process.env.CI || smoke ? undefined : which('code');
  if (code) await openDesktop(code, workspace);
  else await openCodeServer(workspace);
  if (smoke) {
    step('smoke check passed: simulator and workbench answer');
    await stopAll();
    return;
  }
  console.log('[demo] Press Ctrl-C to stop.');
  await new Promise(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    console.log('\n[demo] stopping…');
    await stopAll();
    process.exit(0);
  });
}

main().catch(async (error) => {
  console.error(`demo: ${error.message}`);
  await stopAll();
  process.exit(1);
});

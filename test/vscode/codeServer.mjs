// Starts and stops code-server for one test run, in a run folder of its own (profile, extensions,
// XDG folders, a copy of the example workspace), so runs never share state or touch fixtures.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A quiet profile: no welcome page, tips, telemetry, update or marketplace lookups, trust prompt or git scan. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/** Creates the run folder, with `workspaceSource` copied into it (writable, unlike the fixtures). */
export function prepareRunFolder(workspaceSource) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hana-backup-vscode-'));
  const run = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    xdg: path.join(root, 'xdg'),
    browserProfile: path.join(root, 'chromium'),
    workspace: path.join(root, 'workspace'),
    resultsFile: path.join(root, 'results.json'),
  };
  for (const dir of [run.extensionsDir, run.browserProfile, path.join(run.userDataDir, 'User')])
    fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(run.userDataDir, 'User', 'settings.json'),
    JSON.stringify(USER_SETTINGS, null, 2),
  );
  fs.cpSync(workspaceSource, run.workspace, { recursive: true });
  makeWritable(run.workspace); // the fixtures are read-only; copies must stay removable
  return run;
}

function makeWritable(target) {
  const stat = fs.statSync(target);
  fs.chmodSync(target, stat.mode | 0o200);
  if (stat.isDirectory()) for (const name of fs.readdirSync(target)) makeWritable(path.join(target, name));
}

/** A TCP port that was free a moment ago (code-server binds it right after). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group (setsid: `detached`), logging to `logFile`, and
 * resolves once /healthz answers. `env` is added to its environment (the extension host inherits it).
 */
export async function startCodeServer({ bin, run, logFile, env = {}, readyTimeoutMs = 60_000 }) {
  const port = await freePort();
  const config = path.join(run.root, 'code-server.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = fs.openSync(logFile, 'w');
  const args = [
    '--config',
    config,
    '--user-data-dir',
    run.userDataDir,
    '--extensions-dir',
    run.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    run.workspace,
  ];
  const child = spawn(bin, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...inheritedEnv(),
      XDG_CONFIG_HOME: path.join(run.xdg, 'config'),
      XDG_DATA_HOME: path.join(run.xdg, 'data'),
      XDG_CACHE_HOME: path.join(run.xdg, 'cache'),
      EXTENSIONS_GALLERY: '{}', // no lookups of an unreachable marketplace
      ...env,
    },
  });
  fs.closeSync(log);
  let exited = null;
  child.once('exit', (code, signal) => (exited = signal ?? code));

  const server = { url: `http://127.0.0.1:${port}`, stop: () => stopGroup(child) };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited !== null)
      throw new Error(`code-server exited (${exited}) before it was ready; see ${logFile}`);
    if (await answers(`${server.url}/healthz`)) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`code-server did not answer /healthz within ${readyTimeoutMs} ms; see ${logFile}`);
    }
    await delay(100); // polling interval, not a readiness guess
  }
}

/**
 * Our environment minus what would make code-server hand the folder to another instance (a VS Code
 * terminal's VSCODE_IPC_HOOK_CLI and friends) or leak the calling `npm run` into the extension host.
 */
function inheritedEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VSCODE_') && !key.startsWith('npm_')),
  );
}

async function answers(url) {
  try {
    const response = await globalThis.fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** TERM to the whole group (killing the main pid alone leaves a child running), KILL after 5 s. */
async function stopGroup(child, graceMs = 5_000) {
  if (!groupAlive(child.pid)) return;
  process.kill(-child.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(child.pid) && Date.now() < deadline) await delay(50);
  if (groupAlive(child.pid)) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone between the check and the signal
    }
  }
}

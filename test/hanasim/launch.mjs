// Starts hanasim from plain Node scripts (the VS Code runner, benchmarks, the demo) in a child
// process on free ports, like start.ts does for the TypeScript tests, and resolves at its ready line.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Resolves with `{ ports, child, stop() }`. `portBase` 0 (the default) picks free ports; the state
 * in `dataDir` is kept (an existing directory ignores `seed`).
 */
export function launchSimulator({
  dataDir,
  password,
  seed = 'demo',
  speed = 1,
  portBase = 0,
  readyTimeoutMs = 120_000,
}) {
  const args = [
    '--import',
    'tsx',
    path.join(repo, 'test/hanasim/main.ts'),
    '--data',
    dataDir,
    '--port-base',
    String(portBase),
    '--seed',
    seed,
    '--speed',
    String(speed),
  ];
  const child = spawn(process.execPath, args, {
    cwd: repo,
    env: { ...process.env, HANASIM_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(
      () => fail(`hanasim not ready within ${readyTimeoutMs / 1000} s`),
      readyTimeoutMs,
    );
    const fail = (why) => {
      clearTimeout(deadline);
      void stop().then(() => reject(new Error(`${why}\n${stderr}`)));
    };
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => fail(`hanasim exited with ${code}`));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const ready = /HANASIM_READY (\{.*\})\n/.exec(stdout);
      if (!ready) return;
      clearTimeout(deadline);
      child.removeAllListeners('exit');
      resolve({ ports: JSON.parse(ready[1]).ports, child, stop });
    });
  });
}

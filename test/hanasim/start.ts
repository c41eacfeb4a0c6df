/**
 * Starts hanasim for a test in a child process — the driver's synchronous calls block the event loop,
 * so the simulator must not share the test's — on free ports, and waits for its ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface RunningSimulator {
  ports: Record<string, number>;
  sid: string;
  child: ChildProcess;
  /** Stops it gracefully (the data directory stays as it is). */
  stop(): Promise<void>;
  /** Kills it with SIGKILL, as a crash would. */
  kill(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  password: string;
  seed?: 'empty' | 'demo' | 'large';
  speed?: number;
  deadlineMs?: number;
  /** File the simulator appends every statement it receives to (main.ts --statement-log). */
  statementLog?: string;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function start(options: StartOptions): Promise<RunningSimulator> {
  const args = [
    '--import',
    'tsx',
    path.join(__dirname, 'main.ts'),
    '--data',
    options.dataDir,
    '--port-base',
    '0',
  ];
  args.push('--seed', options.seed ?? 'empty', '--speed', String(options.speed ?? 1));
  if (options.statementLog) args.push('--statement-log', options.statementLog);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, HANASIM_PASSWORD: options.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const stop = async (signal: NodeJS.Signals) => {
    const done = exited(child);
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(
      () => fail(`hanasim not ready within ${options.deadlineMs ?? 20000} ms`),
      options.deadlineMs ?? 20000,
    );
    const fail = (why: string) => {
      clearTimeout(deadline);
      void stop('SIGKILL').then(() => reject(new Error(`${why}\n${stderr}`)));
    };
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => fail(`hanasim exited with ${code}`));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const ready = /HANASIM_READY (\{.*\})\n/.exec(stdout);
      if (!ready) return;
      clearTimeout(deadline);
      child.removeAllListeners('exit');
      const info = JSON.parse(ready[1]) as { ports: Record<string, number>; sid: string };
      resolve({
        ports: info.ports,
        sid: info.sid,
        child,
        stop: () => stop('SIGTERM'),
        kill: () => stop('SIGKILL'),
      });
    });
  });
}

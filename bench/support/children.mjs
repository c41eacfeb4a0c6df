// The bookkeeping that makes sure no spawned process outlives a run.
import { spawn } from 'node:child_process';

const children = new Set();

/**
 * Spawns `node <args>` with piped stdio and remembers the child until it exits, so that
 * killRemainingChildren can end whatever is left however the benchmark ends.
 */
export function spawnNode(args, { cwd } = {}) {
  const child = spawn(process.execPath, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000); // the tail is what explains a crash
  });
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited, stderrTail: () => stderr };
}

/** Kills whatever is still running when the script ends, however it ends. */
export function killRemainingChildren() {
  for (const child of children) child.kill('SIGKILL');
}

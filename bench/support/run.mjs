// How a benchmark runs: its main function, and the clean-up that ends every server it started
// however the run ends (done, failed, Ctrl+C).
import { rmSync } from 'node:fs';
import { killRemainingChildren } from './children.mjs';
import { stopLspSession } from './lspSession.mjs';

/**
 * Runs `body(sessions)`, which puts every session it starts into `sessions`. When it fails, the
 * servers' stderr tails are printed; in any case the sessions still there are stopped and the
 * generated workspace `folder` is removed (unless `keepTemp`).
 */
export async function withSessions(folder, keepTemp, body) {
  const sessions = [];
  try {
    await body(sessions);
  } catch (error) {
    for (const session of sessions) {
      const tail = session.stderrTail().trim();
      if (tail) console.error(`${session.label ?? 'server'} stderr (tail):\n${tail}`);
    }
    throw error;
  } finally {
    await Promise.all(sessions.map(stopLspSession));
    if (keepTemp) console.log(`Kept ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs `main` with the exit and signal handlers that kill any server left behind. */
export function runMain(main) {
  process.on('exit', killRemainingChildren);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      killRemainingChildren();
      process.exit(130);
    });
  }
  main()
    .catch((error) => {
      console.error(`\nBenchmark failed: ${error.stack ?? error}`);
      process.exitCode = 1;
    })
    // A server that survived its shutdown would keep this process (and its pipes) alive.
    .finally(killRemainingChildren);
}

/**
 * Reading HANA's state again after a lost connection. The pool never retries a statement — a
 * BACKUP or RECOVER sent twice could run twice — so code that follows work going on server-side
 * (a backup, a recovery) reads that work's state anew instead, on the new connection the pool
 * opens for the next call. Only for reads: what they return is the truth, whichever attempt
 * returns it.
 */
import { HanaAccessError } from './errors';

export interface ReadAgainOptions {
  /** How long after the first lost connection reading is tried again before the error stands. */
  windowMs: number;
  /** Pause between two attempts (each attempt is at most one connect and one statement). */
  intervalMs: number;
}

/** Whether `error` is a lost, refused or timed-out connection (the pool has already dropped it). */
export function isConnectionFailure(error: unknown): error is HanaAccessError {
  return error instanceof HanaAccessError && error.connectionUnusable;
}

/**
 * Runs `read`; while it fails because the connection is unusable, runs it again (at once, then
 * every `intervalMs`) until `windowMs` have passed since the first failure, then throws that
 * last failure. Any other error is thrown at once.
 */
export async function readAgainAfterReconnect<T>(
  read: () => Promise<T>,
  options: ReadAgainOptions,
): Promise<T> {
  let giveUpAt: number | undefined;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      // The pool opens a new connection for the next call, so after the first failure the read
      // goes again at once; later ones wait, not to hammer a system that is down.
      if (giveUpAt === undefined) giveUpAt = Date.now() + options.windowMs;
      else if (Date.now() >= giveUpAt) throw error;
      else await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
  }
}

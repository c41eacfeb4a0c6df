/**
 * How many language-server crashes are restarted: vscode-languageclient's own rule (at most 4
 * restarts within 3 minutes), kept here so that the extension can also tell where an episode of
 * crashes begins. Pure (no vscode import) so that unit tests can drive its clock.
 */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60_000;

export interface CrashVerdict {
  /** Restart the server; false once more than MAX_RESTARTS crashes fell within the window. */
  restart: boolean;
  /** No other crash within the window: the user has not been told about this episode yet. */
  firstOfEpisode: boolean;
  /** Crashes within the window, this one included. */
  recent: number;
}

export class CrashBudget {
  private crashes: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  record(now: number): CrashVerdict {
    this.crashes = this.crashes.filter((at) => now - at < this.windowMs);
    const firstOfEpisode = this.crashes.length === 0;
    this.crashes.push(now);
    return { restart: this.crashes.length <= this.maxRestarts, firstOfEpisode, recent: this.crashes.length };
  }

  /** Forgets the crashes: the user started the server again after it was given up. */
  reset(): void {
    this.crashes = [];
  }
}

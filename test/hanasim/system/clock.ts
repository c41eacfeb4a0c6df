/**
 * The simulator's clock: real time times a speed factor, plus an offset that tests move explicitly
 * (`CALL HANASIM.ADVANCE_CLOCK('7d')`) so that "a week" passes in milliseconds. The offset is part of
 * the durable state: after a restart the simulated time goes on from where it was.
 */
export class SimClock {
  private readonly realStart: number;

  constructor(
    private simulatedStart: number,
    private readonly speed = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    this.realStart = realNow();
  }

  nowMs(): number {
    return this.simulatedStart + (this.realNow() - this.realStart) * this.speed;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Moves simulated time forward (never backward: catalog times only grow). */
  advance(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0)
      throw new RangeError('the clock only moves forward');
    this.simulatedStart += milliseconds;
  }
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `'7d'`, `'90m'`, `'3600s'` → milliseconds; undefined for anything else. */
export function parseSpan(text: string): number | undefined {
  const match = /^\s*(\d+)\s*(s|m|h|d|w)\s*$/i.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2].toLowerCase()] : undefined;
}

/** Durations of the policy format: `<n><unit>`, units s m h d w mo y. */
export type DurationUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mo' | 'y';

export interface Duration {
  amount: number;
  unit: DurationUnit;
  text: string;
}

export const DURATION_PATTERN = /^([1-9][0-9]*)(s|m|h|d|w|mo|y)$/;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Nominal length of a unit in seconds. Months and years are calendar units; as a nominal length
 * they count 30 and 365 days. Where a retention in months or years is compared with a calendar gap,
 * `coversGapSeconds` uses their longest length instead, so that "monthly kept 1mo" is not reported.
 */
export const UNIT_SECONDS: Record<DurationUnit, number> = {
  s: 1,
  m: MINUTE,
  h: HOUR,
  d: DAY,
  w: 7 * DAY,
  mo: 30 * DAY,
  y: 365 * DAY,
};

const LONGEST_UNIT_SECONDS: Record<DurationUnit, number> = { ...UNIT_SECONDS, mo: 31 * DAY, y: 366 * DAY };
const SHORTEST_UNIT_SECONDS: Record<DurationUnit, number> = { ...UNIT_SECONDS, mo: 28 * DAY, y: 365 * DAY };

/** Seconds of a duration at its shortest and longest calendar reading (months 28–31 days, years 365–366). */
export function durationBounds(duration: Duration): { min: number; max: number } {
  if (duration.unit === 'mo' || duration.unit === 'y') {
    const months = duration.unit === 'y' ? duration.amount * 12 : duration.amount;
    // Whole years of months are exact years: 12mo is 1y however the months fall.
    const years = Math.floor(months / 12);
    const rest = months % 12;
    return {
      min: years * SHORTEST_UNIT_SECONDS.y + rest * SHORTEST_UNIT_SECONDS.mo,
      max: years * LONGEST_UNIT_SECONDS.y + rest * LONGEST_UNIT_SECONDS.mo,
    };
  }
  const seconds = durationSeconds(duration);
  return { min: seconds, max: seconds };
}

/**
 * Whether `a` is longer than `b` however the calendar falls: retention comparisons warn only then
 * (12mo against 1y, or 52w against 12mo, are not "longer").
 */
export function certainlyLonger(a: Duration, b: Duration): boolean {
  return durationBounds(a).min > durationBounds(b).max;
}

const UNIT_WORDS: Record<DurationUnit, [string, string]> = {
  s: ['second', 'seconds'],
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  mo: ['month', 'months'],
  y: ['year', 'years'],
};

export function parseDuration(value: unknown): Duration | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (!Number.isSafeInteger(amount)) return undefined;
  return { amount, unit: match[2] as DurationUnit, text: value };
}

export function durationSeconds(duration: Duration): number {
  return duration.amount * UNIT_SECONDS[duration.unit];
}

/** Whether keeping something for `retention` spans a gap of `gapSeconds` wall-clock seconds. */
export function coversGapSeconds(retention: Duration, gapSeconds: number): boolean {
  return retention.amount * LONGEST_UNIT_SECONDS[retention.unit] >= gapSeconds;
}

export function durationInWords(duration: Duration): string {
  const [one, many] = UNIT_WORDS[duration.unit];
  const words = `${duration.amount} ${duration.amount === 1 ? one : many}`;
  const seconds = durationSeconds(duration);
  if (duration.unit === 's' && duration.amount >= 60) return `${words} (${secondsInWords(seconds)})`;
  if (duration.unit === 'm' && duration.amount >= 60) return `${words} (${secondsInWords(seconds)})`;
  if (duration.unit === 'h' && duration.amount >= 24) return `${words} (${secondsInWords(seconds)})`;
  return words;
}

/** A span in seconds, in the largest units that divide it (e.g. 90060 → "1 day 1 hour 1 minute"). */
export function secondsInWords(totalSeconds: number): string {
  if (totalSeconds <= 0) return '0 seconds';
  const parts: string[] = [];
  let rest = Math.round(totalSeconds);
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_SECONDS[unit];
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count} ${count === 1 ? UNIT_WORDS[unit][0] : UNIT_WORDS[unit][1]}`);
      rest -= count * size;
    }
  }
  return parts.join(' ');
}

/** The shortest duration text that is at least `seconds` long, in the coarsest whole unit (e.g. 86400 → `1d`). */
export function durationTextAtLeast(seconds: number): string {
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit];
    if (seconds % size === 0 && seconds >= size) return `${seconds / size}${unit}`;
  }
  if (seconds >= 2 * UNIT_SECONDS.d) return `${Math.ceil(seconds / UNIT_SECONDS.d)}d`;
  if (seconds >= UNIT_SECONDS.h) return `${Math.ceil(seconds / UNIT_SECONDS.h)}h`;
  return `${Math.max(1, Math.ceil(seconds / UNIT_SECONDS.m))}m`;
}

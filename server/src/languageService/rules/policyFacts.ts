import { coversGapSeconds, durationSeconds, type Duration } from '../model/duration';
import { DATA_KINDS, TIERS, type DataKind, type PolicyModel, type Tier } from '../model/policyModel';
import {
  maxGapMinutes,
  mergeSorted,
  occurrencesOf,
  PERIOD_DAYS,
  type Occurrences,
} from '../schedules/occurrences';

/** What the semantic rules derive from a policy once: run times per kind and "the" full retention. */
export interface PolicyFacts {
  model: PolicyModel;
  runs: Partial<Record<DataKind, Occurrences>>;
  /** Minutes of every data backup of any kind, sorted. */
  allDataRuns: number[];
  fullRetention?: { duration: Duration; path: (string | number)[]; tier?: Tier };
}

const MINUTES_PER_DAY = 1440;

/** At most one run in every period of the tier (ISO week, calendar month, year)? */
function atMostOncePer(tier: Tier, minutes: readonly number[]): boolean {
  if (tier === 'daily') return true;
  const seen = new Set<string>();
  for (const minute of minutes) {
    const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(minute / MINUTES_PER_DAY) * 86_400_000);
    const key =
      tier === 'weekly'
        ? String(Math.floor(minute / (7 * MINUTES_PER_DAY))) // the period starts on a Monday: ISO weeks
        : tier === 'monthly'
          ? `${date.getUTCFullYear()}-${date.getUTCMonth()}`
          : String(date.getUTCFullYear());
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * The retention that applies to every full the schedule produces: the longest tier whose "first
 * full of the period" covers all of them (a weekly full is the first of its week), `daily` always.
 */
function theFullRetention(
  model: PolicyModel,
  fullRuns: Occurrences | undefined,
): PolicyFacts['fullRetention'] {
  const retention = model.retention.full;
  if (!retention) return undefined;
  if (retention.kind === 'single')
    return { duration: retention.duration, path: ['spec', 'retention', 'full'] };
  // Which tiers apply depends on the schedule; a full schedule that cannot be read leaves it open.
  if (!fullRuns && model.scheduleKeys.has('full')) return undefined;
  let best: PolicyFacts['fullRetention'];
  for (const tier of TIERS) {
    const duration = retention.tiers[tier];
    if (!duration) continue;
    if (fullRuns && !atMostOncePer(tier, fullRuns.minutes)) continue;
    if (!fullRuns && tier !== 'daily' && retention.tiers.daily) continue;
    if (!best || durationSeconds(duration) > durationSeconds(best.duration)) {
      best = { duration, tier, path: ['spec', 'retention', 'full', tier] };
    }
  }
  return best;
}

export function derivePolicyFacts(model: PolicyModel): PolicyFacts {
  const runs: Partial<Record<DataKind, Occurrences>> = {};
  for (const kind of DATA_KINDS) {
    const schedule = model.schedules[kind];
    const occurrences = schedule ? occurrencesOf(schedule) : undefined;
    if (occurrences) runs[kind] = occurrences;
  }
  return {
    model,
    runs,
    allDataRuns: mergeSorted(DATA_KINDS.map((kind) => runs[kind]?.minutes ?? [])),
    fullRetention: theFullRetention(model, runs.full),
  };
}

export const PERIOD_MINUTES = PERIOD_DAYS * MINUTES_PER_DAY;

export function gapMinutesOf(minutes: readonly number[]): number {
  return maxGapMinutes(minutes, PERIOD_MINUTES);
}

/** Where the longest gap starts and ends, in minutes, for messages. */
export function longestGap(minutes: readonly number[]): { from: number; to: number } | undefined {
  let best: { from: number; to: number } | undefined;
  for (let i = 1; i < minutes.length; i++) {
    if (!best || minutes[i] - minutes[i - 1] > best.to - best.from)
      best = { from: minutes[i - 1], to: minutes[i] };
  }
  return best;
}

export function covers(duration: Duration, gapMinutes: number): boolean {
  return coversGapSeconds(duration, gapMinutes * 60);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Sat 23:00" for a minute of the representative period. */
export function describeMinute(minute: number): string {
  const dayIndex = Math.floor(minute / MINUTES_PER_DAY);
  const weekday = WEEKDAYS[(dayIndex + 1) % 7];
  const minuteOfDay = minute % MINUTES_PER_DAY;
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${weekday} ${hh}:${mm}`;
}

/**
 * The scheduler's decision: which data backups a policy's schedules make due now, given when each
 * kind last succeeded. Pure: the caller reads the catalog and the server's clock, and runs the result.
 */
import { CronExpressionParser } from 'cron-parser';
import { isValidTimeZone, type DataKind, type Schedule } from '../model/policyModel';
import { checkCron } from '../schedules/cron';
import { scheduleAsCron } from '../schedules/nextRuns';
import { maxGapMinutes, occurrencesOf } from '../schedules/occurrences';

export type DeltaKind = 'differential' | 'incremental';

export interface DueRun {
  kind: DataKind;
  /** The newest scheduled time at or before now: the one not yet covered by a successful backup. */
  occurrence: Date;
  /** On a full: the deltas that were due too and that this full makes unnecessary. */
  supersedes?: { kind: DeltaKind; occurrence: Date }[];
}

/** Run order: a delta needs the full before it, and a snapshot does not depend on either. */
const ORDER: readonly DataKind[] = ['full', 'differential', 'incremental', 'snapshot'];
const DELTAS: readonly DataKind[] = ['differential', 'incremental'];
const MINUTE_MS = 60_000;
/** A daylight-saving change makes a wall-clock period up to an hour longer in real time. */
const DST_SLACK_MS = 60 * MINUTE_MS;

/**
 * The longest real time between two runs of the schedule. The gaps are measured in wall-clock time
 * over a representative period (see occurrencesOf), so a DST change's extra hour is added.
 */
function periodMs(schedule: Schedule, kind: DataKind): number {
  const occurrences = occurrencesOf(schedule);
  if (!occurrences) throw new RangeError(`The ${kind} schedule is not a valid schedule.`);
  return maxGapMinutes(occurrences.minutes, occurrences.periodMinutes) * MINUTE_MS + DST_SLACK_MS;
}

/**
 * The newest occurrence in (now - period, now]. Walks forward from the window's start: cron-parser's
 * `prev()` skips the shifted run on a spring-forward day and returns both runs of a repeated hour on
 * a fall-back day, while `next()` gives one run per day across both changes.
 */
function latestOccurrence(schedule: Schedule, kind: DataKind, timezone: string, now: Date): Date | undefined {
  if (schedule.form === 'cron') {
    const check = checkCron(schedule.cron);
    if (!check.ok) throw new RangeError(`The ${kind} schedule is not valid: ${check.message}`);
  }
  const windowStart = new Date(now.getTime() - periodMs(schedule, kind));
  let latest: Date | undefined;
  for (const expression of scheduleAsCron(schedule)) {
    const runs = CronExpressionParser.parse(expression, { tz: timezone, currentDate: windowStart });
    for (;;) {
      const run = runs.next().toDate();
      if (run.getTime() > now.getTime()) break;
      if (!latest || run > latest) latest = run;
    }
  }
  return latest;
}

/**
 * Up to when a kind counts as done (-Infinity: never). A full also covers the deltas scheduled
 * before it: it holds everything they would.
 */
function doneUntil(kind: DataKind, lastSuccessful: Partial<Record<DataKind, Date>>): number {
  const own = lastSuccessful[kind]?.getTime() ?? -Infinity;
  const full = DELTAS.includes(kind) ? (lastSuccessful.full?.getTime() ?? -Infinity) : -Infinity;
  return Math.max(own, full);
}

/**
 * Which kinds are due at `now`: a kind is due when a scheduled occurrence lies after its last
 * successful backup and at or before now; a kind never backed up is due when an occurrence lies at
 * or before now within one period of its schedule. Throws a RangeError for an unknown time zone or
 * an invalid schedule rather than skip a backup.
 */
export function dueRuns(
  schedules: Partial<Record<DataKind, Schedule>>,
  timezone: string,
  lastSuccessful: Partial<Record<DataKind, Date>>,
  now: Date,
): DueRun[] {
  if (!isValidTimeZone(timezone)) throw new RangeError(`Unknown time zone: ${timezone}`);
  const due: DueRun[] = [];
  for (const kind of ORDER) {
    const schedule = schedules[kind];
    if (!schedule) continue;
    const occurrence = latestOccurrence(schedule, kind, timezone, now);
    if (occurrence && doneUntil(kind, lastSuccessful) < occurrence.getTime()) due.push({ kind, occurrence });
  }
  const full = due.find((run) => run.kind === 'full');
  if (!full) return due;
  // The full runs now, after every delta's occurrence: a delta taken right after it would hold
  // nothing the full does not, so the full stands in for the deltas due at the same time.
  const superseded = due.filter((run) => DELTAS.includes(run.kind));
  if (superseded.length) {
    full.supersedes = superseded.map((run) => ({ kind: run.kind as DeltaKind, occurrence: run.occurrence }));
  }
  return due.filter((run) => !DELTAS.includes(run.kind));
}

/**
 * What a prune by retention deletes, from the catalog and the policy's rules alone (pure).
 *
 * Every kept recovery point (keptPoints.ts) names the data backups it needs. HANA deletes log
 * backups only with `ALL BEFORE BACKUP_ID <full or snapshot>`, which takes everything older than
 * that entry; so the cutoff is the newest successful full or snapshot that is not newer than the
 * oldest needed entry, and every log backup after it stays. Data backups after the cutoff that no
 * point needs (fulls between the ones the GFS tiers keep, superseded deltas, old snapshots) go one by
 * one with `BACKUP CATALOG DELETE … BACKUP_ID`, which HANA offers for data backups only.
 */
import { keptPoints } from './keptPoints';
import { pruneStatements } from './pruneStatements';
import {
  hasAnyRetention,
  type DataEntry,
  type DataKind,
  type KeptEntry,
  type KeptPoint,
  type LogSpan,
  type PruneInput,
  type PruneKind,
  type PrunePlan,
  type RetentionRules,
  type Totals,
} from './pruneTypes';
import { compareIds } from './recoveryChains';
import { formatInZone } from './zonedCalendar';

/** States HANA is still working on: no delete touches them, so no cutoff passes them either. */
const BUSY_STATES = new Set(['running', 'cancel pending', 'prepared']);

const KIND_NAMES: Record<DataKind, string> = {
  full: 'complete data backup',
  differential: 'differential data backup',
  incremental: 'incremental data backup',
  snapshot: 'data snapshot',
};

const zero = (): Totals => ({ count: 0, bytes: 0 });

function emptyTotals(): Record<PruneKind, Totals> {
  return { full: zero(), differential: zero(), incremental: zero(), snapshot: zero(), log: zero() };
}

function add(totals: Totals, count: number, bytes: number): void {
  totals.count += count;
  totals.bytes += bytes;
}

/** Why each entry stays: the points that need it, or its state. */
function keepReasons(data: readonly DataEntry[], points: readonly KeptPoint[]): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  const keep = (id: string, reason: string) => {
    const known = reasons.get(id) ?? [];
    if (!known.includes(reason)) reasons.set(id, [...known, reason]);
  };
  for (const point of points) for (const id of point.needs) keep(id, point.label);
  for (const entry of data) {
    if (BUSY_STATES.has(entry.state)) keep(entry.backupId, `${entry.state}: no delete touches it`);
  }
  return reasons;
}

/** The newest successful full or snapshot not newer than `limitId`, when anything lies before it. */
function chooseCutoff(
  data: readonly DataEntry[],
  logs: readonly LogSpan[],
  limitId: string,
): DataEntry | undefined {
  const cutoff = data
    .filter(
      (e) =>
        (e.kind === 'full' || e.kind === 'snapshot') &&
        e.state === 'successful' &&
        compareIds(e.backupId, limitId) <= 0,
    )
    .at(-1);
  if (!cutoff) return undefined;
  const anythingBefore =
    data.some((e) => compareIds(e.backupId, cutoff.backupId) < 0) ||
    logsBefore(logs, cutoff.backupId).some((s) => s.count > 0 || s.missing > 0);
  return anythingBefore ? cutoff : undefined;
}

/** The spans an ALL BEFORE `id` takes (`id` is a span boundary: a successful full or snapshot). */
function logsBefore(logs: readonly LogSpan[], id: string): LogSpan[] {
  return logs.filter((s) => s.beforeId !== undefined && compareIds(s.beforeId, id) <= 0);
}

/**
 * The log backups the cutoff takes, and those that stay: needed from the oldest data backup a kept
 * point replays log after (counted from the span it falls in), unneeded before it.
 */
function splitLogs(
  logs: readonly LogSpan[],
  cutoff: DataEntry | undefined,
  points: readonly KeptPoint[],
): { deleted: Totals; missing: number; needed: Totals; unneeded: Totals } {
  const taken = new Set(cutoff ? logsBefore(logs, cutoff.backupId) : []);
  const logsFrom = points
    .map((p) => p.logsFrom)
    .filter((id): id is string => id !== undefined)
    .sort(compareIds)[0];
  const result = { deleted: zero(), missing: 0, needed: zero(), unneeded: zero() };
  for (const span of logs) {
    if (taken.has(span)) {
      add(result.deleted, span.count, span.bytes);
      result.missing += span.missing;
      continue;
    }
    const needed =
      logsFrom !== undefined && (span.beforeId === undefined || compareIds(span.beforeId, logsFrom) > 0);
    add(needed ? result.needed : result.unneeded, span.count, span.bytes);
  }
  return result;
}

function describe(entry: DataEntry, zone: string): string {
  return `${KIND_NAMES[entry.kind]} ${entry.backupId} of ${formatInZone(entry.start, zone)}`;
}

function ruleNotes(rules: RetentionRules): string[] {
  const notes: string[] = [];
  for (const kind of ['full', 'differential', 'incremental', 'snapshot'] as const) {
    if (!rules[kind]) {
      notes.push(
        `The policy sets no ${kind} retention: ${KIND_NAMES[kind]}s stay only where a kept recovery point needs them.`,
      );
    }
  }
  if (!rules.log) {
    notes.push(
      'The policy sets no log retention: log backups stay only for the newest state; no earlier point in time is kept recoverable.',
    );
  }
  notes.push(
    rules.deleteFromDestination
      ? 'deleteFromDestination is on: the statements end in COMPLETE and delete the backup files and Backint objects too.'
      : 'deleteFromDestination is off: only catalog entries are deleted; the backup files and Backint objects stay.',
  );
  return notes;
}

export function planPrune(input: PruneInput, rules: RetentionRules, now: Date): PrunePlan {
  const zone = rules.timezone;
  const data = [...input.data].sort((a, b) => compareIds(a.backupId, b.backupId));
  const points = hasAnyRetention(rules) ? keptPoints(data, rules, now) : [];
  const reasons = keepReasons(data, points);
  const neededIds = [...reasons.keys()].sort(compareIds);

  // Without a kept point there is nothing recoverable to protect, and an ALL BEFORE needs a full:
  // pruning such a catalog is a decision for a person, not for the retention rules.
  const canPrune = points.length > 0;
  const cutoff = canPrune ? chooseCutoff(data, input.logs, neededIds[0]) : undefined;
  const beforeCutoff = (e: DataEntry) => cutoff !== undefined && compareIds(e.backupId, cutoff.backupId) < 0;
  const singles = canPrune
    ? data.filter((e) => !beforeCutoff(e) && e.state === 'successful' && !reasons.has(e.backupId))
    : [];
  const singleIds = new Set(singles.map((e) => e.backupId));

  const deleted = emptyTotals();
  const kept: KeptEntry[] = [];
  for (const entry of data) {
    if (beforeCutoff(entry) || singleIds.has(entry.backupId)) {
      add(deleted[entry.kind], 1, entry.sizeBytes);
    } else {
      const why = reasons.get(entry.backupId) ?? [
        entry.state === 'successful'
          ? 'no rule applies: nothing is pruned'
          : `${entry.state}: holds no backup; goes with a later cutoff`,
      ];
      kept.push({ entry, reasons: why });
    }
  }

  const logs = splitLogs(input.logs, cutoff, points);
  add(deleted.log, logs.deleted.count, logs.deleted.bytes);
  const keptLogs = { needed: logs.needed, unneeded: logs.unneeded };

  const statements = pruneStatements(
    input.database,
    cutoff?.backupId,
    singles.map((e) => e.backupId),
    rules.deleteFromDestination,
  );
  const notes = ruleNotes(rules);
  const oldestNeeded = data.find((e) => e.backupId === neededIds[0]);
  if (keptLogs.unneeded.count > 0 && oldestNeeded) {
    notes.push(
      `${keptLogs.unneeded.count} log backups that no kept point needs stay: HANA deletes log backups only together with everything before a full or snapshot, and ${describe(oldestNeeded, zone)} (${reasons.get(oldestNeeded.backupId)!.join('; ')}) must stay.`,
    );
  }
  const unsuccessful = kept.filter((k) => k.entry.state === 'failed' || k.entry.state === 'canceled').length;
  if (unsuccessful > 0) {
    notes.push(
      `${unsuccessful} failed or canceled backups stay in the catalog as history until a cutoff passes them; they hold no data.`,
    );
  }

  return {
    database: input.database,
    now,
    rules,
    cutoff,
    singles,
    deleted,
    deletedLogMissing: logs.missing,
    points,
    kept,
    keptLogs,
    statements,
    nothingReason:
      statements.length > 0 ? undefined : nothingReason(rules, points, oldestNeeded, reasons, zone),
    notes,
  };
}

function nothingReason(
  rules: RetentionRules,
  points: readonly KeptPoint[],
  oldestNeeded: DataEntry | undefined,
  reasons: Map<string, string[]>,
  zone: string,
): string {
  if (!hasAnyRetention(rules)) return 'The policy sets no retention, so nothing is pruned.';
  if (points.length === 0)
    return 'There is no successful full or snapshot: no recovery point to keep, and no backup to cut at.';
  if (!oldestNeeded) return 'Every entry in the catalog is needed.';
  return `Every entry is needed or cannot be deleted on its own: the oldest needed one is ${describe(oldestNeeded, zone)} (${reasons.get(oldestNeeded.backupId)!.join('; ')}).`;
}

/**
 * The recovery points a policy's retention keeps, each with the data backups a recovery to it needs:
 * the newest recoverable state, every point inside the log retention, the fulls the full retention
 * (one duration or the GFS tiers) keeps, and the deltas and snapshots younger than their own
 * retention. A kind the policy gives no retention is kept only where one of these points needs it.
 */
import type { Duration } from '../../../server/src/languageService/model/duration';
import type { Tier } from '../../../server/src/languageService/model/policyModel';
import type { DataEntry, KeptPoint, RetentionRules } from './pruneTypes';
import { chainIds, lastOfChain, RecoveryChains, type Chain } from './recoveryChains';
import { formatInZone, isoWeekKey, monthKey, subtractDuration, yearKey } from './zonedCalendar';

export function keptPoints(data: readonly DataEntry[], rules: RetentionRules, now: Date): KeptPoint[] {
  const chains = new RecoveryChains(data);
  return [
    ...latestPoints(chains, rules, now),
    ...logWindowPoints(chains, rules, now),
    ...fullPoints(chains, rules, now),
    ...kindPoints(chains, rules, now),
  ];
}

function describeChain(chain: Chain, zone: string): string {
  const base = `${chain.base.kind === 'full' ? 'full' : 'snapshot'} of ${formatInZone(chain.base.start, zone)}`;
  const deltas = chain.deltas.length;
  return deltas === 0 ? base : `${base} + ${deltas} delta backup${deltas === 1 ? '' : 's'}`;
}

function latestPoints(chains: RecoveryChains, rules: RetentionRules, now: Date): KeptPoint[] {
  const chain = chains.atTime(now.getTime());
  if (!chain) return [];
  const points: KeptPoint[] = [
    {
      kind: 'latest',
      label: 'newest state',
      reason: `newest recoverable state: ${describeChain(chain, rules.timezone)} and the log backups after it`,
      at: now,
      needs: chainIds(chain),
      logsFrom: lastOfChain(chain).backupId,
    },
  ];
  // RECOVER … USING SNAPSHOT may start from a newer snapshot: that chain stays too.
  const snapshot = chains.newest('snapshot', now.getTime());
  if (snapshot && snapshot.start > chain.base.start && chain.base.kind === 'full') {
    points.push({
      kind: 'latest',
      label: 'newest snapshot',
      reason: `newest snapshot (${formatInZone(snapshot.start, rules.timezone)}): the latest state from it and the log backups after it`,
      at: now,
      needs: [snapshot.backupId],
      logsFrom: snapshot.backupId,
    });
  }
  return points;
}

/**
 * Every point in [now − log, now]. A point's chain changes only where a data backup starts, so the
 * window's start and those starts cover every point in it.
 */
function logWindowPoints(chains: RecoveryChains, rules: RetentionRules, now: Date): KeptPoint[] {
  if (!rules.log) return [];
  const from = subtractDuration(now, rules.log, rules.timezone);
  const found = [from.getTime(), ...chains.startsBetween(from.getTime(), now.getTime())]
    .map((ms) => chains.atTime(ms))
    .filter((c): c is Chain => c !== undefined);
  if (found.length === 0) return [];
  const needs = new Set(found.flatMap(chainIds));
  return [
    {
      kind: 'logWindow',
      label: `log retention ${rules.log.text}`,
      reason: `log retention ${rules.log.text}: every point in time since ${formatInZone(from, rules.timezone)} (from ${describeChain(found[0], rules.timezone)})`,
      at: from,
      until: now,
      needs: [...needs],
      logsFrom: lastOfChain(found[0]).backupId,
    },
  ];
}

/** Entries younger than `duration` (started at or after now − duration) are kept. */
function keptSince(duration: Duration, rules: RetentionRules, now: Date): (entry: DataEntry) => boolean {
  const limit = subtractDuration(now, duration, rules.timezone).getTime();
  return (entry) => entry.start.getTime() >= limit;
}

const PERIOD_OF: Record<Exclude<Tier, 'daily'>, (instant: Date, zone: string) => string> = {
  weekly: isoWeekKey,
  monthly: monthKey,
  yearly: yearKey,
};

/** The labels under which the full retention keeps each full (none: it does not). */
function fullLabels(fulls: DataEntry[], rules: RetentionRules, now: Date): Map<DataEntry, string[]> {
  const labels = new Map<DataEntry, string[]>(fulls.map((f) => [f, []]));
  const retention = rules.full;
  if (!retention) return labels;
  if (retention.kind === 'single') {
    const young = keptSince(retention.duration, rules, now);
    for (const full of fulls)
      if (young(full)) labels.get(full)!.push(`full retention ${retention.duration.text}`);
    return labels;
  }
  const { daily, ...periodic } = retention.tiers;
  if (daily) {
    const young = keptSince(daily, rules, now);
    for (const full of fulls) if (young(full)) labels.get(full)!.push(`daily tier (${daily.text})`);
  }
  for (const [tier, duration] of Object.entries(periodic) as [Exclude<Tier, 'daily'>, Duration][]) {
    const young = keptSince(duration, rules, now);
    const firsts = new Map<string, DataEntry>();
    for (const full of fulls) {
      const period = PERIOD_OF[tier](full.start, rules.timezone);
      if (!firsts.has(period)) firsts.set(period, full);
    }
    for (const [period, full] of firsts) {
      if (young(full)) labels.get(full)!.push(`${tier} tier (${duration.text}): first full of ${period}`);
    }
  }
  return labels;
}

/** A kept full is recovered on its own (RECOVER DATA USING BACKUP_ID … CLEAR LOG): it needs no log. */
function fullPoints(chains: RecoveryChains, rules: RetentionRules, now: Date): KeptPoint[] {
  return [...fullLabels(chains.ofKind('full'), rules, now)]
    .filter(([, labels]) => labels.length > 0)
    .map(([full, labels]) => ({
      kind: 'fullTier' as const,
      label: labels.join('; '),
      reason: `full of ${formatInZone(full.start, rules.timezone)}: ${labels.join('; ')}`,
      at: full.start,
      needs: [full.backupId],
    }));
}

function kindPoints(chains: RecoveryChains, rules: RetentionRules, now: Date): KeptPoint[] {
  const points: KeptPoint[] = [];
  for (const kind of ['differential', 'incremental', 'snapshot'] as const) {
    const duration = rules[kind];
    if (!duration) continue;
    const young = keptSince(duration, rules, now);
    for (const entry of chains.ofKind(kind)) {
      if (!young(entry)) continue;
      const chain = chains.ofBackup(entry);
      points.push({
        kind: 'kindRetention',
        label: `${kind} retention ${duration.text}`,
        reason:
          `${kind} of ${formatInZone(entry.start, rules.timezone)}: ${kind} retention ${duration.text}` +
          (chain ? '' : ' (no complete data backup before it is left to recover it from)'),
        at: entry.start,
        needs: chain ? chainIds(chain) : [entry.backupId],
      });
    }
  }
  return points;
}

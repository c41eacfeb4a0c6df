/**
 * Which data backups a recovery needs (facts §6.1), picked the way HANA picks them: the newest
 * successful complete data backup at or before the point (a data snapshot when there is no complete
 * one), then the latest differential after it and every incremental after that differential (or
 * after the base when there is none). Log replay starts after the last of them.
 */
import type { DataEntry } from './pruneTypes';

export interface Chain {
  base: DataEntry;
  /** Oldest first. */
  deltas: DataEntry[];
}

/** BACKUP_IDs are BIGINTs as text without leading zeros: longer is larger, then by digits. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function chainIds(chain: Chain): string[] {
  return [chain.base.backupId, ...chain.deltas.map((d) => d.backupId)];
}

/** The data backup log replay starts after. */
export function lastOfChain(chain: Chain): DataEntry {
  return chain.deltas.length > 0 ? chain.deltas[chain.deltas.length - 1] : chain.base;
}

const isDelta = (e: DataEntry) => e.kind === 'differential' || e.kind === 'incremental';

export class RecoveryChains {
  /**
   * Successful entries (only they can be recovered from) in the order they were made: by start,
   * then by BACKUP_ID, so that "after" is defined even for two backups started in the same instant.
   */
  private readonly usable: DataEntry[];

  constructor(entries: readonly DataEntry[]) {
    this.usable = entries
      .filter((e) => e.state === 'successful')
      .sort((a, b) => a.start.getTime() - b.start.getTime() || compareIds(a.backupId, b.backupId));
  }

  /** A recovery to the point in time `ms` (UNTIL TIMESTAMP); undefined: no base at or before it. */
  atTime(ms: number): Chain | undefined {
    const upTo = this.usable.filter((e) => e.start.getTime() <= ms).length - 1;
    const complete = this.lastOf('full', upTo);
    const base = complete >= 0 ? complete : this.lastOf('snapshot', upTo);
    return base < 0 ? undefined : this.chain(base, upTo);
  }

  /**
   * A recovery to one data backup (RECOVER DATA USING BACKUP_ID): a full or snapshot alone, a delta
   * with the newest complete data backup before it and the deltas between them it builds on.
   */
  ofBackup(entry: DataEntry): Chain | undefined {
    if (!isDelta(entry)) return { base: entry, deltas: [] };
    const at = this.usable.indexOf(entry);
    const base = at < 0 ? -1 : this.lastOf('full', at - 1);
    return base < 0 ? undefined : this.chain(base, at);
  }

  /** Starts of every successful data backup in (fromMs, toMs]: where the chain of a point changes. */
  startsBetween(fromMs: number, toMs: number): number[] {
    return this.usable.map((e) => e.start.getTime()).filter((t) => t > fromMs && t <= toMs);
  }

  /** The newest successful entry of a kind at or before `ms`. */
  newest(kind: DataEntry['kind'], ms: number): DataEntry | undefined {
    const index = this.lastOf(kind, this.usable.filter((e) => e.start.getTime() <= ms).length - 1);
    return index < 0 ? undefined : this.usable[index];
  }

  /** Successful entries of a kind, oldest first. */
  ofKind(kind: DataEntry['kind']): DataEntry[] {
    return this.usable.filter((e) => e.kind === kind);
  }

  /** Index of the last entry of `kind` at or before index `upTo` (-1: none). */
  private lastOf(kind: DataEntry['kind'], upTo: number): number {
    for (let i = upTo; i >= 0; i--) if (this.usable[i].kind === kind) return i;
    return -1;
  }

  /** The base at index `base` and the deltas after it up to index `upTo`. */
  private chain(base: number, upTo: number): Chain {
    const after = this.usable.slice(base + 1, upTo + 1).filter(isDelta);
    const differential = after.map((e) => e.kind).lastIndexOf('differential');
    const incrementals = after.slice(differential + 1).filter((e) => e.kind === 'incremental');
    return {
      base: this.usable[base],
      deltas: differential >= 0 ? [after[differential], ...incrementals] : incrementals,
    };
  }
}

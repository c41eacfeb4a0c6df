/**
 * The retention pruner's data: the rules a policy sets, what is read from the catalog, and the plan
 * made from both. Pure types plus the helpers that take the rules from a policy.
 */
import type { Duration } from '../../../server/src/languageService/model/duration';
import {
  isValidTimeZone,
  type FullRetention,
  type PolicyModel,
} from '../../../server/src/languageService/model/policyModel';
import type { SqlStatement } from '../hana/sqlText';

/** Data backup kinds as the policy names them ('full' is a complete data backup). */
export type DataKind = 'full' | 'differential' | 'incremental' | 'snapshot';
export type PruneKind = DataKind | 'log';

export interface RetentionRules {
  /** IANA zone in which the tiers' days, weeks, months and years are counted. */
  timezone: string;
  full?: FullRetention;
  differential?: Duration;
  incremental?: Duration;
  snapshot?: Duration;
  /** Every point in time of the last `log` stays recoverable. */
  log?: Duration;
  /** Also delete the files and Backint objects (COMPLETE), not only the catalog entries. */
  deleteFromDestination: boolean;
}

/**
 * The rules of a policy (its model, or the operations the language server sends); throws when its
 * zone is unknown (tiers could not be counted).
 */
export function retentionRulesOf(policy: Pick<PolicyModel, 'timezone' | 'retention'>): RetentionRules {
  if (!isValidTimeZone(policy.timezone)) {
    throw new RangeError(
      `The policy's time zone '${policy.timezone}' is not an IANA zone this runtime knows.`,
    );
  }
  return { timezone: policy.timezone, ...policy.retention };
}

/** Whether the rules keep anything for its own sake (without any, a prune would keep only the latest state). */
export function hasAnyRetention(rules: RetentionRules): boolean {
  return [rules.full, rules.differential, rules.incremental, rules.snapshot, rules.log].some(
    (r) => r !== undefined,
  );
}

/** One data backup or snapshot of the catalog. */
export interface DataEntry {
  /** BACKUP_ID as exact text (a BIGINT). */
  backupId: string;
  kind: DataKind;
  /** STATE_NAME: successful, failed, canceled, running, cancel pending, prepared. */
  state: string;
  /** UTC_START_TIME: the point the backup's data is consistent at. */
  start: Date;
  /** Sum over the entry's files, bytes. */
  sizeBytes: number;
}

/**
 * Log backups and 'log missing' entries between two neighbouring cutoff candidates (successful
 * fulls and snapshots), counted by HANA: an ALL BEFORE removes whole spans, so these sums are exact.
 */
export interface LogSpan {
  /** The span holds entries with a BACKUP_ID below this one and not below the previous span's; undefined: the last span. */
  beforeId?: string;
  count: number;
  bytes: number;
  /** 'log missing' entries. */
  missing: number;
}

export interface PruneInput {
  database: string;
  /** The server's clock (UTC). */
  now: Date;
  /** Every data backup and snapshot of the database, in BACKUP_ID order. */
  data: DataEntry[];
  /** Log backups per span, in BACKUP_ID order. */
  logs: LogSpan[];
}

export interface Totals {
  count: number;
  bytes: number;
}

/**
 * - latest: the newest recoverable state;
 * - logWindow: every point in time inside the log retention;
 * - fullTier: a full kept by its retention (one duration or the GFS tiers);
 * - kindRetention: a delta or snapshot younger than its kind's retention.
 */
export type PointKind = 'latest' | 'logWindow' | 'fullTier' | 'kindRetention';

/** A recovery point the plan keeps, and what a recovery to it needs. */
export interface KeptPoint {
  kind: PointKind;
  /** Why it is kept, in a few words ("weekly tier (8w)"): what the kept backups list shows. */
  label: string;
  /** Why it is kept, in a sentence. */
  reason: string;
  /** The point; for the log window its start. */
  at: Date;
  /** The end of the log window. */
  until?: Date;
  /** Data backups a recovery to it (or to any point of the window) needs, by BACKUP_ID, oldest first. */
  needs: string[];
  /** Log backups are needed from this data backup on; undefined: a recovery to the backup itself needs none. */
  logsFrom?: string;
}

export interface KeptEntry {
  entry: DataEntry;
  reasons: string[];
}

export interface PrunePlan {
  database: string;
  now: Date;
  rules: RetentionRules;
  /** `ALL BEFORE BACKUP_ID` of this full or snapshot; undefined when nothing can go at once. */
  cutoff?: DataEntry;
  /** Data backups at or after the cutoff that no kept point needs: deleted one by one. */
  singles: DataEntry[];
  /** What goes, per kind ('log' counts log backups). */
  deleted: Record<PruneKind, Totals>;
  /** 'log missing' entries that go with the cutoff. */
  deletedLogMissing: number;
  points: KeptPoint[];
  /** Every data backup and snapshot that stays, with why. */
  kept: KeptEntry[];
  /**
   * Log backups that stay: those from the oldest base a kept point replays log from, and the others
   * (HANA deletes log backups only with everything before a full: see `notes`).
   */
  keptLogs: { needed: Totals; unneeded: Totals };
  /** In the order they must run. */
  statements: SqlStatement[];
  /** Why nothing goes, when `statements` is empty. */
  nothingReason?: string;
  /** What the reader should know: rules without retention, entries that stay although unneeded. */
  notes: string[];
}

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { planPrune } from '../../../client/src/retention/prunePlanner';
import { pruneAsText } from '../../../client/src/retention/pruneText';
import {
  retentionRulesOf,
  type DataEntry,
  type DataKind,
  type LogSpan,
  type PruneInput,
  type PrunePlan,
  type RetentionRules,
} from '../../../client/src/retention/pruneTypes';
import {
  durationBounds,
  parseDuration,
  type Duration,
} from '../../../server/src/languageService/model/duration';
import type { FullRetention } from '../../../server/src/languageService/model/policyModel';
import { readPolicy } from '../../../server/src/languageService/model/policyModel';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A log backup or 'log missing' entry of a test catalog. */
interface LogEntry {
  backupId: string;
  start: Date;
  bytes: number;
  missing: boolean;
}

interface Catalog {
  data: DataEntry[];
  logs: LogEntry[];
}

const numericId = (id: string) => BigInt(id);

/** The spans readPruneInput gets from HANA, summed here from the log entries themselves. */
function spansOf(catalog: Catalog): LogSpan[] {
  const boundaries = catalog.data
    .filter((e) => (e.kind === 'full' || e.kind === 'snapshot') && e.state === 'successful')
    .map((e) => numericId(e.backupId))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const spans: LogSpan[] = boundaries
    .map((b) => ({ beforeId: String(b), count: 0, bytes: 0, missing: 0 }) as LogSpan)
    .concat([{ count: 0, bytes: 0, missing: 0 }]);
  for (const log of catalog.logs) {
    const index = boundaries.filter((b) => b <= numericId(log.backupId)).length;
    if (log.missing) spans[index].missing++;
    else {
      spans[index].count++;
      spans[index].bytes += log.bytes;
    }
  }
  return spans.filter((s) => s.count > 0 || s.missing > 0);
}

function inputOf(catalog: Catalog, now: Date, database = 'PRD'): PruneInput {
  return { database, now, data: catalog.data, logs: spansOf(catalog) };
}

function duration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`not a duration: ${text}`);
  return parsed;
}

function rules(
  spec: {
    full?: string | Record<string, string>;
    differential?: string;
    incremental?: string;
    snapshot?: string;
    log?: string;
  },
  timezone = 'UTC',
  deleteFromDestination = false,
): RetentionRules {
  const policy = readPolicy({ spec: { timezone, retention: { ...spec, deleteFromDestination } } });
  assert.ok(policy);
  return retentionRulesOf(policy);
}

function entry(kind: DataKind, at: string | number, state = 'successful', sizeBytes = 1000): DataEntry {
  const start = new Date(at);
  return { backupId: String(start.getTime()), kind, state, start, sizeBytes };
}

/** Log backups every `everyHours` from `from` to `to`, ids just after their start's millisecond. */
function logsBetween(from: number, to: number, everyHours = 6): LogEntry[] {
  const logs: LogEntry[] = [];
  for (let t = from + 1; t < to; t += everyHours * HOUR) {
    logs.push({ backupId: String(t), start: new Date(t), bytes: 10, missing: false });
  }
  return logs;
}

function deletedIds(plan: PrunePlan, catalog: Catalog): Set<string> {
  const cutoff = plan.cutoff ? numericId(plan.cutoff.backupId) : undefined;
  const ids = new Set(plan.singles.map((e) => e.backupId));
  for (const e of [...catalog.data, ...catalog.logs]) {
    if (cutoff !== undefined && numericId(e.backupId) < cutoff) ids.add(e.backupId);
  }
  return ids;
}

const statementTexts = (plan: PrunePlan) => plan.statements.map((s) => s.toDisplayString());

describe('prune planner: examples', () => {
  describe('GFS tiers across a month and a year boundary in Europe/Berlin', () => {
    // Fulls every day at 23:30 UTC, which is 00:30 the next day in Berlin: the first full of 2026
    // there is the one of 2025-12-31 UTC.
    const daily = Array.from({ length: 52 }, (_, i) =>
      entry('full', Date.UTC(2025, 11, 20, 23, 30) + i * DAY),
    );
    const catalog: Catalog = {
      data: [entry('full', '2023-06-01T10:00:00Z'), entry('full', '2025-03-01T10:00:00Z'), ...daily],
      logs: logsBetween(Date.parse('2023-06-01T10:00:00Z'), Date.parse('2026-02-10T12:00:00Z'), 24),
    };
    const now = new Date('2026-02-10T12:00:00Z');
    const tiers = { weekly: '3w', monthly: '3mo', yearly: '2y' };

    it('keeps the first full of each period as the zone counts it', () => {
      const plan = planPrune(inputOf(catalog, now), rules({ full: tiers }, 'Europe/Berlin'), now);
      const kept = plan.kept.map(
        (k) => `${k.entry.start.toISOString().slice(0, 16)} ${k.reasons.join('; ')}`,
      );
      assert.deepEqual(kept, [
        '2025-03-01T10:00 yearly tier (2y): first full of 2025',
        '2025-12-20T23:30 monthly tier (3mo): first full of 2025-12',
        '2025-12-31T23:30 monthly tier (3mo): first full of 2026-01; yearly tier (2y): first full of 2026',
        '2026-01-25T23:30 weekly tier (3w): first full of 2026-W05',
        '2026-01-31T23:30 monthly tier (3mo): first full of 2026-02',
        '2026-02-01T23:30 weekly tier (3w): first full of 2026-W06',
        '2026-02-08T23:30 weekly tier (3w): first full of 2026-W07',
        '2026-02-09T23:30 newest state',
      ]);
      assert.equal(plan.cutoff?.start.toISOString(), '2025-03-01T10:00:00.000Z', 'the oldest kept full');
      assert.equal(plan.deleted.full.count, 1 + 52 - 7);
      assert.equal(plan.singles.length, 52 - 7);
      assert.ok(plan.singles.every((e) => e.kind === 'full'));
      const logsBefore = catalog.logs.filter((l) => l.start < plan.cutoff!.start).length;
      assert.equal(plan.deleted.log.count, logsBefore);
      assert.ok(plan.keptLogs.unneeded.count > 0, 'log between kept fulls stays: no single delete for log');
      assert.match(plan.notes.join('\n'), /log backups that no kept point needs stay/);
    });

    it('picks other fulls when the same tiers count in UTC', () => {
      const plan = planPrune(inputOf(catalog, now), rules({ full: tiers }, 'UTC'), now);
      const firstOf2026 = plan.kept.find((k) => k.reasons.some((r) => r.includes('first full of 2026;')));
      const yearly = plan.kept.find((k) => k.reasons.some((r) => r.endsWith('first full of 2026')));
      assert.equal(firstOf2026, undefined);
      assert.equal(yearly?.entry.start.toISOString(), '2026-01-01T23:30:00.000Z');
    });

    it('counts months on the calendar: 2mo back from 28 February is 28 December', () => {
      const late = new Date('2026-02-28T12:00:00Z');
      const plan = planPrune(
        inputOf(catalog, late),
        rules({ full: { monthly: '2mo' } }, 'Europe/Berlin'),
        late,
      );
      // 2mo before 28 Feb is 28 Dec: the first full of December (21 Dec, local) is older.
      assert.ok(!plan.kept.some((k) => k.reasons.some((r) => r.includes('2025-12'))));
      assert.ok(plan.kept.some((k) => k.reasons.some((r) => r.includes('first full of 2026-01'))));
    });
  });

  describe('a week of fulls and differentials', () => {
    const day = (d: number, hour = 1) => Date.UTC(2026, 2, 1) + d * DAY + hour * HOUR;
    const f1 = entry('full', day(0));
    const f2 = entry('full', day(7));
    const diffs = [1, 2, 3, 4, 5, 6, 8, 9].map((d) => entry('differential', day(d)));
    const failed = entry('differential', day(10), 'failed', 0);
    const catalog: Catalog = {
      data: [f1, ...diffs.slice(0, 6), f2, ...diffs.slice(6), failed],
      logs: logsBetween(day(0), day(10, 12)),
    };
    const now = new Date(day(10, 12));
    const d8 = diffs[6];
    const d9 = diffs[7];

    it('without log retention keeps only the newest state: the last full, the last differential, the log after it', () => {
      const plan = planPrune(inputOf(catalog, now), rules({ full: '5d', differential: '1d' }), now);
      assert.equal(plan.cutoff?.backupId, f2.backupId);
      assert.deepEqual(
        plan.singles.map((e) => e.backupId),
        [d8.backupId],
        'a superseded differential goes',
      );
      assert.deepEqual(statementTexts(plan), [
        `BACKUP CATALOG DELETE FOR "PRD" ALL BEFORE BACKUP_ID ${f2.backupId}`,
        `BACKUP CATALOG DELETE FOR "PRD" BACKUP_ID ${d8.backupId}`,
      ]);
      assert.deepEqual(
        plan.kept.map((k) => [k.entry.backupId, k.reasons.join('; ')]),
        [
          [f2.backupId, 'newest state; full retention 5d'],
          [d9.backupId, 'newest state'],
          [failed.backupId, 'failed: holds no backup; goes with a later cutoff'],
        ],
      );
      assert.equal(plan.deleted.full.count, 1);
      assert.equal(plan.deleted.differential.count, 7);
      assert.equal(plan.deleted.log.count, catalog.logs.filter((l) => l.start < f2.start).length);
      assert.equal(plan.keptLogs.needed.count, catalog.logs.filter((l) => l.start > f2.start).length);
      assert.equal(plan.keptLogs.unneeded.count, 0);
      assert.match(plan.notes.join('\n'), /no log retention/);
      assert.match(plan.notes.join('\n'), /only catalog entries are deleted/);
    });

    it('with log retention keeps every point of the window, so the differential before the newest stays', () => {
      const plan = planPrune(inputOf(catalog, now), rules({ full: '5d', log: '3d' }), now);
      assert.equal(plan.cutoff?.backupId, f2.backupId);
      assert.deepEqual(plan.singles, []);
      const window = plan.points.find((p) => p.kind === 'logWindow');
      assert.deepEqual(window?.needs, [f2.backupId, d8.backupId, d9.backupId]);
      assert.equal(window?.at.toISOString(), new Date(day(7, 12)).toISOString());
    });

    it('ends every statement in COMPLETE when deleteFromDestination is on', () => {
      const plan = planPrune(inputOf(catalog, now), rules({ full: '5d' }, 'UTC', true), now);
      assert.deepEqual(statementTexts(plan), [
        `BACKUP CATALOG DELETE FOR "PRD" ALL BEFORE BACKUP_ID ${f2.backupId} COMPLETE`,
        `BACKUP CATALOG DELETE FOR "PRD" BACKUP_ID ${d8.backupId} COMPLETE`,
      ]);
      const text = pruneAsText(plan);
      assert.match(text, /ALL BEFORE BACKUP_ID \d+ COMPLETE;/);
      assert.match(text, /deleteFromDestination is on/);
    });

    it('lets a prepared snapshot hold the cutoff back: nothing older than it goes at once', () => {
      const prepared = entry('snapshot', day(2, 5), 'prepared', 0);
      const withSnapshot = { ...catalog, data: [...catalog.data, prepared] };
      const plan = planPrune(inputOf(withSnapshot, now), rules({ full: '5d' }), now);
      assert.equal(plan.cutoff, undefined, 'the only full before it is the first entry');
      assert.ok(plan.kept.some((k) => k.entry === prepared && /prepared/.test(k.reasons[0])));
      assert.ok(plan.singles.some((e) => e.backupId === f1.backupId));
      assert.ok(!deletedIds(plan, withSnapshot).has(prepared.backupId));
    });

    it('deletes nothing when every entry is needed, and says why', () => {
      const small: Catalog = { data: [f2, d8, d9], logs: logsBetween(day(7), day(10, 12)) };
      const plan = planPrune(inputOf(small, now), rules({ full: '30d', log: '30d' }), now);
      assert.deepEqual(plan.statements, []);
      assert.match(plan.nothingReason ?? '', /oldest needed one is complete data backup/);
      const text = pruneAsText(plan);
      assert.match(text, /Nothing goes\./);
      assert.match(text, /## Statements\n\nNone\./);
    });

    it('deletes nothing for a policy without any retention', () => {
      const plan = planPrune(inputOf(catalog, now), rules({}), now);
      assert.deepEqual(plan.statements, []);
      assert.match(plan.nothingReason ?? '', /no retention/);
    });

    it('shows what goes, what stays and why, and the statements', () => {
      const text = pruneAsText(planPrune(inputOf(catalog, now), rules({ full: '5d', log: '3d' }), now));
      assert.match(text, /^# Prune PRD by retention/);
      assert.match(text, /\| complete data backups \| 1 \|/);
      assert.match(text, /Everything older than complete backup \d+ of 2026-03-08 01:00 goes at once/);
      assert.match(
        text,
        /- \*\*log retention 3d\*\* — log retention 3d: every point in time since 2026-03-08 12:00/,
      );
      assert.match(text, /```sql\nBACKUP CATALOG DELETE FOR "PRD" ALL BEFORE BACKUP_ID \d+;\n```/);
    });
  });

  describe('rules from a policy', () => {
    it('takes the retention, the zone and deleteFromDestination from the model', () => {
      const document = {
        spec: {
          timezone: 'Europe/Berlin',
          retention: { full: { daily: '7d', weekly: '8w' }, log: '35d', deleteFromDestination: true },
        },
      };
      const model = readPolicy(document)!;
      const r = retentionRulesOf(model);
      assert.equal(r.timezone, 'Europe/Berlin');
      assert.equal(r.deleteFromDestination, true);
      assert.deepEqual(r.full, { kind: 'tiers', tiers: { daily: duration('7d'), weekly: duration('8w') } });
      assert.equal(r.log?.text, '35d');
      const quoted = readPolicy({ spec: { retention: { deleteFromDestination: 'yes' } } })!;
      assert.equal(retentionRulesOf(quoted).deleteFromDestination, false);
    });

    it('refuses a zone the runtime does not know', () => {
      assert.throws(() => retentionRulesOf(readPolicy({ spec: { timezone: 'Mars/Olympus' } })!), /Mars/);
    });
  });
});

// ---- property: no kept point loses anything its recovery needs ------------------------------

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

interface DaySpec {
  backups: { kind: DataKind; state: string; minute: number }[];
  log: 'normal' | 'none' | 'missing';
}

const daySpec: fc.Arbitrary<DaySpec> = fc.record({
  backups: fc.array(
    fc.record({
      kind: fc.constantFrom<DataKind>('full', 'full', 'differential', 'incremental', 'snapshot'),
      state: fc.constantFrom(
        'successful',
        'successful',
        'successful',
        'successful',
        'failed',
        'canceled',
        'prepared',
      ),
      minute: fc.integer({ min: 0, max: 1439 }),
    }),
    { maxLength: 2 },
  ),
  log: fc.constantFrom<DaySpec['log']>('normal', 'normal', 'normal', 'normal', 'none', 'missing'),
});

/** A catalog from day specs: BACKUP_IDs follow the start times, as HANA's do. */
function buildCatalog(startMs: number, days: DaySpec[]): { catalog: Catalog; endMs: number } {
  const events: { at: number; make: (id: string) => void }[] = [];
  const catalog: Catalog = { data: [], logs: [] };
  days.forEach((spec, d) => {
    const dayStart = startMs + d * DAY;
    for (const b of spec.backups) {
      const state = b.state === 'prepared' && b.kind !== 'snapshot' ? 'running' : b.state;
      events.push({
        at: dayStart + b.minute * 60_000,
        make: (id) =>
          catalog.data.push({
            backupId: id,
            kind: b.kind,
            state,
            start: new Date(dayStart + b.minute * 60_000),
            sizeBytes: 100,
          }),
      });
    }
    if (spec.log === 'none') return;
    for (let h = 3; h < 24; h += 6) {
      const at = dayStart + h * HOUR;
      const missing = spec.log === 'missing' && h === 9;
      events.push({
        at,
        make: (id) => catalog.logs.push({ backupId: id, start: new Date(at), bytes: 7, missing }),
      });
    }
  });
  events.sort((a, b) => a.at - b.at);
  events.forEach((e, i) => e.make(String(BigInt(e.at) * 100_000n + BigInt(i))));
  return { catalog, endMs: startMs + days.length * DAY };
}

const durationArb = (units: Duration['unit'][], max: number): fc.Arbitrary<Duration> =>
  fc
    .tuple(fc.integer({ min: 1, max }), fc.constantFrom(...units))
    .map(([amount, unit]) => duration(`${amount}${unit}`));

const fullRetentionArb: fc.Arbitrary<FullRetention> = fc.oneof(
  durationArb(['d', 'w', 'mo'], 20).map((d): FullRetention => ({ kind: 'single', duration: d })),
  fc
    .record(
      {
        daily: durationArb(['d'], 20),
        weekly: durationArb(['w'], 12),
        monthly: durationArb(['mo'], 12),
        yearly: durationArb(['y'], 3),
      },
      { requiredKeys: [] },
    )
    .map((tiers): FullRetention => ({ kind: 'tiers', tiers })),
);

const rulesArb: fc.Arbitrary<RetentionRules> = fc.record({
  timezone: fc.constantFrom(...ZONES),
  full: fc.option(fullRetentionArb, { nil: undefined }),
  differential: fc.option(durationArb(['d', 'w'], 30), { nil: undefined }),
  incremental: fc.option(durationArb(['d', 'w'], 30), { nil: undefined }),
  snapshot: fc.option(durationArb(['h', 'd'], 30), { nil: undefined }),
  log: fc.option(durationArb(['h', 'd', 'w', 'mo'], 10), { nil: undefined }),
  deleteFromDestination: fc.boolean(),
});

/**
 * The oracle: what a recovery needs, written from the facts (§6.1) without the planner's code —
 * the newest successful complete data backup at or before the point (a snapshot when there is
 * none), the latest differential after it and every incremental after that, then every log backup
 * from the last of them up to the first one that reaches the point.
 */
function lastIndex<T>(list: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i])) return i;
  return -1;
}

class Oracle {
  /** Successful data backups in the order they were made (by start, then BACKUP_ID). */
  private readonly ok: DataEntry[];
  private readonly logs: LogEntry[];

  constructor(catalog: Catalog) {
    this.ok = catalog.data
      .filter((e) => e.state === 'successful')
      .sort((a, b) => +a.start - +b.start || (BigInt(a.backupId) < BigInt(b.backupId) ? -1 : 1));
    this.logs = catalog.logs.filter((l) => !l.missing).sort((a, b) => +a.start - +b.start);
  }

  /** Index of the last entry of `kind` at or before `upTo` (-1: none). */
  private last(kind: DataKind, upTo: number): number {
    return lastIndex(this.ok.slice(0, upTo + 1), (e) => e.kind === kind);
  }

  /** The base at `base` and the deltas made after it, up to the entry at `upTo`. */
  private chain(base: number, upTo: number): DataEntry[] {
    const after = this.ok
      .slice(base + 1, upTo + 1)
      .filter((e) => e.kind === 'differential' || e.kind === 'incremental');
    const lastDifferential = lastIndex(after, (e) => e.kind === 'differential');
    return [
      this.ok[base],
      ...after.filter((e, i) => i === lastDifferential || (e.kind === 'incremental' && i > lastDifferential)),
    ];
  }

  /** Ids a recovery to the point `ms` needs (empty: not recoverable, nothing to protect). */
  pointInTime(ms: number): string[] {
    const upTo = lastIndex(this.ok, (e) => +e.start <= ms);
    const full = this.last('full', upTo);
    const base = full >= 0 ? full : this.last('snapshot', upTo);
    if (base < 0) return [];
    const chain = this.chain(base, upTo);
    const last = +chain[chain.length - 1].start;
    const after = this.logs.filter((l) => +l.start > last);
    const reaching = after.findIndex((l) => +l.start >= ms);
    const logs = reaching < 0 ? after : after.slice(0, reaching + 1);
    return [...chain, ...logs].map((e) => e.backupId);
  }

  /** Ids a recovery to the data backup itself needs: itself, and for a delta its full and the deltas between. */
  backup(entry: DataEntry): string[] {
    const at = this.ok.indexOf(entry);
    const base = entry.kind === 'full' || entry.kind === 'snapshot' ? -1 : this.last('full', at - 1);
    return base < 0 ? [entry.backupId] : this.chain(base, at).map((e) => e.backupId);
  }

  /** Successful entries of a kind certainly younger than `d` however the calendar falls. */
  certainlyYounger(kind: DataKind, d: Duration, now: number): DataEntry[] {
    return this.ok.filter((e) => e.kind === kind && +e.start >= now - durationBounds(d).min * 1000);
  }

  /** The first successful full of each period (local calendar of `zone`), certainly younger than `d`. */
  firstsOfPeriods(period: 'week' | 'month' | 'year', zone: string, d: Duration, now: number): DataEntry[] {
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const keyOf = (date: Date): string => {
      const [y, m, day] = local.format(date).split('-').map(Number);
      if (period === 'year') return String(y);
      if (period === 'month') return `${y}-${m}`;
      const days = Date.UTC(y, m - 1, day) / DAY;
      return String(days - ((days + 3) % 7)); // the Monday of its week (1970-01-01 was a Thursday)
    };
    const firsts = new Map<string, DataEntry>();
    for (const e of this.ok)
      if (e.kind === 'full' && !firsts.has(keyOf(e.start))) firsts.set(keyOf(e.start), e);
    return [...firsts.values()].filter((e) => +e.start >= now - durationBounds(d).min * 1000);
  }
}

/** Points to protect, each with the ids its recovery needs. */
function sampledNeeds(
  catalog: Catalog,
  r: RetentionRules,
  now: number,
  fractions: number[],
): [string, string[]][] {
  const oracle = new Oracle(catalog);
  const needs: [string, string[]][] = [['latest', oracle.pointInTime(now)]];
  if (r.log) {
    const span = durationBounds(r.log).min * 1000;
    for (const f of [0, 1, ...fractions]) {
      const at = Math.round(now - span * f);
      needs.push([`log window point ${new Date(at).toISOString()}`, oracle.pointInTime(at)]);
    }
  }
  const full = r.full;
  const tierFulls: [string, DataEntry[]][] = [];
  if (full?.kind === 'single') tierFulls.push(['full', oracle.certainlyYounger('full', full.duration, now)]);
  if (full?.kind === 'tiers') {
    const { daily, weekly, monthly, yearly } = full.tiers;
    if (daily) tierFulls.push(['daily', oracle.certainlyYounger('full', daily, now)]);
    if (weekly) tierFulls.push(['weekly', oracle.firstsOfPeriods('week', r.timezone, weekly, now)]);
    if (monthly) tierFulls.push(['monthly', oracle.firstsOfPeriods('month', r.timezone, monthly, now)]);
    if (yearly) tierFulls.push(['yearly', oracle.firstsOfPeriods('year', r.timezone, yearly, now)]);
  }
  for (const kind of ['differential', 'incremental', 'snapshot'] as const) {
    const d = r[kind];
    if (d) tierFulls.push([kind, oracle.certainlyYounger(kind, d, now)]);
  }
  for (const [why, entries] of tierFulls) {
    for (const e of entries) needs.push([`${why} ${e.kind} ${e.start.toISOString()}`, oracle.backup(e)]);
  }
  return needs;
}

/** The catalog after the plan's statements, as HANA runs them. */
function applyPlan(plan: PrunePlan, catalog: Catalog): Catalog {
  const gone = deletedIds(plan, catalog);
  const busy = new Set(['running', 'cancel pending', 'prepared']);
  return {
    data: catalog.data.filter((e) => !gone.has(e.backupId) || busy.has(e.state)),
    logs: catalog.logs.filter((l) => !gone.has(l.backupId)),
  };
}

describe('prune planner: property', () => {
  it('never deletes what a kept point needs, cuts at a successful full or snapshot, and is done after one run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.array(daySpec, { minLength: 3, maxLength: 420, size: 'max' }),
        fc.integer({ min: 0, max: DAY - 1 }),
        rulesArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        (startMs, days, nowOffset, r, fractions) => {
          const { catalog, endMs } = buildCatalog(startMs, days);
          const now = endMs - DAY + nowOffset;
          const visible: Catalog = {
            data: catalog.data.filter((e) => +e.start <= now),
            logs: catalog.logs.filter((l) => +l.start <= now),
          };
          const plan = planPrune(inputOf(visible, new Date(now)), r, new Date(now));
          const gone = deletedIds(plan, visible);

          for (const [point, ids] of sampledNeeds(visible, r, now, fractions)) {
            const lost = ids.filter((id) => gone.has(id));
            assert.deepEqual(lost, [], `${point} loses ${lost.join(', ')}`);
          }
          if (plan.cutoff) {
            assert.ok(['full', 'snapshot'].includes(plan.cutoff.kind) && plan.cutoff.state === 'successful');
          }
          const cutoff = plan.cutoff ? BigInt(plan.cutoff.backupId) : undefined;
          const logsGone = visible.logs.filter(
            (l) => !l.missing && cutoff !== undefined && BigInt(l.backupId) < cutoff,
          );
          assert.equal(plan.deleted.log.count, logsGone.length);
          assert.equal(plan.statements.length, (plan.cutoff ? 1 : 0) + plan.singles.length);
          assert.ok(
            plan.statements.every(
              (s) => s.toDisplayString().endsWith(' COMPLETE') === r.deleteFromDestination,
            ),
          );

          const after = applyPlan(plan, visible);
          const again = planPrune(inputOf(after, new Date(now)), r, new Date(now));
          assert.deepEqual(statementTexts(again), [], 'a second run right after finds nothing more');
        },
      ),
      { numRuns: 200 },
    );
  });
});

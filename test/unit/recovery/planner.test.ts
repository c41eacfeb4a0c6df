import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { planRecovery } from '../../../client/src/recovery/planner';
import { planAsText } from '../../../client/src/recovery/recoverStatements';
import type {
  LogModeSetting,
  PlanResult,
  RecoveryPlan,
  RecoveryRefusal,
  RecoverySlice,
  RecoveryTarget,
  SliceEntry,
  SliceFile,
} from '../../../client/src/recovery/recoveryTypes';

const T0 = Date.UTC(2026, 10, 1);
const MIN = 60_000;
const GIB = 1024 ** 3;

interface Volume {
  host: string;
  serviceType: string;
  volumeId: number;
  /** Redo log positions per second. */
  rate: number;
}

const V1: Volume = { host: 'hana01', serviceType: 'indexserver', volumeId: 3, rate: 1000 };
const V2: Volume = { host: 'hana02', serviceType: 'indexserver', volumeId: 3, rate: 700 };

const at = (minutes: number): Date => new Date(T0 + minutes * MIN);
const pos = (v: Volume, minutes: number): bigint => BigInt(Math.floor((minutes * MIN) / 1000) * v.rate);
const utc = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

type DataType = 'complete' | 'differential' | 'incremental' | 'snapshot';
const TYPE_NAME: Record<DataType, string> = {
  complete: 'complete data backup',
  differential: 'differential data backup',
  incremental: 'incremental data backup',
  snapshot: 'data snapshot',
};

/** A catalog built in time order: data backups, log backups per volume, 'log missing' entries. */
class Catalog {
  readonly entries: SliceEntry[] = [];
  /** Where each volume's log backups stand (undefined: no chain yet). */
  private readonly backed = new Map<Volume, bigint>();
  /** Positions really lost per volume, (from, to]: dropped log backups and 'log missing'. */
  readonly lost = new Map<Volume, [bigint, bigint][]>();
  /** After a point-in-time recovery the redo log goes on from the position it reached. */
  private readonly shift = new Map<Volume, bigint>();
  /** Log backups to drop from the catalog once a later one of the same volume shows the hole. */
  private readonly drops: { volume: Volume; entry: SliceEntry }[] = [];
  private nextId = 1_000;

  constructor(readonly volumes: Volume[] = [V1, V2]) {}

  /** The position `v` has at `minutes` on the current log sequence. */
  private position(v: Volume, minutes: number): bigint {
    return pos(v, minutes) - (this.shift.get(v) ?? 0n);
  }

  /** A point-in-time recovery at `minutes` back to `reachedMinutes`: a new log sequence starts. */
  recovered(minutes: number, reachedMinutes: number): void {
    for (const v of this.volumes) {
      this.shift.set(v, pos(v, minutes) - pos(v, reachedMinutes));
      this.backed.set(v, pos(v, reachedMinutes));
    }
  }

  private id(minutes: number): string {
    return String(T0 + minutes * MIN + this.nextId++);
  }

  data(type: DataType, minutes: number, state = 'successful'): SliceEntry {
    const entry: SliceEntry = {
      backupId: this.id(minutes),
      entryType: TYPE_NAME[type],
      state,
      utcStart: at(minutes),
      message: state === 'successful' ? '<ok>' : 'backup could not be completed',
      files: [
        file({ host: 'hana01', serviceType: 'nameserver', sourceType: 'topology', sizeBytes: 4096 }),
        ...this.volumes.map((v) =>
          file({
            host: v.host,
            serviceType: v.serviceType,
            volumeId: v.volumeId,
            redoLogPosition: this.position(v, minutes),
            sizeBytes: type === 'complete' || type === 'snapshot' ? 8 * GIB : GIB,
            destinationType: type === 'snapshot' ? '' : 'backint',
            destinationPath: type === 'snapshot' ? '' : `/backint/${type}_${minutes}_${v.host}`,
            externalBackupId: type === 'snapshot' ? 'snap-1' : `EBID${minutes}`,
          }),
        ),
      ],
    };
    this.entries.push(entry);
    if (state === 'successful' && (type === 'complete' || type === 'snapshot')) {
      for (const v of this.volumes) if (!this.backed.has(v)) this.backed.set(v, this.position(v, minutes));
    }
    return entry;
  }

  /**
   * The log of `v` since its last log backup, backed up at `minutes`: in the catalog ('ok'), missing
   * from it ('dropped': a catalog hole), or failed (the next one covers the same positions again).
   * HANA lists every log backup it makes, so a hole only shows between two listed ones: a drop
   * with no later log backup of its volume stays listed (see {@link slice}).
   */
  log(v: Volume, minutes: number, how: 'ok' | 'dropped' | 'failed' = 'ok'): SliceEntry | undefined {
    const from = this.backed.get(v);
    const to = this.position(v, minutes);
    if (from === undefined || to <= from) return undefined;
    const state = how === 'failed' ? 'failed' : 'successful';
    const entry = this.logEntry('log backup', v, minutes, from, to, state);
    if (how !== 'failed') this.backed.set(v, to);
    this.entries.push(entry);
    if (how === 'dropped') this.drops.push({ volume: v, entry });
    return entry;
  }

  private settleDrops(): void {
    for (const { volume, entry } of this.drops.splice(0)) {
      const later = this.entries.some(
        (e) =>
          e.entryType === 'log backup' &&
          e.state === 'successful' &&
          e.utcStart > entry.utcStart &&
          e.files[0].host === volume.host,
      );
      if (!later) continue;
      this.entries.splice(this.entries.indexOf(entry), 1);
      this.loseRange(volume, entry.files[0].firstRedoLogPosition!, entry.files[0].lastRedoLogPosition!);
    }
  }

  /** Log lost before it was backed up: HANA writes a 'log missing' entry (hanasim without SOURCE_ID). */
  logMissing(v: Volume, minutes: number, withVolumeId = false): SliceEntry | undefined {
    const from = this.backed.get(v);
    const to = this.position(v, minutes);
    if (from === undefined || to <= from) return undefined;
    const entry = this.logEntry('log missing', v, minutes, from, to, 'successful');
    entry.message = 'log segments were lost before they were backed up';
    entry.files[0] = { ...entry.files[0], serviceType: '', volumeId: withVolumeId ? v.volumeId : undefined };
    this.entries.push(entry);
    this.backed.set(v, to);
    this.loseRange(v, from, to);
    return entry;
  }

  /** Log backups of every volume every `every` minutes in [from, to]. */
  logs(fromMinutes: number, toMinutes: number, every = 15): this {
    for (let m = fromMinutes; m <= toMinutes; m += every) for (const v of this.volumes) this.log(v, m);
    return this;
  }

  private loseRange(v: Volume, from: bigint, to: bigint): void {
    this.lost.set(v, [...(this.lost.get(v) ?? []), [from, to]]);
  }

  private logEntry(
    type: string,
    v: Volume,
    minutes: number,
    from: bigint,
    to: bigint,
    state: string,
  ): SliceEntry {
    return {
      backupId: this.id(minutes),
      entryType: type,
      state,
      utcStart: at(minutes),
      message: '<ok>',
      files: [
        file({
          host: v.host,
          serviceType: v.serviceType,
          volumeId: v.volumeId,
          firstRedoLogPosition: from,
          lastRedoLogPosition: to,
          sizeBytes: Number(to - from) * 64,
        }),
      ],
    };
  }

  slice(nowMinutes: number, logMode: Partial<LogModeSetting> = {}, database = 'PRD'): RecoverySlice {
    this.settleDrops();
    return {
      database,
      now: at(nowMinutes),
      serverUtcOffsetMinutes: 0,
      logMode: { value: 'normal', layer: 'DEFAULT', hostOverrides: [], ...logMode },
      entries: this.entries,
    };
  }
}

function file(partial: Partial<SliceFile> & Pick<SliceFile, 'host'>): SliceFile {
  return {
    serviceType: '',
    sourceType: 'volume',
    sizeBytes: 0,
    destinationType: 'backint',
    destinationPath: '',
    externalBackupId: '',
    ...partial,
  };
}

function planOf(result: PlanResult): RecoveryPlan {
  if (!result.ok) assert.fail(`expected a plan, got ${result.refusal.kind}: ${result.refusal.reason}`);
  return result.plan;
}

function refusalOf(result: PlanResult): RecoveryRefusal {
  if (result.ok) assert.fail(`expected a refusal, got a plan to ${result.plan.pointInTime.toISOString()}`);
  return result.refusal;
}

const recoverText = (plan: RecoveryPlan): string =>
  plan.statements.find((s) => s.step === 'recover')!.statement.toDisplayString();

const ids = (plan: RecoveryPlan, v = 0): string[] => plan.volumes[v].logBackups.map((b) => b.backupId);

describe('recovery planner', () => {
  describe('chains', () => {
    it('full + log backups to a point: the first log backup reaching it ends the chain, CLEAR LOG', () => {
      const c = new Catalog([V1]);
      const full = c.data('complete', 0);
      c.logs(15, 300);
      const plan = planOf(
        planRecovery(c.slice(400), { kind: 'time', at: new Date(at(100).getTime() + 30_500) }),
      );
      assert.equal(plan.base.backupId, full.backupId);
      assert.deepEqual(plan.deltas, []);
      assert.equal(plan.pointInTime.toISOString(), at(100.5).toISOString(), 'whole seconds');
      const logs = plan.volumes[0].logBackups;
      assert.equal(logs.length, 7, 'log backups of minutes 15 … 105');
      assert.equal(logs[0].firstPosition, pos(V1, 0));
      assert.equal(logs.at(-1)!.utcStart.getTime(), at(105).getTime());
      assert.equal(plan.usesLogArea, false);
      assert.deepEqual(
        plan.statements.map((s) => s.statement.toDisplayString()),
        [
          'ALTER SYSTEM STOP DATABASE "PRD"',
          `RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '${utc(at(100.5))}' CLEAR LOG`,
          'ALTER SYSTEM START DATABASE "PRD"',
        ],
      );
      assert.equal(plan.dataBytes, 8 * GIB + 4096);
      assert.equal(
        plan.logBytes,
        logs.reduce((s, l) => s + l.sizeBytes, 0),
      );
      assert.ok(plan.estimatedSeconds >= 60 + Math.floor((8 * GIB) / 200e6));
    });

    it('uses the newest full before the point and the latest differential only', () => {
      const c = new Catalog();
      c.data('complete', 0);
      c.logs(15, 600);
      const full = c.data('complete', 610);
      c.logs(615, 2000);
      c.data('differential', 1000);
      const diff = c.data('differential', 1200);
      c.data('differential', 1500, 'failed');
      const plan = planOf(planRecovery(c.slice(2000), { kind: 'time', at: at(1600) }));
      assert.equal(plan.base.backupId, full.backupId);
      assert.deepEqual(
        plan.deltas.map((d) => d.backupId),
        [diff.backupId],
      );
      for (const v of plan.volumes)
        assert.equal(v.startPosition, v.host === 'hana01' ? pos(V1, 1200) : pos(V2, 1200));
    });

    it('full + every incremental after it', () => {
      const c = new Catalog([V1]);
      c.data('complete', 0);
      c.logs(15, 1000);
      const i1 = c.data('incremental', 100);
      c.data('incremental', 200, 'canceled');
      const i2 = c.data('incremental', 300);
      c.data('incremental', 900);
      const plan = planOf(planRecovery(c.slice(1000), { kind: 'time', at: at(400) }));
      assert.deepEqual(
        plan.deltas.map((d) => d.backupId),
        [i1.backupId, i2.backupId],
      );
      assert.equal(plan.volumes[0].startPosition, pos(V1, 300));
    });

    it('full + the latest differential + the incrementals after it', () => {
      const c = new Catalog([V1]);
      c.data('complete', 0);
      c.logs(15, 1000);
      c.data('incremental', 100);
      c.data('differential', 200);
      const diff = c.data('differential', 300);
      const inc = c.data('incremental', 400);
      const plan = planOf(planRecovery(c.slice(1000), { kind: 'time', at: at(450) }));
      assert.deepEqual(
        plan.deltas.map((d) => d.entryType),
        ['differential data backup', 'incremental data backup'],
      );
      assert.deepEqual(
        plan.deltas.map((d) => d.backupId),
        [diff.backupId, inc.backupId],
      );
    });

    it('most recent state: every log backup, then the log area, without CLEAR LOG', () => {
      const c = new Catalog();
      c.data('complete', 0);
      c.logs(15, 290);
      c.log(V1, 295);
      const plan = planOf(planRecovery(c.slice(300), { kind: 'latest' }));
      assert.equal(plan.pointInTime.getTime(), at(300).getTime());
      assert.ok(plan.volumes.every((v) => v.usesLogArea));
      assert.equal(plan.volumes[0].lastPosition, pos(V1, 295));
      assert.equal(recoverText(plan), `RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '${utc(at(300))}'`);
      assert.match(plan.assumptions.join('\n'), /log area/);
    });

    it("a point past one volume's last log backup needs that volume's log area", () => {
      const c = new Catalog();
      c.data('complete', 0);
      for (let m = 15; m <= 300; m += 15) c.log(V1, m);
      for (let m = 60; m <= 240; m += 60) c.log(V2, m);
      const inside = planOf(planRecovery(c.slice(320), { kind: 'time', at: at(230) }));
      assert.deepEqual(
        inside.volumes.map((v) => v.usesLogArea),
        [false, false],
      );
      assert.match(recoverText(inside), /CLEAR LOG$/);
      const past = planOf(planRecovery(c.slice(320), { kind: 'time', at: at(290) }));
      assert.deepEqual(
        past.volumes.map((v) => [v.host, v.usesLogArea]),
        [
          ['hana01', false],
          ['hana02', true],
        ],
      );
      assert.equal(past.volumes[1].lastPosition, pos(V2, 240));
      assert.doesNotMatch(recoverText(past), /CLEAR LOG/);
    });

    it('a data backup: RECOVER DATA USING BACKUP_ID; a delta brings its full and the deltas before it', () => {
      const c = new Catalog([V1]);
      const full = c.data('complete', 0);
      c.logs(15, 1000);
      c.data('incremental', 100);
      const diff = c.data('differential', 200);
      const inc = c.data('incremental', 300);
      c.data('incremental', 400);
      const toFull = planOf(planRecovery(c.slice(1000), { kind: 'backup', backupId: full.backupId }));
      assert.equal(recoverText(toFull), `RECOVER DATA FOR "PRD" USING BACKUP_ID ${full.backupId} CLEAR LOG`);
      assert.equal(toFull.pointInTime.getTime(), full.utcStart.getTime());
      assert.deepEqual(toFull.volumes[0].logBackups, []);
      const toInc = planOf(planRecovery(c.slice(1000), { kind: 'backup', backupId: inc.backupId }));
      assert.deepEqual(
        [toInc.base.backupId, ...toInc.deltas.map((d) => d.backupId)],
        [full.backupId, diff.backupId, inc.backupId],
      );
      assert.equal(recoverText(toInc), `RECOVER DATA FOR "PRD" USING BACKUP_ID ${inc.backupId} CLEAR LOG`);
      assert.match(planAsText(toInc), /No log is replayed/);
    });

    it('a snapshot alone: USING SNAPSHOT for the newest, USING BACKUP_ID for an older one', () => {
      const c = new Catalog([V1]);
      c.data('complete', 0);
      c.logs(15, 600);
      const old = c.data('snapshot', 100);
      const newest = c.data('snapshot', 300);
      c.data('snapshot', 400, 'failed');
      const latest = planOf(planRecovery(c.slice(600), { kind: 'snapshot' }));
      assert.equal(latest.base.backupId, newest.backupId);
      assert.equal(recoverText(latest), 'RECOVER DATA FOR "PRD" USING SNAPSHOT CLEAR LOG');
      assert.match(latest.assumptions.join('\n'), /storage snapshot snap-1 has been restored/);
      const older = planOf(planRecovery(c.slice(600), { kind: 'snapshot', backupId: old.backupId }));
      assert.equal(recoverText(older), `RECOVER DATA FOR "PRD" USING BACKUP_ID ${old.backupId} CLEAR LOG`);
      const named = planOf(planRecovery(c.slice(600), { kind: 'backup', backupId: newest.backupId }));
      assert.equal(recoverText(named), 'RECOVER DATA FOR "PRD" USING SNAPSHOT CLEAR LOG');
    });

    it('a snapshot plus log replay: RECOVER DATABASE … USING SNAPSHOT, from the snapshot on', () => {
      const c = new Catalog([V1]);
      c.data('complete', 0);
      c.logs(15, 600);
      const snap = c.data('snapshot', 200);
      const plan = planOf(planRecovery(c.slice(600), { kind: 'snapshot', until: at(260) }));
      assert.equal(plan.base.backupId, snap.backupId);
      assert.equal(plan.volumes[0].startPosition, pos(V1, 200));
      assert.equal(ids(plan).length, 5, 'log backups of minutes 210 … 270');
      assert.equal(
        recoverText(plan),
        `RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '${utc(at(260))}' USING SNAPSHOT CLEAR LOG`,
      );
      const older = planOf(
        planRecovery(c.slice(600), { kind: 'snapshot', backupId: snap.backupId, until: at(500) }),
      );
      assert.equal(
        recoverText(older),
        `RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '${utc(at(500))}' USING SNAPSHOT CLEAR LOG`,
      );
    });

    it('quotes the database name as an identifier', () => {
      const c = new Catalog([V1]);
      c.data('complete', 0);
      c.logs(15, 100);
      const plan = planOf(planRecovery(c.slice(100, {}, 'P"RD'), { kind: 'time', at: at(50) }));
      assert.equal(
        recoverText(plan),
        `RECOVER DATABASE FOR "P""RD" UNTIL TIMESTAMP '${utc(at(50))}' CLEAR LOG`,
      );
      assert.equal(plan.statements[0].statement.text, 'ALTER SYSTEM STOP DATABASE "P""RD"');
    });

    it('renders the plan as a document with chain, timeline, sizes, statements and assumptions', () => {
      const c = new Catalog();
      c.data('complete', 0);
      c.logs(15, 300);
      c.data('differential', 120);
      const text = planAsText(planOf(planRecovery(c.slice(300), { kind: 'time', at: at(200) })));
      for (const heading of [
        '## Chain',
        '## Timeline',
        '## Size and duration',
        '## Statements',
        '## Assumptions',
      ])
        assert.ok(text.includes(heading), heading);
      assert.match(text, /\| base \| complete data backup \|/);
      assert.match(text, /\| delta \| differential data backup \|/);
      assert.match(text, /\| log \| indexserver on hana02, volume 3 \| 6 log backups/);
      assert.match(text, /RECOVER DATABASE FOR "PRD" UNTIL TIMESTAMP '2026-11-01 03:20:00' CLEAR LOG;/);
      assert.match(text, /Estimated duration: \d+ (s|min)/);
    });
  });

  describe('refusals', () => {
    const base = () => {
      const c = new Catalog();
      c.data('complete', 60);
      c.logs(75, 600);
      return c;
    };

    it('a point in the future', () => {
      const r = refusalOf(planRecovery(base().slice(600), { kind: 'time', at: at(601) }));
      assert.equal(r.kind, 'future');
      assert.match(r.reason, /future/);
      assert.equal(
        refusalOf(planRecovery(base().slice(600), { kind: 'snapshot', until: at(700) })).kind,
        'future',
      );
    });

    it('no complete data backup before the point, naming the first one after it', () => {
      const c = base();
      c.data('complete', 10, 'failed');
      c.data('differential', 30);
      const r = refusalOf(planRecovery(c.slice(600), { kind: 'time', at: at(40) }));
      assert.equal(r.kind, 'noBase');
      assert.match(
        r.reason,
        /no successful complete data backup of PRD started at or before 2026-11-01 00:40:00 UTC/,
      );
      assert.match(r.reason, /first one after it is the complete data backup \d+ of 2026-11-01 01:00:00 UTC/);
      assert.equal(refusalOf(planRecovery(c.slice(600), { kind: 'snapshot' })).kind, 'noBase');
    });

    it('a BACKUP_ID not in the catalog, not a data backup, or not successful', () => {
      const c = base();
      const failed = c.data('differential', 300, 'failed');
      assert.equal(
        refusalOf(planRecovery(c.slice(600), { kind: 'backup', backupId: '42' })).kind,
        'notInCatalog',
      );
      const log = c.entries.find((e) => e.entryType === 'log backup')!;
      const r = refusalOf(planRecovery(c.slice(600), { kind: 'backup', backupId: log.backupId }));
      assert.equal(r.kind, 'notInCatalog');
      assert.match(r.reason, /is a log backup, not a data backup/);
      const f = refusalOf(planRecovery(c.slice(600), { kind: 'backup', backupId: failed.backupId }));
      assert.equal(f.kind, 'backupNotUsable');
      assert.match(f.reason, /'failed'/);
      const full = c.entries[0];
      assert.equal(
        refusalOf(planRecovery(c.slice(600), { kind: 'snapshot', backupId: full.backupId })).kind,
        'notInCatalog',
      );
    });

    it('log_mode overwrite: only to a data backup, naming the newest one', () => {
      const c = base();
      const diff = c.data('differential', 300);
      const r = refusalOf(
        planRecovery(c.slice(600, { value: 'overwrite', layer: 'DATABASE' }), { kind: 'time', at: at(400) }),
      );
      assert.equal(r.kind, 'overwriteMode');
      assert.match(r.reason, /log_mode is overwrite for PRD \(DATABASE layer\)/);
      assert.match(r.reason, new RegExp(`USING BACKUP_ID ${diff.backupId} CLEAR LOG`));
      const host = refusalOf(
        planRecovery(c.slice(600, { hostOverrides: [{ host: 'hana02', value: 'overwrite' }] }), {
          kind: 'latest',
        }),
      );
      assert.equal(host.kind, 'overwriteMode');
      assert.match(host.reason, /on hana02 \(HOST layer\)/);
      planOf(planRecovery(c.slice(600, { value: 'overwrite' }), { kind: 'backup', backupId: diff.backupId }));
    });

    it('a log backup missing from the catalog: the gap with its positions and times, the point still reachable', () => {
      const c = new Catalog();
      c.data('complete', 0);
      c.logs(15, 120);
      c.log(V2, 135, 'dropped');
      c.log(V1, 135);
      c.logs(150, 300);
      const next = c.data('differential', 200);
      const r = refusalOf(planRecovery(c.slice(300), { kind: 'time', at: at(140) }));
      assert.equal(r.kind, 'logGap');
      if (r.kind !== 'logGap') return;
      assert.deepEqual(
        [r.gap.host, r.gap.fromPosition, r.gap.toPosition],
        ['hana02', pos(V2, 120), pos(V2, 135)],
      );
      assert.equal(r.gap.from.getTime(), at(120).getTime());
      assert.equal(r.gap.until?.getTime(), at(150).getTime());
      assert.equal(r.reachableUntil.getTime(), at(120).getTime());
      assert.equal(r.gap.logMissing, undefined);
      assert.match(r.reason, /No log backup in the catalog holds them/);
      assert.match(r.reason, new RegExp(`differential data backup ${next.backupId} .* starts a new chain`));
      // Before the gap, and from the differential on, the same catalog is fine.
      planOf(planRecovery(c.slice(300), { kind: 'time', at: at(115) }));
      planOf(planRecovery(c.slice(300), { kind: 'time', at: at(250) }));
    });

    it("a 'log missing' entry: named, with the positions it covers", () => {
      const c = new Catalog();
      c.data('complete', 0);
      c.logs(15, 120);
      c.logMissing(V2, 130);
      c.logs(135, 300);
      const missing = c.entries.find((e) => e.entryType === 'log missing')!;
      const r = refusalOf(planRecovery(c.slice(300), { kind: 'time', at: at(128) }));
      assert.equal(r.kind, 'logGap');
      if (r.kind !== 'logGap') return;
      assert.equal(r.gap.logMissing?.backupId, missing.backupId);
      assert.deepEqual([r.gap.fromPosition, r.gap.toPosition], [pos(V2, 120), pos(V2, 130)]);
      assert.match(
        r.reason,
        new RegExp(`'log missing' entry ${missing.backupId} at 2026-11-01 02:10:00 UTC`),
      );
      assert.match(r.reason, /indexserver on hana02/);
    });

    it("a 'log missing' entry after the last log backup breaks the log area", () => {
      const c = new Catalog();
      c.data('complete', 0);
      c.logs(15, 120);
      c.logMissing(V1, 130, true);
      const r = refusalOf(planRecovery(c.slice(140), { kind: 'latest' }));
      assert.equal(r.kind, 'logGap');
      if (r.kind === 'logGap') assert.equal(r.gap.host, 'hana01');
    });

    it('log backups of two log sequences (an earlier point-in-time recovery): no plan across them', () => {
      const c = new Catalog();
      c.data('complete', 0);
      c.logs(15, 300);
      c.recovered(310, 100);
      c.logs(325, 400);
      const r = refusalOf(planRecovery(c.slice(400), { kind: 'latest' }));
      assert.equal(r.kind, 'logSequence');
      assert.match(r.reason, /overlap: log backup \d+ of 2026-11-01 05:25:00 UTC starts at position 6000000/);
      assert.match(r.reason, /earlier point-in-time recovery of PRD started a new log sequence/);
      // Points on the old sequence before the recovery, and chains from a later data backup, are fine.
      planOf(planRecovery(c.slice(400), { kind: 'time', at: at(90) }));
      planOf(planRecovery(c.slice(400), { kind: 'time', at: at(200) }));
      c.data('complete', 350);
      const after = planOf(planRecovery(c.slice(400), { kind: 'latest' }));
      assert.equal(after.volumes[0].startPosition, pos(V1, 100) + pos(V1, 40));
    });

    it('a full backup of the abandoned log sequence does not hide the restart', () => {
      const c = new Catalog([V1]);
      c.data('complete', 0);
      c.logs(15, 300);
      c.data('complete', 200);
      c.recovered(310, 100);
      c.logs(325, 400);
      assert.equal(refusalOf(planRecovery(c.slice(400), { kind: 'latest' })).kind, 'logSequence');
      assert.equal(refusalOf(planRecovery(c.slice(400), { kind: 'time', at: at(315) })).kind, 'logSequence');
      planOf(planRecovery(c.slice(400), { kind: 'time', at: at(250) }));
    });

    it('a data backup without volume pieces', () => {
      const c = new Catalog([]);
      c.data('complete', 0);
      assert.equal(
        refusalOf(planRecovery(c.slice(100), { kind: 'time', at: at(50) })).kind,
        'incompleteCatalog',
      );
    });

    it('SYSTEMDB: the plan, and the recoverSys.py command line instead of SQL', () => {
      const c = base();
      const snap = c.data('snapshot', 500);
      const r = refusalOf(planRecovery(c.slice(600, {}, 'SYSTEMDB'), { kind: 'time', at: at(300) }));
      assert.equal(r.kind, 'systemdb');
      if (r.kind !== 'systemdb') return;
      assert.equal(
        r.commandLine,
        `HDBSettings.sh recoverSys.py --command="RECOVER DATABASE UNTIL TIMESTAMP '${utc(at(300))}' CLEAR LOG"`,
      );
      assert.match(r.reason, /SQL cannot recover the system database/);
      assert.equal(r.plan.statements.length, 1, 'no STOP/START for SYSTEMDB');
      assert.match(planAsText(r.plan), /HDBSettings\.sh recoverSys\.py --command=/);
      const s = refusalOf(planRecovery(c.slice(600, {}, 'SYSTEMDB'), { kind: 'snapshot' }));
      assert.equal(
        s.kind === 'systemdb' && s.commandLine,
        'HDBSettings.sh recoverSys.py --command="RECOVER DATA USING SNAPSHOT CLEAR LOG"',
      );
      const b = refusalOf(
        planRecovery(c.slice(600, {}, 'SYSTEMDB'), { kind: 'backup', backupId: c.entries[0].backupId }),
      );
      assert.equal(
        b.kind === 'systemdb' && b.commandLine,
        `HDBSettings.sh recoverSys.py --command="RECOVER DATA USING BACKUP_ID ${c.entries[0].backupId} CLEAR LOG"`,
      );
      assert.ok(snap);
    });
  });

  describe('property: plans are sound and refusals are true', () => {
    type Event =
      | { kind: 'log'; volume: number; how: 'ok' | 'dropped' | 'failed' }
      | { kind: 'logMissing'; volume: number; withVolumeId: boolean }
      | { kind: 'data'; type: DataType; state: string };
    const event: fc.Arbitrary<Event> = fc.oneof(
      {
        weight: 12,
        arbitrary: fc.record({
          kind: fc.constant('log' as const),
          volume: fc.nat(1),
          how: fc.constantFrom<('ok' | 'dropped' | 'failed')[]>(
            'ok',
            'ok',
            'ok',
            'ok',
            'ok',
            'ok',
            'ok',
            'ok',
            'dropped',
            'failed',
          ),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('logMissing' as const),
          volume: fc.nat(1),
          withVolumeId: fc.boolean(),
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('data' as const),
          type: fc.constantFrom<DataType[]>(
            'complete',
            'differential',
            'incremental',
            'incremental',
            'snapshot',
          ),
          state: fc.constantFrom(
            'successful',
            'successful',
            'successful',
            'successful',
            'failed',
            'canceled',
          ),
        }),
      },
    );
    /** A point as a share of the history (‰), a little before its start to a little past now. */
    const share = fc.integer({ min: -20, max: 1030 });
    const history = fc.record({
      volumes: fc.integer({ min: 1, max: 2 }),
      /** Most histories start with a complete data backup, as real ones do. */
      startsWithFull: fc.constantFrom(true, true, true, false),
      steps: fc.array(fc.tuple(fc.integer({ min: 1, max: 90 }), event), { minLength: 1, maxLength: 60 }),
      nowAfter: fc.integer({ min: 0, max: 120 }),
      target: fc.oneof(
        { weight: 1, arbitrary: fc.constant({ kind: 'latest' as const }) },
        { weight: 4, arbitrary: fc.record({ kind: fc.constant('time' as const), share }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('backup' as const), pick: fc.nat() }) },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('snapshot' as const),
            pick: fc.option(fc.nat(), { nil: undefined }),
            share: fc.option(share, { nil: undefined }),
          }),
        },
      ),
    });

    it('holds over generated catalogs', () => {
      fc.assert(
        fc.property(history, (h) => {
          const c = new Catalog([V1, V2].slice(0, h.volumes));
          let minute = 0;
          if (h.startsWithFull) c.data('complete', minute);
          for (const [gap, e] of h.steps) {
            minute += gap;
            if (e.kind === 'data') c.data(e.type, minute, e.state);
            else {
              const v = c.volumes[e.volume % c.volumes.length];
              if (e.kind === 'log') c.log(v, minute, e.how);
              else c.logMissing(v, minute, e.withVolumeId);
            }
          }
          const now = minute + h.nowAfter;
          const point = (permille: number) => at(Math.round((now * permille) / 1000));
          const data = c.entries.filter((e) => e.entryType !== 'log backup' && e.entryType !== 'log missing');
          const snapshots = data.filter((e) => e.entryType === 'data snapshot');
          // One in (n + 1) picks an id the catalog does not have.
          const pick = (from: SliceEntry[], n: number) => from[n % (from.length + 1)]?.backupId ?? '1';
          const t = h.target;
          const target: RecoveryTarget =
            t.kind === 'latest'
              ? t
              : t.kind === 'time'
                ? { kind: 'time', at: point(t.share) }
                : t.kind === 'backup'
                  ? { kind: 'backup', backupId: pick(data, t.pick) }
                  : {
                      kind: 'snapshot',
                      backupId: t.pick === undefined ? undefined : pick(snapshots, t.pick),
                      until: t.share === undefined ? undefined : point(t.share),
                    };
          const slice = c.slice(now);
          check(c, slice, target, planRecovery(slice, target));
        }),
        { numRuns: 600 },
      );
    });

    /** The facts, checked against the generator's own record of what it lost. */
    function check(c: Catalog, slice: RecoverySlice, target: RecoveryTarget, result: PlanResult): void {
      const byId = new Map(c.entries.map((e) => [e.backupId, e]));
      const ok = (e: SliceEntry) => e.state === 'successful';
      const point =
        target.kind === 'latest'
          ? slice.now
          : target.kind === 'time'
            ? target.at
            : target.kind === 'snapshot'
              ? target.until
              : undefined;
      const volumeOf = (host: string) => c.volumes.find((v) => v.host === host)!;
      const lostOver = (v: Volume, from: bigint, to: bigint | undefined) =>
        (c.lost.get(v) ?? []).some(([a, b]) => a < (to ?? BigInt(Number.MAX_SAFE_INTEGER)) && b > from);
      /** Data backups a chain to `point` could end with (the last data backup before log replay). */
      const isDelta = (e: SliceEntry) =>
        e.entryType === 'differential data backup' || e.entryType === 'incremental data backup';
      /** Data backups a chain to `limit` could end with: a base, or a delta with a base before it. */
      const lastDataCandidates = (baseType: string, limit: Date) => {
        const named =
          target.kind === 'snapshot' && target.backupId !== undefined && byId.get(target.backupId);
        const bases = named ? [named] : c.entries.filter((b) => ok(b) && b.entryType === baseType);
        return c.entries.filter(
          (e) =>
            ok(e) &&
            e.utcStart <= limit &&
            (bases.includes(e) || (isDelta(e) && bases.some((b) => b.utcStart < e.utcStart))),
        );
      };
      const startOf = (e: SliceEntry) => e.utcStart.getTime() / MIN - T0 / MIN;

      if (!result.ok) {
        const r = result.refusal;
        switch (r.kind) {
          case 'future':
            assert.ok(point && point > slice.now);
            return;
          case 'noBase': {
            const type = target.kind === 'snapshot' ? 'data snapshot' : 'complete data backup';
            const named =
              target.kind === 'backup' || target.kind === 'snapshot' ? target.backupId : undefined;
            if (named !== undefined) {
              const e = byId.get(named)!;
              assert.ok(
                !c.entries.some(
                  (b) => ok(b) && b.entryType === 'complete data backup' && b.utcStart <= e.utcStart,
                ) ||
                  (point !== undefined && e.utcStart > point),
              );
            } else {
              assert.ok(
                !c.entries.some((b) => ok(b) && b.entryType === type && b.utcStart <= (point ?? slice.now)),
              );
            }
            return;
          }
          case 'notInCatalog':
          case 'backupNotUsable': {
            const id = target.kind === 'backup' || target.kind === 'snapshot' ? target.backupId : undefined;
            const e = id === undefined ? undefined : byId.get(id);
            assert.ok(
              !e ||
                !ok(e) ||
                e.entryType === 'log backup' ||
                e.entryType === 'log missing' ||
                (target.kind === 'snapshot' && e.entryType !== 'data snapshot'),
            );
            return;
          }
          case 'logGap': {
            assert.ok(point, 'a gap only matters for a point in time');
            const v = volumeOf(r.gap.host);
            assert.ok(lostOver(v, r.gap.fromPosition, r.gap.toPosition), 'the reported gap is really lost');
            const baseType = target.kind === 'snapshot' ? 'data snapshot' : 'complete data backup';
            for (const d of lastDataCandidates(baseType, point)) {
              const minutes = startOf(d);
              const endMinutes = (point.getTime() - T0) / MIN;
              assert.ok(
                c.volumes.some((vol) => lostOver(vol, pos(vol, minutes), pos(vol, endMinutes))),
                `no chain from ${d.entryType} ${d.backupId} avoids the loss`,
              );
            }
            return;
          }
          default:
            assert.fail(`unexpected refusal ${r.kind}: ${r.reason}`);
        }
      }

      const plan = result.plan;
      const chain = [plan.base, ...plan.deltas].map((b) => byId.get(b.backupId)!);
      assert.ok(chain.every(ok), 'only successful data backups');
      const last = chain.at(-1)!;
      const base = chain[0];
      if (point) {
        const p = new Date(Math.floor(point.getTime() / 1000) * 1000);
        assert.equal(plan.pointInTime.getTime(), p.getTime());
        assert.ok(base.utcStart <= p, 'base ≤ target');
        const baseType = target.kind === 'snapshot' ? 'data snapshot' : 'complete data backup';
        assert.equal(base.entryType, baseType);
        if (!(target.kind === 'snapshot' && target.backupId !== undefined)) {
          assert.ok(
            !c.entries.some(
              (e) => ok(e) && e.entryType === baseType && e.utcStart > base.utcStart && e.utcStart <= p,
            ),
            'the newest base',
          );
        }
        // Delta rules: the latest differential after the base, then every incremental after it.
        const deltas = c.entries
          .filter((e) => ok(e) && e.utcStart > base.utcStart && e.utcStart <= p)
          .filter(
            (e) => e.entryType === 'differential data backup' || e.entryType === 'incremental data backup',
          );
        const diff = deltas.filter((e) => e.entryType === 'differential data backup').at(-1);
        const expected = [
          ...(diff ? [diff] : []),
          ...deltas.filter(
            (e) => e.entryType === 'incremental data backup' && (!diff || e.utcStart > diff.utcStart),
          ),
        ];
        assert.deepEqual(
          plan.deltas.map((d) => d.backupId),
          expected.map((e) => e.backupId),
        );
        // Logs: contiguous per volume from the last data backup, reaching the point, nothing lost.
        const endMinutes = (p.getTime() - T0) / MIN;
        for (const replay of plan.volumes) {
          const v = volumeOf(replay.host);
          assert.equal(replay.startPosition, pos(v, startOf(last)));
          let position = replay.startPosition;
          for (const l of replay.logBackups) {
            const e = byId.get(l.backupId)!;
            assert.ok(ok(e) && e.entryType === 'log backup' && e.files[0].host === v.host);
            assert.ok(l.firstPosition <= position, `contiguous at ${position}`);
            assert.ok(l.lastPosition > position);
            position = l.lastPosition;
          }
          const reaches = replay.logBackups.at(-1) && replay.logBackups.at(-1)!.utcStart >= p;
          if (p > last.utcStart) assert.ok(reaches || replay.usesLogArea, 'the log reaches the point');
          if (replay.usesLogArea) {
            assert.ok(
              !c.entries.some(
                (e) => ok(e) && e.entryType === 'log backup' && e.files[0].host === v.host && e.utcStart >= p,
              ),
              'the log area only when no log backup reaches the point',
            );
          }
          if (p > last.utcStart)
            assert.ok(!lostOver(v, pos(v, startOf(last)), pos(v, endMinutes)), 'nothing lost');
        }
        assert.equal(/CLEAR LOG/.test(recoverText(plan)), !plan.usesLogArea && target.kind !== 'latest');
      } else {
        assert.equal(plan.pointInTime.getTime(), last.utcStart.getTime());
        assert.ok(plan.volumes.every((v) => v.logBackups.length === 0 && !v.usesLogArea));
        const named = (target.kind === 'backup' || target.kind === 'snapshot') && target.backupId;
        if (named) assert.equal(last.backupId, named);
        assert.match(recoverText(plan), /^RECOVER DATA FOR "PRD" USING (BACKUP_ID \d+|SNAPSHOT) CLEAR LOG$/);
      }
    }
  });
});

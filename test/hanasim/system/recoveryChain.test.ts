import * as assert from 'node:assert/strict';
import {
  type ChainEntry,
  type ChainFile,
  type ChainInput,
  RecoveryProblem,
  computeRecoveryChain,
} from './recoveryChain';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);
const NOW = T0 + 48 * HOUR;
const pos = (ms: number): number => 1000 + Math.round((ms - T0) / 1000);

class Catalog {
  entries: ChainEntry[] = [];
  files: ChainFile[] = [];
  private nextId = 1;

  private file(backupId: number, extra: Partial<ChainFile>): ChainFile {
    return {
      backupId,
      sourceId: 3,
      sourceType: 'volume',
      host: 'h1',
      serviceType: 'indexserver',
      redoLogPosition: null,
      firstRedoLogPosition: null,
      lastRedoLogPosition: null,
      backupSize: 1000,
      destinationPath: `/b/${backupId}`,
      destinationType: 'file',
      externalBackupId: null,
      ...extra,
    };
  }

  data(
    entryType: string,
    startMs: number,
    volumes: { host: string; id: number }[] = [{ host: 'h1', id: 3 }],
  ): number {
    const backupId = this.nextId++;
    this.entries.push({ backupId, entryType, stateName: 'successful', startMs, endMs: startMs + 1000 });
    this.files.push(this.file(backupId, { sourceType: 'topology', sourceId: 0 }));
    for (const v of volumes)
      this.files.push(this.file(backupId, { host: v.host, sourceId: v.id, redoLogPosition: pos(startMs) }));
    return backupId;
  }

  log(fromMs: number, atMs: number, volume = { host: 'h1', id: 3 }, first = pos(fromMs)): number {
    const backupId = this.nextId++;
    this.entries.push({
      backupId,
      entryType: 'log backup',
      stateName: 'successful',
      startMs: atMs,
      endMs: atMs + 1000,
    });
    this.files.push(
      this.file(backupId, {
        host: volume.host,
        sourceId: volume.id,
        firstRedoLogPosition: first,
        lastRedoLogPosition: pos(atMs),
      }),
    );
    return backupId;
  }

  hourly(fromH: number, toH: number, volume = { host: 'h1', id: 3 }): number[] {
    const ids = [];
    for (let h = fromH + 1; h <= toH; h++) ids.push(this.log(T0 + (h - 1) * HOUR, T0 + h * HOUR, volume));
    return ids;
  }

  input(extra: Partial<ChainInput>): ChainInput {
    return {
      database: 'PRD',
      entries: this.entries,
      files: this.files,
      target: { kind: 'time', ms: NOW },
      useSnapshot: false,
      clearLog: true,
      nowMs: NOW,
      pieceState: () => 'ok',
      ...extra,
    };
  }
}

function problem(pattern: RegExp): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof RecoveryProblem, String(err));
    assert.match(err.message, pattern);
    return true;
  };
}

describe('hanasim recovery chain', () => {
  it('replays contiguous log backups up to the target and interpolates the position', () => {
    const c = new Catalog();
    const full = c.data('complete data backup', T0);
    const logs = c.hourly(0, 4);
    const plan = computeRecoveryChain(c.input({ target: { kind: 'time', ms: T0 + 2.25 * HOUR } }));
    assert.equal(plan.base.backupId, full);
    assert.equal(plan.reachedMs, T0 + 2.25 * HOUR);
    assert.deepEqual(plan.volumes[0].logBackupIds, logs.slice(0, 3));
    assert.equal(plan.volumes[0].reachedPosition, pos(T0 + 2.25 * HOUR));
  });

  it('with CLEAR LOG stops at the last log backup when the log ends before the target', () => {
    const c = new Catalog();
    c.data('complete data backup', T0);
    c.hourly(0, 3);
    const plan = computeRecoveryChain(c.input({ target: { kind: 'time', ms: T0 + 5 * HOUR } }));
    assert.equal(plan.reachedMs, T0 + 3 * HOUR);
    assert.equal(plan.volumes[0].usedLogArea, false);
  });

  it('without CLEAR LOG continues in the log area when it follows the last log backup', () => {
    const c = new Catalog();
    c.data('complete data backup', T0);
    c.hourly(0, 3);
    const logArea = { 'h1:3': { fromPosition: pos(T0 + 3 * HOUR), positionAt: pos } };
    const plan = computeRecoveryChain(
      c.input({ target: { kind: 'time', ms: T0 + 5 * HOUR }, clearLog: false, logArea }),
    );
    assert.equal(plan.reachedMs, T0 + 5 * HOUR);
    assert.equal(plan.volumes[0].usedLogArea, true);
    assert.equal(plan.volumes[0].reachedPosition, pos(T0 + 5 * HOUR));
    // A log area that starts later than the last log backup does not help.
    const late = { 'h1:3': { fromPosition: pos(T0 + 4 * HOUR), positionAt: pos } };
    const short = computeRecoveryChain(
      c.input({ target: { kind: 'time', ms: T0 + 5 * HOUR }, clearLog: false, logArea: late }),
    );
    assert.equal(short.reachedMs, T0 + 3 * HOUR);
  });

  it('reaches the earliest point over all volumes', () => {
    const c = new Catalog();
    const volumes = [
      { host: 'h1', id: 3 },
      { host: 'h2', id: 4 },
    ];
    c.data('complete data backup', T0, volumes);
    c.hourly(0, 4, volumes[0]);
    c.hourly(0, 2, volumes[1]);
    const plan = computeRecoveryChain(c.input({ target: { kind: 'time', ms: T0 + 3.5 * HOUR } }));
    assert.equal(plan.volumes.length, 2);
    assert.equal(plan.reachedMs, T0 + 2 * HOUR);
  });

  it('names the gap, the missing file and the damaged file', () => {
    const c = new Catalog();
    c.data('complete data backup', T0);
    c.log(T0, T0 + HOUR);
    const after = c.log(T0 + 2 * HOUR, T0 + 3 * HOUR);
    assert.throws(
      () => computeRecoveryChain(c.input({ target: { kind: 'time', ms: T0 + 2.5 * HOUR } })),
      problem(
        new RegExp(
          `positions ${pos(T0 + HOUR)} to ${pos(T0 + 2 * HOUR)} .*next available log backup is ${after}`,
        ),
      ),
    );
    const d = new Catalog();
    d.data('complete data backup', T0);
    const [, second] = d.hourly(0, 3);
    const pieceState = (f: ChainFile): 'ok' | 'missing' => (f.backupId === second ? 'missing' : 'ok');
    assert.throws(
      () => computeRecoveryChain(d.input({ target: { kind: 'time', ms: T0 + 2.5 * HOUR }, pieceState })),
      problem(new RegExp(`log backup not found: log backup ${second} of 2026-01-01 02:00:00 UTC`)),
    );
    // Not needed for an earlier point.
    computeRecoveryChain(d.input({ target: { kind: 'time', ms: T0 + 0.5 * HOUR }, pieceState }));
  });

  it('ignores failed and running backups', () => {
    const c = new Catalog();
    const good = c.data('complete data backup', T0);
    const failed = c.data('complete data backup', T0 + HOUR);
    c.entries.find((e) => e.backupId === failed)!.stateName = 'failed';
    c.hourly(0, 3);
    const plan = computeRecoveryChain(c.input({ target: { kind: 'time', ms: T0 + 2.5 * HOUR } }));
    assert.equal(plan.base.backupId, good);
  });

  it('differential resets the incrementals before it', () => {
    const c = new Catalog();
    c.data('complete data backup', T0);
    c.data('incremental data backup', T0 + HOUR);
    const diff = c.data('differential data backup', T0 + 2 * HOUR);
    const inc = c.data('incremental data backup', T0 + 3 * HOUR);
    c.hourly(0, 5);
    const plan = computeRecoveryChain(c.input({ target: { kind: 'time', ms: T0 + 4.5 * HOUR } }));
    assert.deepEqual(
      plan.deltas.map((d) => d.backupId),
      [diff, inc],
    );
    assert.equal(plan.volumes[0].startPosition, pos(T0 + 3 * HOUR));
  });

  it('recovers to a delta data backup named by BACKUP_ID', () => {
    const c = new Catalog();
    const full = c.data('complete data backup', T0);
    const i1 = c.data('incremental data backup', T0 + HOUR);
    const i2 = c.data('incremental data backup', T0 + 2 * HOUR);
    c.data('incremental data backup', T0 + 3 * HOUR);
    const plan = computeRecoveryChain(c.input({ target: { kind: 'backupId', backupId: i2 } }));
    assert.equal(plan.base.backupId, full);
    assert.deepEqual(
      plan.deltas.map((d) => d.backupId),
      [i1, i2],
    );
    assert.equal(plan.reachedMs, T0 + 2 * HOUR);
  });

  it('refuses point-in-time recovery under log_mode overwrite but allows a data backup', () => {
    const c = new Catalog();
    const full = c.data('complete data backup', T0);
    assert.throws(
      () =>
        computeRecoveryChain(c.input({ target: { kind: 'time', ms: T0 + HOUR }, logModeOverwrite: true })),
      problem(/log_mode is overwrite/),
    );
    const plan = computeRecoveryChain(
      c.input({ target: { kind: 'backupId', backupId: full }, logModeOverwrite: true }),
    );
    assert.equal(plan.reachedMs, T0);
  });

  it('recovers from the latest data snapshot only with USING SNAPSHOT', () => {
    const c = new Catalog();
    const full = c.data('complete data backup', T0);
    const snap = c.data('data snapshot', T0 + HOUR);
    c.files.filter((f) => f.backupId === snap).forEach((f) => (f.destinationType = 'snapshot'));
    c.hourly(0, 3);
    const time = { kind: 'time', ms: T0 + 2.5 * HOUR } as const;
    assert.equal(computeRecoveryChain(c.input({ target: time })).base.backupId, full);
    assert.equal(computeRecoveryChain(c.input({ target: time, useSnapshot: true })).base.backupId, snap);
    assert.equal(computeRecoveryChain(c.input({ target: { kind: 'latestSnapshot' } })).base.backupId, snap);
  });

  it('after a point-in-time recovery follows the new log sequence, and before it the old one', () => {
    const c = new Catalog();
    c.data('complete data backup', T0);
    const old = c.hourly(0, 6); // made before the recovery
    // A recovery at T0+6h reached T0+2.5h; the log then went on from that position.
    const recoveredAt = T0 + 6 * HOUR;
    const cut = pos(T0 + 2.5 * HOUR);
    const recoveries = [{ atMs: recoveredAt, reachedMs: T0 + 2.5 * HOUR, positions: { 'h1:3': cut } }];
    // New log backups: positions overlap the old ones (SAP Note 1779221).
    const n1 = c.log(recoveredAt, T0 + 7 * HOUR, undefined, cut);
    const n2 = c.files.find((f) => f.backupId === n1)!.lastRedoLogPosition!;
    const n2id = c.log(T0 + 7 * HOUR, T0 + 8 * HOUR, undefined, n2);
    const later = computeRecoveryChain(
      c.input({ target: { kind: 'time', ms: T0 + 7.5 * HOUR }, recoveries }),
    );
    assert.deepEqual(later.volumes[0].logBackupIds, [old[0], old[1], old[2], n1, n2id]);
    assert.equal(later.reachedMs, T0 + 7.5 * HOUR);
    // A point before the recovery uses the old sequence only.
    const before = computeRecoveryChain(
      c.input({ target: { kind: 'time', ms: T0 + 4.5 * HOUR }, recoveries }),
    );
    assert.deepEqual(before.volumes[0].logBackupIds, old.slice(0, 5));
  });

  it('does not use the online log area for a point on a log sequence a recovery abandoned', () => {
    const c = new Catalog();
    c.data('complete data backup', T0);
    c.hourly(0, 4);
    const cut = pos(T0 + 2.5 * HOUR);
    const recoveries = [{ atMs: T0 + 6 * HOUR, reachedMs: T0 + 2.5 * HOUR, positions: { 'h1:3': cut } }];
    const logArea = { 'h1:3': { fromPosition: cut, positionAt: pos } };
    const old = computeRecoveryChain(
      c.input({ target: { kind: 'time', ms: T0 + 5.5 * HOUR }, recoveries, clearLog: false, logArea }),
    );
    assert.equal(old.reachedMs, T0 + 4 * HOUR);
    assert.equal(old.volumes[0].usedLogArea, false);
  });

  it('refuses a future point and a point before every complete data backup', () => {
    const c = new Catalog();
    c.data('complete data backup', T0);
    assert.throws(
      () => computeRecoveryChain(c.input({ target: { kind: 'time', ms: NOW + 1 } })),
      problem(/in the future/),
    );
    assert.throws(
      () => computeRecoveryChain(c.input({ target: { kind: 'time', ms: T0 - 1 } })),
      problem(/no successful complete data backup found before 2025-12-31 23:59:59 UTC/),
    );
  });
});

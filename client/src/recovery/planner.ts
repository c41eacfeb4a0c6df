/**
 * The recovery chain for a target, computed from a catalog slice alone (pure). Reference facts
 * §6.1/§6.2, in the form hanasim's recovery applies them, so a plan made here is what HANA runs:
 *
 * - base: the newest successful complete data backup (a data snapshot for snapshot targets) that
 *   started at or before the point — or the data backup named;
 * - deltas: after the base and not after the point, the latest differential, then every
 *   incremental after it (without a differential: every incremental after the base);
 * - log: per volume, successful log backups contiguous by redo log position from the
 *   REDO_LOG_POSITION of the last data backup used, up to the first one whose content reaches the
 *   point (a log backup's content ends at its start time); past the last log backup the log area
 *   goes on, so the statement then keeps it (no CLEAR LOG);
 * - a 'log missing' entry over the positions replayed, or a hole between two log backups, is a gap
 *   no recovery crosses; the latest data backup is used, so no other chain avoids it.
 */
import { ENTRY_TYPE } from '../catalog/catalogTypes';
import {
  offsetText,
  recoverSysCommandLine,
  recoveryStatements,
  untilTimestampText as utcText,
  type RecoverForm,
} from './recoverStatements';
import type {
  LogGap,
  PlannedBackup,
  PlannedLogBackup,
  PlanResult,
  RecoveryPlan,
  RecoveryRefusal,
  RecoverySlice,
  RecoveryTarget,
  SliceEntry,
  SliceFile,
  VolumeReplay,
} from './recoveryTypes';

const SYSTEMDB = 'SYSTEMDB';

/** Assumed restore throughput of data backups (hanasim's rate; a Backint agent may well be slower). */
export const ASSUMED_DATA_BYTES_PER_SECOND = 200_000_000;
/** Assumed log replay throughput (hanasim's rate). */
export const ASSUMED_LOG_BYTES_PER_SECOND = 100_000_000;
/** Stopping the tenant, opening the recovery, the restart afterwards. */
export const ASSUMED_FIXED_SECONDS = 60;

const SUCCESSFUL = 'successful';

/** UNTIL TIMESTAMP takes whole seconds: planning with the same second keeps plan and HANA in step. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** The point in time a target asks for; undefined when the target is a data backup or snapshot alone. */
export function targetPoint(target: RecoveryTarget, now: Date): Date | undefined {
  switch (target.kind) {
    case 'latest':
      return wholeSeconds(now);
    case 'time':
      return wholeSeconds(target.at);
    case 'snapshot':
      return target.until ? wholeSeconds(target.until) : undefined;
    case 'backup':
      return undefined;
  }
}

export const isDataBackup = (type: string): boolean =>
  type === ENTRY_TYPE.complete ||
  type === ENTRY_TYPE.differential ||
  type === ENTRY_TYPE.incremental ||
  type === ENTRY_TYPE.snapshot;

const isDelta = (type: string): boolean =>
  type === ENTRY_TYPE.differential || type === ENTRY_TYPE.incremental;

/** Pieces that carry a volume's data and its replay start (not topology or catalog pieces). */
export function volumePieces(entry: SliceEntry): SliceFile[] {
  return entry.files.filter(
    (f) => f.sourceType !== 'topology' && f.sourceType !== 'catalog' && f.redoLogPosition !== undefined,
  );
}

const byStart = (a: SliceEntry, b: SliceEntry): number =>
  a.utcStart.getTime() - b.utcStart.getTime() || compareIds(a.backupId, b.backupId);

/** BACKUP_IDs are decimal text: shorter is smaller, then digit by digit. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function entryText(entry: SliceEntry): string {
  return `${entry.entryType} ${entry.backupId} of ${utcText(entry.utcStart)} UTC`;
}

function volumeName(file: Pick<SliceFile, 'host' | 'serviceType' | 'volumeId'>): string {
  const volume = file.volumeId === undefined ? 'the volume' : `volume ${file.volumeId}`;
  return `${volume} (${file.serviceType || 'service'} on ${file.host})`;
}

type Refused = { ok: false; refusal: RecoveryRefusal };

function refuse(kind: Exclude<RecoveryRefusal['kind'], 'logGap' | 'systemdb'>, reason: string): Refused {
  return { ok: false, refusal: { kind, reason } };
}

/** How the RECOVER statement names the data to start from; a point in time is added once the log is known. */
type DataStart =
  | Exclude<RecoverForm, { kind: 'untilTimestamp' }>
  | { kind: 'untilTimestamp'; snapshot: boolean; backupId?: string };

interface DataChain {
  base: SliceEntry;
  deltas: SliceEntry[];
  start: DataStart;
}

/** The newest successful entry of a type started at or before `limit`. */
function newest(entries: SliceEntry[], type: string, limit: Date): SliceEntry | undefined {
  let best: SliceEntry | undefined;
  for (const e of entries) {
    if (e.entryType !== type || e.state !== SUCCESSFUL || e.utcStart > limit) continue;
    if (!best || byStart(e, best) > 0) best = e;
  }
  return best;
}

function chooseDeltas(entries: SliceEntry[], base: SliceEntry, limit: Date): SliceEntry[] {
  const after = entries
    .filter(
      (e) =>
        isDelta(e.entryType) && e.state === SUCCESSFUL && e.utcStart > base.utcStart && e.utcStart <= limit,
    )
    .sort(byStart);
  const last = after.map((e) => e.entryType).lastIndexOf(ENTRY_TYPE.differential);
  return last < 0 ? after : after.slice(last);
}

function chooseData(slice: RecoverySlice, target: RecoveryTarget, at: Date | undefined): DataChain | Refused {
  const { entries, database } = slice;
  const named =
    target.kind === 'backup' || (target.kind === 'snapshot' && target.backupId !== undefined)
      ? target.backupId
      : undefined;
  if (named !== undefined) {
    const entry = entries.find((e) => e.backupId === named && isDataBackup(e.entryType));
    if (!entry) {
      const other = entries.find((e) => e.backupId === named);
      return refuse(
        'notInCatalog',
        other
          ? `BACKUP_ID ${named} of database ${database} is a ${other.entryType}, not a data backup.`
          : `There is no data backup with BACKUP_ID ${named} in the backup catalog of database ${database}.`,
      );
    }
    if (entry.state !== SUCCESSFUL) {
      return refuse(
        'backupNotUsable',
        `The ${entryText(entry)} is '${entry.state}': only a successful data backup can be recovered from.`,
      );
    }
    if (target.kind === 'snapshot' && entry.entryType !== ENTRY_TYPE.snapshot) {
      return refuse('notInCatalog', `The ${entryText(entry)} is not a data snapshot.`);
    }
    if (entry.entryType === ENTRY_TYPE.snapshot) return snapshotChain(slice, entry, at);
    if (entry.entryType === ENTRY_TYPE.complete) {
      return { base: entry, deltas: [], start: { kind: 'dataBackup', backupId: entry.backupId } };
    }
    const base = newest(entries, ENTRY_TYPE.complete, entry.utcStart);
    if (!base) {
      return refuse(
        'noBase',
        `The ${entryText(entry)} needs a complete data backup made before it; the catalog of ${database} has none.`,
      );
    }
    return {
      base,
      deltas: chooseDeltas(entries, base, entry.utcStart),
      start: { kind: 'dataBackup', backupId: entry.backupId },
    };
  }
  if (target.kind === 'snapshot') {
    const limit = at ?? slice.now;
    const snapshot = newest(entries, ENTRY_TYPE.snapshot, limit);
    if (!snapshot) {
      return refuse(
        'noBase',
        at
          ? `There is no successful data snapshot of ${database} taken at or before ${utcText(at)} UTC.`
          : `There is no successful data snapshot of ${database} in the backup catalog.`,
      );
    }
    return snapshotChain(slice, snapshot, at);
  }
  const point = at ?? slice.now;
  const base = newest(entries, ENTRY_TYPE.complete, point);
  if (!base) {
    const first = entries
      .filter((e) => e.entryType === ENTRY_TYPE.complete && e.state === SUCCESSFUL && e.utcStart > point)
      .sort(byStart)[0];
    return refuse(
      'noBase',
      `There is no successful complete data backup of ${database} started at or before ${utcText(point)} UTC` +
        (first ? `; the first one after it is the ${entryText(first)}.` : '.'),
    );
  }
  return {
    base,
    deltas: chooseDeltas(entries, base, point),
    start: { kind: 'untilTimestamp', snapshot: false },
  };
}

/** A snapshot base: alone (RECOVER DATA) or followed by deltas and log up to `at`. */
function snapshotChain(
  slice: RecoverySlice,
  snapshot: SliceEntry,
  at: Date | undefined,
): DataChain | Refused {
  const latest = newest(slice.entries, ENTRY_TYPE.snapshot, at ?? slice.now);
  // USING SNAPSHOT takes the newest snapshot; an older one must be named by its id.
  const backupId = latest?.backupId === snapshot.backupId ? undefined : snapshot.backupId;
  if (!at) return { base: snapshot, deltas: [], start: { kind: 'snapshot', backupId } };
  if (snapshot.utcStart > at) {
    return refuse(
      'noBase',
      `The ${entryText(snapshot)} was taken after the point in time ${utcText(at)} UTC.`,
    );
  }
  return {
    base: snapshot,
    deltas: chooseDeltas(slice.entries, snapshot, at),
    start: { kind: 'untilTimestamp', snapshot: true, backupId },
  };
}

function planned(entry: SliceEntry): PlannedBackup {
  const pieces = entry.files.filter((f) => f.sourceType !== 'topology' && f.sourceType !== 'catalog');
  return {
    backupId: entry.backupId,
    entryType: entry.entryType,
    utcStart: entry.utcStart,
    sizeBytes: entry.files.reduce((sum, f) => sum + f.sizeBytes, 0),
    destinationType: entry.files.find((f) => f.destinationType)?.destinationType ?? '',
    destinations: pieces.map((f) => f.destinationPath).filter((p) => p !== ''),
    externalBackupIds: pieces.map((f) => f.externalBackupId).filter((id) => id !== ''),
  };
}

const sameVolume = (a: SliceFile, b: SliceFile): boolean =>
  a.host === b.host &&
  (a.volumeId === undefined || b.volumeId === undefined || a.volumeId === b.volumeId) &&
  (a.serviceType === '' || b.serviceType === '' || a.serviceType === b.serviceType);

interface LogPiece {
  entry: SliceEntry;
  first: bigint;
  last: bigint;
  sizeBytes: number;
}

/** Successful log backups of one volume, by position as HANA replays them. */
function logPiecesOf(entries: SliceEntry[], piece: SliceFile): LogPiece[] {
  const pieces: LogPiece[] = [];
  for (const entry of entries) {
    if (entry.entryType !== ENTRY_TYPE.log || entry.state !== SUCCESSFUL) continue;
    for (const f of entry.files) {
      if (f.host !== piece.host || f.volumeId !== piece.volumeId) continue;
      if (f.firstRedoLogPosition === undefined || f.lastRedoLogPosition === undefined) continue;
      pieces.push({
        entry,
        first: f.firstRedoLogPosition,
        last: f.lastRedoLogPosition,
        sizeBytes: f.sizeBytes,
      });
    }
  }
  return pieces.sort((a, b) =>
    a.first !== b.first ? (a.first < b.first ? -1 : 1) : a.last !== b.last ? (a.last > b.last ? -1 : 1) : 0,
  );
}

interface MissingHit {
  entry: SliceEntry;
  file?: SliceFile;
}

/** 'log missing' entries of this volume over positions (from, to] (to undefined: open end), or by time. */
function logMissingOver(
  entries: SliceEntry[],
  piece: SliceFile,
  from: bigint,
  to: bigint | undefined,
  fromTime: Date,
  toTime: Date,
): MissingHit | undefined {
  for (const entry of entries) {
    if (entry.entryType !== ENTRY_TYPE.logMissing) continue;
    const positioned = entry.files.filter(
      (f) => f.firstRedoLogPosition !== undefined && f.lastRedoLogPosition !== undefined,
    );
    if (positioned.length === 0) {
      const hostless = entry.files.every((f) => f.host === '');
      const here = hostless || entry.files.some((f) => sameVolume(f, piece));
      if (here && entry.utcStart > fromTime && entry.utcStart <= toTime) return { entry };
      continue;
    }
    for (const f of positioned) {
      if (!sameVolume(f, piece)) continue;
      if (f.lastRedoLogPosition! > from && (to === undefined || f.firstRedoLogPosition! < to)) {
        return { entry, file: f };
      }
    }
  }
  return undefined;
}

type WalkResult =
  | { ok: true; replay: VolumeReplay }
  | { ok: false; gap: LogGap; reachableUntil: Date }
  | { ok: false; overlap: { older: LogPiece; newer: LogPiece } };

/**
 * A log backup that starts below positions an older one already holds: a point-in-time recovery
 * started a new log sequence there (SAP Note 1779221). HANA writes no catalog entry for a
 * recovery, so which sequence a point belongs to cannot be told from the catalog. Only the log
 * backups a walk to `at` reads count: those started by the first one that reaches `at`.
 */
function sequenceRestart(pieces: LogPiece[], at: Date): { older: LogPiece; newer: LogPiece } | undefined {
  const reaching = pieces
    .filter((p) => p.entry.utcStart >= at)
    .reduce<Date | undefined>(
      (min, p) => (!min || p.entry.utcStart < min ? p.entry.utcStart : min),
      undefined,
    );
  const byTime = pieces
    .filter((p) => !reaching || p.entry.utcStart <= reaching)
    .sort((a, b) => a.entry.utcStart.getTime() - b.entry.utcStart.getTime() || (a.first < b.first ? -1 : 1));
  let furthest: LogPiece | undefined;
  for (const p of byTime) {
    const same = furthest && p.first === furthest.first && p.last === furthest.last;
    if (furthest && p.first < furthest.last && !same) return { older: furthest, newer: p };
    if (!furthest || p.last > furthest.last) furthest = p;
  }
  return undefined;
}

function gapOf(
  piece: SliceFile,
  from: bigint,
  to: bigint | undefined,
  fromTime: Date,
  until: Date | undefined,
  missing: MissingHit | undefined,
): LogGap {
  const gap: LogGap = {
    host: piece.host,
    serviceType: piece.serviceType,
    volumeId: piece.volumeId,
    fromPosition: missing?.file?.firstRedoLogPosition ?? from,
    toPosition: missing?.file?.lastRedoLogPosition ?? to,
    from: fromTime,
    until: until ?? missing?.entry.utcStart,
  };
  if (missing) {
    gap.logMissing = {
      backupId: missing.entry.backupId,
      recordedAt: missing.entry.utcStart,
      message: missing.entry.message,
    };
  }
  return gap;
}

/** Replays one volume from the last data backup up to `at`; a hole or a 'log missing' entry stops it. */
function walkVolume(entries: SliceEntry[], lastData: SliceEntry, piece: SliceFile, at: Date): WalkResult {
  const start = piece.redoLogPosition!;
  const replay: VolumeReplay = {
    host: piece.host,
    serviceType: piece.serviceType,
    volumeId: piece.volumeId,
    startPosition: start,
    logBackups: [],
    logBytes: 0,
    usesLogArea: false,
  };
  // Log backups started before the data backup hold only positions before it (their content ends
  // at their start), unless they belong to a log sequence a later recovery abandoned.
  const pieces = logPiecesOf(entries, piece).filter((p) => p.entry.utcStart >= lastData.utcStart);
  const overlap = sequenceRestart(pieces, at);
  if (overlap) return { ok: false, overlap };
  let position = start;
  let time = lastData.utcStart;
  let reached = false;
  for (const p of pieces) {
    if (p.last <= position) continue;
    if (p.first > position) {
      const missing = logMissingOver(entries, piece, position, p.first, time, p.entry.utcStart);
      return {
        ok: false,
        gap: gapOf(piece, position, p.first, time, p.entry.utcStart, missing),
        reachableUntil: time,
      };
    }
    const used: PlannedLogBackup = {
      backupId: p.entry.backupId,
      utcStart: p.entry.utcStart,
      firstPosition: p.first,
      lastPosition: p.last,
      sizeBytes: p.sizeBytes,
    };
    replay.logBackups.push(used);
    replay.logBytes += p.sizeBytes;
    replay.firstPosition ??= p.first;
    replay.lastPosition = p.last;
    position = p.last;
    if (p.entry.utcStart > time) time = p.entry.utcStart;
    if (p.entry.utcStart >= at) {
      reached = true;
      break;
    }
  }
  // Past the last log backup the log area holds the rest, unless HANA recorded it as lost.
  const missing = logMissingOver(
    entries,
    piece,
    start,
    reached ? position : undefined,
    lastData.utcStart,
    at,
  );
  if (missing) {
    const fromTime = reached ? lastData.utcStart : time;
    return {
      ok: false,
      gap: gapOf(piece, position, undefined, fromTime, undefined, missing),
      reachableUntil: reached ? lastData.utcStart : time,
    };
  }
  replay.usesLogArea = !reached;
  return { ok: true, replay };
}

function gapRefusal(
  slice: RecoverySlice,
  at: Date,
  gap: LogGap,
  reachableUntil: Date,
  piece: SliceFile,
): Refused {
  const where = volumeName(gap);
  const positions =
    gap.toPosition !== undefined
      ? `positions ${gap.fromPosition} to ${gap.toPosition}`
      : `the positions after ${gap.fromPosition}`;
  const span = gap.until
    ? `between ${utcText(gap.from)} and ${utcText(gap.until)} UTC`
    : `after ${utcText(gap.from)} UTC`;
  const cause = gap.logMissing
    ? ` HANA recorded the loss as 'log missing' entry ${gap.logMissing.backupId} at ${utcText(gap.logMissing.recordedAt)} UTC${gap.logMissing.message ? ` (${gap.logMissing.message})` : ''}.`
    : ' No log backup in the catalog holds them.';
  const next = slice.entries
    .filter((e) => isDataBackup(e.entryType) && e.entryType !== ENTRY_TYPE.snapshot && e.state === SUCCESSFUL)
    .filter((e) => e.utcStart > at)
    .sort(byStart)
    .find((e) =>
      volumePieces(e).some(
        (f) => sameVolume(f, piece) && (gap.toPosition === undefined || f.redoLogPosition! >= gap.toPosition),
      ),
    );
  const after = next ? ` The ${entryText(next)} starts a new chain after the gap.` : '';
  return {
    ok: false,
    refusal: {
      kind: 'logGap',
      reason:
        `${slice.database} cannot be recovered to ${utcText(at)} UTC: the redo log of ${where} is missing ` +
        `(${positions}, ${span}).${cause} The same data backups reach at most ${utcText(reachableUntil)} UTC.${after}`,
      gap,
      reachableUntil,
    },
  };
}

function sequenceRefusal(
  slice: RecoverySlice,
  piece: SliceFile,
  { older, newer }: { older: LogPiece; newer: LogPiece },
): Refused {
  return refuse(
    'logSequence',
    `The log backups of ${volumeName(piece)} overlap: log backup ${newer.entry.backupId} of ` +
      `${utcText(newer.entry.utcStart)} UTC starts at position ${newer.first}, inside positions the older log backup ` +
      `${older.entry.backupId} of ${utcText(older.entry.utcStart)} UTC already holds (up to ${older.last}). An earlier ` +
      `point-in-time recovery of ${slice.database} started a new log sequence there, and the catalog does not say ` +
      `which sequence a point belongs to, so no plan is made across it. Points before ` +
      `${utcText(older.entry.utcStart)} UTC, and data backups made after the recovery, can be planned.`,
  );
}

function overwriteRefusal(slice: RecoverySlice, data: DataChain | Refused): Refused | undefined {
  const overwrite = (v: string) => v.trim().toLowerCase() === 'overwrite';
  const hosts = slice.logMode.hostOverrides.filter((h) => overwrite(h.value)).map((h) => h.host);
  if (!overwrite(slice.logMode.value) && hosts.length === 0) return undefined;
  const where = overwrite(slice.logMode.value)
    ? `log_mode is overwrite for ${slice.database} (${slice.logMode.layer} layer)`
    : `log_mode is overwrite on ${hosts.join(', ')} (HOST layer)`;
  const last = 'base' in data ? (data.deltas.at(-1) ?? data.base) : undefined;
  const hint = last
    ? ` The newest data backup before that point is the ${entryText(last)} (recover to it with RECOVER DATA … USING BACKUP_ID ${last.backupId} CLEAR LOG).`
    : '';
  return refuse(
    'overwriteMode',
    `${where}: the log is not backed up, so there is no point-in-time recovery; a recovery can only go to a data backup.${hint}`,
  );
}

function assumptionsOf(plan: Omit<RecoveryPlan, 'assumptions' | 'statements'>, form: RecoverForm): string[] {
  const out = [
    `Restore at ${ASSUMED_DATA_BYTES_PER_SECOND / 1e6} MB/s, log replay at ${ASSUMED_LOG_BYTES_PER_SECOND / 1e6} MB/s, ` +
      `${ASSUMED_FIXED_SECONDS} s to stop, open and restart the database (the Backint agent or disks may be slower).`,
    'Every file or Backint object the catalog lists is still readable; the catalog cannot show a lost file, HANA checks when it runs.',
    "A log backup holds the log up to its start time, as HANA's catalog times suggest.",
  ];
  if (plan.base.entryType === ENTRY_TYPE.snapshot) {
    out.push(
      `The storage snapshot ${plan.base.externalBackupIds[0] ?? plan.base.backupId} has been restored to the data area before the statement runs.`,
    );
  }
  if (plan.usesLogArea) {
    out.push(
      'The log area is intact: the log written after the last log backup is replayed from it (the statement has no CLEAR LOG).',
    );
  }
  if (plan.target.kind === 'latest') {
    out.push(
      'The most recent state is the server time of planning; plan again after stopping the tenant so that nothing committed in between is left out.',
    );
  }
  if (form.kind === 'untilTimestamp') {
    out.push(
      `UNTIL TIMESTAMP is UTC (the catalog's UTC_* times); the server's own time is UTC${offsetText(plan.serverUtcOffsetMinutes)}.`,
    );
  }
  return out;
}

/** The plan for `target`, or why there is none. Pure: everything comes from the slice. */
export function planRecovery(slice: RecoverySlice, target: RecoveryTarget): PlanResult {
  const at = targetPoint(target, slice.now);
  if (at && target.kind !== 'latest' && at > slice.now) {
    return refuse(
      'future',
      `${utcText(at)} UTC lies in the future: the server's time is ${utcText(slice.now)} UTC.`,
    );
  }
  const data = chooseData(slice, target, at);
  if (at) {
    const overwrite = overwriteRefusal(slice, data);
    if (overwrite) return overwrite;
  }
  if (!('base' in data)) return data;
  const lastData = data.deltas.at(-1) ?? data.base;
  const pieces = volumePieces(lastData);
  if (pieces.length === 0) {
    return refuse(
      'incompleteCatalog',
      `The ${entryText(lastData)} has no volume pieces with a redo log position in the catalog.`,
    );
  }
  const volumes: VolumeReplay[] = [];
  for (const piece of pieces) {
    if (!at || at <= lastData.utcStart) {
      volumes.push({
        host: piece.host,
        serviceType: piece.serviceType,
        volumeId: piece.volumeId,
        startPosition: piece.redoLogPosition!,
        logBackups: [],
        logBytes: 0,
        usesLogArea: false,
      });
      continue;
    }
    const result = walkVolume(slice.entries, lastData, piece, at);
    if (!result.ok && 'overlap' in result) return sequenceRefusal(slice, piece, result.overlap);
    if (!result.ok) return gapRefusal(slice, at, result.gap, result.reachableUntil, piece);
    volumes.push(result.replay);
  }
  const chain = [data.base, ...data.deltas].map(planned);
  const usesLogArea = volumes.some((v) => v.usesLogArea);
  const dataBytes = chain.reduce((sum, b) => sum + b.sizeBytes, 0);
  const logBytes = volumes.reduce((sum, v) => sum + v.logBytes, 0);
  const draft = {
    database: slice.database,
    target,
    pointInTime: at ?? lastData.utcStart,
    base: chain[0],
    deltas: chain.slice(1),
    volumes,
    usesLogArea,
    dataBytes,
    logBytes,
    estimatedSeconds: Math.ceil(
      dataBytes / ASSUMED_DATA_BYTES_PER_SECOND +
        logBytes / ASSUMED_LOG_BYTES_PER_SECOND +
        ASSUMED_FIXED_SECONDS,
    ),
    serverNow: slice.now,
    serverUtcOffsetMinutes: slice.serverUtcOffsetMinutes,
  };
  // The most recent state is what the log area holds: never initialize it then.
  const clearLog = !usesLogArea && target.kind !== 'latest';
  const form: RecoverForm =
    data.start.kind === 'untilTimestamp' ? { ...data.start, until: draft.pointInTime, clearLog } : data.start;
  const plan: RecoveryPlan = {
    ...draft,
    statements: recoveryStatements(slice.database, form),
    assumptions: assumptionsOf(draft, form),
  };
  if (slice.database.toUpperCase() !== SYSTEMDB) return { ok: true, plan };
  return {
    ok: false,
    refusal: {
      kind: 'systemdb',
      reason:
        'SQL cannot recover the system database: a recovery needs its database stopped, and SQL statements run in ' +
        'the system database itself (tenants are recovered from it; nothing stands above it). recoverSys.py, run as ' +
        '<sid>adm on the master host, stops the whole system, recovers SYSTEMDB offline and starts it again; ' +
        'tenants are recovered separately afterwards.',
      plan,
      commandLine: recoverSysCommandLine(plan.statements[0].statement),
    },
  };
}

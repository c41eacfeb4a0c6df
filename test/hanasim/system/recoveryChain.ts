/**
 * The recovery chain of a tenant, computed from its backup catalog alone (pure: no engine, no disk;
 * whether a piece is readable comes in as a callback). Facts §6.1/§6.2:
 *
 * - base: the newest successful complete data backup (or data snapshot, with USING SNAPSHOT) that
 *   started at or before the target point — or the backup named by BACKUP_ID;
 * - deltas: after the base and not after the target, the latest differential plus every
 *   incremental after it (no differential: every incremental after the base);
 * - log: per volume, log backups contiguous by redo log position from the REDO_LOG_POSITION of the
 *   last data backup used, up to the first log backup that reaches the target time; without
 *   CLEAR LOG the online log area may continue the chain after the last log backup.
 *
 * Positions follow the backup subsystem's convention: a data backup's REDO_LOG_POSITION is where
 * log replay starts; a log backup covers (FIRST, LAST] and the next one starts at the previous LAST;
 * the log content of a log backup ends at its UTC_START_TIME.
 *
 * Earlier point-in-time recoveries start a new log sequence at the point they reached (HANA's
 * "overlapping log backups", SAP Note 1779221): for a target after such a recovery, what was backed
 * up before it beyond the point it reached is ignored; for a target before it, nothing made after it
 * is used.
 */
import { BACKUP_STATE, ENTRY_TYPE } from '../sql/values';

const ENTRY = ENTRY_TYPE;

export interface ChainEntry {
  backupId: number;
  entryType: string;
  stateName: string;
  /** UTC_START_TIME in epoch ms. */
  startMs: number;
  /** UTC_END_TIME in epoch ms (null while running). */
  endMs: number | null;
}

export interface ChainFile {
  backupId: number;
  sourceId: number | null;
  sourceType: string | null;
  host: string | null;
  serviceType: string | null;
  redoLogPosition: number | null;
  firstRedoLogPosition: number | null;
  lastRedoLogPosition: number | null;
  backupSize: number | null;
  destinationPath: string | null;
  destinationType: string | null;
  externalBackupId: string | null;
}

/** A recovery done earlier on this database: it started a new log sequence. */
export interface PastRecovery {
  /** When it was done (simulated time its new log sequence starts: the end of the recovery). */
  atMs: number;
  /** The point in time it reached. */
  reachedMs: number;
  /** Redo log position reached per volume (key `host:volumeId`). */
  positions: Record<string, number>;
}

/** The online log area of one volume (only used without CLEAR LOG). */
export interface LogArea {
  /** First position still in the log area (not yet in a log backup). */
  fromPosition: number;
  /** The redo log position the volume had at a given time. */
  positionAt(ms: number): number;
}

export type ChainTarget =
  | { kind: 'time'; ms: number; backupId?: number }
  | { kind: 'backupId'; backupId: number }
  | { kind: 'latestSnapshot' };

export interface ChainInput {
  database: string;
  entries: ChainEntry[];
  files: ChainFile[];
  target: ChainTarget;
  /** USING SNAPSHOT: the base is a data snapshot instead of a complete data backup. */
  useSnapshot: boolean;
  clearLog: boolean;
  nowMs: number;
  /** Effective log_mode is overwrite: no point-in-time recovery. */
  logModeOverwrite?: boolean;
  recoveries?: PastRecovery[];
  logArea?: Record<string, LogArea>;
  /** Whether a piece can be read (file or Backint object); undefined: no piece (snapshot). */
  pieceState: (file: ChainFile) => 'ok' | 'missing' | 'damaged' | undefined;
}

export interface VolumeReplay {
  volume: string;
  host: string;
  volumeId: number;
  serviceType: string;
  startPosition: number;
  reachedPosition: number;
  reachedMs: number;
  logBackupIds: number[];
  usedLogArea: boolean;
}

export interface RecoveryPlan {
  base: ChainEntry;
  deltas: ChainEntry[];
  volumes: VolumeReplay[];
  /** Point in time the database is at after the recovery (≤ the target). */
  reachedMs: number;
  targetMs: number;
  dataBytes: number;
  logBytes: number;
}

/** A chain problem; the handler turns it into HANA error 449 "recovery strategy could not be determined". */
export class RecoveryProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecoveryProblem';
  }
}

export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

const volumeKey = (host: string | null, id: number | null): string => `${host ?? ''}:${id ?? 0}`;

const isDataType = (t: string): boolean =>
  t === ENTRY.complete || t === ENTRY.differential || t === ENTRY.incremental || t === ENTRY.snapshot;

/** Which catalog items a recovery to `targetMs` may use, given earlier recoveries (see the header). */
class Timelines {
  private readonly next?: PastRecovery;
  private readonly before: PastRecovery[];

  constructor(recoveries: PastRecovery[], targetMs: number) {
    const sorted = [...recoveries].sort((a, b) => a.atMs - b.atMs);
    this.next = sorted.find((r) => r.atMs > targetMs);
    this.before = sorted.filter((r) => r.atMs <= targetMs);
  }

  /** The target lies on the current log sequence (the online log area belongs to it). */
  get current(): boolean {
    return this.next === undefined;
  }

  /** A data backup started at `startMs`: on the target's timeline? */
  dataUsable(startMs: number): boolean {
    if (this.next && startMs > this.next.atMs) return false;
    return this.before.every((r) => startMs >= r.atMs || startMs <= r.reachedMs);
  }

  /** The last usable position of a log backup (undefined: not usable at all). */
  logEnd(startMs: number, volume: string, first: number, last: number): number | undefined {
    if (this.next && startMs > this.next.atMs) return undefined;
    let end = last;
    for (const r of this.before) {
      if (startMs >= r.atMs) continue;
      const cut = r.positions[volume];
      if (cut === undefined) {
        if (startMs > r.reachedMs) return undefined;
        continue;
      }
      end = Math.min(end, cut);
    }
    return end > first ? end : undefined;
  }
}

function describePiece(entry: ChainEntry, file: ChainFile): string {
  const where =
    file.destinationType === 'backint'
      ? `Backint object ${file.externalBackupId ?? '?'} (${file.destinationPath ?? ''})`
      : (file.destinationPath ?? '?');
  return `${entry.entryType} ${entry.backupId} of ${formatUtc(entry.startMs)} UTC: ${where}`;
}

function checkPieces(input: ChainInput, entry: ChainEntry, files: ChainFile[]): void {
  for (const f of files) {
    const state = input.pieceState(f);
    if (state === 'missing' || state === 'damaged') {
      throw new RecoveryProblem(
        `backup piece ${state === 'missing' ? 'not found' : 'damaged (checksum mismatch)'}: ${describePiece(entry, f)}`,
      );
    }
  }
}

function successful(e: ChainEntry): boolean {
  return e.stateName === BACKUP_STATE.successful;
}

/** Computes what a recovery needs, or throws RecoveryProblem naming what is missing. */
export function computeRecoveryChain(input: ChainInput): RecoveryPlan {
  const { entries, files, target } = input;
  const filesOf = new Map<number, ChainFile[]>();
  for (const f of files) {
    const list = filesOf.get(f.backupId) ?? [];
    list.push(f);
    filesOf.set(f.backupId, list);
  }
  const byId = new Map(entries.map((e) => [e.backupId, e]));

  // ---- the point to reach and the base --------------------------------------------------------
  let targetMs: number;
  let base: ChainEntry | undefined;
  let deltaLimitMs: number;
  const pitr = target.kind === 'time';
  if (target.kind === 'time') {
    targetMs = target.ms;
    if (targetMs > input.nowMs) {
      throw new RecoveryProblem(
        `point in time ${formatUtc(targetMs)} UTC lies in the future (current time ${formatUtc(input.nowMs)} UTC)`,
      );
    }
    if (input.logModeOverwrite) {
      throw new RecoveryProblem(
        `log_mode is overwrite for database ${input.database}: no log backups exist, recovery is only possible to a data backup (RECOVER DATA … USING BACKUP_ID … CLEAR LOG)`,
      );
    }
    deltaLimitMs = targetMs;
  } else {
    targetMs = 0;
    deltaLimitMs = 0;
  }
  const timelines = new Timelines(input.recoveries ?? [], pitr ? targetMs : input.nowMs);
  const baseType = input.useSnapshot || target.kind === 'latestSnapshot' ? ENTRY.snapshot : ENTRY.complete;

  const explicitId =
    target.kind === 'backupId' ? target.backupId : target.kind === 'time' ? target.backupId : undefined;
  if (explicitId !== undefined) {
    const named = byId.get(explicitId);
    if (!named || !isDataType(named.entryType)) {
      throw new RecoveryProblem(
        `no data backup with BACKUP_ID ${explicitId} in the backup catalog of database ${input.database}`,
      );
    }
    if (!successful(named)) {
      throw new RecoveryProblem(
        `data backup ${explicitId} cannot be used: its state is '${named.stateName}'`,
      );
    }
    if (pitr && named.startMs > targetMs) {
      throw new RecoveryProblem(
        `data backup ${explicitId} of ${formatUtc(named.startMs)} UTC was made after the point in time ${formatUtc(targetMs)} UTC`,
      );
    }
    if (named.entryType === ENTRY.complete || named.entryType === ENTRY.snapshot) {
      base = named;
      if (!pitr) deltaLimitMs = named.startMs;
    } else {
      // A delta named: its complete data backup, then the deltas up to it.
      base = newestBase(entries, ENTRY.complete, named.startMs, timelines);
      if (!base)
        throw new RecoveryProblem(`no complete data backup found before delta data backup ${explicitId}`);
      if (!pitr) deltaLimitMs = named.startMs;
    }
  } else {
    const limit = pitr ? targetMs : input.nowMs;
    base = newestBase(entries, baseType, limit, timelines);
    if (!base) {
      const what =
        baseType === ENTRY.snapshot ? 'successful data snapshot' : 'successful complete data backup';
      throw new RecoveryProblem(
        pitr
          ? `no ${what} found before ${formatUtc(targetMs)} UTC for database ${input.database}`
          : `no ${what} found for database ${input.database}`,
      );
    }
    if (!pitr) deltaLimitMs = base.startMs;
  }
  if (!pitr) targetMs = deltaLimitMs;

  // ---- deltas ------------------------------------------------------------------------------------
  const deltas = chooseDeltas(entries, base, deltaLimitMs, timelines);
  checkPieces(input, base, filesOf.get(base.backupId) ?? []);
  for (const d of deltas) checkPieces(input, d, filesOf.get(d.backupId) ?? []);
  const lastData = deltas.length ? deltas[deltas.length - 1] : base;

  // ---- per volume log replay -------------------------------------------------------------------
  const dataPieces = (filesOf.get(lastData.backupId) ?? []).filter(
    (f) => f.sourceType !== 'topology' && f.sourceType !== 'catalog' && f.redoLogPosition !== null,
  );
  if (!dataPieces.length) {
    throw new RecoveryProblem(`data backup ${lastData.backupId} has no volume pieces in the backup catalog`);
  }
  const volumes: VolumeReplay[] = [];
  let logBytes = 0;
  for (const piece of dataPieces) {
    const replay: VolumeReplay = {
      volume: volumeKey(piece.host, piece.sourceId),
      host: piece.host ?? '',
      volumeId: piece.sourceId ?? 0,
      serviceType: piece.serviceType ?? '',
      startPosition: piece.redoLogPosition!,
      reachedPosition: piece.redoLogPosition!,
      reachedMs: lastData.startMs,
      logBackupIds: [],
      usedLogArea: false,
    };
    if (pitr && targetMs > lastData.startMs)
      logBytes += replayLog(input, replay, lastData, targetMs, timelines, filesOf, byId);
    volumes.push(replay);
  }
  if (pitr) checkLogMissing(input, entries, filesOf, lastData.startMs, targetMs, volumes);
  const reachedMs = pitr ? Math.min(...volumes.map((v) => v.reachedMs)) : lastData.startMs;
  const dataBytes = [base, ...deltas].reduce(
    (sum, e) => sum + (filesOf.get(e.backupId) ?? []).reduce((s, f) => s + (f.backupSize ?? 0), 0),
    0,
  );
  return { base, deltas, volumes, reachedMs, targetMs, dataBytes, logBytes };
}

function newestBase(
  entries: ChainEntry[],
  type: string,
  limitMs: number,
  timelines: Timelines,
): ChainEntry | undefined {
  let best: ChainEntry | undefined;
  for (const e of entries) {
    if (e.entryType !== type || !successful(e) || e.startMs > limitMs || !timelines.dataUsable(e.startMs))
      continue;
    if (!best || e.startMs > best.startMs || (e.startMs === best.startMs && e.backupId > best.backupId))
      best = e;
  }
  return best;
}

/** The latest differential after the base, then every incremental after it (or after the base). */
function chooseDeltas(
  entries: ChainEntry[],
  base: ChainEntry,
  limitMs: number,
  timelines: Timelines,
): ChainEntry[] {
  const after = entries
    .filter(
      (e) =>
        (e.entryType === ENTRY.differential || e.entryType === ENTRY.incremental) &&
        successful(e) &&
        e.startMs > base.startMs &&
        e.startMs <= limitMs &&
        timelines.dataUsable(e.startMs),
    )
    .sort((a, b) => a.startMs - b.startMs || a.backupId - b.backupId);
  let from = 0;
  let differential: ChainEntry | undefined;
  after.forEach((e, i) => {
    if (e.entryType === ENTRY.differential) {
      differential = e;
      from = i + 1;
    }
  });
  const incrementals = after.slice(from).filter((e) => e.entryType === ENTRY.incremental);
  return differential ? [differential, ...incrementals] : incrementals;
}

interface LogPiece {
  entry: ChainEntry;
  file: ChainFile;
  first: number;
  last: number;
}

/** Walks the log backups of one volume; returns the bytes replayed. Throws on a gap or a bad file. */
function replayLog(
  input: ChainInput,
  replay: VolumeReplay,
  lastData: ChainEntry,
  targetMs: number,
  timelines: Timelines,
  filesOf: Map<number, ChainFile[]>,
  byId: Map<number, ChainEntry>,
): number {
  const pieces: LogPiece[] = [];
  for (const [backupId, list] of filesOf) {
    const entry = byId.get(backupId);
    if (!entry || entry.entryType !== ENTRY.log || !successful(entry)) continue;
    for (const file of list) {
      if (volumeKey(file.host, file.sourceId) !== replay.volume) continue;
      if (file.firstRedoLogPosition === null || file.lastRedoLogPosition === null) continue;
      const last = timelines.logEnd(
        entry.startMs,
        replay.volume,
        file.firstRedoLogPosition,
        file.lastRedoLogPosition,
      );
      if (last === undefined) continue;
      pieces.push({ entry, file, first: file.firstRedoLogPosition, last });
    }
  }
  pieces.sort((a, b) => a.first - b.first || b.last - a.last);
  let pos = replay.startPosition;
  let posMs = lastData.startMs;
  let bytes = 0;
  for (const p of pieces) {
    if (p.last <= pos) continue;
    if (p.first > pos) {
      throw new RecoveryProblem(
        `log backup missing for volume ${replay.volumeId} (${replay.serviceType} on ${replay.host}): redo log positions ${pos} to ${p.first} ` +
          `(between ${formatUtc(posMs)} UTC and ${formatUtc(p.entry.startMs)} UTC) are in no log backup; ` +
          `the next available log backup is ${p.entry.backupId} starting at position ${p.first}`,
      );
    }
    const state = input.pieceState(p.file);
    if (state === 'missing' || state === 'damaged') {
      throw new RecoveryProblem(
        `log backup ${state === 'missing' ? 'not found' : 'damaged (checksum mismatch)'}: ${describePiece(p.entry, p.file)}, ` +
          `redo log positions ${p.first} to ${p.file.lastRedoLogPosition ?? p.last} of volume ${replay.volumeId}`,
      );
    }
    // Content time of this log backup: it ends at its start time, with the clipped end scaled in.
    const fullLast = p.file.lastRedoLogPosition ?? p.last;
    const endMs =
      p.last < fullLast && fullLast > p.first
        ? posMs + ((p.entry.startMs - posMs) * (p.last - pos)) / Math.max(1, fullLast - pos)
        : p.entry.startMs;
    replay.logBackupIds.push(p.entry.backupId);
    bytes += p.file.backupSize ?? 0;
    if (endMs >= targetMs) {
      const span = Math.max(1, endMs - posMs);
      replay.reachedPosition = Math.round(pos + ((p.last - pos) * (targetMs - posMs)) / span);
      replay.reachedMs = targetMs;
      return bytes;
    }
    pos = p.last;
    posMs = endMs;
    replay.reachedPosition = pos;
    replay.reachedMs = posMs;
  }
  // Log backups end before the target: the online log area may go on (not with CLEAR LOG).
  const area = input.clearLog || !timelines.current ? undefined : input.logArea?.[replay.volume];
  if (area && area.fromPosition <= pos) {
    replay.usedLogArea = true;
    replay.reachedMs = targetMs;
    replay.reachedPosition = Math.max(pos, area.positionAt(targetMs));
  }
  return bytes;
}

/** 'log missing' entries between the data backup and the target break the chain. */
function checkLogMissing(
  input: ChainInput,
  entries: ChainEntry[],
  filesOf: Map<number, ChainFile[]>,
  fromMs: number,
  targetMs: number,
  volumes: VolumeReplay[],
): void {
  for (const e of entries) {
    if (e.entryType !== ENTRY.logMissing) continue;
    const pieces = filesOf.get(e.backupId) ?? [];
    const hit = pieces.length
      ? pieces.some((f) => {
          const v = volumes.find((x) => x.volume === volumeKey(f.host, f.sourceId));
          if (!v || f.firstRedoLogPosition === null) return e.startMs > fromMs && e.startMs <= targetMs;
          const last = f.lastRedoLogPosition ?? f.firstRedoLogPosition;
          return last > v.startPosition && f.firstRedoLogPosition < v.reachedPosition;
        })
      : e.startMs > fromMs && e.startMs <= targetMs;
    if (hit) {
      const range = pieces
        .filter((f) => f.firstRedoLogPosition !== null)
        .map(
          (f) =>
            `, redo log positions ${f.firstRedoLogPosition} to ${f.lastRedoLogPosition ?? '?'} of volume ${f.sourceId ?? 0}`,
        )
        .join('');
      throw new RecoveryProblem(
        `log missing: catalog entry ${e.backupId} ('log missing') of ${formatUtc(e.startMs)} UTC${range} lies between ` +
          `the data backup of ${formatUtc(fromMs)} UTC and the point in time ${formatUtc(targetMs)} UTC of database ${input.database}`,
      );
    }
  }
}

/**
 * Automatic log backups: per service with persistence, every effective log_backup_timeout_s (or
 * when a log segment fills), once the database's first complete data backup exists, while
 * enable_auto_log_backup is on and log_mode is normal. Catching up after a clock jump of days is
 * one loop per interval and one SQLite transaction.
 */
import { BACKUP_STATE, DESTINATION_TYPE, ENTRY_TYPE, MESSAGE_OK, SOURCE_TYPE } from '../sql/values';
import { type BackupContext, LOG_POSITION_BYTES } from './backupContext';
import { writeBackupFile } from './backupFiles';
import { type LogStateRow, breakLogChain, ensureLogState, logPosition, logStates } from './logState';
import { servicesOf } from './topology';

interface LogEvent {
  state: LogStateRow;
  service: string;
  volumeId: number;
  atMs: number;
  first: number;
  last: number;
  segmentPositions: number;
}

const LOG_HEADER_BYTES = 4096;

export function runLogBackups(ctx: BackupContext, now: number): number {
  ensureLogState(ctx);
  const events: LogEvent[] = [];
  const finalState: { state: LogStateRow; backed: number; last: number }[] = [];
  for (const database of ctx.topology.databases) {
    const services = servicesOf(ctx.topology, database);
    for (const state of logStates(ctx, database)) {
      if (state.backed_pos === null || state.last_backup_ms === null) continue;
      const svc = services.find((s) => s.host === state.host && s.port === state.port);
      if (!svc) continue;
      const host = state.host;
      if (ctx.setting(database, host, 'persistence', 'log_mode', 'normal').toLowerCase() === 'overwrite') {
        breakLogChain(ctx, database);
        break;
      }
      if (!ctx.flag(database, host, 'persistence', 'enable_auto_log_backup', true)) {
        // The log stays in the log area; the next log backup after re-enabling covers all of it.
        finalState.push({ state, backed: state.backed_pos, last: now });
        continue;
      }
      const timeoutS = ctx.number(database, host, 'persistence', 'log_backup_timeout_s', 900);
      const segmentMb = ctx.number(database, host, 'persistence', 'log_segment_size_mb', 1024) || 1024;
      const segmentPositions = (segmentMb * 1024 * 1024) / LOG_POSITION_BYTES;
      const segmentMs = Math.max(1000, (segmentPositions / ctx.logRate) * 1000);
      const interval = timeoutS > 0 ? Math.min(timeoutS * 1000, segmentMs) : segmentMs;
      let pos = state.backed_pos;
      let t = state.last_backup_ms + interval;
      let lastAt = state.last_backup_ms;
      for (; t <= now; t += interval) {
        const reached = logPosition(ctx, state, t);
        lastAt = t;
        if (reached <= pos) continue; // nothing written since: no log backup
        events.push({
          state,
          service: svc.service,
          volumeId: svc.volumeId,
          atMs: t,
          first: pos,
          last: reached,
          segmentPositions,
        });
        pos = reached;
      }
      if (lastAt !== state.last_backup_ms) finalState.push({ state, backed: pos, last: lastAt });
    }
  }
  if (events.length === 0 && finalState.length === 0) return 0;
  // BACKUP_IDs follow time across services, as HANA's do.
  events.sort(
    (a, b) => a.atMs - b.atMs || a.state.host.localeCompare(b.state.host) || a.state.port - b.state.port,
  );
  ctx.engine.transaction(() => {
    const catalog = [];
    const files = [];
    for (const e of events) {
      const database = e.state.database;
      const backupId = ctx.nextBackupId(e.atMs);
      const entryId = ctx.nextEntryId();
      const size = (e.last - e.first) * LOG_POSITION_BYTES + LOG_HEADER_BYTES;
      const endMs = e.atMs + Math.max(1, Math.ceil((size / ctx.dataBackupRate) * 1000));
      const name = `log_backup_${e.volumeId}_0_${e.first}_${e.last}`;
      const backint = ctx.flag(database, e.state.host, 'backup', 'log_backup_using_backint', false);
      const destinationPath = backint
        ? `${ctx.backintBase(database)}/${name}`
        : `${ctx.fileBase('log', database, e.state.host)}/${name}.${backupId}`;
      const ebid = backint ? ctx.newEbid(backupId) : null;
      writeBackupFile(backint ? ctx.backintObject(ebid!) : ctx.onDisk(destinationPath), {
        backupId,
        database,
        entryType: ENTRY_TYPE.log,
        serviceType: e.service,
        volumeId: e.volumeId,
        declaredSize: size,
        firstRedoLogPosition: e.first,
        lastRedoLogPosition: e.last,
      });
      catalog.push({
        DATABASE_NAME: database,
        ENTRY_ID: entryId,
        ENTRY_TYPE_NAME: ENTRY_TYPE.log,
        BACKUP_ID: backupId,
        SYS_START_TIME: ctx.sysTime(e.atMs),
        UTC_START_TIME: ctx.utcTime(e.atMs),
        SYS_END_TIME: ctx.sysTime(endMs),
        UTC_END_TIME: ctx.utcTime(endMs),
        STATE_NAME: BACKUP_STATE.successful,
        MESSAGE: MESSAGE_OK,
        SYSTEM_ID: ctx.sid,
        SOURCE_DATABASE_NAME: database,
      });
      files.push({
        DATABASE_NAME: database,
        ENTRY_ID: entryId,
        BACKUP_ID: backupId,
        SOURCE_ID: e.volumeId,
        SOURCE_TYPE_NAME: SOURCE_TYPE.volume,
        HOST: e.state.host,
        SERVICE_TYPE_NAME: e.service,
        FIRST_REDO_LOG_POSITION: e.first,
        LAST_REDO_LOG_POSITION: e.last,
        BACKUP_SIZE: size,
        DESTINATION_PATH: destinationPath,
        DESTINATION_TYPE_NAME: backint ? DESTINATION_TYPE.backint : DESTINATION_TYPE.file,
        EXTERNAL_BACKUP_ID: ebid,
        LOG_SEGMENT_COUNT: Math.max(1, Math.ceil((e.last - e.first) / e.segmentPositions)),
      });
    }
    ctx.engine.insert('M_BACKUP_CATALOG', catalog);
    ctx.engine.insert('M_BACKUP_CATALOG_FILES', files);
    const update = ctx.engine.db.prepare(
      'UPDATE HS_LOG_STATE SET backed_pos = ?, last_backup_ms = ? WHERE database = ? AND host = ? AND port = ?',
    );
    for (const f of finalState) update.run(f.backed, f.last, f.state.database, f.state.host, f.state.port);
  });
  return events.length;
}

import { BACKUP_STATE, ENTRY_TYPE, SOURCE_TYPE } from '../sql/values';
import type { BackupContext } from './backupContext';
import { logPosition, logStates } from './logState';

/**
 * `CALL HANASIM.LOSE_LOG('<db>' [, '<host>'])`: the log written since the last log backup is lost
 * before it was backed up (a log area overwritten or damaged). HANA records that as a 'log missing'
 * entry per service covering the lost positions; the chain goes on after it, and no recovery can
 * cross it. A host confines the loss to that host's log volume, as one damaged disk would.
 */
export function loseLog(ctx: BackupContext, database: string, host?: string): number {
  const now = ctx.nowMs();
  const states = logStates(ctx, database.toUpperCase()).filter(
    (s) => s.backed_pos !== null && (host === undefined || s.host === host),
  );
  if (states.length === 0) return 0;
  ctx.engine.transaction(() => {
    for (const state of states) {
      const last = logPosition(ctx, state, now);
      if (last <= state.backed_pos!) continue;
      const backupId = ctx.nextBackupId(now);
      const entryId = ctx.nextEntryId();
      ctx.engine.insert('M_BACKUP_CATALOG', [
        {
          DATABASE_NAME: state.database,
          ENTRY_ID: entryId,
          ENTRY_TYPE_NAME: ENTRY_TYPE.logMissing,
          BACKUP_ID: backupId,
          SYS_START_TIME: ctx.sysTime(now),
          UTC_START_TIME: ctx.utcTime(now),
          SYS_END_TIME: ctx.sysTime(now),
          UTC_END_TIME: ctx.utcTime(now),
          STATE_NAME: BACKUP_STATE.successful,
          MESSAGE: 'log segments were lost before they were backed up',
          SYSTEM_ID: ctx.sid,
          SOURCE_DATABASE_NAME: state.database,
        },
      ]);
      ctx.engine.insert('M_BACKUP_CATALOG_FILES', [
        {
          DATABASE_NAME: state.database,
          ENTRY_ID: entryId,
          BACKUP_ID: backupId,
          SOURCE_TYPE_NAME: SOURCE_TYPE.volume,
          HOST: state.host,
          FIRST_REDO_LOG_POSITION: state.backed_pos,
          LAST_REDO_LOG_POSITION: last,
          BACKUP_SIZE: 0,
        },
      ]);
      ctx.engine.runInternal(
        'UPDATE HS_LOG_STATE SET backed_pos = ?, last_backup_ms = ? WHERE database = ? AND host = ? AND port = ?',
        [last, now, state.database, state.host, state.port],
      );
    }
  });
  return states.length;
}

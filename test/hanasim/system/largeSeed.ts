import { formatTimestamp } from '../sql/timeValues';
import type { Row, SqlEngine } from '../sql/engine';
import { BACKUP_STATE, DESTINATION_TYPE, ENTRY_TYPE, MESSAGE_OK, SOURCE_TYPE } from '../sql/values';
import type { LandscapeSpec } from './landscape';

export const LARGE_LANDSCAPE: LandscapeSpec = {
  sid: 'BIG',
  instance: '00',
  hosts: [
    { name: 'big01', role: 'MASTER' },
    { name: 'big02', role: 'SLAVE' },
  ],
  databases: ['SYSTEMDB', 'T01', 'T02', 'T03', 'T04'],
  version: '2.00.070.00.1679989823',
};

const DAY_MS = 86_400_000;
const DAYS = 365;
/** Two-and-a-half-minute log backups over a year, five databases: just over a million entries. */
const LOG_EVERY_MS = 150_000;
const BATCH = 50_000;
const LOG_POSITIONS_PER_BACKUP = 9_600;

/**
 * The `large` seed: a year of catalog history for five databases — weekly fulls, daily
 * differentials, log backups every 2.5 minutes — written straight into the catalog in bulk
 * (> 1,000,000 entries). It exists to measure the extension against a big catalog; its backups are
 * catalog entries only (no files), so recovering from them fails as it would with lost media.
 */
export function seedLarge(engine: SqlEngine, now: number): number {
  const start = now - DAYS * DAY_MS;
  let entryId = 0;
  let written = 0;
  let catalog: Row[] = [];
  let files: Row[] = [];
  const flush = () => {
    engine.transaction(() => {
      engine.insert('M_BACKUP_CATALOG', catalog);
      engine.insert('M_BACKUP_CATALOG_FILES', files);
    });
    written += catalog.length;
    catalog = [];
    files = [];
  };
  const entry = (
    database: string,
    type: string,
    atMs: number,
    durationMs: number,
    size: number,
    extra: Row,
  ) => {
    entryId++;
    const backupId = atMs + (entryId % 1000);
    const time = (ms: number) => formatTimestamp(new Date(ms));
    catalog.push({
      DATABASE_NAME: database,
      ENTRY_ID: entryId,
      ENTRY_TYPE_NAME: type,
      BACKUP_ID: backupId,
      SYS_START_TIME: time(atMs),
      UTC_START_TIME: time(atMs),
      SYS_END_TIME: time(atMs + durationMs),
      UTC_END_TIME: time(atMs + durationMs),
      STATE_NAME: BACKUP_STATE.successful,
      MESSAGE: MESSAGE_OK,
      SYSTEM_ID: LARGE_LANDSCAPE.sid,
      SOURCE_DATABASE_NAME: database,
    });
    files.push({
      DATABASE_NAME: database,
      ENTRY_ID: entryId,
      BACKUP_ID: backupId,
      SOURCE_ID: 3,
      SOURCE_TYPE_NAME: SOURCE_TYPE.volume,
      HOST: 'big01',
      SERVICE_TYPE_NAME: database === 'SYSTEMDB' ? 'nameserver' : 'indexserver',
      BACKUP_SIZE: size,
      DESTINATION_PATH: `/usr/sap/BIG/SYS/global/hdb/backint/${database === 'SYSTEMDB' ? database : `DB_${database}`}/${type.replace(/ /g, '_')}_${entryId}`,
      DESTINATION_TYPE_NAME: DESTINATION_TYPE.backint,
      EXTERNAL_BACKUP_ID: `BIG${entryId}`,
      ...extra,
    });
    if (catalog.length >= BATCH) flush();
  };
  for (const database of LARGE_LANDSCAPE.databases) {
    let position = 1_000_000;
    for (let at = start; at < now; at += LOG_EVERY_MS) {
      const dayOffset = (at - start) % DAY_MS;
      if (dayOffset < LOG_EVERY_MS) {
        const full = new Date(at).getUTCDay() === 0 || at === start;
        entry(
          database,
          full ? ENTRY_TYPE.complete : ENTRY_TYPE.differential,
          at,
          full ? 2_400_000 : 300_000,
          full ? 812e9 : 38e9,
          {
            REDO_LOG_POSITION: position,
          },
        );
      }
      entry(database, ENTRY_TYPE.log, at, 2_000, LOG_POSITIONS_PER_BACKUP * 64, {
        FIRST_REDO_LOG_POSITION: position,
        LAST_REDO_LOG_POSITION: position + LOG_POSITIONS_PER_BACKUP,
        LOG_SEGMENT_COUNT: 1,
      });
      position += LOG_POSITIONS_PER_BACKUP;
    }
  }
  if (catalog.length) flush();
  return written;
}

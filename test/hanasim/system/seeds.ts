import * as fs from 'node:fs';
import * as path from 'node:path';
import { HanaError, type SessionInfo } from '../shared/types';
import { classify } from '../sql/statements';
import { SYSTEMDB } from '../sql/values';
import { backupHandler } from './backupHandler';
import { LARGE_LANDSCAPE, seedLarge } from './largeSeed';
import type { LandscapeSpec } from './landscape';
import { Simulator, type SimulatorOptions, type StatementHandler } from './simulator';

export type Seed = 'empty' | 'demo' | 'large';
export const SEEDS: Seed[] = ['empty', 'demo', 'large'];

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 45;
const LOG_LOSS_DAY = 38;

export const DEMO_LANDSCAPE: LandscapeSpec = {
  sid: 'PRD',
  instance: '00',
  hosts: [
    { name: 'hana01', role: 'MASTER' },
    { name: 'hana02', role: 'SLAVE' },
  ],
  databases: ['SYSTEMDB', 'PRD', 'QAS'],
  version: '2.00.070.00.1679989823',
};

const SYSTEM_SESSION: SessionInfo = { sessionId: 0, user: 'SYSTEM', database: SYSTEMDB };

function run(handler: StatementHandler, sql: string): void {
  const classified = classify(sql);
  if (classified.kind !== 'statement') throw new Error(`seed statement not understood: ${sql}`);
  handler.run(SYSTEM_SESSION, classified.statement);
}

/**
 * The demo system: 2 hosts, SYSTEMDB + 2 tenants and 45 days of history made by running the
 * simulation itself — weekly fulls on Sunday, daily differentials, 15-minute log backups — with one
 * failed backup (QAS, day 20), one lost log backup file of PRD ten days ago (a gap the catalog does
 * not show), lost log of QAS on hana02 on day 38 (a gap the catalog shows: one 'log missing' entry,
 * about a week before the end, followed at once by a complete data backup of QAS), a HOST-layer
 * override on hana02 and a snapshot left prepared. The history ends at the real time the seed runs.
 */
export function seedDemo(simulator: Simulator, handler: StatementHandler, now: number): void {
  const config = simulator.config;
  config.set('SYSTEM', undefined, 'backup', 'log_backup_using_backint', 'true');
  config.set('SYSTEM', undefined, 'backup', 'catalog_backup_using_backint', 'true');
  config.set('SYSTEM', undefined, 'backup', 'parallel_data_backup_backint_channels', '4');
  config.set('SYSTEM', undefined, 'backup', 'data_backup_buffer_size', '2048');
  config.set('SYSTEM', undefined, 'persistence', 'log_backup_timeout_s', '900');
  config.set('DATABASE', 'PRD', 'backup', 'backint_response_timeout', '7200');
  simulator.refreshInifileContents();
  const backint = (database: string, name: string) =>
    `USING BACKINT ('/usr/sap/PRD/SYS/global/hdb/backint/${database === SYSTEMDB ? SYSTEMDB : `DB_${database}`}/${name}')`;
  const start = simulator.clock.nowMs();
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const at = start + day * DAY_MS + 3_600_000;
    simulator.clock.advance(Math.max(0, at - simulator.clock.nowMs()));
    handler.tick?.();
    const weekday = new Date(at).getUTCDay();
    for (const database of DEMO_LANDSCAPE.databases) {
      const target = database === SYSTEMDB ? '' : ` FOR ${database}`;
      const kind = day === 0 || weekday === 0 ? 'complete' : 'differential';
      const statement =
        kind === 'complete'
          ? `BACKUP DATA${target} ${backint(database, `full_${day}`)}`
          : `BACKUP DATA DIFFERENTIAL${target} ${backint(database, `diff_${day}`)}`;
      if (day === 20 && database === 'QAS') handler.control?.('INJECT_FAULT', ['backint', 'fail-next']);
      try {
        run(handler, statement);
      } catch (error) {
        if (!(error instanceof HanaError)) throw error;
      }
    }
    if (day === 30) {
      // The override an administrator forgot: hana02 backs up its logs hourly, not every 15 minutes.
      config.set('HOST', 'hana02', 'persistence', 'log_backup_timeout_s', '3600');
      simulator.refreshInifileContents();
    }
    if (day === LOG_LOSS_DAY) {
      // The seed takes milliseconds of simulated time per day: without moving the clock on, the
      // loss could come right after a log backup and find no log to lose.
      simulator.clock.advance(10 * 60_000);
      // One damaged log volume (QAS on hana02), not the whole tenant: one 'log missing' entry.
      handler.control?.('LOSE_LOG', ['QAS', 'hana02']);
      // What an administrator does next, as no recovery crosses the gap. Without it a loss on a
      // Sunday would follow the week's last full and leave QAS no recoverable window to show.
      simulator.clock.advance(20 * 60_000);
      run(handler, `BACKUP DATA FOR QAS ${backint('QAS', `full_${day}_after_log_loss`)}`);
    }
  }
  simulator.clock.advance(Math.max(0, now - simulator.clock.nowMs()));
  handler.tick?.();
  dropOneLogBackup(simulator, handler);
  run(handler, "BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT 'storage snapshot, not confirmed'");
}

/** A log backup of PRD from ten days ago whose file is lost: the gap recovery must detect. */
function dropOneLogBackup(simulator: Simulator, handler: StatementHandler): void {
  const tenDaysAgo = new Date(simulator.clock.nowMs() - 10 * DAY_MS);
  const result = simulator.engine.query(
    "SELECT TOP 1 BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'PRD' AND ENTRY_TYPE_NAME = 'log backup' AND UTC_START_TIME >= ? ORDER BY UTC_START_TIME",
    [tenDaysAgo],
  );
  const id = result.kind === 'rows' ? result.rows[0]?.[0] : undefined;
  if (id !== undefined && id !== null) handler.control?.('DROP_LOG_BACKUP', [Number(id)]);
}

/**
 * Opens a data directory, creating it from `seed` when it is new: an existing directory keeps its
 * own state whatever the seed says. The simulator comes back without statement handlers. `extra`
 * applies to the simulator returned, not to the seeding (whose statements no client sent).
 */
export function openSeeded(
  dataDir: string,
  seed: Seed,
  password: string,
  now = Date.now(),
  speed = 1,
  extra: Pick<SimulatorOptions, 'statementLog'> = {},
): Simulator {
  if (fs.existsSync(path.join(dataDir, 'state.json')) || seed === 'empty') {
    return new Simulator({ ...extra, dataDir, systemPassword: password, startTime: new Date(now), speed });
  }
  if (seed === 'large') {
    const large = new Simulator({
      ...extra,
      dataDir,
      systemPassword: password,
      landscape: LARGE_LANDSCAPE,
      startTime: new Date(now),
      speed,
    });
    seedLarge(large.engine, now);
    return large;
  }
  const seeding = new Simulator({
    dataDir,
    systemPassword: password,
    landscape: DEMO_LANDSCAPE,
    startTime: new Date(now - HISTORY_DAYS * DAY_MS),
  });
  seedDemo(seeding, backupHandler(seeding), now);
  seeding.close();
  return new Simulator({ ...extra, dataDir, speed });
}

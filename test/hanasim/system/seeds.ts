import * as fs from 'node:fs';
import * as path from 'node:path';
import { HanaError, type SessionInfo } from '../shared/types';
import { classify } from '../sql/statements';
import { SYSTEMDB } from '../sql/values';
import { backupHandler } from './backupHandler';
import { LARGE_LANDSCAPE, seedLarge } from './largeSeed';
import type { LandscapeSpec } from './landscape';
import { Simulator, type StatementHandler } from './simulator';

export type Seed = 'empty' | 'demo' | 'large';
export const SEEDS: Seed[] = ['empty', 'demo', 'large'];

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 45;

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
 * failed backup, one lost log backup (a gap), a HOST-layer override on hana02 and a snapshot left
 * prepared. The history ends at the real time the seed runs.
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
 * own state whatever the seed says. The simulator comes back without statement handlers.
 */
export function openSeeded(
  dataDir: string,
  seed: Seed,
  password: string,
  now = Date.now(),
  speed = 1,
): Simulator {
  if (fs.existsSync(path.join(dataDir, 'state.json')) || seed === 'empty') {
    return new Simulator({ dataDir, systemPassword: password, startTime: new Date(now), speed });
  }
  if (seed === 'large') {
    const large = new Simulator({
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
  return new Simulator({ dataDir, speed });
}

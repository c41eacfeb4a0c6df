// The tree's catalog queries (client/src/catalog) against hanasim's demo seed through @sap/hana-client.
import * as assert from 'node:assert/strict';
import { readBackupDetails } from '../../client/src/catalog/backupDetails';
import { readEffectiveConfiguration } from '../../client/src/catalog/configurationQueries';
import { readDatabaseSummary } from '../../client/src/catalog/databaseSummary';
import {
  hasDataBackupsBefore,
  readDataBackups,
  readDataBackupWeeks,
  readSnapshots,
} from '../../client/src/catalog/dataBackupQueries';
import { readSystemOverview } from '../../client/src/catalog/landscapeQueries';
import { readLogDays, readLogEntries } from '../../client/src/catalog/logBackupQueries';
import type { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { SimulatorSession } from '../hanasim/support/simulatorSession';
import { systemDbPool } from './support/systemPool';

const DAY = 86_400_000;

describe('catalog queries on the demo seed', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('catalog', { seed: 'demo' });
  let pool: HanaConnectionPool;
  before(() => {
    pool = systemDbPool(session, 20000);
  });
  after(() => pool.dispose());

  it('reads the landscape: hosts with roles, the HOST-layer override on hana02, every database', async () => {
    const overview = await readSystemOverview(pool);
    assert.equal(overview.sid, 'PRD');
    assert.match(overview.version, /^2\.00\.070/);
    assert.deepEqual(
      overview.hosts.map((h) => [h.name, h.role]),
      [
        ['hana01', 'MASTER'],
        ['hana02', 'SLAVE'],
      ],
    );
    assert.deepEqual(overview.hosts[0].overrides, []);
    assert.deepEqual(
      overview.hosts[1].overrides.map((o) => `[${o.section}] ${o.key} = ${o.value}`),
      ['[persistence] log_backup_timeout_s = 3600'],
    );
    assert.ok(overview.hosts[0].services.includes('indexserver'));
    assert.deepEqual(
      overview.databases.map((d) => [d.name, d.activeStatus]),
      [
        ['SYSTEMDB', 'YES'],
        ['PRD', 'YES'],
        ['QAS', 'YES'],
      ],
    );
  });

  it("summarises PRD: a window from the first full to the last log backup, hana02's hourly log rhythm as the largest interval", async () => {
    const s = await readDatabaseSummary(pool, 'PRD');
    const now = (await session.now()).getTime();
    assert.equal(s.logMode, 'normal');
    assert.ok(s.window.from, s.window.reason);
    assert.ok(
      now - s.window.from.getTime() > 40 * DAY,
      'the window reaches back to the first full, 45 days ago',
    );
    assert.ok(s.lastLogBackup && now - s.lastLogBackup.getTime() < 3600_000);
    assert.equal(s.newestFull?.entryType, 'complete data backup');
    assert.ok(now - s.newestFull!.start.getTime() <= 7 * DAY);
    assert.ok(s.newestFull!.sizeBytes > 0);
    assert.equal(s.gapsRecent, 0);
    assert.ok(s.logBackupsRecent > 1000);
    // hana02 has backed up its log hourly since its HOST-layer override (day 30 of 45).
    assert.ok(s.maxLogGapSeconds! >= 3000 && s.maxLogGapSeconds! <= 3700, String(s.maxLogGapSeconds));
    assert.equal(s.preparedSnapshots, 1, 'a FULL SYSTEM snapshot is prepared in every database');
  });

  it("QAS: its lost log cuts the window back to the first data backup after the 'log missing' entry", async () => {
    const s = await readDatabaseSummary(pool, 'QAS');
    assert.ok(s.lastGap, 'QAS has a log gap');
    assert.ok(s.window.from && s.window.from > s.lastGap);
    const now = (await session.now()).getTime();
    assert.ok(now - s.window.from.getTime() < 8 * DAY, 'the window starts at a data backup after the gap');
  });

  it('SYSTEMDB: the prepared snapshot is counted and listed', async () => {
    const s = await readDatabaseSummary(pool, 'SYSTEMDB');
    assert.equal(s.preparedSnapshots, 1);
    const snapshots = await readSnapshots(pool, 'SYSTEMDB', { offset: 0, limit: 10 });
    assert.equal(snapshots.items.length, 1);
    assert.equal(snapshots.items[0].state, 'prepared');
    assert.equal(snapshots.items[0].comment, 'storage snapshot, not confirmed');
  });

  it('lists recent data backups one by one, newest first, with size and destination, and pages them', async () => {
    const now = await session.now();
    const from = new Date(now.getTime() - 14 * DAY);
    const all = await readDataBackups(pool, 'PRD', { from }, { offset: 0, limit: 200 });
    assert.ok(all.items.length >= 13 && all.items.length <= 15, String(all.items.length));
    assert.equal(all.more, false);
    assert.ok(all.items.every((e, i) => i === 0 || e.start <= all.items[i - 1].start));
    assert.ok(all.items.every((e) => e.destination === 'backint' && e.sizeBytes > 0));
    const first = await readDataBackups(pool, 'PRD', { from }, { offset: 0, limit: 5 });
    assert.equal(first.items.length, 5);
    assert.equal(first.more, true);
    const second = await readDataBackups(pool, 'PRD', { from }, { offset: 5, limit: 5 });
    assert.deepEqual(
      [...first.items, ...second.items].map((e) => e.backupId),
      all.items.slice(0, 10).map((e) => e.backupId),
    );
  });

  it('groups older data backups per ISO week on the server, with the failed one flagged', async () => {
    const now = await session.now();
    const weeks = await readDataBackupWeeks(pool, 'QAS', {
      from: new Date(now.getTime() - 60 * DAY),
      before: new Date(now.getTime() - 14 * DAY),
    });
    assert.ok(weeks.length >= 4 && weeks.length <= 6, weeks.map((w) => w.week).join());
    assert.ok(weeks.every((w) => /^\d{4}-W\d{2}$/.test(w.week)));
    assert.equal(
      weeks.reduce((n, w) => n + w.failed, 0),
      1,
      'the seed failed one QAS backup (day 20)',
    );
    assert.equal(await hasDataBackupsBefore(pool, 'QAS', new Date(now.getTime() - 60 * DAY)), false);
  });

  it('counts log backups per day and flags the day with the lost log', async () => {
    const now = await session.now();
    const days = await readLogDays(pool, 'QAS', {
      from: new Date(now.getTime() - 30 * DAY),
      before: new Date(now.getTime() + DAY),
    });
    assert.ok(days.length >= 30);
    const withGap = days.filter((d) => d.gaps > 0);
    assert.equal(withGap.length, 1);
    const entries = await readLogEntries(pool, 'QAS', withGap[0].day, { offset: 0, limit: 500 });
    assert.equal(entries.items.filter((e) => e.entryType === 'log missing').length, 1);
    assert.equal(entries.items.length, withGap[0].count + withGap[0].gaps);
    const page = await readLogEntries(pool, 'QAS', withGap[0].day, { offset: 0, limit: 10 });
    assert.equal(page.items.length, 10);
    assert.equal(page.more, true);
  });

  it('shows the effective backup parameters with their layers and the HOST override', async () => {
    const parameters = await readEffectiveConfiguration(pool, 'PRD');
    const timeout = parameters.find((p) => p.key === 'log_backup_timeout_s');
    assert.equal(timeout?.effective.value, '900');
    assert.equal(timeout?.effective.layer, 'SYSTEM');
    assert.deepEqual(
      timeout?.hostOverrides.map((o) => [o.layerName, o.value]),
      [['hana02', '3600']],
    );
    const response = parameters.find((p) => p.key === 'backint_response_timeout');
    assert.equal(response?.effective.layer, 'DATABASE');
    assert.equal(response?.effective.value, '7200');
    const qas = await readEffectiveConfiguration(pool, 'QAS');
    assert.equal(
      qas.find((p) => p.key === 'backint_response_timeout'),
      undefined,
      "PRD's DATABASE layer is PRD's alone",
    );
  });

  it('reads one backup with its files per host and service', async () => {
    const now = await session.now();
    const [entry] = (
      await readDataBackups(pool, 'PRD', { from: new Date(now.getTime() - 8 * DAY) }, { offset: 0, limit: 1 })
    ).items;
    const details = await readBackupDetails(pool, 'PRD', entry.backupId);
    assert.ok(details);
    assert.equal(details.backupId, entry.backupId);
    assert.ok(details.files.length >= 2);
    assert.ok(details.files.some((f) => f.host === 'hana02'));
    assert.ok(details.files.every((f) => f.destinationType === 'backint' || f.sourceType !== 'volume'));
    assert.equal(await readBackupDetails(pool, 'PRD', '1'), undefined);
  });
});

// The seeds as a client sees them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SimulatorSession } from './support/simulatorSession';

describe('hanasim seeds', function () {
  this.timeout(90000);
  const session = SimulatorSession.use('demo', { seed: 'demo', deadlineMs: 60000 });

  it('demo: 2 hosts, SYSTEMDB and 2 tenants, 45 days of weekly fulls, daily differentials and logs', async () => {
    const system = session.system;
    const hosts = await system.exec<{ HOST: string }>(
      'SELECT HOST FROM M_LANDSCAPE_HOST_CONFIGURATION ORDER BY HOST',
    );
    assert.deepEqual(
      hosts.map((h) => h.HOST),
      ['hana01', 'hana02'],
    );
    const rows = await system.exec<{
      DATABASE_NAME: string;
      ENTRY_TYPE_NAME: string;
      STATE_NAME: string;
      N: number;
      FIRST: string;
    }>(
      'SELECT DATABASE_NAME, ENTRY_TYPE_NAME, STATE_NAME, COUNT(*) AS N, MIN(UTC_START_TIME) AS FIRST FROM SYS_DATABASES.M_BACKUP_CATALOG GROUP BY DATABASE_NAME, ENTRY_TYPE_NAME, STATE_NAME',
    );
    const count = (db: string, type: string, state = 'successful') =>
      rows.find((r) => r.DATABASE_NAME === db && r.ENTRY_TYPE_NAME === type && r.STATE_NAME === state)?.N ??
      0;
    for (const db of ['SYSTEMDB', 'PRD', 'QAS']) {
      assert.ok(count(db, 'complete data backup') >= 6, `${db} weekly fulls`);
      assert.ok(count(db, 'differential data backup') >= 36, `${db} daily differentials`);
      assert.ok(count(db, 'log backup') > 4000, `${db} 15-minute logs`);
    }
    assert.equal(count('QAS', 'differential data backup', 'failed'), 1, 'one failed backup');
    assert.equal(count('SYSTEMDB', 'data snapshot', 'prepared'), 1, 'one snapshot left prepared');
    const first = rows
      .map((r) => new Date(`${String(r.FIRST).replace(' ', 'T')}Z`).getTime())
      .reduce((a, b) => Math.min(a, b));
    assert.ok(Date.now() - first > 44 * 86_400_000, 'history reaches back 45 days');
  });

  it('demo: a HOST-layer override on hana02 and one lost log backup file', async () => {
    const system = session.system;
    assert.deepEqual(
      await system.exec(
        "SELECT HOST, VALUE FROM M_INIFILE_CONTENTS WHERE LAYER_NAME = 'HOST' AND KEY = 'log_backup_timeout_s'",
      ),
      [{ HOST: 'hana02', VALUE: '3600' }],
    );
    const objects = await system.exec<{ EXTERNAL_BACKUP_ID: string }>(
      "SELECT F.EXTERNAL_BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG_FILES F JOIN SYS_DATABASES.M_BACKUP_CATALOG C ON C.BACKUP_ID = F.BACKUP_ID AND C.DATABASE_NAME = F.DATABASE_NAME WHERE C.DATABASE_NAME = 'PRD' AND C.ENTRY_TYPE_NAME = 'log backup' AND F.DESTINATION_TYPE_NAME = 'backint'",
    );
    assert.ok(objects.length > 4000);
    const agent = path.join(session.dataDir, 'backint-agent', 'objects');
    const lost = objects.filter((o) => !fs.existsSync(path.join(agent, o.EXTERNAL_BACKUP_ID)));
    assert.equal(lost.length, 1, 'exactly one log backup of PRD has lost its object: a gap for recovery');
  });

  it("demo: lost log of QAS on day 38 of 45, the catalog's one 'log missing' entry", async () => {
    const missing = await session.system.exec<{ DATABASE_NAME: string; HOST: string; T: string }>(
      "SELECT C.DATABASE_NAME, F.HOST, C.UTC_START_TIME AS T FROM SYS_DATABASES.M_BACKUP_CATALOG C JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES F ON F.BACKUP_ID = C.BACKUP_ID AND F.DATABASE_NAME = C.DATABASE_NAME WHERE C.ENTRY_TYPE_NAME = 'log missing'",
    );
    assert.deepEqual(
      missing.map((m) => [m.DATABASE_NAME, m.HOST]),
      [['QAS', 'hana02']],
    );
    const daysBeforeEnd =
      ((await session.now()).getTime() - new Date(`${String(missing[0].T).replace(' ', 'T')}Z`).getTime()) /
      86_400_000;
    assert.ok(daysBeforeEnd > 6 && daysBeforeEnd < 8, `${daysBeforeEnd} days before the end`);
    const after = await session.system.exec(
      "SELECT BACKUP_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'QAS' AND ENTRY_TYPE_NAME = 'complete data backup' AND STATE_NAME = 'successful' AND UTC_START_TIME > ?",
      [missing[0].T],
    );
    assert.ok(after.length >= 1, 'a complete data backup of QAS follows the gap');
  });
});

describe('hanasim large seed', function () {
  this.timeout(180000);
  const session = SimulatorSession.use('large', { seed: 'large', deadlineMs: 150000 });

  it('holds more than a million catalog entries across five databases and aggregates them by day', async () => {
    const system = session.system;
    const perDatabase = await system.exec<{ DATABASE_NAME: string; N: number }>(
      'SELECT DATABASE_NAME, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG GROUP BY DATABASE_NAME ORDER BY DATABASE_NAME',
    );
    assert.deepEqual(
      perDatabase.map((r) => r.DATABASE_NAME),
      ['SYSTEMDB', 'T01', 'T02', 'T03', 'T04'],
    );
    assert.ok(perDatabase.reduce((sum, r) => sum + Number(r.N), 0) >= 1_000_000);
    const days = await system.exec<{ DAY: string; N: number }>(
      "SELECT TO_VARCHAR(UTC_START_TIME, 'YYYY-MM-DD') AS DAY, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = 'T02' AND ENTRY_TYPE_NAME = 'log backup' AND UTC_START_TIME >= ADD_DAYS(CURRENT_UTCTIMESTAMP, -30) GROUP BY TO_VARCHAR(UTC_START_TIME, 'YYYY-MM-DD')",
    );
    assert.ok(
      days.length >= 30 && days.every((d) => Number(d.N) <= 576),
      'at most one log backup every 2.5 minutes a day',
    );
  });
});

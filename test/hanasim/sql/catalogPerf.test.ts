import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqlEngine } from './engine';
import { formatTimestamp } from './timeValues';
import { BACKUP_STATE, ENTRY_TYPE } from './values';

const ROWS = 1_000_000;
const DATABASES = ['SYSTEMDB', 'HXE', 'QAS', 'DEV'];
const NOW = new Date('2025-06-30T12:00:00.000Z');
const SPAN_MS = 365 * 86_400_000;

/** Mostly log backups, some data backups, a few snapshots, gaps and failures. */
function entryType(i: number): string {
  const r = i % 100;
  if (r < 2) return ENTRY_TYPE.complete;
  if (r < 7) return ENTRY_TYPE.differential;
  if (r < 9) return ENTRY_TYPE.incremental;
  if (r === 9) return i % 1000 === 9 ? ENTRY_TYPE.snapshot : ENTRY_TYPE.logMissing;
  return ENTRY_TYPE.log;
}

describe('hanasim sql: aggregated catalog query on 1,000,000 rows', function () {
  this.timeout(180_000);
  let dir: string;
  let engine: SqlEngine;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-sql-'));
    engine = new SqlEngine(path.join(dir, 'catalog.db'), () => NOW);
    const t0 = process.hrtime.bigint();
    engine.transaction(() => {
      const step = SPAN_MS / ROWS;
      const start = NOW.getTime() - SPAN_MS;
      const batch = [];
      for (let i = 0; i < ROWS; i++) {
        const t = formatTimestamp(new Date(start + i * step));
        const id = 1_700_000_000_000 + i;
        batch.push({
          DATABASE_NAME: DATABASES[i % DATABASES.length],
          ENTRY_ID: i + 1,
          ENTRY_TYPE_NAME: entryType(i),
          BACKUP_ID: id,
          SYS_START_TIME: t,
          UTC_START_TIME: t,
          SYS_END_TIME: t,
          UTC_END_TIME: t,
          STATE_NAME: i % 250 === 0 ? BACKUP_STATE.failed : BACKUP_STATE.successful,
          MESSAGE: '<ok>',
          SYSTEM_ID: 'HXE',
        });
        if (batch.length === 10_000) engine.insert('M_BACKUP_CATALOG', batch.splice(0));
      }
      engine.insert('M_BACKUP_CATALOG', batch);
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(
      `      1,000,000 catalog inserts (one transaction, 4 indexes, WAL file): ${ms.toFixed(0)} ms`,
    );
  });

  after(() => {
    engine.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const QUERY = `
    SELECT TO_VARCHAR(SYS_START_TIME, 'YYYY-MM-DD') AS DAY, ENTRY_TYPE_NAME, COUNT(*) AS ENTRIES,
           SUM(CASE WHEN STATE_NAME = 'successful' THEN 1 ELSE 0 END) AS OK
      FROM SYS_DATABASES.M_BACKUP_CATALOG
     WHERE DATABASE_NAME = ? AND SYS_START_TIME >= ADD_DAYS(CURRENT_UTCTIMESTAMP, -90)
     GROUP BY TO_VARCHAR(SYS_START_TIME, 'YYYY-MM-DD'), ENTRY_TYPE_NAME
     ORDER BY DAY, ENTRY_TYPE_NAME`;

  it('entries per day and type for one database over 90 days', () => {
    assert.equal(engine.query('SELECT COUNT(*) FROM SYS_DATABASES.M_BACKUP_CATALOG', []).kind, 'rows');
    const times: number[] = [];
    let result = engine.query(QUERY, ['HXE']);
    for (let run = 0; run < 5; run++) {
      const t0 = process.hrtime.bigint();
      result = engine.query(QUERY, ['HXE']);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    assert.ok(result.kind === 'rows');
    const total = result.rows.reduce((n, r) => n + Number(r[2]), 0);
    const expected = Math.floor((90 * 86_400_000) / (SPAN_MS / ROWS) / DATABASES.length);
    assert.ok(Math.abs(total - expected) < 10, `${total} vs ${expected}`);
    assert.deepEqual(
      result.columns.map((c) => c.type),
      ['VARCHAR', 'NVARCHAR', 'BIGINT', 'BIGINT'],
    );
    const days = new Set(result.rows.map((r) => r[0]));
    assert.ok(days.size >= 90 && days.size <= 91);
    console.log(
      `      aggregated query: ${result.rows.length} groups over ${total} rows; ` +
        `first run excluded, next 5 runs ${times.map((t) => t.toFixed(1)).join(' / ')} ms`,
    );

    const tenantQuery = `SELECT TO_DATE(SYS_START_TIME) AS DAY, ENTRY_TYPE_NAME, COUNT(*) FROM M_BACKUP_CATALOG
      WHERE SYS_START_TIME >= ADD_DAYS(CURRENT_UTCTIMESTAMP, -90) GROUP BY TO_DATE(SYS_START_TIME), ENTRY_TYPE_NAME`;
    engine.query(tenantQuery, [], 'QAS');
    const t0 = process.hrtime.bigint();
    const r2 = engine.query(tenantQuery, [], 'QAS');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(r2.kind === 'rows' && r2.rows[0][0] instanceof Date);
    console.log(`      same per-day query from the tenant (M_BACKUP_CATALOG, TO_DATE): ${ms.toFixed(1)} ms`);
  });
});

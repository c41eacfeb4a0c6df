import * as assert from 'node:assert/strict';
import { SqlEngine } from './engine';
import { HanaError, type SqlValue } from '../shared/types';
import { BACKUP_STATE, ENTRY_TYPE } from './values';

const NOW = new Date('2024-03-01T12:00:00.000Z');

function seed(e: SqlEngine): void {
  const cat = (
    db: string,
    id: number,
    type: string,
    start: string,
    state: string,
    comment: string | null = null,
  ) => ({
    DATABASE_NAME: db,
    ENTRY_ID: id,
    ENTRY_TYPE_NAME: type,
    BACKUP_ID: 1000 + id,
    SYS_START_TIME: start,
    UTC_START_TIME: start,
    SYS_END_TIME: start,
    UTC_END_TIME: start,
    STATE_NAME: state,
    COMMENT: comment,
    MESSAGE: '<ok>',
    SYSTEM_ID: 'HXE',
  });
  e.insert('M_BACKUP_CATALOG', [
    cat('SYSTEMDB', 1, ENTRY_TYPE.complete, '2024-02-25 01:00:00', BACKUP_STATE.successful, 'weekly'),
    cat('SYSTEMDB', 2, ENTRY_TYPE.log, '2024-02-25 01:15:00', BACKUP_STATE.successful),
    cat('HXE', 3, ENTRY_TYPE.complete, '2024-02-26 01:00:00', BACKUP_STATE.successful, "it's"),
    cat('HXE', 4, ENTRY_TYPE.differential, '2024-02-27 01:00:00', BACKUP_STATE.failed),
    cat('HXE', 5, ENTRY_TYPE.log, '2024-02-27 01:15:00', BACKUP_STATE.successful),
    cat('HXE', 6, ENTRY_TYPE.log, '2024-02-28 01:15:00', BACKUP_STATE.canceled),
    cat('HXE', 7, ENTRY_TYPE.snapshot, '2024-02-29 23:59:59.5', BACKUP_STATE.prepared),
  ]);
  e.insert('M_BACKUP_CATALOG_FILES', [
    {
      DATABASE_NAME: 'HXE',
      ENTRY_ID: 3,
      BACKUP_ID: 1003,
      SERVICE_TYPE_NAME: 'indexserver',
      BACKUP_SIZE: 1000,
      DESTINATION_TYPE_NAME: 'file',
    },
    {
      DATABASE_NAME: 'HXE',
      ENTRY_ID: 3,
      BACKUP_ID: 1003,
      SERVICE_TYPE_NAME: 'topology',
      BACKUP_SIZE: 24,
      DESTINATION_TYPE_NAME: 'file',
    },
    {
      DATABASE_NAME: 'HXE',
      ENTRY_ID: 5,
      BACKUP_ID: 1005,
      SERVICE_TYPE_NAME: 'indexserver',
      BACKUP_SIZE: 300,
      DESTINATION_TYPE_NAME: 'file',
      LOG_SEGMENT_COUNT: 2,
    },
  ]);
  e.insert('M_DATABASES', [
    { DATABASE_NAME: 'SYSTEMDB', ACTIVE_STATUS: 'YES', RESTART_MODE: 'DEFAULT' },
    { DATABASE_NAME: 'HXE', ACTIVE_STATUS: 'YES', RESTART_MODE: 'DEFAULT' },
  ]);
}

describe('hanasim sql: SELECT translation', () => {
  let e: SqlEngine;
  before(() => {
    e = new SqlEngine(':memory:', () => NOW);
    seed(e);
  });
  after(() => e.close());

  const rows = (sql: string, params: SqlValue[] = [], db = 'SYSTEMDB'): SqlValue[][] => {
    const r = e.query(sql, params, db);
    assert.equal(r.kind, 'rows');
    return r.kind === 'rows' ? r.rows : [];
  };
  const fails = (
    sql: string,
    code: number,
    position?: number,
    params: SqlValue[] = [],
    db = 'SYSTEMDB',
  ): HanaError => {
    try {
      e.query(sql, params, db);
    } catch (err) {
      assert.ok(err instanceof HanaError, String(err));
      assert.equal(err.code, code, err.message);
      if (position !== undefined) assert.equal(err.position, position, err.message);
      return err;
    }
    assert.fail(`expected ${code}: ${sql}`);
  };

  it('SELECT * returns the view columns with ColumnMeta, only the session database rows', () => {
    const r = e.query('SELECT * FROM M_BACKUP_CATALOG', [], 'HXE');
    assert.ok(r.kind === 'rows');
    assert.equal(r.columns[0].name, 'ENTRY_ID');
    assert.equal(r.columns[0].type, 'BIGINT');
    assert.ok(!r.columns.some((c) => c.name === 'DATABASE_NAME'));
    assert.equal(r.rows.length, 5);
    const start = r.columns.findIndex((c) => c.name === 'SYS_START_TIME');
    assert.ok(r.rows[0][start] instanceof Date);
  });

  it('column lists, aliases, quoted identifiers, schema prefixes', () => {
    const r = e.query(
      'select entry_id AS "Id", b.BACKUP_ID bid, "COMMENT" from sys.m_backup_catalog b where entry_id = 1',
      [],
    );
    assert.ok(r.kind === 'rows');
    assert.deepEqual(
      r.columns.map((c) => c.name),
      ['Id', 'BID', 'COMMENT'],
    );
    assert.deepEqual(r.rows, [[1, 1001, 'weekly']]);
    assert.deepEqual(rows('SELECT COUNT(*) FROM PUBLIC.M_BACKUP_CATALOG'), [[2]]);
  });

  it('SYS_DATABASES variant: all databases, DATABASE_NAME first; not visible from a tenant', () => {
    const r = e.query('SELECT * FROM SYS_DATABASES.M_BACKUP_CATALOG ORDER BY ENTRY_ID', []);
    assert.ok(r.kind === 'rows');
    assert.equal(r.columns[0].name, 'DATABASE_NAME');
    assert.equal(r.rows.length, 7);
    fails('SELECT * FROM SYS_DATABASES.M_BACKUP_CATALOG', 259, 15, [], 'HXE');
  });

  it('M_DATABASES: all rows from SYSTEMDB, own row from a tenant', () => {
    assert.equal(rows('SELECT DATABASE_NAME FROM M_DATABASES').length, 2);
    assert.deepEqual(rows('SELECT DATABASE_NAME FROM M_DATABASES', [], 'HXE'), [['HXE']]);
  });

  it('WHERE with AND/OR/NOT, comparisons, IN, LIKE, BETWEEN, IS NULL', () => {
    const ids = (where: string, params: SqlValue[] = []) =>
      rows(
        `SELECT ENTRY_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE ${where} ORDER BY ENTRY_ID`,
        params,
      ).map((r) => r[0]);
    assert.deepEqual(
      ids("DATABASE_NAME = 'HXE' AND (STATE_NAME = 'failed' OR STATE_NAME = 'canceled')"),
      [4, 6],
    );
    assert.deepEqual(ids("NOT DATABASE_NAME = 'HXE'"), [1, 2]);
    assert.deepEqual(ids('ENTRY_ID >= 3 AND ENTRY_ID < 5'), [3, 4]);
    assert.deepEqual(ids('ENTRY_ID <> 3 AND ENTRY_ID != 4 AND ENTRY_ID > 2'), [5, 6, 7]);
    assert.deepEqual(ids("ENTRY_TYPE_NAME IN ('data snapshot', 'differential data backup')"), [4, 7]);
    assert.deepEqual(ids("ENTRY_TYPE_NAME NOT IN ('log backup')"), [1, 3, 4, 7]);
    assert.deepEqual(ids("ENTRY_TYPE_NAME LIKE '%data backup'"), [1, 3, 4]);
    assert.deepEqual(ids("ENTRY_TYPE_NAME LIKE 'COMPLETE%'"), [], 'LIKE is case-sensitive as in HANA');
    assert.deepEqual(ids("ENTRY_TYPE_NAME NOT LIKE 'log_backup'"), [1, 3, 4, 7]);
    assert.deepEqual(ids("COMMENT LIKE 'it''s'"), [3]);
    assert.deepEqual(ids('ENTRY_ID BETWEEN 2 AND 4'), [2, 3, 4]);
    assert.deepEqual(ids('ENTRY_ID NOT BETWEEN 2 AND 6'), [1, 7]);
    assert.deepEqual(ids('COMMENT IS NULL AND ENTRY_ID < 5'), [2, 4]);
    assert.deepEqual(ids('COMMENT IS NOT NULL'), [1, 3]);
  });

  it('parameters: values, Dates, and time comparisons in several literal forms', () => {
    assert.deepEqual(
      rows(
        'SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE ENTRY_TYPE_NAME = ? AND ENTRY_ID > ?',
        ['log backup', 0],
        'HXE',
      ),
      [[5], [6]],
    );
    const since = (v: SqlValue) =>
      rows('SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE SYS_START_TIME >= ? ORDER BY 1', [v], 'HXE').map(
        (r) => r[0],
      );
    assert.deepEqual(since(new Date('2024-02-28T00:00:00Z')), [6, 7]);
    assert.deepEqual(since('2024-02-28'), [6, 7]);
    assert.deepEqual(since('2024.02.28 01:15:00'), [6, 7]);
    assert.deepEqual(since('2024-02-28T01:15:00.001Z'), [7]);
    assert.deepEqual(
      rows(
        "SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE SYS_START_TIME BETWEEN '2024-02-27' AND '2024-02-28 23:00'",
        [],
        'HXE',
      ),
      [[4], [5], [6]],
    );
    fails('SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE SYS_START_TIME > ?', 303, undefined, ['not a time']);
  });

  it('injection attempts in parameters and identifiers stay inert', () => {
    assert.deepEqual(rows('SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE COMMENT = ?', ["x' OR '1'='1"]), []);
    assert.deepEqual(
      rows('SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE COMMENT = ?', ['1; DROP TABLE S_M_BACKUP_CATALOG']),
      [],
    );
    fails('SELECT "ENTRY_ID""; DROP TABLE S_DUMMY; --" FROM DUMMY', 260, 8);
    fails('SELECT * FROM "S_M_BACKUP_CATALOG"', 259, 15);
    fails('SELECT * FROM sqlite_master', 259);
    fails('SELECT * FROM DUMMY; DROP TABLE S_DUMMY', 257, 22);
    fails("SELECT * FROM DUMMY WHERE DUMMY = 'X' -- ' OR ?", -10101, undefined, ['extra']);
    assert.deepEqual(rows('SELECT DUMMY FROM DUMMY'), [['X']]);
    assert.equal(rows('SELECT COUNT(*) FROM SYS_DATABASES.M_BACKUP_CATALOG')[0][0], 7);
  });

  it('ORDER BY (name, alias, position, DESC, NULLS), LIMIT/OFFSET, TOP', () => {
    assert.deepEqual(
      rows('SELECT ENTRY_ID FROM M_BACKUP_CATALOG ORDER BY SYS_START_TIME DESC LIMIT 2', [], 'HXE'),
      [[7], [6]],
    );
    assert.deepEqual(
      rows('SELECT ENTRY_ID AS X FROM M_BACKUP_CATALOG ORDER BY X LIMIT 2 OFFSET 1', [], 'HXE'),
      [[4], [5]],
    );
    assert.deepEqual(rows('SELECT TOP 2 ENTRY_ID FROM M_BACKUP_CATALOG ORDER BY 1 DESC', [], 'HXE'), [
      [7],
      [6],
    ]);
    assert.deepEqual(rows('SELECT TOP ? ENTRY_ID FROM M_BACKUP_CATALOG ORDER BY 1', [1], 'HXE'), [[3]]);
    assert.deepEqual(
      rows('SELECT ENTRY_ID FROM M_BACKUP_CATALOG ORDER BY COMMENT NULLS LAST, ENTRY_ID LIMIT ?', [3], 'HXE'),
      [[3], [4], [5]],
    );
    assert.deepEqual(
      rows('SELECT DISTINCT ENTRY_TYPE_NAME FROM M_BACKUP_CATALOG WHERE ENTRY_ID < 6 ORDER BY 1', [], 'HXE'),
      [['complete data backup'], ['differential data backup'], ['log backup']],
    );
  });

  it('GROUP BY with COUNT/SUM/MIN/MAX, HAVING, inferred types', () => {
    const r = e.query(
      `SELECT ENTRY_TYPE_NAME, COUNT(*) AS N, MIN(SYS_START_TIME) AS FIRST, MAX(ENTRY_ID) M, SUM(ENTRY_ID) S
         FROM M_BACKUP_CATALOG GROUP BY ENTRY_TYPE_NAME HAVING COUNT(*) >= 1 ORDER BY N DESC, 1`,
      [],
      'HXE',
    );
    assert.ok(r.kind === 'rows');
    assert.deepEqual(
      r.columns.map((c) => [c.name, c.type]),
      [
        ['ENTRY_TYPE_NAME', 'NVARCHAR'],
        ['N', 'BIGINT'],
        ['FIRST', 'TIMESTAMP'],
        ['M', 'BIGINT'],
        ['S', 'BIGINT'],
      ],
    );
    assert.deepEqual(r.rows[0].slice(0, 2), ['log backup', 2]);
    assert.deepEqual(r.rows[0][2], new Date('2024-02-27T01:15:00Z'));
    assert.deepEqual(r.rows[0].slice(3), [6, 11]);
    assert.deepEqual(rows('SELECT COUNT(DISTINCT ENTRY_TYPE_NAME) FROM M_BACKUP_CATALOG', [], 'HXE'), [[4]]);
    fails('SELECT ENTRY_TYPE_NAME, COUNT(*) FROM M_BACKUP_CATALOG', 276, 8);
    fails('SELECT SUM(COMMENT) FROM M_BACKUP_CATALOG', 266);
    fails('SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE COUNT(*) > 1', 257, 45);
  });

  it('joins between catalog views, with aliases and qualified stars', () => {
    const r = rows(
      `SELECT c.BACKUP_ID, c.ENTRY_TYPE_NAME, SUM(f.BACKUP_SIZE) AS TOTAL
         FROM M_BACKUP_CATALOG c JOIN M_BACKUP_CATALOG_FILES f ON c.BACKUP_ID = f.BACKUP_ID
        GROUP BY c.BACKUP_ID, c.ENTRY_TYPE_NAME ORDER BY c.BACKUP_ID`,
      [],
      'HXE',
    );
    assert.deepEqual(r, [
      [1003, 'complete data backup', 1024],
      [1005, 'log backup', 300],
    ]);
    const left = rows(
      `SELECT c.ENTRY_ID, f.BACKUP_SIZE FROM SYS_DATABASES.M_BACKUP_CATALOG c
         LEFT OUTER JOIN SYS_DATABASES.M_BACKUP_CATALOG_FILES f ON f.BACKUP_ID = c.BACKUP_ID AND f.DATABASE_NAME = c.DATABASE_NAME
        WHERE c.DATABASE_NAME = 'HXE' AND c.ENTRY_ID IN (4, 5)`,
    );
    assert.deepEqual(left, [
      [4, null],
      [5, 300],
    ]);
    const star = e.query(
      'SELECT f.*, c.STATE_NAME FROM M_BACKUP_CATALOG AS c, M_BACKUP_CATALOG_FILES f WHERE c.ENTRY_ID = f.ENTRY_ID',
      [],
      'HXE',
    );
    assert.ok(star.kind === 'rows');
    assert.equal(star.columns.length, 16);
    assert.equal(star.rows.length, 3);
    fails(
      'SELECT BACKUP_ID FROM M_BACKUP_CATALOG c JOIN M_BACKUP_CATALOG_FILES f ON c.ENTRY_ID = f.ENTRY_ID',
      268,
      8,
    );
    fails('SELECT x.ENTRY_ID FROM M_BACKUP_CATALOG c', 260, 10);
  });

  it('HANA functions against the injected clock', () => {
    const r = e.query(
      `SELECT CURRENT_UTCTIMESTAMP, CURRENT_TIMESTAMP, ADD_SECONDS(CURRENT_UTCTIMESTAMP, -90), ADD_DAYS(CURRENT_UTCTIMESTAMP, 7),
              SECONDS_BETWEEN('2024-03-01 11:00:00', CURRENT_UTCTIMESTAMP), DAYS_BETWEEN(TO_DATE('2024-02-01'), CURRENT_DATE),
              TO_DATE('31.01.2024', 'DD.MM.YYYY'), TO_TIMESTAMP('2024-01-31 10:11:12', 'YYYY-MM-DD HH24:MI:SS'),
              TO_VARCHAR(CURRENT_UTCTIMESTAMP, 'YYYY-MM-DD'), TO_VARCHAR(CURRENT_UTCTIMESTAMP, 'DD.MM.YY HH12:MI AM'),
              TO_BIGINT('123'), IFNULL(NULL, 'a'), COALESCE(NULL, NULL, 3), UPPER('abc'), LOWER('ÄB'), NOW()
         FROM DUMMY`,
    );
    assert.ok(r.kind === 'rows');
    assert.deepEqual(r.rows[0], [
      NOW,
      NOW,
      new Date('2024-03-01T11:58:30Z'),
      new Date('2024-03-08T12:00:00Z'),
      3600,
      29,
      new Date('2024-01-31T00:00:00Z'),
      new Date('2024-01-31T10:11:12Z'),
      '2024-03-01',
      '01.03.24 12:00 PM',
      123,
      'a',
      3,
      'ABC',
      'äb',
      NOW,
    ]);
    assert.deepEqual(
      r.columns.map((c) => c.type),
      [
        'TIMESTAMP',
        'TIMESTAMP',
        'TIMESTAMP',
        'TIMESTAMP',
        'BIGINT',
        'INTEGER',
        'DATE',
        'TIMESTAMP',
        'VARCHAR',
        'VARCHAR',
        'BIGINT',
        'NVARCHAR',
        'INTEGER',
        'NVARCHAR',
        'NVARCHAR',
        'TIMESTAMP',
      ],
    );
    assert.deepEqual(
      rows(
        'SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE SYS_START_TIME > ADD_DAYS(CURRENT_UTCTIMESTAMP, -2)',
        [],
        'HXE',
      ),
      [[7]],
    );
    assert.deepEqual(
      rows(
        "SELECT TO_VARCHAR(SYS_START_TIME, 'YYYY-MM-DD') D, COUNT(*) FROM M_BACKUP_CATALOG GROUP BY TO_VARCHAR(SYS_START_TIME, 'YYYY-MM-DD') ORDER BY D",
        [],
        'HXE',
      ),
      [
        ['2024-02-26', 1],
        ['2024-02-27', 2],
        ['2024-02-28', 1],
        ['2024-02-29', 1],
      ],
    );
    assert.deepEqual(
      rows('SELECT TO_VARCHAR(SYS_START_TIME) FROM M_BACKUP_CATALOG WHERE ENTRY_ID = 7', [], 'HXE'),
      [['2024-02-29 23:59:59.5000000']],
    );
    assert.deepEqual(
      rows("SELECT CASE WHEN ENTRY_ID > 1 THEN 'b' ELSE 'a' END FROM M_BACKUP_CATALOG ORDER BY ENTRY_ID"),
      [['a'], ['b']],
    );
    assert.deepEqual(
      rows(
        "SELECT CAST(ENTRY_ID AS NVARCHAR(10)) || '-' || STATE_NAME FROM M_BACKUP_CATALOG WHERE ENTRY_ID = 1",
      ),
      [['1-successful']],
    );
    assert.deepEqual(rows('SELECT ENTRY_ID / 2, ENTRY_ID * 2 + 1 FROM M_BACKUP_CATALOG WHERE ENTRY_ID = 1'), [
      [0.5, 3],
    ]);
  });

  it('ISOWEEK: ISO 8601 year and week as NVARCHAR, across year boundaries, in GROUP BY and ORDER BY', () => {
    const week = (value: string) => rows(`SELECT ISOWEEK(TO_TIMESTAMP('${value}')) FROM DUMMY`)[0][0];
    assert.equal(week('2026-11-19 12:00:00'), '2026-W47');
    assert.equal(week('2011-05-30 00:00:00'), '2011-W22');
    // Weeks belong to the year of their Thursday: early January can be last year's week 52 or 53 …
    assert.equal(week('2027-01-01 00:00:00'), '2026-W53');
    assert.equal(week('2027-01-03 23:59:59.999'), '2026-W53');
    assert.equal(week('2027-01-04 00:00:00'), '2027-W01');
    assert.equal(week('2021-01-03 12:00:00'), '2020-W53');
    assert.equal(week('2010-01-03 12:00:00'), '2009-W53');
    assert.equal(week('2023-01-01 12:00:00'), '2022-W52');
    // … and late December next year's week 1.
    assert.equal(week('2024-12-29 23:59:59'), '2024-W52');
    assert.equal(week('2024-12-30 00:00:00'), '2025-W01');
    assert.equal(week('2008-12-29 12:00:00'), '2009-W01');
    const r = e.query(
      `SELECT ISOWEEK(CURRENT_DATE), ISOWEEK(TO_DATE('2026-12-31')), ISOWEEK('2026-01-01'), ISOWEEK(?), ISOWEEK(NULL)
         FROM DUMMY`,
      [new Date('2027-01-01T12:00:00Z')],
    );
    assert.ok(r.kind === 'rows');
    assert.deepEqual(r.rows, [['2024-W09', '2026-W53', '2026-W01', '2026-W53', null]]);
    assert.deepEqual(
      r.columns.map((c) => c.type),
      ['NVARCHAR', 'NVARCHAR', 'NVARCHAR', 'NVARCHAR', 'NVARCHAR'],
    );
    assert.deepEqual(
      rows(
        'SELECT ISOWEEK(SYS_START_TIME) AS W, COUNT(*) AS N FROM SYS_DATABASES.M_BACKUP_CATALOG GROUP BY ISOWEEK(SYS_START_TIME) ORDER BY ISOWEEK(SYS_START_TIME) DESC',
      ),
      [
        ['2024-W09', 5],
        ['2024-W08', 2],
      ],
    );
    assert.deepEqual(
      rows(
        "SELECT ENTRY_ID FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE ISOWEEK(SYS_START_TIME) = '2024-W08' ORDER BY 1",
      ),
      [[1], [2]],
    );
    fails('SELECT ISOWEEK(1) FROM DUMMY', 266, 16);
    fails('SELECT ISOWEEK() FROM DUMMY', 316, 8);
    fails("SELECT ISOWEEK('no date') FROM DUMMY", 303);
  });

  it('the clock is read per query', () => {
    let t = new Date('2024-01-01T00:00:00Z');
    const e2 = new SqlEngine(':memory:', () => t);
    assert.deepEqual(e2.query('SELECT CURRENT_UTCTIMESTAMP FROM DUMMY', []).kind === 'rows' && 1, 1);
    t = new Date('2025-01-01T00:00:00Z');
    const r = e2.query('SELECT CURRENT_UTCTIMESTAMP FROM DUMMY', []);
    assert.ok(r.kind === 'rows');
    assert.deepEqual(r.rows[0][0], t);
    e2.close();
  });

  it('errors: 257 with position, 259 unknown table, 260 unknown column', () => {
    fails('SELECT * FROM M_NOPE', 259, 15);
    fails('SELECT ENTRY_ID FROM SYS.M_BACKUP_CATALOGX', 259, 22);
    fails('SELECT NOPE FROM DUMMY', 260, 8);
    fails('SELECT DUMMY FROM DUMMY WHERE "dummy" = 1', 260, 31);
    fails('SELECT DUMMY FROM DUMMY ORDER BY NOPE', 260, 34);
    fails('SELECT DUMMY FROM DUMMY WHERE', 257, 30);
    fails('SELECT DUMMY FROM DUMMY UNION SELECT DUMMY FROM DUMMY', 257, 25);
    fails('SELECT * FROM (SELECT * FROM DUMMY)', 257, 15);
    fails('SELECT DUMMY FROM DUMMY WHERE DUMMY IN (SELECT DUMMY FROM DUMMY)', 257, 41);
    fails('SELECT SUM(ENTRY_ID) OVER () FROM M_BACKUP_CATALOG', 257, 22);
    fails('SELECT FOO(1) FROM DUMMY', 257, 8);
    fails('SELECT ADD_DAYS(1) FROM DUMMY', 316, 8);
    fails('SELECT DUMMY FROM DUMMY RIGHT JOIN M_DATABASES ON 1 = 1', 257, 25);
    fails('SELECT 1', 257, 9);
    fails("SELECT 'abc FROM DUMMY", 257, 8);
    fails('SELECT DUMMY FROM DUMMY WHERE DUMMY = 1 = 1', 257, 41);
    fails('SELECT DUMMY = 1 FROM DUMMY', 257);
    fails('SELECT ENTRY_ID FROM M_BACKUP_CATALOG WHERE SYS_START_TIME > 5', 266);
    const err = fails('SELECT *\n  FROM DUMMY ORDER DUMMY', 257, 23);
    assert.match(err.message, /near "ORDER": line 2 col 14 \(at pos 23\)/);
  });

  it('comments and string escapes are tokenized, not regex-matched', () => {
    assert.deepEqual(rows("SELECT /* FROM nothing */ DUMMY -- , x\n FROM DUMMY WHERE 'a''b' = 'a''b'"), [
      ['X'],
    ]);
  });
});

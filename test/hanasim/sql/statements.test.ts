import * as assert from 'node:assert/strict';
import { HanaError } from '../shared/types';
import { STATEMENT_PRIVILEGES } from './privileges';
import { classify, parseDuration, parseStatement } from './statements';

function fails(sql: string, code: number, position?: number): void {
  try {
    parseStatement(sql);
  } catch (err) {
    assert.ok(err instanceof HanaError, String(err));
    assert.equal(err.code, code, `${sql}: ${err.message}`);
    if (position !== undefined) assert.equal(err.position, position, `${sql}: ${err.message}`);
    return;
  }
  assert.fail(`expected ${code}: ${sql}`);
}

describe('hanasim sql: statement parser', () => {
  it('BACKUP DATA forms', () => {
    assert.deepEqual(parseStatement("BACKUP DATA USING FILE ('full')"), {
      kind: 'backupData',
      backupType: 'complete',
      target: { kind: 'current' },
      destination: { type: 'file', prefix: 'full' },
      asynchronous: false,
      comment: undefined,
    });
    assert.deepEqual(
      parseStatement(
        "backup data differential for hxe using backint ('/usr/sap/HXE/SYS/global/hdb/backint/DB_HXE/d') ASYNCHRONOUS COMMENT 'nightly';",
      ),
      {
        kind: 'backupData',
        backupType: 'differential',
        target: { kind: 'database', name: 'HXE' },
        destination: { type: 'backint', prefix: '/usr/sap/HXE/SYS/global/hdb/backint/DB_HXE/d' },
        asynchronous: true,
        comment: 'nightly',
      },
    );
    const inc = parseStatement(
      "BACKUP DATA INCREMENTAL FOR \"MixedCase\" USING FILE ('i') COMMENT 'c' ASYNCHRONOUS",
    );
    assert.ok(inc.kind === 'backupData');
    assert.deepEqual(inc.target, { kind: 'database', name: 'MixedCase' });
    assert.equal(inc.asynchronous, true);
    const full = parseStatement("BACKUP DATA FOR FULL SYSTEM USING FILE ('backup')");
    assert.ok(full.kind === 'backupData');
    assert.deepEqual(full.target, { kind: 'fullSystem' });
  });

  it('snapshot forms', () => {
    assert.deepEqual(parseStatement("BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT 'snap'"), {
      kind: 'createSnapshot',
      target: { kind: 'fullSystem' },
      comment: 'snap',
    });
    assert.deepEqual(
      parseStatement("BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID 1700000000123 SUCCESSFUL 'ebs-1'"),
      {
        kind: 'closeSnapshot',
        target: { kind: 'fullSystem' },
        backupId: 1700000000123,
        successful: true,
        externalBackupId: 'ebs-1',
      },
    );
    assert.deepEqual(parseStatement('BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID 5 UNSUCCESSFUL'), {
      kind: 'closeSnapshot',
      target: { kind: 'fullSystem' },
      backupId: 5,
      successful: false,
      message: undefined,
    });
    const u = parseStatement(
      "BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID 5 UNSUCCESSFUL 'storage failed'",
    );
    assert.ok(u.kind === 'closeSnapshot');
    assert.equal(u.message, 'storage failed');
    assert.equal(parseStatement('BACKUP DATA CREATE SNAPSHOT').kind, 'createSnapshot');
  });

  it('BACKUP CANCEL and BACKUP CATALOG DELETE', () => {
    assert.deepEqual(parseStatement('BACKUP CANCEL'), { kind: 'backupCancel' });
    assert.deepEqual(parseStatement('backup cancel 1413342015929;'), {
      kind: 'backupCancel',
      backupId: 1413342015929,
    });
    assert.deepEqual(parseStatement('BACKUP CATALOG DELETE ALL BEFORE BACKUP_ID 42'), {
      kind: 'catalogDelete',
      database: undefined,
      scope: 'allBefore',
      backupId: 42,
      remove: 'catalog',
    });
    const variants: [string, string][] = [
      ['COMPLETE', 'complete'],
      ['WITH FILE', 'file'],
      ['WITH BACKINT', 'backint'],
    ];
    for (const [clause, remove] of variants) {
      const s = parseStatement(`BACKUP CATALOG DELETE FOR HXE ALL BEFORE BACKUP_ID 42 ${clause}`);
      assert.ok(s.kind === 'catalogDelete');
      assert.equal(s.database, 'HXE');
      assert.equal(s.remove, remove);
    }
    assert.deepEqual(parseStatement('BACKUP CATALOG DELETE FOR HXE BACKUP_ID 7 COMPLETE'), {
      kind: 'catalogDelete',
      database: 'HXE',
      scope: 'single',
      backupId: 7,
      remove: 'complete',
    });
  });

  it('RECOVER DATABASE with clauses in any order', () => {
    const s = parseStatement(
      "RECOVER DATABASE FOR AB1 UNTIL TIMESTAMP '2020.07.01 00:00:00' CLEAR LOG USING CATALOG PATH ('/c') USING LOG PATH ('/l1', '/l2') USING SNAPSHOT",
    );
    assert.ok(s.kind === 'recoverDatabase');
    assert.equal(s.database, 'AB1');
    assert.equal(s.untilTimestamp, '2020.07.01 00:00:00');
    assert.deepEqual(s.untilTime, new Date('2020-07-01T00:00:00Z'));
    assert.equal(s.clearLog, true);
    assert.deepEqual(s.catalog, { type: 'path', paths: ['/c'] });
    assert.deepEqual(s.logPaths, ['/l1', '/l2']);
    assert.equal(s.useSnapshot, true);
    const b = parseStatement(
      "RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '2024-01-31 01:00:00' USING DATA PATH ('/d/') USING LOG PATH ('/l') USING BACKUP_ID 99 CHECK ACCESS USING BACKINT",
    );
    assert.ok(b.kind === 'recoverDatabase');
    assert.deepEqual([b.dataPaths, b.backupId, b.checkAccess, b.clearLog], [['/d/'], 99, 'backint', false]);
    const c = parseStatement(
      "RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '2020-01-31 01:00:00' CLEAR LOG USING SOURCE 'SRC@QAS' USING CATALOG BACKINT CHECK ACCESS USING FILE",
    );
    assert.ok(c.kind === 'recoverDatabase');
    assert.deepEqual([c.source, c.catalog, c.checkAccess], ['SRC@QAS', { type: 'backint' }, 'file']);
  });

  it('RECOVER DATA forms', () => {
    assert.deepEqual(parseStatement('RECOVER DATA FOR HXE USING BACKUP_ID 123 CLEAR LOG'), {
      kind: 'recoverData',
      database: 'HXE',
      using: { type: 'backupId', backupId: 123 },
      clearLog: true,
      catalog: undefined,
      dataPaths: undefined,
      source: undefined,
      checkAccess: undefined,
    });
    const f = parseStatement(
      "RECOVER DATA FOR HXE USING BACKINT ('/usr/sap/HXE/SYS/global/hdb/backint/DB_HXE/x') CLEAR LOG",
    );
    assert.ok(f.kind === 'recoverData');
    assert.deepEqual(f.using, { type: 'backint', prefix: '/usr/sap/HXE/SYS/global/hdb/backint/DB_HXE/x' });
    const s = parseStatement('RECOVER DATA FOR HXE USING SNAPSHOT CLEAR LOG');
    assert.ok(s.kind === 'recoverData');
    assert.deepEqual(s.using, { type: 'snapshot' });
    const d = parseStatement(
      "RECOVER DATA FOR T USING BACKUP_ID 5 USING CATALOG BACKINT USING DATA PATH ('/p') CLEAR LOG",
    );
    assert.ok(d.kind === 'recoverData');
    assert.deepEqual([d.catalog, d.dataPaths], [{ type: 'backint' }, ['/p']]);
    const file = parseStatement("RECOVER DATA USING FILE ('/x') CLEAR LOG");
    assert.ok(file.kind === 'recoverData');
    assert.equal(file.database, undefined);
  });

  it('ALTER SYSTEM ALTER CONFIGURATION', () => {
    assert.deepEqual(
      parseStatement(
        "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'SYSTEM') SET ('backup','parallel_data_backup_backint_channels') = '8' WITH RECONFIGURE COMMENT 'SAP NOTE 2458043'",
      ),
      {
        kind: 'alterConfiguration',
        file: 'global.ini',
        layer: 'SYSTEM',
        layerName: undefined,
        action: 'set',
        entries: [{ section: 'backup', key: 'parallel_data_backup_backint_channels', value: '8' }],
        reconfigure: true,
        comment: 'SAP NOTE 2458043',
      },
    );
    const h = parseStatement(
      "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'host', 'HOST01') SET ('persistence','log_backup_timeout_s') = '300', ('persistence','log_mode') = 'normal'",
    );
    assert.ok(h.kind === 'alterConfiguration');
    assert.deepEqual([h.layer, h.layerName, h.entries.length, h.reconfigure], ['HOST', 'host01', 2, false]);
    const u = parseStatement(
      "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'DATABASE', 'HXE') UNSET ('backup','catalog_backup_using_backint') WITH RECONFIGURE",
    );
    assert.ok(u.kind === 'alterConfiguration');
    assert.deepEqual(
      [u.action, u.layerName, u.entries],
      ['unset', 'HXE', [{ section: 'backup', key: 'catalog_backup_using_backint' }]],
    );
  });

  it('tenant lifecycle, CALL, COMMIT/ROLLBACK, SET no-ops', () => {
    assert.deepEqual(parseStatement('ALTER SYSTEM STOP DATABASE HXE IMMEDIATE'), {
      kind: 'stopDatabase',
      database: 'HXE',
      immediate: true,
    });
    assert.deepEqual(parseStatement('alter system stop database hxe'), {
      kind: 'stopDatabase',
      database: 'HXE',
      immediate: false,
    });
    assert.deepEqual(parseStatement('ALTER SYSTEM START DATABASE HXE'), {
      kind: 'startDatabase',
      database: 'HXE',
    });
    assert.deepEqual(parseStatement('ALTER DATABASE HXE NO RESTART'), {
      kind: 'alterDatabaseNoRestart',
      database: 'HXE',
    });
    assert.deepEqual(parseStatement("CALL HANASIM.ADVANCE_CLOCK('7d')"), {
      kind: 'call',
      procedure: 'ADVANCE_CLOCK',
      args: ['7d'],
    });
    assert.deepEqual(parseStatement("call hanasim.inject_fault('backint', 'fail-next')"), {
      kind: 'call',
      procedure: 'INJECT_FAULT',
      args: ['backint', 'fail-next'],
    });
    assert.deepEqual(parseStatement('CALL "HANASIM"."DROP_LOG_BACKUP"(1700000000456)'), {
      kind: 'call',
      procedure: 'DROP_LOG_BACKUP',
      args: [1700000000456],
    });
    assert.deepEqual(parseStatement('COMMIT'), { kind: 'commit' });
    assert.deepEqual(parseStatement('ROLLBACK WORK'), { kind: 'rollback' });
    assert.deepEqual(parseStatement('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ'), {
      kind: 'set',
      what: 'isolationLevel',
      value: 'REPEATABLE READ',
    });
    assert.deepEqual(parseStatement('SET SCHEMA "MySchema"'), {
      kind: 'set',
      what: 'schema',
      value: 'MySchema',
    });
    assert.deepEqual(parseStatement("SET 'APPLICATION' = 'vscode'"), {
      kind: 'set',
      what: 'sessionVariable',
      value: 'APPLICATION=vscode',
    });
    assert.equal(parseStatement('SET TRANSACTION AUTOCOMMIT DDL OFF').kind, 'set');
  });

  it('near-misses fail with 257 at the first token not understood', () => {
    fails("BACKUP DATA USING TAPE ('x')", 257, 19);
    fails('BACKUP DATA USING FILE x', 257, 24);
    fails("BACKUP DATA USING FILE ('x') NOW", 257, 30);
    fails('BACKUP DATA DIFFERENTIAL FOR FULL SYSTEM CREATE SNAPSHOT', 257, 13);
    fails('BACKUP DATA FOR HXE CREATE SNAPSHOT', 257, 21);
    fails("BACKUP DATA USING FILE ('x') ASYNCHRONOUS ASYNCHRONOUS", 257, 43);
    fails('BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID x SUCCESSFUL', 257, 54);
    fails('BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID 1 SUCCESSFUL', 257, 66);
    fails('BACKUP CANCEL FOR HXE', 257, 15);
    fails('BACKUP CATALOG DELETE ALL BACKUP_ID 1', 257, 27);
    fails('BACKUP CATALOG DELETE BACKUP_ID 1 WITH FILE', 257, 35);
    fails('RECOVER DATABASE FOR HXE CLEAR LOG', 257, 35);
    fails("RECOVER DATABASE FOR HXE UNTIL TIMESTAMP 'yesterday'", 303, 42);
    fails("RECOVER DATABASE FOR HXE UNTIL TIMESTAMP '2024-01-01' CLEAR LOG CLEAR LOG", 257, 65);
    fails("RECOVER DATA FOR HXE USING BACKINT ('x') UNTIL TIMESTAMP '2024-01-01'", 257, 42);
    fails('RECOVER DATA FOR HXE CLEAR LOG', 257, 31);
    fails('RECOVER DATA FOR HXE USING BACKUP_ID 1 USING SNAPSHOT CLEAR LOG', 257, 46);
    fails('RECOVER DATA FOR HXE USING BACKUP_ID 1 IGNORE DELTA DATA BACKUPS CLEAR LOG', 257, 40);
    fails("ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'TENANT') SET ('a','b') = '1'", 257, 49);
    fails("ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'SYSTEM', 'x') SET ('a','b') = '1'", 257, 59);
    fails("ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'HOST') SET ('a','b') = '1'", 257, 55);
    fails("ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'SYSTEM') SET ('a','b')", 257, 72);
    fails("ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'SYSTEM') UNSET ('a','b') = '1'", 257, 75);
    fails("ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'SYSTEM') SET ('a','b') = 1", 257, 75);
    fails('ALTER SYSTEM STOP DATABASE', 257, 27);
    fails('ALTER DATABASE HXE DEFAULT RESTART', 257, 20);
    fails("CALL HANASIM.NOPE('x')", 328, 14);
    fails("CALL SYS.ADVANCE_CLOCK('7d')", 328, 10);
    fails('CALL HANASIM.ADVANCE_CLOCK()', 316);
    fails('CALL HANASIM.ADVANCE_CLOCK(CURRENT_DATE)', 257, 28);
    fails('SET TRANSACTION ISOLATION LEVEL DIRTY', 257, 33);
    fails('DROP TABLE X', 257, 1);
  });

  it('classify: select, statement with privileges, unsupported', () => {
    assert.deepEqual(classify('  select * from dummy'), { kind: 'select' });
    const b = classify("BACKUP DATA FOR HXE USING FILE ('x')");
    assert.ok(b.kind === 'statement');
    assert.deepEqual(b.privileges, [
      'BACKUP ADMIN',
      'BACKUP OPERATOR',
      'DATABASE BACKUP ADMIN',
      'DATABASE BACKUP OPERATOR',
    ]);
    const c = classify("ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'SYSTEM') SET ('a','b') = '1'");
    assert.ok(c.kind === 'statement');
    assert.deepEqual(c.privileges, ['INIFILE ADMIN']);
    const s = classify('ALTER SYSTEM STOP DATABASE HXE');
    assert.ok(s.kind === 'statement');
    assert.deepEqual(s.privileges, ['DATABASE STOP', 'DATABASE ADMIN']);
    const commit = classify('COMMIT');
    assert.ok(commit.kind === 'statement');
    assert.deepEqual(commit.privileges, []);
    const u = classify('INSERT INTO X VALUES (1)');
    assert.ok(u.kind === 'unsupported');
    assert.equal(u.error.code, 257);
    assert.equal(u.error.position, 1);
    const bad = classify('BACKUP DATA USING');
    assert.ok(bad.kind === 'unsupported');
    assert.equal(bad.error.position, 18);
    assert.ok(Object.keys(STATEMENT_PRIVILEGES).length >= 15);
  });

  it('parseDuration', () => {
    assert.equal(parseDuration('7d'), 7 * 86_400_000);
    assert.equal(parseDuration('1d12h'), 36 * 3_600_000);
    assert.equal(parseDuration('500ms'), 500);
    assert.throws(() => parseDuration('7 days'), HanaError);
  });
});

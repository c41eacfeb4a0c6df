// The HANA access layer (client/src/hana) against hanasim through @sap/hana-client.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { HanaConnectionPool } from '../../client/src/hana/connectionPool';
import { HanaAccessError } from '../../client/src/hana/errors';
import { backupDataStatement, setConfigurationStatement, sql } from '../../client/src/hana/sqlText';
import type { ConnectionSettings } from '../../client/src/hana/types';
import { UserStore } from '../hanasim/system/users';
import { PASSWORD, SimulatorSession } from '../hanasim/support/simulatorSession';

const READER_PASSWORD = 'Reader1-Sim';

describe('HANA access layer through @sap/hana-client', function () {
  this.timeout(60000);
  const session = SimulatorSession.use('access', {
    // Every statement the simulator received, to prove what was sent and what was bound.
    statementLog: true,
    // A user that may read the catalog but not back up, for the 258 case.
    prepare: (dataDir) =>
      new UserStore(path.join(dataDir, 'users.json')).add('SYSTEMDB', 'READER', READER_PASSWORD, [
        'CATALOG READ',
      ]),
  });
  const pools: HanaConnectionPool[] = [];

  const settings = (overrides: Partial<ConnectionSettings> = {}): ConnectionSettings => ({
    name: 'sim',
    host: '127.0.0.1',
    port: session.sim.ports.SYSTEMDB,
    user: 'SYSTEM',
    password: PASSWORD,
    ...overrides,
  });
  const pool = (overrides: Partial<ConnectionSettings> = {}, maxConnections = 2) => {
    // Settings read on every connect: the port after a restart is a new one.
    const created = new HanaConnectionPool(() => settings(overrides), {
      maxConnections,
      statementTimeoutMs: 20000,
    });
    pools.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.dispose()));
  });

  it('connects and runs a query', async () => {
    const rows = await pool().exec<{ X: number }>('SELECT 1 AS X FROM DUMMY');
    assert.equal(Number(rows[0].X), 1);
  });

  it('reports a wrong password readably, without the password', async () => {
    const secret = 'Wr0ng-\'pass"word';
    const error = await pool({ password: secret })
      .exec('SELECT 1 FROM DUMMY')
      .then(
        () => assert.fail('connected'),
        (e: unknown) => e,
      );
    assert.ok(error instanceof HanaAccessError);
    assert.equal(error.kind, 'authentication');
    assert.match(error.message, /authentication failed/);
    assert.match(error.message, /sim/);
    assert.ok(!error.message.includes(secret) && !error.message.includes('[object Object]'));
    assert.ok(!JSON.stringify({ ...error, message: error.message }).includes(secret));
  });

  it('binds parameters', async () => {
    const database = 'HXE';
    const rows = await pool().exec<{ DATABASE_NAME: string }>(
      sql`SELECT DATABASE_NAME FROM SYS.M_DATABASES WHERE DATABASE_NAME = ${database}`,
    );
    assert.deepEqual(
      rows.map((r) => r.DATABASE_NAME),
      ['HXE'],
    );
    const hostile = await pool().exec(
      sql`SELECT DATABASE_NAME FROM SYS.M_DATABASES WHERE DATABASE_NAME = ${"HXE' OR '1'='1"}`,
    );
    assert.equal(hostile.length, 0, 'the quote is part of the value, not of the statement');
    const logged = session.statements().filter((s) => s.params.includes("HXE' OR '1'='1"));
    assert.equal(logged.length, 1);
    assert.equal(logged[0].sql, 'SELECT DATABASE_NAME FROM SYS.M_DATABASES WHERE DATABASE_NAME = ?');
  });

  it('keeps a hostile backup comment verbatim', async () => {
    const comment = `it's "quoted"'); DROP TABLE X; -- ''`;
    const access = pool();
    await access.exec(
      backupDataStatement({ database: 'HXE', destination: 'file', prefix: "it's a'prefix", comment }),
    );
    const rows = await access.exec<{ COMMENT: string; STATE_NAME: string }>(
      sql`SELECT COMMENT, STATE_NAME FROM SYS_DATABASES.M_BACKUP_CATALOG WHERE DATABASE_NAME = ${'HXE'} AND ENTRY_TYPE_NAME = ${'complete data backup'} ORDER BY ENTRY_ID DESC`,
    );
    assert.equal(rows[0].COMMENT, comment);
    assert.equal(rows[0].STATE_NAME, 'successful');
    const sent = session.statements().filter((s) => s.sql.startsWith('BACKUP DATA'));
    assert.deepEqual(
      sent.map((s) => s.sql),
      [
        `BACKUP DATA FOR "HXE" USING FILE ('it''s a''prefix') COMMENT 'it''s "quoted"''); DROP TABLE X; -- '''''`,
      ],
      'the simulator received one statement, every quote doubled',
    );
  });

  it('keeps a hostile configuration value verbatim', async () => {
    const value = `a'b"c'); DROP TABLE M_INIFILE_CONTENTS; --`;
    const access = pool();
    await access.exec(
      setConfigurationStatement({
        file: 'global.ini',
        layer: 'SYSTEM',
        section: 'backup',
        key: 'hostile_test',
        value,
      }),
    );
    const rows = await access.exec<{ VALUE: string }>(
      sql`SELECT VALUE FROM SYS.M_INIFILE_CONTENTS WHERE FILE_NAME = ${'global.ini'} AND SECTION = ${'backup'} AND KEY = ${'hostile_test'}`,
    );
    assert.deepEqual(
      rows.map((r) => r.VALUE),
      [value],
    );
  });

  it('refuses a hostile database name as a name, not as SQL', async () => {
    const error = await pool()
      .exec(backupDataStatement({ database: 'HXE"; DROP', destination: 'file', prefix: 'x' }))
      .then(
        () => assert.fail('ran'),
        (e: unknown) => e as HanaAccessError,
      );
    assert.equal(error.kind, 'notFound', error.message);
    assert.match(error.message, /HXE"; DROP/);
    assert.ok(
      session.statements().some((s) => s.sql === `BACKUP DATA FOR "HXE""; DROP" USING FILE ('x')`),
      'the name went over as one quoted identifier',
    );
  });

  it('names the missing privilege (258)', async () => {
    const error = await pool({ user: 'READER', password: READER_PASSWORD })
      .exec(backupDataStatement({ database: 'HXE', destination: 'file', prefix: 'nope' }))
      .then(
        () => assert.fail('ran'),
        (e: unknown) => e as HanaAccessError,
      );
    assert.equal(error.kind, 'privilege');
    assert.equal(error.code, 258);
    assert.ok(error.privileges.includes('BACKUP ADMIN'), error.message);
    assert.match(error.message, /needs one of the privileges BACKUP ADMIN, BACKUP OPERATOR/);
  });

  it('keeps HANA’s text for a backup that could not be completed (448)', async () => {
    const error = await pool()
      .exec('BACKUP CATALOG DELETE FOR HXE BACKUP_ID 999999999 COMPLETE')
      .then(
        () => assert.fail('ran'),
        (e: unknown) => e as HanaAccessError,
      );
    assert.equal(error.code, 448, error.message);
    assert.equal(error.kind, 'backupFailed');
    assert.ok(error.hanaText && error.message.includes(error.hanaText));
  });

  it('reuses pooled connections', async () => {
    const access = pool({}, 2);
    for (let i = 0; i < 5; i++) await access.exec('SELECT 1 FROM DUMMY');
    assert.equal(access.stats().created, 1, 'sequential calls share one connection');
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => access.exec('SELECT 1 FROM DUMMY')));
    assert.ok(access.stats().created <= 2, `at most the pool size (${access.stats().created})`);
    assert.equal(access.stats().busy, 0);
  });

  it('gives up on a statement at its deadline, says so, and carries on with a new connection', async () => {
    const access = pool();
    await access.exec('SELECT 1 FROM DUMMY');
    await session.system.exec("CALL HANASIM.DELAY_NEXT_STATEMENT('5s')");
    const started = Date.now();
    const error = await access.exec('SELECT 1 FROM DUMMY', [], { timeoutMs: 300 }).then(
      () => assert.fail('answered'),
      (e: unknown) => e as HanaAccessError,
    );
    assert.ok(Date.now() - started < 4000, 'the caller did not wait for the slow server');
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /did not finish within 0\.3 s and was abandoned/);
    const rows = await access.exec<{ X: number }>('SELECT 1 AS X FROM DUMMY');
    assert.equal(Number(rows[0].X), 1);
    assert.equal(access.stats().created, 2, 'the timed-out connection was replaced');
  });

  it('lets a statement run past the connect timeout (a RECOVER takes hours): only its own deadline ends it', async () => {
    const access = new HanaConnectionPool(() => settings(), {
      connectTimeoutMs: 1000,
      statementTimeoutMs: 20000,
    });
    pools.push(access);
    await access.exec('SELECT 1 FROM DUMMY');
    await session.system.exec("CALL HANASIM.DELAY_NEXT_STATEMENT('3s')");
    const rows = await access.exec<{ X: number }>('SELECT 1 AS X FROM DUMMY');
    assert.equal(Number(rows[0].X), 1);
  });

  it('reconnects on the next call after the simulator restarted', async () => {
    const access = pool();
    await access.exec('SELECT 1 FROM DUMMY');
    await session.restart();
    const lost = await access.exec('SELECT 1 FROM DUMMY').then(
      () => undefined,
      (e: unknown) => e as HanaAccessError,
    );
    if (lost) {
      assert.ok(lost.connectionUnusable, `${lost.kind}: ${lost.message}`);
      assert.ok(!lost.message.includes(PASSWORD));
    }
    const rows = await access.exec<{ X: number }>('SELECT 1 AS X FROM DUMMY');
    assert.equal(Number(rows[0].X), 1);
    assert.equal(access.stats().created, 2, 'one new connection, no retry loop');
  });
});

import * as assert from 'node:assert/strict';
import {
  backupDataStatement,
  identifier,
  integer,
  keyword,
  literal,
  quoteIdentifier,
  quoteLiteral,
  setConfigurationStatement,
  sql,
} from '../../../client/src/hana/sqlText';

describe('hana sqlText', () => {
  it('quotes identifiers and literals by doubling their quotes', () => {
    assert.equal(quoteIdentifier('HXE'), '"HXE"');
    assert.equal(quoteIdentifier('a"b'), '"a""b"');
    assert.equal(quoteLiteral("it's"), "'it''s'");
    assert.equal(quoteLiteral("'); DROP TABLE X; --"), "'''); DROP TABLE X; --'");
    assert.throws(() => quoteIdentifier(''));
    assert.throws(() => quoteLiteral('a\0b'));
  });

  it('binds plain values as parameters and inlines only marked ones', () => {
    const statement = sql`SELECT * FROM ${identifier('M"X')} WHERE A = ${"x'y"} AND B = ${5} AND C = ${null} AND D = ${literal('q')}`;
    assert.equal(statement.text, `SELECT * FROM "M""X" WHERE A = ? AND B = ? AND C = ? AND D = 'q'`);
    assert.deepEqual(statement.params, ["x'y", 5, null]);
    assert.equal(
      statement.toDisplayString(),
      `SELECT * FROM "M""X" WHERE A = 'x''y' AND B = 5 AND C = NULL AND D = 'q'`,
    );
  });

  it('splices nested statements with their parameters', () => {
    const where = sql`WHERE A = ${1}`;
    const statement = sql`SELECT ${'s'} FROM DUMMY ${where} AND B = ${2}`;
    assert.equal(statement.text, 'SELECT ? FROM DUMMY WHERE A = ? AND B = ?');
    assert.deepEqual(statement.params, ['s', 1, 2]);
  });

  it('accepts only integers and plain keywords unquoted', () => {
    assert.equal(sql`BACKUP CANCEL ${integer(42)}`.text, 'BACKUP CANCEL 42');
    assert.throws(() => integer('1; DROP'));
    assert.throws(() => integer(-1));
    assert.throws(() => keyword("FILE'"));
    assert.throws(() => sql`SELECT ${undefined as unknown as string} FROM DUMMY`);
  });

  it('builds BACKUP DATA with identifier and literals', () => {
    const statement = backupDataStatement({
      database: 'H"XE',
      type: 'differential',
      destination: 'backint',
      prefix: "p'x",
      asynchronous: true,
      comment: `it's "x"`,
    });
    assert.equal(
      statement.text,
      `BACKUP DATA DIFFERENTIAL FOR "H""XE" USING BACKINT ('p''x') ASYNCHRONOUS COMMENT 'it''s "x"'`,
    );
    assert.deepEqual(statement.params, []);
    assert.equal(
      backupDataStatement({ destination: 'file', prefix: 'full' }).text,
      "BACKUP DATA USING FILE ('full')",
    );
  });

  it('builds ALTER CONFIGURATION with literals', () => {
    const statement = setConfigurationStatement({
      file: 'global.ini',
      layer: 'HOST',
      layerName: 'hxehost',
      section: 'persistence',
      key: 'log_backup_timeout_s',
      value: "3'00",
    });
    assert.equal(
      statement.text,
      "ALTER SYSTEM ALTER CONFIGURATION ('global.ini', 'HOST', 'hxehost') SET ('persistence', 'log_backup_timeout_s') = '3''00' WITH RECONFIGURE",
    );
  });
});

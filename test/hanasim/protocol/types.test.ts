import assert from 'node:assert/strict';
import { decodeCesu8 } from './cesu8';
import { CLOB_TEXT, LONG_TEXT, UNICODE_TEXT } from './fixtures/data';
import { HanaClient, HdbClient, type Row } from './fixtures/drivers';
import { TEST_PASSWORD, startEchoServer, type EchoServer } from './fixtures/harness';

const ECHO_TYPES = [
  'NVARCHAR',
  'VARCHAR',
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'DECIMAL',
  'DOUBLE',
  'BOOLEAN',
  'DATE',
  'TIMESTAMP',
  'SECONDDATE',
  'LONGDATE',
];
const ECHO_SQL = `SELECT ECHO(${ECHO_TYPES.join(', ')}) FROM DUMMY`;

describe('hanasim protocol: every column type, both ways', () => {
  let server: EchoServer;
  let hana: HanaClient;
  let hdb: HdbClient;
  let hdb8: HdbClient;

  before(async () => {
    server = await startEchoServer();
    hana = await HanaClient.connect({
      serverNode: `127.0.0.1:${server.ports.HXE}`,
      uid: 'SYSTEM',
      pwd: TEST_PASSWORD,
    });
    const opts = { host: '127.0.0.1', port: server.ports.HXE, user: 'SYSTEM', password: TEST_PASSWORD };
    hdb = await HdbClient.connect(opts);
    hdb8 = await HdbClient.connect({ ...opts, dataFormatSupport: 8 });
  });
  after(async () => {
    await hana?.disconnect();
    await hdb?.disconnect();
    await hdb8?.disconnect();
    await server?.stop();
  });

  it('@sap/hana-client reads every type, NULLs, CESU-8 (non-BMP), long strings, Julian dates, NCLOB', async () => {
    const rows = await hana.exec('SELECT * FROM ALL_TYPES');
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[0], {
      C_NVARCHAR: UNICODE_TEXT,
      C_VARCHAR: 'plain',
      C_TINYINT: 255,
      C_SMALLINT: -32768,
      C_INTEGER: -2147483648,
      C_BIGINT: 9007199254740991,
      C_DECIMAL: '-12345.67',
      C_DECFLOAT: '3.14159',
      C_DOUBLE: -1.5e-7,
      C_BOOLEAN: true,
      C_DATE: '2024-03-01',
      C_TIMESTAMP: '2024-03-01 12:34:56.789000000',
      C_SECONDDATE: '1999-12-31 23:59:59',
      C_LONGDATE: '2024-03-01 12:34:56.789000000',
      C_NCLOB: CLOB_TEXT,
    });
    for (const v of Object.values(rows[1])) assert.equal(v, null);
    assert.deepEqual(rows[2], {
      C_NVARCHAR: LONG_TEXT,
      C_VARCHAR: '',
      C_TINYINT: 0,
      C_SMALLINT: 32767,
      C_INTEGER: 2147483647,
      C_BIGINT: -9007199254740991,
      C_DECIMAL: '0.00',
      C_DECFLOAT: '-98765432109876543210.123456789',
      C_DOUBLE: 0,
      C_BOOLEAN: false,
      C_DATE: '1500-03-01',
      C_TIMESTAMP: '1970-01-01 00:00:00.000000000',
      C_SECONDDATE: '1582-10-15 01:02:03',
      C_LONGDATE: '9999-12-31 23:59:59.999000000',
      C_NCLOB: '',
    });
  });

  it('hdb (data format 1: old DATE/TIMESTAMP, BOOLEAN as TINYINT) reads every type', async () => {
    const rows = await hdb.exec('SELECT * FROM ALL_TYPES');
    const r0 = rows[0];
    assert.equal(r0.C_NVARCHAR, UNICODE_TEXT);
    assert.equal(r0.C_BIGINT, 9007199254740991);
    assert.equal(r0.C_DECIMAL, '-12345.67');
    assert.equal(r0.C_BOOLEAN, 1);
    assert.equal(r0.C_DATE, '2024-03-01');
    assert.equal(r0.C_TIMESTAMP, '2024-03-01T12:34:56.789');
    assert.equal(r0.C_SECONDDATE, '1999-12-31T23:59:59');
    assert.equal(decodeCesu8(r0.C_NCLOB as Buffer), CLOB_TEXT);
    for (const v of Object.values(rows[1])) assert.equal(v, null);
    assert.equal(rows[2].C_NVARCHAR, LONG_TEXT);
    assert.equal(rows[2].C_DATE, '1500-03-01');
    assert.equal(rows[2].C_BOOLEAN, 0);
  });

  it('hdb at data format 8 reads DAYDATE/LONGDATE/SECONDDATE/BOOLEAN', async () => {
    const rows = await hdb8.exec('SELECT * FROM ALL_TYPES');
    assert.equal(rows[0].C_BOOLEAN, true);
    assert.equal(rows[0].C_DATE, '2024-03-01');
    assert.equal(rows[0].C_SECONDDATE, '1999-12-31 23:59:59');
    assert.match(String(rows[0].C_LONGDATE), /^2024-03-01 12:34:56\.7890000/);
    assert.equal(rows[2].C_DATE, '1500-03-01');
    assert.equal(rows[2].C_SECONDDATE, '1582-10-15 01:02:03');
    for (const v of Object.values(rows[1])) assert.equal(v, null);
  });

  const values = [
    'a😀 ü',
    'ascii',
    200,
    -1234,
    123456789,
    '9007199254740993',
    '12.34',
    2.5,
    true,
    '1500-03-01',
    '2024-03-01 12:34:56.789',
    '2024-03-01 12:34:56',
    '2024-03-01 12:34:56.789',
  ];

  it('@sap/hana-client sends parameters of every type (and NULLs) that come back unchanged', async () => {
    const [row] = await hana.exec(ECHO_SQL, values);
    assert.deepEqual(row, {
      P1: 'a😀 ü',
      P2: 'ascii',
      P3: 200,
      P4: -1234,
      P5: 123456789,
      P6: '9007199254740993', // beyond 2^53 the driver returns BIGINT as a string
      P7: '12.34',
      P8: 2.5,
      P9: true,
      P10: '1500-03-01',
      P11: '2024-03-01 12:34:56.789000000',
      P12: '2024-03-01 12:34:56',
      P13: '2024-03-01 12:34:56.789000000',
    });
    const [nulls] = await hana.exec<Row[]>(
      ECHO_SQL,
      ECHO_TYPES.map(() => null),
    );
    for (const v of Object.values(nulls)) assert.equal(v, null);
    const [dateRow] = await hana.exec<Row[]>('SELECT ECHO(TIMESTAMP) FROM DUMMY', [
      new Date(Date.UTC(2024, 2, 1, 12, 34, 56, 789)),
    ]);
    assert.equal(dateRow.P1, '2024-03-01 12:34:56.789000000');
  });

  it('hdb sends parameters of every type (and NULLs) that come back unchanged', async () => {
    const [row] = await hdb.execParams<Row[]>(ECHO_SQL, values);
    assert.equal(row.P1, 'a😀 ü');
    assert.equal(row.P3, 200);
    assert.equal(row.P6, '9007199254740993');
    assert.equal(Number(row.P7), 12.34); // hdb prints a floating DECIMAL as '1.234e+1'
    assert.equal(row.P8, 2.5);
    assert.equal(row.P9, 1);
    assert.equal(row.P10, '1500-03-01');
    assert.equal(row.P11, '2024-03-01T12:34:56.789');
    const [nulls] = await hdb.execParams<Row[]>(
      ECHO_SQL,
      ECHO_TYPES.map(() => null),
    );
    for (const v of Object.values(nulls)) assert.equal(v, null);
    const [r8] = await hdb8.execParams<Row[]>(ECHO_SQL, values);
    assert.equal(r8.P1, 'a😀 ü');
    assert.equal(r8.P9, true);
    assert.equal(r8.P10, '1500-03-01');
    assert.equal(r8.P12, '2024-03-01 12:34:56');
  });
});

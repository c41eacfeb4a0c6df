import * as assert from 'node:assert/strict';
import {
  HanaDriverUnavailable,
  loadHanaDriver,
  setHanaDriverLoaderForTests,
} from '../../../client/src/hana/driver';
import { HanaAccessError, toHanaAccessError } from '../../../client/src/hana/errors';
import { driverConnectProperties, effectiveEncrypt } from '../../../client/src/hana/types';

const hanaError = (code: number, message: string) =>
  Object.assign(new Error(message), { code, sqlState: 'HY000' });

describe('hana errors', () => {
  it('maps authentication failure without the password', () => {
    const error = toHanaAccessError(hanaError(10, 'authentication failed for pw S3cret!'), {
      system: 'prod',
      secrets: ['S3cret!'],
    });
    assert.equal(error.kind, 'authentication');
    assert.match(error.message, /prod/);
    assert.ok(!error.message.includes('S3cret!') && !error.hanaText!.includes('S3cret!'));
  });

  it('names the privilege of a 258', () => {
    const many = toHanaAccessError(
      hanaError(
        258,
        'insufficient privilege: Not authorized (one of BACKUP ADMIN, BACKUP OPERATOR is needed)',
      ),
    );
    assert.equal(many.kind, 'privilege');
    assert.deepEqual(many.privileges, ['BACKUP ADMIN', 'BACKUP OPERATOR']);
    assert.match(many.message, /one of the privileges BACKUP ADMIN, BACKUP OPERATOR/);
    const none = toHanaAccessError(hanaError(258, 'insufficient privilege: Not authorized'));
    assert.deepEqual(none.privileges, []);
    assert.match(none.message, /a privilege it does not have/);
  });

  it('keeps HANA text for 447/448/449 and recognises running backups and stopped tenants', () => {
    const failed = toHanaAccessError(hanaError(448, 'recovery could not be completed: [111] log missing'));
    assert.equal(failed.kind, 'backupFailed');
    assert.match(failed.message, /\[111\] log missing/);
    assert.equal(
      toHanaAccessError(hanaError(448, 'backup could not be completed: [110089] Backup is already running'))
        .kind,
      'backupRunning',
    );
    assert.equal(
      toHanaAccessError(
        hanaError(
          -10709,
          'Connection failed (RTE:[89008] Socket closed by peer: database HXE is not running)',
        ),
      ).kind,
      'tenantStopped',
    );
    assert.equal(toHanaAccessError(hanaError(259, 'invalid table name: X')).kind, 'notFound');
    assert.equal(toHanaAccessError(hanaError(260, 'invalid column name: Y')).kind, 'notFound');
  });

  it('recognises refused, lost and timed-out connections', () => {
    const refused = toHanaAccessError(
      hanaError(
        -10709,
        "Connection failed (RTE:[89006] System call 'connect' failed, rc=111:Connection refused)",
      ),
    );
    assert.equal(refused.kind, 'connectionRefused');
    assert.ok(refused.connectionUnusable);
    assert.equal(toHanaAccessError(hanaError(-10807, 'Connection down')).kind, 'connectionLost');
    assert.equal(
      toHanaAccessError(hanaError(-10709, 'Connection failed (RTE:[89001] timed out)')).kind,
      'timeout',
    );
  });

  it('never says [object Object] or shows a stack', () => {
    for (const thrown of [
      {},
      { foo: 1 },
      null,
      undefined,
      'plain',
      new Error('one\n    at x (y.js:1:1)'),
      42,
    ]) {
      const error = toHanaAccessError(thrown);
      assert.ok(error instanceof HanaAccessError);
      assert.ok(!error.message.includes('[object Object]'), error.message);
      assert.ok(!/\n\s+at /.test(error.message), error.message);
    }
  });
});

describe('hana driver and settings', () => {
  afterEach(() => setHanaDriverLoaderForTests(undefined));

  it('reports an unloadable driver with platform and fix', () => {
    setHanaDriverLoaderForTests(() => {
      throw Object.assign(new Error("Cannot find module '@sap/hana-client'\nRequire stack: …"), {
        code: 'MODULE_NOT_FOUND',
      });
    });
    assert.throws(
      () => loadHanaDriver(),
      (error: unknown) =>
        error instanceof HanaDriverUnavailable &&
        error.message.includes(`${process.platform}-${process.arch}`) &&
        /not installed/.test(error.message) &&
        /\.vsix/.test(error.message) &&
        !error.message.includes('Require stack'),
    );
    assert.equal(toHanaAccessError(new HanaDriverUnavailable('linux', 'x64', 'x')).kind, 'driverUnavailable');
  });

  it('loads the real driver lazily', () => {
    assert.equal(typeof loadHanaDriver().createConnection, 'function');
  });

  it('encrypts by default off loopback only', () => {
    const base = { name: 'n', port: 30013 };
    assert.equal(effectiveEncrypt({ ...base, host: 'hana.example.com' }), true);
    assert.equal(effectiveEncrypt({ ...base, host: '127.0.0.1' }), false);
    assert.equal(effectiveEncrypt({ ...base, host: 'localhost', encrypt: true }), true);
    const properties = driverConnectProperties(
      { ...base, host: 'hana', userStoreKey: 'K', user: 'U', password: 'P', trustStore: '/t.pem' },
      { connectTimeoutMs: 1 },
    );
    assert.equal(properties.KEY, 'K');
    assert.equal(properties.pwd, undefined);
    assert.equal(properties.sslValidateCertificate, true);
    assert.equal(properties.sslTrustStore, '/t.pem');
    assert.equal(properties.communicationTimeout, undefined, 'long statements are bounded by the pool');
  });
});

// What the universal VSIX (no @sap/hana-client inside) tells a person who connects: which VSIX to
// install instead, through the same path the Test Connection command and the tree take.
import * as assert from 'node:assert/strict';
import { HanaConnectionPool } from '../../../client/src/hana/connectionPool';
import {
  HanaDriverUnavailable,
  setHanaDriverLoaderForTests,
  vsixTargetOf,
} from '../../../client/src/hana/driver';
import type { HanaAccessError } from '../../../client/src/hana/errors';

const notInstalled = () => {
  throw Object.assign(
    new Error("Cannot find module '@sap/hana-client'\nRequire stack:\n- /x/dist/client.js"),
    {
      code: 'MODULE_NOT_FOUND',
    },
  );
};

describe('hana driver unavailable (universal VSIX)', () => {
  afterEach(() => setHanaDriverLoaderForTests(undefined));

  it('names the platform VSIX to install when connecting without the driver', async () => {
    setHanaDriverLoaderForTests(notInstalled);
    const pool = new HanaConnectionPool({ name: 'PRD', host: '127.0.0.1', port: 30013, user: 'U' });
    const error = await pool.exec('SELECT 1 FROM DUMMY').then(
      () => assert.fail('connected without a driver'),
      (e: unknown) => e as HanaAccessError,
    );
    await pool.dispose();
    assert.equal(error.kind, 'driverUnavailable');
    const expected = new HanaDriverUnavailable(process.platform, process.arch, 'the module is not installed');
    assert.equal(error.message, expected.message);
  });

  it('says which file to install, how, and why, on one line', () => {
    const { message } = new HanaDriverUnavailable('linux', 'x64', 'the module is not installed', false);
    assert.match(message, /could not be loaded on linux-x64 \(Node [\d.]+\): the module is not installed\./);
    assert.match(message, /Install the hana-backup VSIX for linux-x64, hana-backup-linux-x64-[^ ]+\.vsix, /);
    assert.match(message, /"Extensions: Install from VSIX\.\.\."/);
    assert.match(message, /`code --install-extension hana-backup-linux-x64-[^ ]+\.vsix`/);
    assert.match(message, /the universal VSIX comes without the driver/);
    assert.ok(!message.includes('\n'), message);
  });

  it('points Alpine at the alpine-x64 VSIX', () => {
    const { message } = new HanaDriverUnavailable('linux', 'x64', 'r', true);
    assert.match(message, /hana-backup-alpine-x64-[^ ]+\.vsix/);
  });

  it('says plainly when no VSIX carries a driver for the platform', () => {
    const { message } = new HanaDriverUnavailable('linux', 'ppc64', 'r', false);
    assert.match(
      message,
      /ships the driver for linux-x64, linux-arm64, alpine-x64, darwin-x64, darwin-arm64, win32-x64 only/,
    );
    assert.ok(!/\.vsix/.test(message), message);
  });

  it('maps platforms to the VSIX targets npm run package builds', () => {
    const cases: [string, string, boolean, string | undefined][] = [
      ['linux', 'x64', false, 'linux-x64'],
      ['linux', 'arm64', false, 'linux-arm64'],
      ['linux', 'x64', true, 'alpine-x64'],
      ['linux', 'arm64', true, undefined], // @sap/hana-client has no musl arm64 build
      ['darwin', 'x64', false, 'darwin-x64'],
      ['darwin', 'arm64', false, 'darwin-arm64'],
      ['win32', 'x64', false, 'win32-x64'],
      ['win32', 'arm64', false, undefined],
      ['linux', 'ppc64', false, undefined],
    ];
    for (const [platform, arch, alpine, target] of cases)
      assert.equal(vsixTargetOf(platform, arch, alpine), target, `${platform}-${arch} alpine=${alpine}`);
  });
});

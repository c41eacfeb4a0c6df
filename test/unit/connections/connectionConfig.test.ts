import * as assert from 'node:assert/strict';
import {
  passwordSource,
  readConnectionConfigs,
  toConnectionSettings,
  validateEnvironmentName,
  validateHost,
  validateName,
  validatePort,
} from '../../../client/src/connections/connectionConfig';

describe('connection settings', () => {
  it('validates what the user types', () => {
    assert.equal(validateName('PRD', []), undefined);
    assert.match(validateName('PRD', ['PRD'])!, /already exists/);
    assert.match(validateName(' ', [])!, /required/);
    assert.match(validateName('a b', [])!, /letters, digits/);
    assert.equal(validateHost('hana01.example.com'), undefined);
    assert.equal(validateHost('10.0.0.7'), undefined);
    assert.equal(validateHost('::1'), undefined);
    assert.match(validateHost('https://hana01')!, /no port, no scheme/);
    assert.match(validateHost('hana01:30013')!, /no port/);
    assert.equal(validatePort('30013'), undefined);
    assert.match(validatePort('70000')!, /between 1 and 65535/);
    assert.match(validatePort('3o013')!, /between/);
    assert.equal(validateEnvironmentName('HANA_PASSWORD'), undefined);
    assert.match(validateEnvironmentName('Manager1!')!, /not the password itself/);
  });

  it('keeps the usable entries of the setting and says what is wrong with the others', () => {
    const { connections, problems } = readConnectionConfigs([
      { name: 'PRD', host: 'hana01', port: 30013, user: 'BACKUP' },
      { name: 'PRD', host: 'hana02', port: 30013 },
      { name: 'QAS', host: 'qas', port: 'x' },
      'nonsense',
    ]);
    assert.deepEqual(
      connections.map((c) => c.name),
      ['PRD'],
    );
    assert.equal(problems.length, 3);
    assert.match(problems[0], /PRD: the name is used twice/);
    assert.match(problems[1], /QAS: Enter a port/);
    assert.match(problems[2], /connection 4 is not an object/);
  });

  it('an hdbuserstore key means no user and no password reach the driver', () => {
    const config = { name: 'PRD', host: 'hana01', port: 30013, user: 'IGNORED', userStoreKey: 'BACKUPKEY' };
    assert.equal(passwordSource(config), 'userStore');
    const settings = toConnectionSettings(config, 'secret');
    assert.equal(settings.user, undefined);
    assert.equal(settings.password, undefined);
    assert.equal(settings.userStoreKey, 'BACKUPKEY');
    assert.equal(passwordSource({ name: 'X', host: 'h', port: 1, passwordEnv: 'PW' }), 'environment');
    assert.equal(passwordSource({ name: 'X', host: 'h', port: 1, user: 'U' }), 'secretStorage');
  });
});

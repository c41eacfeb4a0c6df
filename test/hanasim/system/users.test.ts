import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserStore } from './users';

describe('hanasim users', () => {
  it('keeps verifiers, never passwords, and reads them back after a restart', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-users-'));
    try {
      const file = path.join(folder, 'users.json');
      new UserStore(file).add('SYSTEMDB', 'system', 'Secret-Pass1', ['BACKUP ADMIN', 'CATALOG READ']);
      assert.ok(!fs.readFileSync(file, 'utf8').includes('Secret-Pass1'));
      const again = new UserStore(file);
      const user = again.get('systemdb', 'SYSTEM')!;
      assert.ok(Buffer.isBuffer(user.verifier.SCRAMPBKDF2SHA256.salt));
      assert.equal(user.verifier.SCRAMPBKDF2SHA256.iterations, 15000);
      assert.ok(again.has('SYSTEMDB', 'SYSTEM', 'BACKUP ADMIN'));
      assert.ok(!again.has('SYSTEMDB', 'SYSTEM', 'INIFILE ADMIN'));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

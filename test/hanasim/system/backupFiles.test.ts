import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readBackupFile, writeBackupFile } from './backupFiles';

describe('hanasim backup files', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hanasim-files-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const header = {
    backupId: 1700000000001,
    database: 'PRD',
    entryType: 'complete data backup',
    serviceType: 'indexserver',
    volumeId: 3,
    declaredSize: 812_000_000_000,
  };

  it('writes a small file that reads back whole', () => {
    const file = path.join(folder, 'COMPLETE_DATA_BACKUP_databackup_3_1');
    writeBackupFile(file, header);
    assert.ok(fs.statSync(file).size < 1024);
    assert.deepEqual(readBackupFile(file), { ok: true, header });
    assert.ok(!fs.existsSync(`${file}.partial`));
  });

  it('tells a missing file from a damaged one', () => {
    const file = path.join(folder, 'damaged');
    writeBackupFile(file, header);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('812000000000', '812000000001'));
    assert.deepEqual(readBackupFile(file), { ok: false, reason: 'damaged' });
    assert.deepEqual(readBackupFile(path.join(folder, 'nothing')), { ok: false, reason: 'missing' });
  });
});

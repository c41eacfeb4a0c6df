import * as assert from 'node:assert/strict';
import { backupDetailsMarkdown } from '../../../client/src/details/backupDetailsText';

describe('backup details document', () => {
  it('lists the entry and its files, with table cells escaped', () => {
    const text = backupDetailsMarkdown('PRD', {
      backupId: '1795237276783',
      entryType: 'complete data backup',
      state: 'successful',
      start: new Date('2026-11-21T05:01:16Z'),
      end: new Date('2026-11-21T05:42:16Z'),
      comment: 'before | upgrade',
      message: '<ok>',
      sizeBytes: 2048,
      destination: 'backint',
      database: 'PRD',
      sourceDatabase: 'PRD',
      files: [
        {
          host: 'hana01',
          service: 'indexserver',
          sourceType: 'volume',
          sizeBytes: 1024,
          destinationType: 'backint',
          destinationPath: '/usr/sap/PRD/SYS/global/hdb/backint/DB_PRD/full_databackup_3_1',
          externalBackupId: 'EBID-1',
          redoLogPosition: '123456',
        },
      ],
    });
    assert.match(text, /^# complete data backup 1795237276783$/m);
    assert.match(text, /\| Duration \| 41 min \|/);
    assert.match(text, /\| Comment \| before \\\| upgrade \|/);
    assert.match(
      text,
      /\| hana01 \| indexserver \| volume \| 1.0 KB \| backint: \/usr\/sap\/PRD.* \| EBID-1 \| 123456 \|/,
    );
  });
});

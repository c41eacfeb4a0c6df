import * as assert from 'node:assert/strict';
import {
  backintDirectory,
  backupCancelStatement,
  backupStatement,
  defaultBackupPrefix,
} from '../../../client/src/operations/backupRun';
import { closeSnapshotStatement, createSnapshotStatement } from '../../../client/src/operations/snapshotRun';

const NOW = new Date('2026-11-22T04:10:59.999Z');

describe('operations statements', () => {
  it('names a file backup after its type and the UTC minute', () => {
    assert.equal(
      defaultBackupPrefix('PRD', 'complete', 'file', 'PRD', NOW),
      'COMPLETE_DATA_BACKUP_2026-11-22_04-10',
    );
    assert.equal(
      defaultBackupPrefix('QAS', 'differential', 'file', 'PRD', NOW),
      'DIFFERENTIAL_DATA_BACKUP_2026-11-22_04-10',
    );
    assert.equal(
      defaultBackupPrefix('QAS', 'incremental', 'file', 'PRD', new Date('2027-01-02T23:05:00+02:00')),
      'INCREMENTAL_DATA_BACKUP_2027-01-02_21-05',
    );
  });

  it('puts a Backint backup under the directory HANA requires for the database', () => {
    assert.equal(
      defaultBackupPrefix('QAS', 'complete', 'backint', 'PRD', NOW),
      '/usr/sap/PRD/SYS/global/hdb/backint/DB_QAS/COMPLETE_DATA_BACKUP_2026-11-22_04-10',
    );
    assert.equal(
      defaultBackupPrefix('SYSTEMDB', 'differential', 'backint', 'PRD', NOW),
      '/usr/sap/PRD/SYS/global/hdb/backint/SYSTEMDB/DIFFERENTIAL_DATA_BACKUP_2026-11-22_04-10',
    );
    assert.throws(() => backintDirectory('P/D', 'PRD'), RangeError);
    assert.throws(() => backintDirectory('prd', 'PRD'), RangeError);
  });

  it('backs up a tenant FOR it and the SYSTEMDB without FOR, always ASYNCHRONOUS', () => {
    assert.equal(
      backupStatement({ database: 'PRD', type: 'complete', destination: 'file', prefix: 'full' }).text,
      `BACKUP DATA FOR "PRD" USING FILE ('full') ASYNCHRONOUS`,
    );
    assert.equal(
      backupStatement({ database: 'SYSTEMDB', type: 'incremental', destination: 'backint', prefix: 'x' })
        .text,
      `BACKUP DATA INCREMENTAL USING BACKINT ('x') ASYNCHRONOUS`,
    );
    const hostile = backupStatement({
      database: 'QAS',
      type: 'differential',
      destination: 'file',
      prefix: "it's",
      comment: "'; DROP TABLE X; --",
    });
    assert.equal(
      hostile.text,
      `BACKUP DATA DIFFERENTIAL FOR "QAS" USING FILE ('it''s') ASYNCHRONOUS COMMENT '''; DROP TABLE X; --'`,
    );
    assert.deepEqual(hostile.params, []);
  });

  it('inlines backup ids only as integers', () => {
    assert.equal(backupCancelStatement(1700000000123).text, 'BACKUP CANCEL 1700000000123');
    assert.equal(backupCancelStatement('1700000000123').text, 'BACKUP CANCEL 1700000000123');
    assert.throws(() => backupCancelStatement('1; DROP TABLE X'), RangeError);
    assert.throws(() => closeSnapshotStatement('-1', { successful: false }), RangeError);
  });

  it('builds the snapshot statements with quoted texts', () => {
    assert.equal(
      createSnapshotStatement("nightly 'ebs'").text,
      `BACKUP DATA FOR FULL SYSTEM CREATE SNAPSHOT COMMENT 'nightly ''ebs'''`,
    );
    assert.equal(
      closeSnapshotStatement(42, { successful: true, externalId: "snap-'1'" }).text,
      `BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID 42 SUCCESSFUL 'snap-''1'''`,
    );
    assert.equal(
      closeSnapshotStatement('42', { successful: false, reason: "command failed: it's gone" }).text,
      `BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID 42 UNSUCCESSFUL 'command failed: it''s gone'`,
    );
    assert.equal(
      closeSnapshotStatement(42, { successful: false }).text,
      'BACKUP DATA FOR FULL SYSTEM CLOSE SNAPSHOT BACKUP_ID 42 UNSUCCESSFUL',
    );
  });
});

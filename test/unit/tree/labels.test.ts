import * as assert from 'node:assert/strict';
import type { DatabaseSummary } from '../../../client/src/catalog/catalogTypes';
import {
  entryDescription,
  formatBytes,
  formatSpan,
  rpoVerdict,
  summaryLine,
  windowDescription,
} from '../../../client/src/tree/labels';

const NOW = new Date('2026-11-22T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

function summary(overrides: Partial<DatabaseSummary> = {}): DatabaseSummary {
  return {
    database: 'PRD',
    now: NOW,
    logMode: 'normal',
    window: { from: new Date('2026-10-23T01:12:00Z'), until: minutesAgo(4) },
    lastLogBackup: minutesAgo(4),
    logBackupsRecent: 2880,
    gapsRecent: 0,
    maxLogGapSeconds: 14 * 60,
    logSample: 400,
    runningBackups: 0,
    preparedSnapshots: 0,
    newestFull: {
      backupId: '1',
      entryType: 'complete data backup',
      state: 'successful',
      start: new Date(NOW.getTime() - 2 * 86_400_000),
      end: new Date(NOW.getTime() - 2 * 86_400_000 + 41 * 60_000),
      comment: '',
      message: '<ok>',
      sizeBytes: 812 * 1024 ** 3,
      destination: 'backint',
    },
    ...overrides,
  };
}

describe('tree labels', () => {
  it('sizes and spans in the units an administrator reads', () => {
    assert.equal(formatBytes(812 * 1024 ** 3), '812 GB');
    assert.equal(formatBytes(38.4 * 1024 ** 3), '38.4 GB');
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatSpan(45), '45 s');
    assert.equal(formatSpan(14 * 60), '14 min');
    assert.equal(formatSpan(3 * 3600 + 5 * 60), '3 h 5 min');
    assert.equal(formatSpan(2 * 86400), '2 days');
  });

  it('the database line: the window and the age of the last log backup', () => {
    assert.equal(windowDescription(summary()), 'recoverable 2026-10-23 01:12 → now (log 4 min ago)');
    assert.equal(
      windowDescription(summary({ window: { reason: 'log_mode is overwrite: no log backups' } })),
      'not recoverable to a point in time: log_mode is overwrite: no log backups',
    );
  });

  it('the RPO is met only when the largest log interval is within it and no log was lost', () => {
    assert.deepEqual(rpoVerdict(summary(), 900, '15m'), {
      met: true,
      text: 'RPO 15m met (max log gap 14 min)',
    });
    assert.deepEqual(rpoVerdict(summary({ maxLogGapSeconds: 3600 }), 900, '15m'), {
      met: false,
      text: 'RPO 15m not met (max log gap 1 h)',
    });
    assert.equal(rpoVerdict(summary({ gapsRecent: 1 }), 900, '15m')?.met, false);
    assert.equal(rpoVerdict(summary({ maxLogGapSeconds: undefined }), 900, '15m')?.met, false);
    assert.equal(rpoVerdict(summary(), undefined), undefined);
  });

  it('the summary line, with and without a governing policy', () => {
    assert.equal(
      summaryLine(summary(), rpoVerdict(summary(), 900, '15m')),
      'Recoverable window: 30 days · newest full 2 days ago · RPO 15m met (max log gap 14 min)',
    );
    assert.equal(
      summaryLine(summary()),
      'Recoverable window: 30 days · newest full 2 days ago · max log gap 14 min (no policy RPO)',
    );
  });

  it('a backup entry: type, destination, size, duration, state', () => {
    assert.equal(
      entryDescription(summary().newestFull!),
      'complete · backint · 812 GB · 41 min · successful',
    );
    assert.equal(
      entryDescription({ ...summary().newestFull!, state: 'running', end: undefined }, 37),
      'complete · backint · 812 GB · running 37%',
    );
  });
});

import * as assert from 'node:assert/strict';
import { HanaBackupLanguageService } from '../../../server/src/languageService';
import type { DataKind, Schedule } from '../../../server/src/languageService/model/policyModel';
import { dueRuns, type DueRun } from '../../../server/src/languageService/operations/dueRuns';
import { policyOperations } from '../../../server/src/languageService/operations/policyOperations';
import { doc } from '../support/kit';

const POLICIES = `apiVersion: hana-backup/v1
kind: BackupPolicy
metadata: { name: prd-standard }
spec:
  timezone: Europe/Berlin
  targets:
    - system: PRD
      databases: [SYSTEMDB, PRD]
  destinations:
    data: { type: backint, parameterFile: /hana/param, channels: 4 }
    log: { type: backint }
    snapshot: { command: /usr/local/bin/take-snapshot, timeout: 10m }
  schedules:
    full: { every: week, on: [sun], at: "01:00" }
    differential: { cron: "0 1 * * 1-6" }
    log: { interval: 15m }
  retention:
    full: { daily: 7d, weekly: 8w }
    differential: 14d
    log: 35d
---
apiVersion: hana-backup/v1
kind: BackupPolicy
spec:
  targets: [{ system: QAS, databases: ["*"] }]
  destinations:
    data: { type: file, path: /backup/data }
    log: { type: file, path: /backup/log }
  schedules:
    full: { every: day, at: "22:00" }
---
apiVersion: hana-backup/v1
kind: BackupPolicy
metadata: { name: broken
`;

const weeklyFull: Schedule = {
  form: 'calendar',
  every: 'week',
  weekdays: [0],
  times: [{ hour: 1, minute: 0 }],
};
const dailyDifferential: Schedule = {
  form: 'calendar',
  every: 'day',
  weekdays: [1, 2, 3, 4, 5, 6],
  times: [{ hour: 1, minute: 0 }],
};
const at = (iso: string) => new Date(iso);

/** The due runs as `kind@ISO` texts, superseded deltas in brackets after their full. */
function due(
  schedules: Partial<Record<DataKind, Schedule>>,
  last: Partial<Record<DataKind, string>>,
  now: string,
  timezone = 'Europe/Berlin',
): string[] {
  const lastDates = Object.fromEntries(Object.entries(last).map(([kind, iso]) => [kind, at(iso)]));
  const show = (run: Pick<DueRun, 'kind' | 'occurrence'>) => `${run.kind}@${run.occurrence.toISOString()}`;
  return dueRuns(schedules, timezone, lastDates, at(now)).map(
    (run) => show(run) + (run.supersedes ? ` [${run.supersedes.map(show).join(', ')}]` : ''),
  );
}

describe('policyOperations', () => {
  it('gives each well-formed policy document its targets, expectations, schedules and retention', () => {
    const document = doc(POLICIES);
    const [prd, qas, ...rest] = policyOperations(document);
    assert.equal(rest.length, 0, 'the document with a YAML error is left out');
    assert.equal(prd.policy, 'prd-standard');
    assert.equal(prd.documentIndex, 0);
    assert.equal(prd.timezone, 'Europe/Berlin');
    assert.deepEqual(prd.targets, [{ system: 'PRD', databases: ['SYSTEMDB', 'PRD'] }]);
    assert.equal(prd.dataDestination, 'backint');
    assert.equal(prd.snapshotCommand, '/usr/local/bin/take-snapshot');
    assert.deepEqual(
      prd.expectations.map((e) => `[${e.section}] ${e.key} = ${e.value}`),
      [
        '[persistence] log_backup_timeout_s = 900',
        '[backup] log_backup_using_backint = true',
        '[backup] catalog_backup_using_backint = true',
        '[backup] parallel_data_backup_backint_channels = 4',
        '[backup] data_backup_parameter_file = /hana/param',
      ],
    );
    const interval = prd.expectations[0];
    assert.equal(interval.said, '`15m`');
    assert.equal(document.getText(interval.range), '15m');
    assert.deepEqual(prd.schedules.full, weeklyFull);
    assert.deepEqual(prd.schedules.differential, { form: 'cron', cron: '0 1 * * 1-6' });
    assert.equal(prd.retention.differential?.text, '14d');
    assert.deepEqual(prd.retention.full, {
      kind: 'tiers',
      tiers: { daily: { amount: 7, unit: 'd', text: '7d' }, weekly: { amount: 8, unit: 'w', text: '8w' } },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(prd.schedules)), prd.schedules, 'serialisable');

    assert.equal(qas.policy, 'document 2');
    assert.equal(qas.documentIndex, 1);
    assert.equal(qas.timezone, 'UTC');
    assert.deepEqual(qas.targets, [{ system: 'QAS', databases: ['*'] }]);
    assert.equal(qas.dataDestination, 'file');
    assert.equal(qas.snapshotCommand, undefined);
    assert.ok(qas.expectations.some((e) => e.key === 'basepath_databackup' && e.value === '/backup/data'));
  });

  it('is offered by the language service for policy files only', () => {
    const service = new HanaBackupLanguageService();
    assert.deepEqual(
      service.policyOperations(doc(POLICIES)).map((p) => p.policy),
      ['prd-standard', 'document 2'],
    );
    assert.deepEqual(service.policyOperations(doc('[backup]\n', 'file:///ws/global.ini')), []);
  });
});

describe('dueRuns', () => {
  it('makes a weekly full due at its occurrence, in the policy’s zone across the spring DST change', () => {
    const schedules = { full: weeklyFull };
    // Sunday 29 March 2026, 01:00 CET is 00:00 UTC; clocks go forward an hour later.
    assert.deepEqual(due(schedules, { full: '2026-03-22T00:05:00Z' }, '2026-03-28T23:59:00Z'), []);
    assert.deepEqual(due(schedules, { full: '2026-03-22T00:05:00Z' }, '2026-03-29T00:00:00Z'), [
      'full@2026-03-29T00:00:00.000Z',
    ]);
    // A week later 01:00 is CEST: 23:00 UTC on Saturday.
    assert.deepEqual(due(schedules, { full: '2026-03-29T00:05:00Z' }, '2026-04-04T22:59:00Z'), []);
    assert.deepEqual(due(schedules, { full: '2026-03-29T00:05:00Z' }, '2026-04-04T23:00:00Z'), [
      'full@2026-04-04T23:00:00.000Z',
    ]);
  });

  it('runs a time skipped by the spring change an hour later, and a repeated time once in autumn', () => {
    const schedules: Partial<Record<DataKind, Schedule>> = {
      differential: { form: 'calendar', every: 'day', times: [{ hour: 2, minute: 30 }] },
    };
    // 02:30 does not exist on 29 March 2026 in Berlin: the run comes at 03:30 CEST (01:30 UTC).
    assert.deepEqual(due(schedules, { differential: '2026-03-28T01:35:00Z' }, '2026-03-29T01:29:00Z'), []);
    assert.deepEqual(due(schedules, { differential: '2026-03-28T01:35:00Z' }, '2026-03-29T01:30:00Z'), [
      'differential@2026-03-29T01:30:00.000Z',
    ]);
    // 02:30 happens twice on 25 October 2026 (CEST, then CET): the first one is the run.
    assert.deepEqual(due(schedules, { differential: '2026-10-24T00:35:00Z' }, '2026-10-25T00:30:00Z'), [
      'differential@2026-10-25T00:30:00.000Z',
    ]);
    assert.deepEqual(due(schedules, { differential: '2026-10-25T00:35:00Z' }, '2026-10-25T01:45:00Z'), []);
  });

  it('reads cron schedules in the policy’s zone and reports the newest missed occurrence', () => {
    const schedules: Partial<Record<DataKind, Schedule>> = {
      full: weeklyFull,
      incremental: { form: 'cron', cron: '0 13 * * 1-6' },
    };
    const last = { full: '2026-11-22T00:10:00Z', incremental: '2026-11-23T12:10:00Z' };
    // Monday 13:00 CET ran; Tuesday's and Wednesday's did not: Wednesday's is the one to catch up.
    assert.deepEqual(due(schedules, last, '2026-11-25T12:30:00Z'), ['incremental@2026-11-25T12:00:00.000Z']);
    assert.deepEqual(due(schedules, last, '2026-11-25T11:59:00Z'), ['incremental@2026-11-24T12:00:00.000Z']);
    // 13:00 in New York is 18:00 UTC: Wednesday's run there is still to come.
    assert.deepEqual(
      due({ incremental: schedules.incremental }, last, '2026-11-25T12:30:00Z', 'America/New_York'),
      ['incremental@2026-11-24T18:00:00.000Z'],
    );
  });

  it('handles monthly schedules, the last day of the month included', () => {
    const schedules: Partial<Record<DataKind, Schedule>> = {
      full: { form: 'calendar', every: 'month', monthDays: ['last'], times: [{ hour: 23, minute: 0 }] },
    };
    assert.deepEqual(due(schedules, { full: '2026-01-31T22:05:00Z' }, '2026-02-28T21:59:00Z'), []);
    assert.deepEqual(due(schedules, { full: '2026-01-31T22:05:00Z' }, '2026-03-15T12:00:00Z'), [
      'full@2026-02-28T22:00:00.000Z',
    ]);
  });

  it('makes a kind never backed up due at once, with its latest occurrence within one period', () => {
    assert.deepEqual(due({ full: weeklyFull }, {}, '2026-11-25T12:00:00Z'), [
      'full@2026-11-22T00:00:00.000Z',
    ]);
    const snapshot: Schedule = { form: 'calendar', every: 'day', times: [{ hour: 4, minute: 30 }] };
    assert.deepEqual(due({ snapshot }, {}, '2026-11-25T12:00:00Z', 'UTC'), [
      'snapshot@2026-11-25T04:30:00.000Z',
    ]);
  });

  it('lets a due full stand in for a differential due at the same time, but not for a snapshot', () => {
    const schedules: Partial<Record<DataKind, Schedule>> = {
      full: weeklyFull,
      differential: dailyDifferential,
      snapshot: { form: 'calendar', every: 'day', times: [{ hour: 4, minute: 30 }] },
    };
    const last = {
      full: '2026-11-15T00:20:00Z',
      differential: '2026-11-21T00:20:00Z',
      snapshot: '2026-11-22T03:31:00Z',
    };
    // Monday 23 November, 10:00 CET: Sunday's full and Monday's differential were both missed.
    assert.deepEqual(due(schedules, last, '2026-11-23T09:00:00Z'), [
      'full@2026-11-22T00:00:00.000Z [differential@2026-11-23T00:00:00.000Z]',
      'snapshot@2026-11-23T03:30:00.000Z',
    ]);
    assert.deepEqual(due(schedules, {}, '2026-11-23T09:00:00Z'), [
      'full@2026-11-22T00:00:00.000Z [differential@2026-11-23T00:00:00.000Z]',
      'snapshot@2026-11-23T03:30:00.000Z',
    ]);
  });

  it('counts a delta as done when a full succeeded after its occurrence', () => {
    const schedules = { full: weeklyFull, differential: dailyDifferential };
    const last = { full: '2026-11-23T02:00:00Z', differential: '2026-11-21T00:20:00Z' };
    assert.deepEqual(due(schedules, last, '2026-11-23T09:00:00Z'), []);
    assert.deepEqual(due(schedules, last, '2026-11-24T00:00:00Z'), ['differential@2026-11-24T00:00:00.000Z']);
  });

  // Found by the fuzzer: a day written twice is valid, but cron-parser refused the expression built from it.
  it('reads a day written twice in `on` as that day once', () => {
    const twice: Schedule = { ...weeklyFull, weekdays: [0, 0] };
    assert.deepEqual(due({ full: twice }, {}, '2026-11-23T09:00:00Z'), ['full@2026-11-22T00:00:00.000Z']);
    const lastDay: Schedule = {
      form: 'calendar',
      every: 'month',
      monthDays: ['last', 'last', 30],
      times: [{ hour: 1, minute: 0 }],
    };
    assert.deepEqual(due({ full: lastDay }, {}, '2026-12-01T09:00:00Z'), ['full@2026-11-30T00:00:00.000Z']);
  });

  it('refuses an unknown time zone or an invalid cron schedule instead of skipping a backup', () => {
    assert.throws(() => due({ full: weeklyFull }, {}, '2026-11-23T09:00:00Z', 'Europe/Nowhere'), /time zone/);
    assert.throws(
      () => due({ full: { form: 'cron', cron: '0 0 31 4 *' } }, {}, '2026-11-23T09:00:00Z'),
      /full schedule is not valid/,
    );
  });
});

import type { DocumentContext } from '../diagnostics/documentContext';
import {
  durationBounds,
  durationInWords,
  durationSeconds,
  UNIT_SECONDS,
  type Duration,
} from '../model/duration';
import { DATA_KINDS, TIERS, type Tier } from '../model/policyModel';
import { checkCron } from '../schedules/cron';
import type { PolicyFacts } from './policyFacts';

const AZURE_LOG_MINUTES = [15, 30, 60, 120, 240, 480, 720, 1440];

type RangeUnit = 'd' | 'w' | 'mo' | 'y';
const TIER_RANGES: Record<Tier, [number, number, RangeUnit]> = {
  daily: [7, 9999, 'd'],
  weekly: [1, 5163, 'w'],
  monthly: [1, 1188, 'mo'],
  yearly: [1, 99, 'y'],
};
const UNIT_NAMES: Record<RangeUnit, string> = { d: 'days', w: 'weeks', mo: 'months', y: 'years' };

/** HBP120: the limits Azure Backup for SAP HANA puts on a policy (provider: azure only). */
export function checkAzure(ctx: DocumentContext, facts: PolicyFacts): void {
  const { model } = facts;
  if (model.provider !== 'azure') return;
  const report = (path: (string | number)[], message: string, onKey = false) =>
    ctx.report('HBP120', onKey ? ctx.keyRange(path) : ctx.valueRange(path), `Azure Backup: ${message}`);

  if (model.logInterval && !AZURE_LOG_MINUTES.includes(durationSeconds(model.logInterval) / 60)) {
    report(
      ['spec', 'schedules', 'log', 'interval'],
      `log backups run every 15m, 30m, 1h, 2h, 4h, 8h, 12h or 24h; ${model.logInterval.text} is not one of them.`,
    );
  }
  checkMinutes(ctx, facts, report);
  checkFullFrequency(facts, report);
  checkDeltaDays(facts, report);
  checkRetentionRanges(facts, report);
}

type Report = (path: (string | number)[], message: string, onKey?: boolean) => void;

function checkMinutes(ctx: DocumentContext, facts: PolicyFacts, report: Report): void {
  const schedules = (ctx.doc.value as { spec?: { schedules?: Record<string, Record<string, unknown>> } }).spec
    ?.schedules;
  for (const kind of DATA_KINDS) {
    const schedule = facts.model.schedules[kind];
    if (!schedule) continue;
    if (schedule.form === 'cron') {
      const check = checkCron(schedule.cron);
      if (check.ok && check.fields.minutes.some((m) => m !== 0 && m !== 30)) {
        report(
          ['spec', 'schedules', kind, 'cron'],
          'schedules start on the hour or half hour (minute 0 or 30).',
        );
      }
      continue;
    }
    const at = schedules?.[kind]?.at;
    schedule.times.forEach((time, index) => {
      if (time.minute === 0 || time.minute === 30) return;
      const path = Array.isArray(at)
        ? ['spec', 'schedules', kind, 'at', index]
        : ['spec', 'schedules', kind, 'at'];
      report(path, 'schedules start on the hour or half hour (HH:00 or HH:30).');
    });
  }
}

function checkFullFrequency(facts: PolicyFacts, report: Report): void {
  const schedule = facts.model.schedules.full;
  const runs = facts.runs.full;
  if (!schedule || !runs) return;
  if (schedule.form === 'calendar' && schedule.every === 'month') {
    report(['spec', 'schedules', 'full', 'every'], 'full backups are daily or weekly, not monthly.');
    return;
  }
  if ([...runs.perDay.values()].some((count) => count > 1)) {
    report(['spec', 'schedules', 'full'], 'at most one scheduled full backup a day.', true);
    return;
  }
  if (schedule.form === 'cron') {
    const weeks = new Set(runs.minutes.map((m) => Math.floor(m / (7 * 1440))));
    const totalWeeks = Math.floor(runs.periodMinutes / (7 * 1440));
    if (weeks.size < totalWeeks)
      report(
        ['spec', 'schedules', 'full', 'cron'],
        'full backups are daily or weekly: this cron skips whole weeks.',
      );
  }
}

function checkDeltaDays(facts: PolicyFacts, report: Report): void {
  const fullDays = new Set(facts.runs.full?.perDay.keys() ?? []);
  for (const kind of ['differential', 'incremental'] as const) {
    const runs = facts.runs[kind];
    if (!runs) continue;
    if ([...runs.perDay.values()].some((count) => count > 1)) {
      report(['spec', 'schedules', kind], `at most one ${kind} backup a day.`, true);
    } else if ([...runs.perDay.keys()].some((day) => fullDays.has(day))) {
      report(['spec', 'schedules', kind], `${kind} backups run only on days without a scheduled full.`, true);
    }
  }
}

function checkRange(
  report: Report,
  path: (string | number)[],
  what: string,
  duration: Duration,
  [min, max, unit]: [number, number, RangeUnit],
): void {
  // In the range's own unit the amount is exact; otherwise months and years must fit at their
  // shortest for the lower limit and at their longest for the upper one (6mo is more than 180d).
  const bounds = durationBounds(duration);
  const shortest = duration.unit === unit ? duration.amount : bounds.min / UNIT_SECONDS[unit];
  const longest = duration.unit === unit ? duration.amount : bounds.max / UNIT_SECONDS[unit];
  if (shortest >= min && longest <= max) return;
  report(
    path,
    `${what} are kept ${min} to ${max} ${UNIT_NAMES[unit]}; ${durationInWords(duration)} is outside that range.`,
  );
}

function checkRetentionRanges(facts: PolicyFacts, report: Report): void {
  const { retention } = facts.model;
  if (retention.full?.kind === 'single') {
    checkRange(
      report,
      ['spec', 'retention', 'full'],
      'full backups',
      retention.full.duration,
      TIER_RANGES.daily,
    );
  } else if (retention.full?.kind === 'tiers') {
    for (const tier of TIERS) {
      const duration = retention.full.tiers[tier];
      if (duration)
        checkRange(report, ['spec', 'retention', 'full', tier], `${tier} fulls`, duration, TIER_RANGES[tier]);
    }
  }
  for (const kind of ['differential', 'incremental'] as const) {
    const duration = retention[kind];
    if (duration) checkRange(report, ['spec', 'retention', kind], `${kind} backups`, duration, [7, 180, 'd']);
  }
  if (retention.log)
    checkRange(report, ['spec', 'retention', 'log'], 'log backups', retention.log, [7, 35, 'd']);
}

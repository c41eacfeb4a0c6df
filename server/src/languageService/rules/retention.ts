import type { DocumentContext } from '../diagnostics/documentContext';
import {
  certainlyLonger,
  durationBounds,
  durationInWords,
  durationSeconds,
  durationTextAtLeast,
  secondsInWords,
  type Duration,
} from '../model/duration';
import { DATA_KINDS, TIERS } from '../model/policyModel';
import { DiagnosticRelatedInformation } from '../types';
import { covers, describeMinute, gapMinutesOf, longestGap, type PolicyFacts } from './policyFacts';

/** HBP103, HBP104, HBP106, HBP109, HBP110: whether what is kept still adds up to a recovery. */
export function checkRetention(ctx: DocumentContext, facts: PolicyFacts): void {
  checkMinutesUnit(ctx, facts);
  const fired103 = checkLogCoversDataGaps(ctx, facts);
  checkRetentionAgainstInterval(ctx, facts, fired103);
  checkDeltaOutlivesFull(ctx, facts);
  checkLogOutlivesData(ctx, facts);
}

function checkMinutesUnit(ctx: DocumentContext, facts: PolicyFacts): void {
  const { retention } = facts.model;
  const entries: [(string | number)[], Duration | undefined][] = [
    [['spec', 'retention', 'differential'], retention.differential],
    [['spec', 'retention', 'incremental'], retention.incremental],
    [['spec', 'retention', 'snapshot'], retention.snapshot],
    [['spec', 'retention', 'log'], retention.log],
  ];
  if (retention.full?.kind === 'single')
    entries.push([['spec', 'retention', 'full'], retention.full.duration]);
  if (retention.full?.kind === 'tiers') {
    for (const tier of TIERS) entries.push([['spec', 'retention', 'full', tier], retention.full.tiers[tier]]);
  }
  for (const [path, duration] of entries) {
    if (duration?.unit !== 'm') continue;
    const replacement = `${duration.amount}mo`;
    ctx.report(
      'HBP110',
      ctx.valueRange(path),
      `Retention \`${duration.text}\` means ${durationInWords(duration)} (\`m\` is minutes). For ${duration.amount} month${duration.amount === 1 ? '' : 's'} write \`${replacement}\`.`,
      { data: { replacement } },
    );
  }
}

function checkLogCoversDataGaps(ctx: DocumentContext, facts: PolicyFacts): boolean {
  const log = facts.model.retention.log;
  if (!log || facts.allDataRuns.length === 0) return false;
  const gap = gapMinutesOf(facts.allDataRuns);
  if (covers(log, gap)) return false;
  const minimum = durationTextAtLeast(gap * 60);
  const where = longestGap(facts.allDataRuns);
  const example = where ? ` (e.g. ${describeMinute(where.from)} → ${describeMinute(where.to)})` : '';
  ctx.report(
    'HBP103',
    ctx.valueRange(['spec', 'retention', 'log']),
    `Log retention ${durationInWords(log)} is shorter than the longest gap between two data backups, ${secondsInWords(gap * 60)}${example}: recovery to the latest state fails once the newest data backup is older than the oldest kept log. Keep logs at least ${minimum}.`,
    { data: { minimum } },
  );
  return true;
}

function checkRetentionAgainstInterval(ctx: DocumentContext, facts: PolicyFacts, fired103: boolean): void {
  const { model } = facts;
  for (const kind of DATA_KINDS) {
    const runs = facts.runs[kind];
    if (!runs || runs.minutes.length === 0) continue;
    const retention =
      kind === 'full'
        ? facts.fullRetention
        : model.retention[kind]
          ? { duration: model.retention[kind]!, path: ['spec', 'retention', kind] }
          : undefined;
    if (!retention) continue;
    const gap = gapMinutesOf(runs.minutes);
    if (covers(retention.duration, gap)) continue;
    ctx.report(
      'HBP104',
      ctx.valueRange(retention.path),
      `${capitalise(kind)} backups are kept ${durationInWords(retention.duration)} but run up to ${secondsInWords(gap * 60)} apart: there are times with no ${kind} backup at all. Keep them at least ${durationTextAtLeast(gap * 60)}.`,
      {
        related: [
          DiagnosticRelatedInformation.create(
            ctx.location(ctx.keyRange(['spec', 'schedules', kind])),
            `${kind} schedule`,
          ),
        ],
        data: { minimum: durationTextAtLeast(gap * 60) },
      },
    );
  }
  const log = model.retention.log;
  if (!fired103 && log && model.logInterval && durationSeconds(log) < durationSeconds(model.logInterval)) {
    ctx.report(
      'HBP104',
      ctx.valueRange(['spec', 'retention', 'log']),
      `Log backups are kept ${durationInWords(log)} but run every ${durationInWords(model.logInterval)}: most of the time no log backup is kept. Keep them at least ${model.logInterval.text}.`,
      { data: { minimum: model.logInterval.text } },
    );
  }
}

function checkDeltaOutlivesFull(ctx: DocumentContext, facts: PolicyFacts): void {
  const full = facts.fullRetention;
  if (!full) return;
  for (const kind of ['differential', 'incremental'] as const) {
    const delta = facts.model.retention[kind];
    if (!delta || !certainlyLonger(delta, full.duration)) continue;
    ctx.report(
      'HBP106',
      ctx.valueRange(['spec', 'retention', kind]),
      `${capitalise(kind)} backups are kept ${durationInWords(delta)}, longer than the fulls they depend on (${durationInWords(full.duration)}): the oldest ones cannot be restored. Keep them at most ${full.duration.text}, or keep fulls longer.`,
      {
        related: [
          DiagnosticRelatedInformation.create(ctx.location(ctx.valueRange(full.path)), 'full retention'),
        ],
      },
    );
  }
}

function checkLogOutlivesData(ctx: DocumentContext, facts: PolicyFacts): void {
  const { retention } = facts.model;
  const log = retention.log;
  if (!log) return;
  const data: [Duration, (string | number)[]][] = [];
  if (retention.full?.kind === 'single') data.push([retention.full.duration, ['spec', 'retention', 'full']]);
  if (retention.full?.kind === 'tiers') {
    for (const tier of TIERS) {
      const duration = retention.full.tiers[tier];
      if (duration) data.push([duration, ['spec', 'retention', 'full', tier]]);
    }
  }
  for (const kind of ['differential', 'incremental', 'snapshot'] as const) {
    if (retention[kind]) data.push([retention[kind]!, ['spec', 'retention', kind]]);
  }
  if (data.length === 0) return;
  const [longest, path] = data.reduce((a, b) =>
    durationBounds(b[0]).max > durationBounds(a[0]).max ? b : a,
  );
  if (!certainlyLonger(log, longest)) return;
  ctx.report(
    'HBP109',
    ctx.valueRange(['spec', 'retention', 'log']),
    `Logs are kept ${durationInWords(log)}, longer than any data backup (longest ${durationInWords(longest)}): the oldest logs have no data backup to start a recovery from. Keep logs at most ${longest.text}.`,
    {
      related: [
        DiagnosticRelatedInformation.create(ctx.location(ctx.valueRange(path)), 'longest data retention'),
      ],
    },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

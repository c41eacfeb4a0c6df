import type { DocumentContext } from '../diagnostics/documentContext';
import { DATA_KINDS } from '../model/policyModel';
import { DiagnosticRelatedInformation, DiagnosticSeverity } from '../types';
import { describeMinute, type PolicyFacts } from './policyFacts';

const MAX_INCREMENTALS_BETWEEN_FULLS = 6;

/** HBP105, HBP107, HBP108, HBP113: whether the schedules fit together. */
export function checkScheduling(ctx: DocumentContext, facts: PolicyFacts): void {
  const keys = facts.model.scheduleKeys;
  for (const kind of ['differential', 'incremental'] as const) {
    if (keys.has(kind) && !keys.has('full')) {
      ctx.report(
        'HBP105',
        ctx.keyRange(['spec', 'schedules', kind]),
        `${kind === 'differential' ? 'Differential' : 'Incremental'} backups are scheduled without any \`full\` schedule: HANA needs a complete data backup to base them on ("No data backups found"). Add \`schedules.full\`.`,
      );
    }
  }
  if (keys.has('differential') && keys.has('incremental')) {
    const azure = facts.model.provider === 'azure';
    ctx.report(
      'HBP107',
      ctx.keyRange(['spec', 'schedules', 'incremental']),
      `Both differential and incremental backups are scheduled: recovery chains mix both kinds and get harder to reason about${azure ? ', and Azure Backup allows only one of them' : ''}. Pick one.`,
      {
        severity: azure ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        related: [
          DiagnosticRelatedInformation.create(
            ctx.location(ctx.keyRange(['spec', 'schedules', 'differential'])),
            'differential schedule',
          ),
        ],
      },
    );
  }
  checkCollisions(ctx, facts);
  checkChainLength(ctx, facts);
}

function checkCollisions(ctx: DocumentContext, facts: PolicyFacts): void {
  for (let i = 0; i < DATA_KINDS.length; i++) {
    const first = DATA_KINDS[i];
    const firstRuns = facts.runs[first];
    if (!firstRuns) continue;
    const firstSet = new Set(firstRuns.minutes);
    for (const second of DATA_KINDS.slice(i + 1)) {
      const common = facts.runs[second]?.minutes.find((minute) => firstSet.has(minute));
      if (common === undefined) continue;
      ctx.report(
        'HBP108',
        ctx.keyRange(['spec', 'schedules', second]),
        `The ${second} and ${first} schedules both fire at the same minute (e.g. ${describeMinute(common)}): HANA runs one data backup per database at a time, so one of them fails. Move one to another time or day.`,
        {
          related: [
            DiagnosticRelatedInformation.create(
              ctx.location(ctx.keyRange(['spec', 'schedules', first])),
              `${first} schedule`,
            ),
          ],
        },
      );
    }
  }
}

function checkChainLength(ctx: DocumentContext, facts: PolicyFacts): void {
  const fulls = facts.runs.full?.minutes;
  const incrementals = facts.runs.incremental?.minutes;
  if (!fulls?.length || !incrementals?.length) return;
  const fullSet = new Set(fulls);
  const events = [...fulls, ...incrementals].sort((a, b) => a - b);
  let longest = 0;
  let current = 0;
  let seenFull = false;
  for (const minute of events) {
    if (fullSet.has(minute)) {
      seenFull = true;
      current = 0;
    } else if (seenFull) {
      current++;
      longest = Math.max(longest, current);
    }
  }
  if (longest <= MAX_INCREMENTALS_BETWEEN_FULLS) return;
  ctx.report(
    'HBP113',
    ctx.keyRange(['spec', 'schedules', 'incremental']),
    `Up to ${longest} incremental backups run between two fulls: a recovery must restore every one of them after the full, which lengthens it and makes it fail if any one is lost. Take fulls more often or use differential backups (at most ${MAX_INCREMENTALS_BETWEEN_FULLS} incrementals in a row).`,
  );
}

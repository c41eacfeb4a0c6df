import type { DocumentContext } from '../diagnostics/documentContext';
import { durationInWords, durationSeconds } from '../model/duration';
import { DiagnosticRelatedInformation } from '../types';
import type { PolicyFacts } from './policyFacts';

/** HBP101 (log interval above the RPO) and HBP102 (an RPO without log backups). */
export function checkObjectives(ctx: DocumentContext, facts: PolicyFacts): void {
  const { model } = facts;
  if (!model.rpo) return;
  const rpoRange = ctx.valueRange(['spec', 'objectives', 'rpo']);
  if (model.logInterval && durationSeconds(model.logInterval) > durationSeconds(model.rpo)) {
    ctx.report(
      'HBP101',
      ctx.valueRange(['spec', 'schedules', 'log', 'interval']),
      `RPO not met: log backups every ${durationInWords(model.logInterval)} can lose up to ${durationInWords(model.logInterval)} of data, but the RPO is ${durationInWords(model.rpo)}. Set the interval to ${model.rpo.text} or less.`,
      {
        related: [DiagnosticRelatedInformation.create(ctx.location(rpoRange), `rpo: ${model.rpo.text}`)],
        data: { rpo: model.rpo.text },
      },
    );
  }
  const missing = [
    !model.hasLogSchedule ? '`schedules.log`' : undefined,
    !model.destinations.log ? '`destinations.log`' : undefined,
  ].filter(Boolean);
  if (missing.length > 0) {
    ctx.report(
      'HBP102',
      ctx.keyRange(['spec', 'objectives', 'rpo']),
      `An RPO of ${durationInWords(model.rpo)} needs log backups, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: without them the database can only be recovered to a data backup. Add ${missing.join(' and ')}.`,
    );
  }
}

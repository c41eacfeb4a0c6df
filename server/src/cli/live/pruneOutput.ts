/**
 * What prune reports per database in JSON: what goes (totals per kind), why the rest stays (a count
 * per reason, not the whole kept list), the statements and how far running them got.
 */
import type { PrunePlan } from '../../../../client/src/retention/pruneTypes';
import type { SqlStatement } from '../../../../client/src/hana/sqlText';

export interface PruneRun {
  executed: number;
  failed?: { statement: SqlStatement; error: Error };
}

export function pruneReport(policy: string, system: string, plan: PrunePlan, run: PruneRun | undefined) {
  const reasons: Record<string, number> = {};
  for (const k of plan.kept) for (const reason of k.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
  return {
    policy,
    system,
    database: plan.database,
    cutoff: plan.cutoff,
    deleted: { ...plan.deleted, logMissing: plan.deletedLogMissing },
    kept: { entries: plan.kept.length, reasons, logBackups: plan.keptLogs },
    statements: plan.statements.map((s) => s.toDisplayString()),
    nothingReason: plan.nothingReason,
    executed: run?.executed ?? 0,
    failed: run?.failed
      ? { statement: run.failed.statement.toDisplayString(), error: run.failed.error.message }
      : undefined,
  };
}

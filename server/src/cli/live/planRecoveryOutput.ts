/**
 * What plan-recovery prints: the plan as the Markdown the editor shows, or the refusal in words;
 * and the same as one JSON object whose shape scripts can rely on (redo log positions, which
 * outgrow 2^53, as strings).
 */
import { planAsText, untilTimestampText } from '../../../../client/src/recovery/recoverStatements';
import type { PlanResult, RecoveryPlan, RecoveryTarget } from '../../../../client/src/recovery/recoveryTypes';

function planFields(plan: RecoveryPlan) {
  const logBackups = new Set(plan.volumes.flatMap((v) => v.logBackups.map((l) => l.backupId)));
  return {
    pointInTime: plan.pointInTime,
    base: plan.base,
    deltas: plan.deltas,
    logBackups: { count: logBackups.size, bytes: plan.logBytes },
    usesLogArea: plan.usesLogArea,
    dataBytes: plan.dataBytes,
    logBytes: plan.logBytes,
    estimatedSeconds: plan.estimatedSeconds,
    statements: plan.statements.map((s) => s.statement.toDisplayString()),
    assumptions: plan.assumptions,
  };
}

export function recoveryJson(database: string, target: RecoveryTarget, result: PlanResult): string {
  let report: object;
  if (result.ok) report = { database, target, possible: true, ...planFields(result.plan) };
  else if (result.refusal.kind === 'systemdb') {
    const { plan, reason, commandLine } = result.refusal;
    report = { database, target, possible: true, ...planFields(plan), recoverSys: { reason, commandLine } };
  } else {
    report = { database, target, possible: false, refusal: result.refusal };
  }
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value), 2)}\n`;
}

export function recoveryText(result: PlanResult): string {
  if (result.ok) return planAsText(result.plan);
  const refusal = result.refusal;
  // The plan's statements section already holds the exact recoverSys.py command line.
  if (refusal.kind === 'systemdb')
    return `${planAsText(refusal.plan)}\n## Why not over SQL\n\n${refusal.reason}\n`;
  const reachable =
    refusal.kind === 'logGap'
      ? `latest point still reachable: ${untilTimestampText(refusal.reachableUntil)} UTC\n`
      : '';
  return `not possible: ${refusal.reason}\n${reachable}`;
}

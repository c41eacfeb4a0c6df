/**
 * Runs a tenant's recovery plan: stop (when running), RECOVER, start (when HANA has not started it
 * already). "Most recent state" is planned again once the tenant is stopped, so that nothing
 * committed between planning and stopping is left out. No VS Code, no UI: the command and the
 * tests drive it and show its steps.
 */
import type { SqlRunner } from '../hana/connectionPool';
import { sql } from '../hana/sqlText';
import { readRecoverySlice } from './catalogSlice';
import { planRecovery } from './planner';
import type { PlannedStatement, RecoveryPlan, StatementStep } from './recoveryTypes';

export interface RecoveryRunOptions {
  /** Called before each statement runs (and with 'replan' when the most recent state is planned again). */
  onStep?(step: StatementStep | 'replan', statement?: PlannedStatement): void;
  /** Deadline of the RECOVER statement itself; HANA reads backups for as long as it takes. */
  recoverTimeoutMs: number;
}

export type RecoveryOutcome =
  | {
      ok: true;
      /** The plan that ran (for the most recent state, the one made after stopping). */
      plan: RecoveryPlan;
      /** Where the database is now: the plan's point (HANA shows no view with the point reached). */
      pointInTime: Date;
      /** Whether the START statement was needed (HANA usually starts the tenant itself). */
      startedByUs: boolean;
      elapsedMs: number;
    }
  | {
      ok: false;
      step: StatementStep | 'replan';
      /** HANA's error, or why planning again refused. */
      error: unknown;
      /** Whether the tenant is stopped now (it stays stopped: a broken recovery must not be started over). */
      stopped: boolean;
    };

/** M_DATABASES.ACTIVE_STATUS of one database ('YES', 'NO', …); undefined when there is none. */
export async function activeStatus(runner: SqlRunner, database: string): Promise<string | undefined> {
  const [row] = await runner.exec<{ ACTIVE_STATUS: string }>(
    sql`SELECT ACTIVE_STATUS FROM M_DATABASES WHERE DATABASE_NAME = ${database}`,
  );
  return row?.ACTIVE_STATUS;
}

export async function runRecovery(
  runner: SqlRunner,
  planned: RecoveryPlan,
  options: RecoveryRunOptions,
): Promise<RecoveryOutcome> {
  const started = Date.now();
  const database = planned.database;
  const step = (kind: StatementStep): PlannedStatement | undefined =>
    plan.statements.find((s) => s.step === kind);
  let plan = planned;

  const stop = step('stop');
  if (stop && (await activeStatus(runner, database)) !== 'NO') {
    options.onStep?.('stop', stop);
    try {
      await runner.exec(stop.statement);
    } catch (error) {
      return { ok: false, step: 'stop', error, stopped: (await activeStatus(runner, database)) === 'NO' };
    }
  }

  if (plan.target.kind === 'latest') {
    options.onStep?.('replan');
    try {
      const again = planRecovery(await readRecoverySlice(runner, database, plan.target), plan.target);
      if (!again.ok)
        return { ok: false, step: 'replan', error: new Error(again.refusal.reason), stopped: true };
      plan = again.plan;
    } catch (error) {
      return { ok: false, step: 'replan', error, stopped: true };
    }
  }

  const recover = step('recover');
  if (!recover) throw new Error(`the plan for ${database} has no RECOVER statement`);
  options.onStep?.('recover', recover);
  try {
    await runner.exec(recover.statement, [], { timeoutMs: options.recoverTimeoutMs });
  } catch (error) {
    return { ok: false, step: 'recover', error, stopped: (await activeStatus(runner, database)) !== 'YES' };
  }

  let startedByUs = false;
  const start = step('start');
  if (start && (await activeStatus(runner, database)) !== 'YES') {
    options.onStep?.('start', start);
    try {
      await runner.exec(start.statement);
      startedByUs = true;
    } catch (error) {
      return { ok: false, step: 'start', error, stopped: true };
    }
  }
  return { ok: true, plan, pointInTime: plan.pointInTime, startedByUs, elapsedMs: Date.now() - started };
}

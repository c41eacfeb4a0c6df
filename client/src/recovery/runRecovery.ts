/**
 * Runs a tenant's recovery plan: stop (when running), RECOVER, start (when HANA has not started it
 * already). "Most recent state" is planned again once the tenant is stopped, so that nothing
 * committed between planning and stopping is left out. No VS Code, no UI: the command and the
 * tests drive it and show its steps.
 */
import type { SqlRunner } from '../hana/connectionPool';
import { isConnectionFailure, readAgainAfterReconnect } from '../hana/readAgain';
import { sql } from '../hana/sqlText';
import { readRecoverySlice } from './catalogSlice';
import { planRecovery } from './planner';
import type { PlannedStatement, RecoveryPlan, StatementStep } from './recoveryTypes';

export interface RecoveryRunOptions {
  /** Called before each statement runs (and with 'replan' when the most recent state is planned again). */
  onStep?(step: StatementStep | 'replan', statement?: PlannedStatement): void;
  /** Deadline of the RECOVER statement itself; HANA reads backups for as long as it takes. */
  recoverTimeoutMs: number;
  /**
   * How long the tenant's state is read again after a lost connection (default 120 s): HANA goes
   * on with a statement whose client is gone, so only its state says what happened.
   */
  reconnectWindowMs?: number;
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
      /**
       * The connection broke before RECOVER's (or START's) reply came; once reached again HANA had
       * the tenant running, which it does only after a recovery has completed.
       */
      confirmedAfterReconnect?: boolean;
    }
  | {
      ok: false;
      step: StatementStep | 'replan';
      /** HANA's error, or why planning again refused. */
      error: unknown;
      /** M_DATABASES.ACTIVE_STATUS read after the failure; undefined when HANA could not be reached to read it. */
      activeStatus: string | undefined;
      /** Whether HANA says the tenant is not running now (it stays so: a broken recovery must not be started over). */
      stopped: boolean;
      /**
       * The connection broke while RECOVER ran and the tenant is not running: HANA goes on
       * recovering without its client, so the recovery may still be in progress (a START now
       * would interfere) — or may never have reached HANA.
       */
      mayStillBeRecovering?: boolean;
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
  const again = { windowMs: options.reconnectWindowMs ?? 120_000, intervalMs: 1000 };
  const statusAfterReconnect = (): Promise<string | undefined> =>
    readAgainAfterReconnect(() => activeStatus(runner, database), again);
  /** After a failed step: the tenant's state as HANA now says, or unknown when it cannot be read. */
  const failed = async (failedStep: StatementStep | 'replan', error: unknown): Promise<RecoveryOutcome> => {
    const status = await statusAfterReconnect().catch(() => undefined);
    const stopped = status !== undefined && status !== 'YES';
    const lostDuringRecover = failedStep === 'recover' && isConnectionFailure(error);
    if (lostDuringRecover || (failedStep === 'start' && isConnectionFailure(error))) {
      // The reply was lost, not necessarily the work: a running tenant after RECOVER means the
      // recovery completed (HANA starts the tenant at its end), after START that it started.
      if (status === 'YES')
        return {
          ok: true,
          plan,
          pointInTime: plan.pointInTime,
          startedByUs: failedStep === 'start',
          elapsedMs: Date.now() - started,
          confirmedAfterReconnect: true,
        };
    }
    return {
      ok: false,
      step: failedStep,
      error,
      activeStatus: status,
      stopped,
      ...(lostDuringRecover ? { mayStillBeRecovering: true } : {}),
    };
  };

  const stop = step('stop');
  if (stop && (await statusAfterReconnect()) !== 'NO') {
    options.onStep?.('stop', stop);
    try {
      await runner.exec(stop.statement);
    } catch (error) {
      return failed('stop', error);
    }
  }

  if (plan.target.kind === 'latest') {
    options.onStep?.('replan');
    try {
      const slice = await readAgainAfterReconnect(
        () => readRecoverySlice(runner, database, plan.target),
        again,
      );
      const replanned = planRecovery(slice, plan.target);
      if (!replanned.ok) return failed('replan', new Error(replanned.refusal.reason));
      plan = replanned.plan;
    } catch (error) {
      return failed('replan', error);
    }
  }

  const recover = step('recover');
  if (!recover) throw new Error(`the plan for ${database} has no RECOVER statement`);
  options.onStep?.('recover', recover);
  try {
    await runner.exec(recover.statement, [], { timeoutMs: options.recoverTimeoutMs });
  } catch (error) {
    return failed('recover', error);
  }

  let startedByUs = false;
  const start = step('start');
  if (start) {
    let status: string | undefined;
    try {
      status = await statusAfterReconnect();
    } catch (error) {
      // RECOVER answered, but whether the tenant runs cannot be read: no START on a guess.
      return { ok: false, step: 'start', error, activeStatus: undefined, stopped: false };
    }
    if (status !== 'YES') {
      options.onStep?.('start', start);
      try {
        await runner.exec(start.statement);
        startedByUs = true;
      } catch (error) {
        return failed('start', error);
      }
    }
  }
  return { ok: true, plan, pointInTime: plan.pointInTime, startedByUs, elapsedMs: Date.now() - started };
}

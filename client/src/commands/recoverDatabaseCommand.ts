/**
 * "Recover Database": the plan is made from the catalog right before, shown, and confirmed in a
 * modal that names the database and the target — always, whatever `hanaBackup.confirmDestructive`
 * says. Then stop, RECOVER, start, followed in a progress notification. SYSTEMDB: the plan and
 * the recoverSys.py command line, since SQL cannot recover it.
 */
import * as vscode from 'vscode';
import { PasswordNotGiven } from '../connections/passwordNotGiven';
import { sql, identifier } from '../hana/sqlText';
import { untilTimestampText } from '../recovery/recoverStatements';
import type { RecoveryPlan } from '../recovery/recoveryTypes';
import { targetLabel } from '../recovery/refusalText';
import { runRecovery, type RecoveryOutcome } from '../recovery/runRecovery';
import { messageOf, type CommandContext } from './commandContext';
import { computePlan, showPlan } from './planRecoveryCommand';
import { chooseRecovery, type RecoveryRequest } from './recoveryTarget';
import { confirmStatements } from './sqlConfirmation';

/** A RECOVER reads every backup of the chain: give it a day, or ten times the estimate when longer. */
const RECOVER_DEADLINE_FLOOR_MS = 24 * 3_600_000;

const STEP_TEXT = {
  stop: 'stopping the tenant',
  replan: 'planning the most recent state again',
  recover: 'recovering',
  start: 'starting the tenant',
} as const;

export async function recoverDatabaseCommand(ctx: CommandContext, argument?: unknown): Promise<void> {
  let request: RecoveryRequest | undefined;
  try {
    request = await chooseRecovery(ctx, argument, 'Recover database');
    if (!request) return;
    const result = await computePlan(request);
    await showPlan(ctx, request, result);
    if (!result.ok) {
      if (result.refusal.kind === 'systemdb') {
        const copy = await vscode.window.showWarningMessage(
          `${request.database} cannot be recovered with SQL. As <sid>adm on the master host run: ${result.refusal.commandLine}`,
          'Copy Command',
        );
        if (copy) await vscode.env.clipboard.writeText(result.refusal.commandLine);
      } else {
        void vscode.window.showErrorMessage(
          `${request.database} cannot be recovered to ${targetLabel(request.target)}: ${result.refusal.reason}`,
        );
      }
      return;
    }
    const plan = result.plan;
    const answer = await confirmStatements(
      `Recover ${request.database} on ${request.connection} to ${targetLabel(request.target)}?`,
      plan.statements.map((s) => s.statement),
      { runLabel: `Recover ${request.database}`, note: consequences(request, plan) },
    );
    if (answer !== 'run') return;
    const outcome = await runWithProgress(ctx, request, plan);
    ctx.tree.refresh();
    await report(ctx, request, outcome);
  } catch (error) {
    if (error instanceof PasswordNotGiven) return;
    void vscode.window.showErrorMessage(
      `Recover database${request ? ` ${request.database}` : ''}: ${messageOf(error)}`,
    );
    ctx.tree.refresh();
  }
}

function consequences(request: RecoveryRequest, plan: RecoveryPlan): string {
  const point =
    request.target.kind === 'latest'
      ? 'the moment it is stopped (planned again then)'
      : `${untilTimestampText(plan.pointInTime)} UTC`;
  const minutes = Math.max(1, Math.round(plan.estimatedSeconds / 60));
  return [
    `${request.database} is stopped and its data replaced from ${plan.base.entryType} ${plan.base.backupId}` +
      `${plan.deltas.length ? ` and ${plan.deltas.length} delta backup(s)` : ''}; it will be at ${point}.`,
    'Everything committed after that point is lost. Users are disconnected while it runs.',
    `Estimated duration: about ${minutes} min.`,
  ].join('\n');
}

function runWithProgress(
  ctx: CommandContext,
  request: RecoveryRequest,
  plan: RecoveryPlan,
): Thenable<RecoveryOutcome> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      // A RECOVER cannot be interrupted halfway without leaving the tenant unusable: no Cancel.
      title: `Recovering ${request.database} on ${request.connection}`,
      cancellable: false,
    },
    async (progress) => {
      let ticker: NodeJS.Timeout | undefined;
      let shown = 0;
      try {
        return await runRecovery(request.runner, plan, {
          recoverTimeoutMs: Math.max(RECOVER_DEADLINE_FLOOR_MS, plan.estimatedSeconds * 10_000),
          onStep: (step, statement) => {
            clearInterval(ticker);
            ctx.log.info(
              `recover ${request.database} on ${request.connection}: ${STEP_TEXT[step]}${statement ? ` — ${statement.statement.toDisplayString()}` : ''}`,
            );
            progress.report({ message: STEP_TEXT[step] });
            if (step !== 'recover') return;
            // HANA reports no progress of a recovery over SQL: time against the plan's estimate.
            const began = Date.now();
            ticker = setInterval(() => {
              const elapsed = (Date.now() - began) / 1000;
              const percent = Math.min(95, Math.floor((elapsed / plan.estimatedSeconds) * 100));
              progress.report({
                message: `recovering — ${Math.round(elapsed)} s of about ${plan.estimatedSeconds} s`,
                increment: Math.max(0, percent - shown),
              });
              shown = Math.max(shown, percent);
            }, 1000);
          },
        });
      } finally {
        clearInterval(ticker);
      }
    },
  );
}

async function report(
  ctx: CommandContext,
  request: RecoveryRequest,
  outcome: RecoveryOutcome,
): Promise<void> {
  const { database, connection } = request;
  if (outcome.ok) {
    const message =
      `${database} on ${connection} recovered to ${untilTimestampText(outcome.pointInTime)} UTC ` +
      `in ${Math.max(1, Math.round(outcome.elapsedMs / 1000))} s; ${outcome.startedByUs ? 'started it' : 'HANA started it'}.` +
      (outcome.confirmedAfterReconnect
        ? ` (The connection was lost before HANA's reply; reconnected, ${database} is running.)`
        : '');
    ctx.log.info(message);
    void vscode.window.showInformationMessage(message);
    return;
  }
  const message = `Recover ${database} on ${connection}: ${STEP_TEXT[outcome.step]} failed — ${messageOf(outcome.error)}`;
  ctx.log.warn(message);
  if (outcome.activeStatus === undefined) {
    void vscode.window.showErrorMessage(
      `${message}. Whether ${database} runs could not be read: refresh the view once ${connection} answers.`,
    );
    return;
  }
  if (outcome.mayStillBeRecovering && outcome.stopped) {
    // HANA goes on recovering without its client: a START now would interfere, so none is offered.
    void vscode.window.showErrorMessage(
      `${message}. ${database} is not running (ACTIVE_STATUS ${outcome.activeStatus}); HANA may still be recovering it — it starts the tenant when the recovery ends. Refresh the view, or read backup.log, before starting it.`,
    );
    return;
  }
  if (!outcome.stopped) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const start = `Start ${database}`;
  const answer = await vscode.window.showErrorMessage(`${message}. ${database} is stopped.`, start);
  if (answer !== start) return;
  try {
    await request.runner.exec(sql`ALTER SYSTEM START DATABASE ${identifier(database)}`);
    void vscode.window.showInformationMessage(`${database} on ${connection} started.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`Start ${database} on ${connection}: ${messageOf(error)}`);
  } finally {
    ctx.tree.refresh();
  }
}

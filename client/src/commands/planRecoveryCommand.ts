/**
 * "Plan Recovery": the chain for a database and a target, read from the catalog and shown as a
 * document (chain, timeline, sizes, duration, statements), or the reason it cannot be done.
 */
import * as vscode from 'vscode';
import { PasswordNotGiven } from '../connections/passwordNotGiven';
import { readRecoverySlice } from '../recovery/catalogSlice';
import { planRecovery } from '../recovery/planner';
import { planAsText } from '../recovery/recoverStatements';
import type { PlanResult } from '../recovery/recoveryTypes';
import { refusalAsText, targetLabel } from '../recovery/refusalText';
import { messageOf, type CommandContext } from './commandContext';
import { chooseRecovery, type RecoveryRequest } from './recoveryTarget';

export async function computePlan(request: RecoveryRequest): Promise<PlanResult> {
  const slice = await readRecoverySlice(request.runner, request.database, request.target);
  return planRecovery(slice, request.target);
}

/** The plan or refusal as a document named after the database and target. */
export function showPlan(ctx: CommandContext, request: RecoveryRequest, result: PlanResult) {
  const name = `Recovery plan — ${request.database} on ${request.connection}`;
  return ctx.reports.show(
    name,
    result.ok ? planAsText(result.plan) : refusalAsText(request.database, request.target, result.refusal),
  );
}

export async function planRecoveryCommand(ctx: CommandContext, argument?: unknown): Promise<void> {
  let request: RecoveryRequest | undefined;
  try {
    request = await chooseRecovery(ctx, argument, 'Plan recovery');
    if (!request) return;
    const result = await computePlan(request);
    await showPlan(ctx, request, result);
    ctx.log.info(
      `recovery plan for ${request.database} on ${request.connection} to ${targetLabel(request.target)}: ${result.ok ? 'possible' : result.refusal.kind}`,
    );
    if (result.ok) {
      const target = { connection: request.connection, database: request.database, target: request.target };
      // Not awaited: the command is done once the plan is shown; the offer stays until dismissed.
      void vscode.window
        .showInformationMessage(
          `${request.database} can be recovered to ${targetLabel(request.target)}.`,
          'Recover…',
        )
        .then((choice) => choice && vscode.commands.executeCommand('hanaBackup.recoverDatabase', target));
    } else if (result.refusal.kind !== 'systemdb') {
      void vscode.window.showWarningMessage(
        `${request.database} cannot be recovered to ${targetLabel(request.target)}: ${result.refusal.reason}`,
      );
    }
  } catch (error) {
    if (error instanceof PasswordNotGiven) return;
    void vscode.window.showErrorMessage(
      `Plan recovery${request ? ` of ${request.database}` : ''}: ${messageOf(error)}`,
    );
  }
}

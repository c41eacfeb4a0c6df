/**
 * "Apply Policy": the policy's DATABASE-layer values against the live systems, the differences and
 * their ALTER SYSTEM statements shown and run on confirmation; live HOST-layer overrides become
 * HBP140 problems on the policy.
 */
import * as vscode from 'vscode';
import { PasswordNotGiven } from '../connections/passwordNotGiven';
import { applyPlan, planApply, type ApplyPlan } from '../policyOps/applyPolicy';
import { messageOf, type CommandContext } from './commandContext';
import { choosePolicy } from './policyDocument';
import { confirmStatements } from './sqlConfirmation';

function toRange(range: {
  start: { line: number; character: number };
  end: { line: number; character: number };
}) {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function describe(plan: ApplyPlan): string {
  return plan.differences
    .map(
      (d) =>
        `${d.database}: [${d.section}] ${d.key} ${d.live ? `${d.live.value} (${d.live.layer})` : 'not set'} → ${d.wanted}`,
    )
    .join('\n');
}

export async function applyPolicyCommand(ctx: CommandContext, argument?: unknown): Promise<void> {
  const chosen = await choosePolicy(ctx, argument, 'Apply policy');
  if (!chosen) return;
  const { uri, policy } = chosen;
  const findings: vscode.Diagnostic[] = [];
  try {
    for (const target of policy.targets) {
      if (!ctx.connections.get(target.system)) {
        void vscode.window.showWarningMessage(
          `Apply policy: ${target.system} is not a configured connection (HBP130); its databases are skipped.`,
        );
        continue;
      }
      const runner = await ctx.connections.runner(target.system);
      const plan = await planApply(runner, target.databases, policy.expectations);
      for (const finding of plan.findings) {
        const diagnostic = new vscode.Diagnostic(
          toRange(finding.range),
          finding.message,
          vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.code = finding.code;
        diagnostic.source = 'hana-backup (live)';
        findings.push(diagnostic);
      }
      if (plan.unknownDatabases.length)
        void vscode.window.showWarningMessage(
          `Apply policy: ${target.system} has no database ${plan.unknownDatabases.join(', ')}; nothing planned for it.`,
        );
      if (plan.differences.length === 0) {
        void vscode.window.showInformationMessage(
          `${policy.policy}: ${target.system} (${plan.databases.join(', ')}) already has the policy's values.`,
        );
        continue;
      }
      const answer = await confirmStatements(
        `Apply policy ${policy.policy} to ${target.system}? ${plan.differences.length} value${plan.differences.length === 1 ? '' : 's'} differ.`,
        plan.statements,
        { runLabel: 'Apply', note: describe(plan) },
      );
      if (answer !== 'run') continue;
      const outcome = await applyPlan(runner, plan);
      if (outcome.failed)
        void vscode.window.showErrorMessage(
          `Apply policy on ${target.system}: ${outcome.applied} applied, then HANA refused: ${messageOf(outcome.failed.error)}`,
        );
      else
        void vscode.window.showInformationMessage(
          `Apply policy on ${target.system}: ${outcome.applied} value(s) set.`,
        );
    }
  } catch (error) {
    if (!(error instanceof PasswordNotGiven))
      void vscode.window.showErrorMessage(`Apply policy: ${messageOf(error)}`);
  } finally {
    ctx.liveDiagnostics.set(uri, findings);
    ctx.tree.refresh();
  }
}

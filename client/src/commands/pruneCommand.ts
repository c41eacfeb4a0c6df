/**
 * "Prune by Retention": from a database in the tree (the policy governing it) or from a policy file
 * (every database it targets), the catalog entries the policy's retention no longer needs are
 * shown as a document, then deleted on confirmation, one database at a time.
 */
import * as vscode from 'vscode';
import type { PolicyOperations } from '../../../server/src/lsp/requests';
import { PasswordNotGiven } from '../connections/passwordNotGiven';
import { resolveTargetDatabases } from '../policyOps/targetDatabases';
import { readPruneInput } from '../retention/pruneInput';
import { planPrune } from '../retention/prunePlanner';
import { pruneAsText } from '../retention/pruneText';
import { hasAnyRetention, retentionRulesOf, type PrunePlan } from '../retention/pruneTypes';
import { formatInZone } from '../retention/zonedCalendar';
import { databaseOf, messageOf, type CommandContext, type Target } from './commandContext';
import { choosePolicy } from './policyDocument';
import { confirmStatements } from './sqlConfirmation';

interface PruneJob {
  connection: string;
  databases: string[];
  policy: PolicyOperations;
}

export async function pruneByRetentionCommand(ctx: CommandContext, argument?: unknown): Promise<void> {
  try {
    const jobs = await chooseJobs(ctx, argument);
    for (const job of jobs ?? []) await prune(ctx, job);
  } catch (error) {
    if (error instanceof PasswordNotGiven) return;
    void vscode.window.showErrorMessage(`Prune by retention: ${messageOf(error)}`);
  } finally {
    ctx.tree.refresh();
  }
}

/** A database node: its governing policy. A policy file (or the active editor): its targets. */
async function chooseJobs(ctx: CommandContext, argument: unknown): Promise<PruneJob[] | undefined> {
  const target =
    argument && typeof argument === 'object' && !(argument instanceof vscode.Uri)
      ? (argument as Target)
      : undefined;
  const database = databaseOf(target);
  if (target?.connection && database) {
    const facts = await ctx.policyFor(target.connection, database);
    if (!facts) {
      void vscode.window.showInformationMessage(
        `Prune by retention: no policy in this workspace governs ${database} on ${target.connection}; the retention comes from its policy.`,
      );
      return undefined;
    }
    const policy = (await ctx.server.policyOperations(facts.uri)).find((p) => p.policy === facts.policy);
    if (!policy) throw new Error(`policy ${facts.policy} could not be read from ${facts.uri}`);
    return [{ connection: target.connection, databases: [database], policy }];
  }
  const chosen = await choosePolicy(ctx, argument, 'Prune by retention');
  if (!chosen) return undefined;
  const jobs: PruneJob[] = [];
  for (const t of chosen.policy.targets) {
    if (!ctx.connections.get(t.system)) {
      void vscode.window.showWarningMessage(
        `Prune by retention: ${t.system} is not a configured connection (HBP130); its databases are skipped.`,
      );
      continue;
    }
    const resolved = await resolveTargetDatabases(await ctx.connections.runner(t.system), t.databases);
    if (resolved.unknownDatabases.length)
      void vscode.window.showWarningMessage(
        `Prune by retention: ${t.system} has no database ${resolved.unknownDatabases.join(', ')}.`,
      );
    jobs.push({ connection: t.system, databases: resolved.databases, policy: chosen.policy });
  }
  return jobs;
}

async function prune(ctx: CommandContext, job: PruneJob): Promise<void> {
  const rules = retentionRulesOf(job.policy);
  if (!hasAnyRetention(rules)) {
    void vscode.window.showInformationMessage(
      `Prune by retention: policy ${job.policy.policy} sets no retention, so nothing is pruned.`,
    );
    return;
  }
  const runner = await ctx.connections.runner(job.connection);
  const plans: PrunePlan[] = [];
  for (const database of job.databases) {
    const input = await readPruneInput(runner, database);
    plans.push(planPrune(input, rules, input.now));
  }
  await ctx.reports.show(
    `Prune by retention — ${job.policy.policy} on ${job.connection}`,
    plans.map(pruneAsText).join('\n---\n\n'),
  );
  for (const plan of plans) {
    if (plan.statements.length === 0) {
      void vscode.window.showInformationMessage(
        `Prune ${plan.database} on ${job.connection}: nothing to delete${plan.nothingReason ? ` — ${plan.nothingReason}` : ''}.`,
      );
      continue;
    }
    const answer = await confirmStatements(question(job, plan), plan.statements, {
      runLabel: `Delete from ${plan.database}`,
      note: 'The entries, sizes and the recovery points that stay are in the document beside.',
      modal: rules.deleteFromDestination || confirmDestructive(),
    });
    if (answer !== 'run') continue;
    let done = 0;
    try {
      for (const statement of plan.statements) {
        ctx.log.info(`prune ${plan.database} on ${job.connection}: ${statement.toDisplayString()}`);
        await runner.exec(statement);
        done++;
      }
      void vscode.window.showInformationMessage(
        `Prune ${plan.database} on ${job.connection}: ${deletedCount(plan)} catalog entries deleted.`,
      );
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Prune ${plan.database} on ${job.connection}: ${done} of ${plan.statements.length} statements ran, then HANA refused: ${messageOf(error)}`,
      );
    }
  }
}

/** Catalog deletes that keep the files ask modally only when `hanaBackup.confirmDestructive` is on. */
function confirmDestructive(): boolean {
  return vscode.workspace.getConfiguration('hanaBackup').get<boolean>('confirmDestructive', true);
}

function deletedCount(plan: PrunePlan): number {
  return Object.values(plan.deleted).reduce((sum, t) => sum + t.count, 0) + plan.deletedLogMissing;
}

function question(job: PruneJob, plan: PrunePlan): string {
  const bytes = Object.values(plan.deleted).reduce((sum, t) => sum + t.bytes, 0);
  const cutoff = plan.cutoff
    ? ` everything before ${plan.cutoff.kind} ${plan.cutoff.backupId} (${formatInZone(plan.cutoff.start, plan.rules.timezone)})` +
      (plan.singles.length ? ` and ${plan.singles.length} single backup(s)` : '')
    : ` ${plan.singles.length} single backup(s)`;
  const files = plan.rules.deleteFromDestination
    ? ' Their files and Backint objects are deleted too (COMPLETE): this cannot be undone.'
    : ' The backup files stay where they are.';
  return (
    `Delete from the catalog of ${plan.database} on ${job.connection}:${cutoff} — ` +
    `${deletedCount(plan)} entries, ${(bytes / 1024 ** 3).toFixed(1)} GiB?${files}`
  );
}

/**
 * "Run Due Backups": for each database a policy governs, what its schedules say is due since the
 * last successful backup of each kind (the server's clock), shown and run one after the other.
 */
import * as vscode from 'vscode';
import type { DueRun } from '../../../server/src/lsp/requests';
import { readSystemOverview } from '../catalog/landscapeQueries';
import { PasswordNotGiven } from '../connections/passwordNotGiven';
import { backupStatement } from '../operations/backupRun';
import {
  dueBackups,
  lastSuccessfulBackups,
  runDue,
  serverUtcNow,
  type RunDueRequest,
} from '../policyOps/runDue';
import { messageOf, type CommandContext } from './commandContext';
import { choosePolicy } from './policyDocument';
import { confirmStatements } from './sqlConfirmation';

export async function runDueCommand(ctx: CommandContext, argument?: unknown): Promise<void> {
  const chosen = await choosePolicy(ctx, argument, 'Run due backups');
  if (!chosen) return;
  const { uri, policy } = chosen;
  try {
    const requests: { system: string; request: RunDueRequest }[] = [];
    for (const target of policy.targets) {
      if (!ctx.connections.get(target.system)) continue;
      const runner = await ctx.connections.runner(target.system);
      const overview = await readSystemOverview(runner);
      const databases = target.databases.includes('*')
        ? overview.databases.map((d) => d.name)
        : target.databases.filter((d) => overview.databases.some((o) => o.name === d.toUpperCase()));
      const now = await serverUtcNow(runner);
      for (const database of databases) {
        const last = await lastSuccessfulBackups(runner, database);
        const due = await ctx.server.dueRuns({
          uri: uri.toString(),
          documentIndex: policy.documentIndex,
          lastSuccessful: Object.fromEntries(Object.entries(last).map(([k, d]) => [k, d.toISOString()])),
          now: now.toISOString(),
        });
        if (due.length)
          requests.push({
            system: target.system,
            request: {
              database,
              due,
              destination: policy.dataDestination ?? 'backint',
              sid: overview.sid,
              policy: policy.policy,
            },
          });
      }
    }
    if (requests.length === 0) {
      void vscode.window.showInformationMessage(`${policy.policy}: nothing is due.`);
      return;
    }
    const now = new Date();
    const statements = requests.flatMap(({ request }) =>
      dueBackups(request, now).map((b) => backupStatement(b.backup)),
    );
    const listing = requests
      .map(
        ({ system, request }) => `${system}/${request.database}: ${request.due.map(describeDue).join(', ')}`,
      )
      .join('\n');
    const answer = await confirmStatements(`Run the backups due under ${policy.policy}?`, statements, {
      runLabel: 'Run',
      note: listing,
    });
    if (answer !== 'run') return;
    const lines = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Due backups of ${policy.policy}`,
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const out: string[] = [];
        for (const { system, request } of requests) {
          const runner = await ctx.connections.runner(system);
          const results = await runDue(runner, request, {
            signal: abort.signal,
            onProgress: (kind, p) =>
              progress.report({ message: `${request.database} ${kind}: ${p.percent}%` }),
          });
          for (const r of results)
            out.push(`${request.database} ${r.kind}: ${r.status}${r.message ? ` (${r.message})` : ''}`);
        }
        return out;
      },
    );
    ctx.tree.refresh();
    ctx.log.info(`run due (${policy.policy}): ${lines.join('; ')}`);
    const failed = lines.some((l) => !/: successful/.test(l));
    (failed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(
      `Due backups of ${policy.policy}: ${lines.join('; ')}`,
    );
  } catch (error) {
    if (!(error instanceof PasswordNotGiven))
      void vscode.window.showErrorMessage(`Run due backups: ${messageOf(error)}`);
  }
}

function describeDue(run: DueRun): string {
  const at = new Date(run.occurrence).toISOString().slice(0, 16).replace('T', ' ');
  const extra = run.supersedes?.length
    ? ` (stands in for ${run.supersedes.map((s) => s.kind).join(', ')})`
    : '';
  return `${run.kind} scheduled ${at} UTC${extra}`;
}

/** `hana-backup run-due --policy FILE [--dry-run]`: the scheduler for cron — what is due now, and run it. */
import { parseArgs } from 'node:util';
import { readSystemOverview } from '../../../../client/src/catalog/landscapeQueries';
import { backupStatement } from '../../../../client/src/operations/backupRun';
import {
  dueBackups,
  lastSuccessfulBackups,
  runDue,
  serverUtcNow,
} from '../../../../client/src/policyOps/runDue';
import { resolveTargetDatabases } from '../../../../client/src/policyOps/targetDatabases';
import { dueRuns } from '../../languageService/operations/dueRuns';
import {
  checkFormat,
  EXIT,
  forEachTarget,
  POLICY_RUN_OPTIONS,
  readPolicies,
  warnUnknown,
  withHana,
} from './liveOptions';

export async function runDueCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: POLICY_RUN_OPTIONS });
  const format = checkFormat(values.format);
  const cwd = process.cwd();
  const { policies } = readPolicies(cwd, values.policy);
  return withHana(async () => {
    let pending = false;
    let failed = false;
    const report: unknown[] = [];
    for (const policy of policies) {
      await forEachTarget(cwd, values, policy.targets, async (pool, target) => {
        const overview = await readSystemOverview(pool);
        const { databases, unknownDatabases } = await resolveTargetDatabases(pool, target.databases);
        warnUnknown(target.system, unknownDatabases);
        const now = await serverUtcNow(pool);
        for (const database of databases) {
          const due = dueRuns(
            policy.schedules,
            policy.timezone,
            await lastSuccessfulBackups(pool, database),
            now,
          );
          const request = {
            database,
            due,
            destination: policy.dataDestination ?? ('backint' as const),
            sid: overview.sid,
            policy: policy.policy,
          };
          const statements = dueBackups(request, now).map((b) => backupStatement(b.backup).toDisplayString());
          const results = values['dry-run'] || due.length === 0 ? [] : await runDue(pool, request);
          pending ||= values['dry-run'] && due.length > 0;
          failed ||= results.some((r) => r.status !== 'successful');
          report.push({ policy: policy.policy, system: target.system, database, due, statements, results });
          if (format === 'text') {
            const line = due.length
              ? due.map((d) => `${d.kind} (scheduled ${d.occurrence.toISOString()})`).join(', ')
              : 'nothing due';
            process.stdout.write(`${target.system}/${database}: ${line}\n`);
            for (const s of statements) process.stdout.write(`  ${s};\n`);
            for (const r of results)
              process.stdout.write(`  ${r.kind}: ${r.status}${r.message ? ` — ${r.message}` : ''}\n`);
          }
        }
      });
    }
    if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return pending || failed ? EXIT.pending : EXIT.ok;
  });
}

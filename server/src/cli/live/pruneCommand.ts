/**
 * `hana-backup prune --policy FILE [--dry-run]`: deletes the catalog entries (and, with
 * deleteFromDestination, the backups) the policy's retention no longer needs — never one the newest
 * recoverable chain or a kept point in time needs (client/src/retention).
 */
import { parseArgs } from 'node:util';
import type { HanaConnectionPool } from '../../../../client/src/hana/connectionPool';
import { HanaAccessError } from '../../../../client/src/hana/errors';
import { resolveTargetDatabases } from '../../../../client/src/policyOps/targetDatabases';
import { readPruneInput } from '../../../../client/src/retention/pruneInput';
import { planPrune } from '../../../../client/src/retention/prunePlanner';
import { pruneAsText } from '../../../../client/src/retention/pruneText';
import {
  hasAnyRetention,
  retentionRulesOf,
  type PrunePlan,
  type RetentionRules,
} from '../../../../client/src/retention/pruneTypes';
import type { PolicyOperations } from '../../languageService/operations/policyOperations';
import {
  checkFormat,
  EXIT,
  forEachTarget,
  POLICY_RUN_OPTIONS,
  readPolicies,
  warnUnknown,
  withHana,
} from './liveOptions';
import { pruneReport, type PruneRun } from './pruneOutput';

/** The policy's rules, or why it is not pruned by (the reason is an error when `usage`). */
function rulesOf(policy: PolicyOperations): { rules: RetentionRules } | { reason: string; usage: boolean } {
  let rules: RetentionRules;
  try {
    rules = retentionRulesOf(policy);
  } catch (error) {
    if (error instanceof RangeError) return { reason: error.message, usage: true };
    throw error;
  }
  // Without rules the planner would keep only the newest state: that is no one's retention.
  if (!hasAnyRetention(rules))
    return { reason: 'the policy sets no retention, so nothing is pruned', usage: false };
  return { rules };
}

/** Runs the statements in order; HANA's refusal ends the run for this database. */
async function runStatements(
  pool: HanaConnectionPool,
  plan: PrunePlan,
  say: (text: string) => void,
): Promise<PruneRun> {
  let executed = 0;
  for (const statement of plan.statements) {
    say(`running: ${statement.toDisplayString()};\n`);
    try {
      await pool.exec(statement);
    } catch (error) {
      if (!(error instanceof HanaAccessError) || error.connectionUnusable) throw error;
      say(`  refused by HANA: ${error.message}\n`);
      return { executed, failed: { statement, error } };
    }
    say('  done\n');
    executed++;
  }
  return { executed };
}

export async function pruneCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: POLICY_RUN_OPTIONS });
  const format = checkFormat(values.format);
  const say = (text: string) => {
    if (format === 'text') process.stdout.write(text);
  };
  const cwd = process.cwd();
  const { policies } = readPolicies(cwd, values.policy);
  return withHana(async () => {
    let usage = false;
    let pending = false;
    let failed = false;
    const report: unknown[] = [];
    for (const policy of policies) {
      const found = rulesOf(policy);
      if ('reason' in found) {
        usage ||= found.usage;
        if (found.usage) process.stderr.write(`hana-backup: ${policy.policy}: ${found.reason}\n`);
        else say(`${policy.policy}: ${found.reason}\n`);
        report.push({ policy: policy.policy, [found.usage ? 'error' : 'skipped']: found.reason });
        continue;
      }
      await forEachTarget(cwd, values, policy.targets, async (pool, target) => {
        const { databases, unknownDatabases } = await resolveTargetDatabases(pool, target.databases);
        warnUnknown(target.system, unknownDatabases);
        for (const database of databases) {
          const input = await readPruneInput(pool, database);
          const plan = planPrune(input, found.rules, input.now);
          say(`${policy.policy} → ${target.system}/${database}\n\n${pruneAsText(plan)}\n`);
          let run: PruneRun | undefined;
          if (plan.statements.length > 0 && values['dry-run']) {
            say('Dry run: none of these statements was run.\n\n');
            pending = true;
          } else if (plan.statements.length > 0) {
            run = await runStatements(pool, plan, say);
            failed ||= run.failed !== undefined;
          }
          report.push(pruneReport(policy.policy, target.system, plan, run));
        }
      });
    }
    if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (usage) return EXIT.usage;
    return pending || failed ? EXIT.pending : EXIT.ok;
  });
}

/** `hana-backup apply --policy FILE [--dry-run]`: the policy's DATABASE-layer values onto the live system. */
import { parseArgs } from 'node:util';
import { applyPlan, planApply } from '../../../../client/src/policyOps/applyPolicy';
import {
  checkFormat,
  EXIT,
  forEachTarget,
  POLICY_RUN_OPTIONS,
  readPolicies,
  warnUnknown,
  withHana,
} from './liveOptions';

export async function applyCommand(args: string[]): Promise<number> {
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
        const plan = await planApply(pool, target.databases, policy.expectations);
        warnUnknown(target.system, plan.unknownDatabases);
        const applied =
          values['dry-run'] || plan.statements.length === 0 ? undefined : await applyPlan(pool, plan);
        pending ||= values['dry-run'] && plan.statements.length > 0;
        failed ||= applied?.failed !== undefined;
        report.push({
          policy: policy.policy,
          system: target.system,
          differences: plan.differences.map(({ range: _range, ...d }) => d),
          statements: plan.statements.map((s) => s.toDisplayString()),
          hostOverrides: plan.findings.map((f) => f.message),
          applied: applied?.applied ?? 0,
          failed: applied?.failed ? String(applied.failed.error) : undefined,
        });
        if (format === 'text') {
          process.stdout.write(`${policy.policy} → ${target.system} (${plan.databases.join(', ')}): `);
          process.stdout.write(
            plan.differences.length === 0
              ? 'matches the policy\n'
              : `${plan.differences.length} difference(s)\n`,
          );
          for (const d of plan.differences)
            process.stdout.write(
              `  ${d.database} [${d.section}] ${d.key}: ${d.live ? `${d.live.value} (${d.live.layer})` : 'not set'} → ${d.wanted}\n`,
            );
          for (const s of plan.statements) process.stdout.write(`  ${s.toDisplayString()};\n`);
          for (const f of plan.findings) process.stdout.write(`  warning HBP140: ${f.message}\n`);
          if (applied)
            process.stdout.write(
              `  applied ${applied.applied}${applied.failed ? `, then refused: ${String(applied.failed.error)}` : ''}\n`,
            );
        }
      });
    }
    if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return pending || failed ? EXIT.pending : EXIT.ok;
  });
}

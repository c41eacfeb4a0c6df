/**
 * `hana-backup plan-recovery --database DB <target>`: the chain a recovery would use, with sizes,
 * duration and statements, or why the target cannot be reached. Plans only; nothing is recovered.
 * SYSTEMDB is planned too (exit 0): its plan is sound, only recoverSys.py must run it, not SQL.
 */
import { parseArgs } from 'node:util';
import { readRecoverySlice } from '../../../../client/src/recovery/catalogSlice';
import { planRecovery } from '../../../../client/src/recovery/planner';
import type { SqlRunner } from '../../../../client/src/hana/connectionPool';
import { openConnection } from '../cliConnection';
import { UsageError } from '../lintFiles';
import { checkFormat, CONNECTION_OPTIONS, EXIT, withHana } from './liveOptions';
import { recoveryJson, recoveryText } from './planRecoveryOutput';
import { recoveryTarget, TARGET_OPTIONS } from './recoveryTargetOptions';

/** A mistyped name would otherwise come back as "no data backup", which sends one looking for backups. */
async function checkDatabase(runner: SqlRunner, database: string): Promise<void> {
  const rows = await runner.exec<{ DATABASE_NAME: string }>(
    'SELECT DATABASE_NAME FROM M_DATABASES ORDER BY DATABASE_NAME',
  );
  const known = rows.map((r) => String(r.DATABASE_NAME));
  if (!known.includes(database))
    throw new UsageError(`${runner.name} has no database ${database} (known: ${known.join(', ')})`);
}

export async function planRecoveryCommand(args: string[]): Promise<number> {
  const { values, tokens } = parseArgs({
    args,
    allowPositionals: true,
    tokens: true,
    options: { ...CONNECTION_OPTIONS, ...TARGET_OPTIONS, database: { type: 'string' } },
  });
  const format = checkFormat(values.format);
  if (!values.database) throw new UsageError('--database <name> is required');
  // HANA keeps database names in upper case; the catalog is keyed by them.
  const database = values.database.toUpperCase();
  const target = recoveryTarget(values, tokens);
  const pool = openConnection(process.cwd(), { ...values, passwordEnv: values['password-env'] });
  try {
    return await withHana(async () => {
      await checkDatabase(pool, database);
      const result = planRecovery(await readRecoverySlice(pool, database, target), target);
      process.stdout.write(format === 'json' ? recoveryJson(database, target, result) : recoveryText(result));
      return result.ok || result.refusal.kind === 'systemdb' ? EXIT.ok : EXIT.pending;
    });
  } finally {
    await pool.dispose();
  }
}

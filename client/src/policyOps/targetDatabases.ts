/** A policy target's databases as the system names them: `*` is every database, names match case-insensitively. */
import { toText } from '../catalog/rowValues';
import type { SqlRunner } from '../hana/connectionPool';

export interface TargetDatabases {
  databases: string[];
  /** Names the policy lists that the system does not have. */
  unknownDatabases: string[];
}

export async function resolveTargetDatabases(
  runner: SqlRunner,
  targets: readonly string[],
): Promise<TargetDatabases> {
  const rows = await runner.exec<Record<string, unknown>>('SELECT DATABASE_NAME FROM M_DATABASES');
  const existing = rows.map((row) => toText(row.DATABASE_NAME));
  const byUpper = new Map(existing.map((name) => [name.toUpperCase(), name]));
  const databases = new Set(targets.includes('*') ? existing : []);
  const unknownDatabases: string[] = [];
  for (const target of targets.filter((t) => t !== '*')) {
    const name = byUpper.get(target.toUpperCase());
    if (name) databases.add(name);
    else unknownDatabases.push(target);
  }
  return { databases: [...databases], unknownDatabases };
}

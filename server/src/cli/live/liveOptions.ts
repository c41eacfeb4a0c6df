/** What every live CLI command shares: connection options, the policy file, exit codes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HanaConnectionPool } from '../../../../client/src/hana/connectionPool';
import { HanaAccessError } from '../../../../client/src/hana/errors';
import { HanaDriverUnavailable } from '../../../../client/src/hana/driver';
import { policyOperations, type PolicyOperations } from '../../languageService/operations/policyOperations';
import { TextDocument } from '../../languageService/types';
import { openConnection } from '../cliConnection';
import { UsageError } from '../lintFiles';

/** Exit codes of the live commands (documented in the usage text and the README). */
export const EXIT = {
  /** Done, or nothing to do. */
  ok: 0,
  /** A dry run found work to do; a recovery is not possible; a backup or statement failed. */
  pending: 1,
  usage: 2,
  /** HANA could not be reached or refused (connection, password, privilege). */
  hana: 3,
} as const;

export const CONNECTION_OPTIONS = {
  connection: { type: 'string' },
  settings: { type: 'string' },
  'password-env': { type: 'string' },
  format: { type: 'string', default: 'text' },
} as const;

/** The options of the commands that act on a policy's targets: apply, run-due, prune. */
export const POLICY_RUN_OPTIONS = {
  ...CONNECTION_OPTIONS,
  policy: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
} as const;

export function readPolicies(
  cwd: string,
  file: string | undefined,
): { uri: string; policies: PolicyOperations[] } {
  if (!file) throw new UsageError('--policy <file> is required');
  const full = path.resolve(cwd, file);
  if (!fs.existsSync(full)) throw new UsageError(`policy file not found: ${file}`);
  const uri = `file://${full}`;
  const policies = policyOperations(
    TextDocument.create(uri, 'hana-backup-policy', 0, fs.readFileSync(full, 'utf8')),
  );
  if (policies.length === 0)
    throw new UsageError(
      `${file} holds no readable policy (run \`hana-backup lint ${file}\` for its problems)`,
    );
  return { uri, policies };
}

/** HANA's errors end a live command with exit code 3 and the message in words. */
export async function withHana(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HanaAccessError || error instanceof HanaDriverUnavailable) {
      process.stderr.write(`hana-backup: ${error.message}\n`);
      return EXIT.hana;
    }
    throw error;
  }
}

export function checkFormat(format: string | undefined): 'text' | 'json' {
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not "${format}"`);
  return format;
}

/** A policy target naming a database the system lacks is worth a warning, not a stop: the rest still run. */
export function warnUnknown(system: string, unknownDatabases: readonly string[]): void {
  for (const name of unknownDatabases)
    process.stderr.write(`hana-backup: warning: ${system} has no database ${name}; it is skipped\n`);
}

type PolicyTarget = PolicyOperations['targets'][number];

/**
 * Runs `act` for each of the policy's targets that `--connection` selects, on a connection to its
 * system that is closed afterwards.
 */
export async function forEachTarget(
  cwd: string,
  values: { connection?: string; settings?: string; 'password-env'?: string },
  targets: readonly PolicyTarget[],
  act: (pool: HanaConnectionPool, target: PolicyTarget) => Promise<void>,
): Promise<void> {
  for (const target of targets) {
    if (values.connection && values.connection !== target.system) continue;
    const pool = openConnection(cwd, {
      settings: values.settings,
      passwordEnv: values['password-env'],
      connection: target.system,
    });
    try {
      await act(pool, target);
    } finally {
      await pool.dispose();
    }
  }
}

/**
 * A HANA connection for the CLI's live commands: the connection named in the settings file (the
 * editor's `hanaBackup.connections`), its secret from an `hdbuserstore` key or an environment
 * variable — never from the command line, where `ps` and shell history would show it.
 */
import {
  readConnectionConfigs,
  toConnectionSettings,
} from '../../../client/src/connections/connectionConfig';
import { HanaConnectionPool } from '../../../client/src/hana/connectionPool';
import { rawConnections } from './cliSettings';
import { UsageError } from './lintFiles';

export interface CliConnectionOptions {
  connection?: string;
  settings?: string;
  /** Name of an environment variable with the password (overrides the connection's passwordEnv). */
  passwordEnv?: string;
  statementTimeoutSeconds?: number;
}

export function openConnection(cwd: string, options: CliConnectionOptions): HanaConnectionPool {
  const { connections, problems } = readConnectionConfigs(rawConnections(cwd, options.settings));
  if (connections.length === 0)
    throw new UsageError(
      `no usable connection in ${options.settings ?? '.vscode/settings.json'} (hanaBackup.connections)${problems.length ? `: ${problems.join('; ')}` : ''}`,
    );
  const name = options.connection ?? (connections.length === 1 ? connections[0].name : undefined);
  if (!name) throw new UsageError(`--connection is required: ${connections.map((c) => c.name).join(', ')}`);
  const config = connections.find((c) => c.name === name);
  if (!config)
    throw new UsageError(
      `no connection named "${name}" (known: ${connections.map((c) => c.name).join(', ')})`,
    );
  let password: string | undefined;
  if (!config.userStoreKey) {
    const variable = options.passwordEnv ?? config.passwordEnv;
    if (!variable)
      throw new UsageError(
        `${name}: give the password through an environment variable (--password-env NAME, or passwordEnv in the connection) or use an hdbuserstore key (userStoreKey); never on the command line`,
      );
    password = process.env[variable];
    if (!password) throw new UsageError(`${name}: the environment variable ${variable} is not set`);
  }
  return new HanaConnectionPool(toConnectionSettings(config, password), {
    statementTimeoutMs: (options.statementTimeoutSeconds ?? 600) * 1000,
  });
}

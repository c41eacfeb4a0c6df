/**
 * The connections of the window: their settings, where each password comes from, a pool per
 * connection and what the last statement told us about it (shown on the system's tree node).
 */
import * as vscode from 'vscode';
import { HanaConnectionPools, type ExecOptions, type SqlRunner } from '../hana/connectionPool';
import { HanaDriverUnavailable } from '../hana/driver';
import { HanaAccessError } from '../hana/errors';
import type { SqlParameter, SqlStatement } from '../hana/sqlText';
import {
  passwordSource,
  readConnectionConfigs,
  toConnectionSettings,
  type ConnectionConfig,
} from './connectionConfig';
import { PasswordNotGiven } from './passwordNotGiven';

export type ConnectionState =
  { state: 'idle' } | { state: 'connected' } | { state: 'error'; message: string; kind: string };

const SECRET_PREFIX = 'hanaBackup.password.';

export { PasswordNotGiven };

export class ConnectionManager implements vscode.Disposable {
  private readonly pools: HanaConnectionPools;
  private readonly states = new Map<string, ConnectionState>();
  /** Passwords read for this session, by connection name: the pool asks synchronously on connect. */
  private readonly passwords = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.pools = new HanaConnectionPools({
      statementTimeoutMs: this.statementTimeoutMs(),
      log: (line) => this.log.info(line),
    });
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration(async (event) => {
        if (!event.affectsConfiguration('hanaBackup.connections')) return;
        // Settings changed: every pool is closed; the next statement connects with the new settings.
        await this.pools.dispose();
        this.states.clear();
        this.changed.fire(undefined);
      }),
    );
  }

  private statementTimeoutMs(): number {
    const seconds = vscode.workspace.getConfiguration('hanaBackup').get<number>('statementTimeout', 60);
    return Math.max(1, seconds) * 1000;
  }

  list(): ConnectionConfig[] {
    const value = vscode.workspace.getConfiguration('hanaBackup').get<unknown>('connections');
    return readConnectionConfigs(value).connections;
  }

  problems(): string[] {
    return readConnectionConfigs(vscode.workspace.getConfiguration('hanaBackup').get<unknown>('connections'))
      .problems;
  }

  get(name: string): ConnectionConfig | undefined {
    return this.list().find((c) => c.name === name);
  }

  state(name: string): ConnectionState {
    return this.states.get(name) ?? { state: 'idle' };
  }

  /** A runner for the connection; asks for a password stored nowhere yet (SecretStorage). */
  async runner(name: string, options: { prompt?: boolean } = {}): Promise<SqlRunner> {
    const config = this.get(name);
    if (!config) throw new HanaAccessError(`There is no connection named "${name}".`, 'notFound');
    await this.ensurePassword(config, options.prompt ?? true);
    const pool = this.pools.get(name, () => {
      const current = this.get(name) ?? config;
      return toConnectionSettings(current, this.passwords.get(name));
    });
    return {
      name,
      exec: async <T>(
        statement: SqlStatement | string,
        params?: readonly SqlParameter[],
        options?: ExecOptions,
      ) => {
        try {
          const rows = await pool.exec<T>(statement, params, options);
          this.setState(name, { state: 'connected' });
          return rows;
        } catch (error) {
          this.noteFailure(name, error);
          throw error;
        }
      },
    };
  }

  private noteFailure(name: string, error: unknown): void {
    if (error instanceof HanaDriverUnavailable)
      this.setState(name, { state: 'error', kind: 'driverUnavailable', message: error.message });
    else if (error instanceof HanaAccessError) {
      if (error.kind === 'authentication') this.passwords.delete(name); // asked again on the next action
      if (error.connectionUnusable || error.kind === 'authentication' || error.kind === 'driverUnavailable')
        this.setState(name, { state: 'error', kind: error.kind, message: error.message });
    }
  }

  private setState(name: string, state: ConnectionState): void {
    const before = this.states.get(name);
    this.states.set(name, state);
    if (JSON.stringify(before) !== JSON.stringify(state)) this.changed.fire(name);
  }

  private async ensurePassword(config: ConnectionConfig, prompt: boolean): Promise<void> {
    const source = passwordSource(config);
    if (source === 'userStore') return;
    if (source === 'environment') {
      const value = process.env[config.passwordEnv!];
      if (!value)
        throw new HanaAccessError(
          `The password of ${config.name} is to come from the environment variable ${config.passwordEnv}, which is not set in VS Code's environment.`,
          'authentication',
        );
      this.passwords.set(config.name, value);
      return;
    }
    if (this.passwords.has(config.name)) return;
    const stored = await this.secrets.get(SECRET_PREFIX + config.name);
    if (stored) {
      this.passwords.set(config.name, stored);
      return;
    }
    if (!prompt) throw new PasswordNotGiven(config.name);
    const entered = await vscode.window.showInputBox({
      title: `Password of ${config.user ?? 'the user'} on ${config.name}`,
      prompt: 'Stored in VS Code secret storage, never in settings.',
      password: true,
      ignoreFocusOut: true,
    });
    if (!entered) throw new PasswordNotGiven(config.name);
    await this.setPassword(config.name, entered);
  }

  async setPassword(name: string, password: string): Promise<void> {
    await this.secrets.store(SECRET_PREFIX + name, password);
    this.passwords.set(name, password);
    await this.pools.remove(name);
  }

  async forget(name: string): Promise<void> {
    await this.secrets.delete(SECRET_PREFIX + name);
    this.passwords.delete(name);
    this.states.delete(name);
    await this.pools.remove(name);
    this.changed.fire(undefined);
  }

  /** Drops the pool's connections so the next action connects anew (after a reported loss). */
  async reset(name: string): Promise<void> {
    await this.pools.remove(name);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    void this.pools.dispose();
  }
}

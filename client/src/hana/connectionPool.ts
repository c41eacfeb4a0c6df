/**
 * Connections per system: a small pool, a deadline on every statement, and a lost connection
 * replaced on the next call (never a retry loop).
 */
import { loadHanaDriver, type HanaDriver, type NativeConnection } from './driver';
import { statementTimeoutError, toHanaAccessError, type HanaAccessError } from './errors';
import { SqlStatement, type SqlParameter } from './sqlText';
import { describeSettings, driverConnectProperties, type ConnectionSettings } from './types';

export interface PoolOptions {
  /** Most connections open at once (default 2). */
  maxConnections?: number;
  /** Deadline of every statement unless the call gives one (default 60 s). */
  statementTimeoutMs?: number;
  /** Connect deadline handed to the driver (default 10 s). */
  connectTimeoutMs?: number;
  /** The driver (default: `@sap/hana-client`, loaded on first use). */
  driver?: () => HanaDriver;
  /** Log lines (never with a password). */
  log?: (line: string) => void;
}

export interface ExecOptions {
  timeoutMs?: number;
}

export interface PoolStats {
  open: number;
  idle: number;
  busy: number;
  waiting: number;
  /** Connections opened over the pool's life. */
  created: number;
}

/** What code that runs statements needs from a pool: tests and callers depend on this, not the class. */
export interface SqlRunner {
  readonly name: string;
  exec<T = Record<string, unknown>>(
    statement: SqlStatement | string,
    params?: readonly SqlParameter[],
    options?: ExecOptions,
  ): Promise<T[]>;
}

interface PooledConnection {
  native: NativeConnection;
  generation: number;
}

function call<T>(run: (callback: (error: Error | null | undefined, result?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      run((error, result) => (error ? reject(error) : resolve(result as T)));
    } catch (error) {
      reject(error);
    }
  });
}

/** The connections of one system. `settings` may be a function: read anew on every connect. */
export class HanaConnectionPool implements SqlRunner {
  private readonly idle: PooledConnection[] = [];
  private readonly waiters: ((connection: PooledConnection | undefined) => void)[] = [];
  private busy = 0;
  private opening = 0;
  private created = 0;
  /** Bumped when connections must not be reused (lost connection, close). */
  private generation = 0;
  private closed = false;
  private readonly maxConnections: number;
  private readonly statementTimeoutMs: number;
  private readonly connectTimeoutMs: number;

  constructor(
    private readonly settings: ConnectionSettings | (() => ConnectionSettings),
    private readonly options: PoolOptions = {},
  ) {
    this.maxConnections = Math.max(1, options.maxConnections ?? 2);
    this.statementTimeoutMs = options.statementTimeoutMs ?? 60_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  }

  private current(): ConnectionSettings {
    return typeof this.settings === 'function' ? this.settings() : this.settings;
  }

  get name(): string {
    return this.current().name;
  }

  stats(): PoolStats {
    return {
      open: this.idle.length + this.busy,
      idle: this.idle.length,
      busy: this.busy,
      waiting: this.waiters.length,
      created: this.created,
    };
  }

  private mapError(error: unknown, settings = this.current()): HanaAccessError {
    return toHanaAccessError(error, { system: settings.name, secrets: [settings.password] });
  }

  /** Runs one statement on a pooled connection and returns its rows (empty for non-queries). */
  async exec<T = Record<string, unknown>>(
    statement: SqlStatement | string,
    params: readonly SqlParameter[] = [],
    options: ExecOptions = {},
  ): Promise<T[]> {
    const text = statement instanceof SqlStatement ? statement.text : statement;
    const values = statement instanceof SqlStatement ? [...statement.params, ...params] : [...params];
    const connection = await this.acquire();
    const timeoutMs = options.timeoutMs ?? this.statementTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const run = call<unknown>((callback) => connection.native.exec(text, values, callback)).then(
      (rows) => ({ rows }),
      (error: unknown) => ({ error }),
    );
    const outcome = await Promise.race([run, deadline]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.options.log?.(`${this.name}: statement timed out after ${timeoutMs} ms; dropping its connection`);
      this.discard(connection);
      throw statementTimeoutError(this.name, timeoutMs);
    }
    if ('error' in outcome) {
      const mapped = this.mapError(outcome.error);
      if (mapped.connectionUnusable) {
        this.options.log?.(`${this.name}: ${mapped.message}`);
        this.invalidate();
        this.discard(connection);
      } else this.release(connection);
      throw mapped;
    }
    this.release(connection);
    return (Array.isArray(outcome.rows) ? outcome.rows : []) as T[];
  }

  /** Closes every connection; later calls open new ones. */
  async close(): Promise<void> {
    this.generation++;
    const idle = this.idle.splice(0);
    for (const waiter of this.waiters.splice(0)) waiter(undefined);
    await Promise.all(idle.map((c) => this.disconnect(c.native)));
  }

  /** Closes the pool for good. */
  async dispose(): Promise<void> {
    this.closed = true;
    await this.close();
  }

  private async acquire(): Promise<PooledConnection> {
    if (this.closed) throw toHanaAccessError(`the connection pool of ${this.name} is closed`);
    const idle = this.idle.pop();
    if (idle) {
      this.busy++;
      return idle;
    }
    if (this.busy + this.opening < this.maxConnections) return this.open();
    const handed = await new Promise<PooledConnection | undefined>((resolve) => this.waiters.push(resolve));
    if (handed) return handed; // counted busy by release()
    return this.acquire();
  }

  private async open(): Promise<PooledConnection> {
    this.opening++;
    const settings = this.current();
    const generation = this.generation;
    try {
      const driver = (this.options.driver ?? loadHanaDriver)();
      const native = driver.createConnection();
      const properties = driverConnectProperties(settings, { connectTimeoutMs: this.connectTimeoutMs });
      await call<void>((callback) => native.connect(properties, callback));
      this.created++;
      this.busy++;
      this.options.log?.(`connected to ${describeSettings(settings)}`);
      return { native, generation };
    } catch (error) {
      // A call queued behind this connect would otherwise wait for a connection that never comes
      // (a release or discard is what wakes it): it tries for itself.
      this.waiters.shift()?.(undefined);
      throw this.mapError(error, settings);
    } finally {
      this.opening--;
    }
  }

  private release(connection: PooledConnection): void {
    if (connection.generation !== this.generation || this.closed) {
      this.discard(connection);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter(connection); // stays busy
      return;
    }
    this.busy--;
    this.idle.push(connection);
  }

  /** Forgets a connection (busy → gone) and lets a waiter open a new one. */
  private discard(connection: PooledConnection): void {
    this.busy--;
    void this.disconnect(connection.native);
    const waiter = this.waiters.shift();
    if (waiter) waiter(undefined);
  }

  /** After a lost connection: the idle ones are suspect too, so they are closed; the next call reconnects. */
  private invalidate(): void {
    this.generation++;
    for (const connection of this.idle.splice(0)) void this.disconnect(connection.native);
  }

  private disconnect(native: NativeConnection): Promise<void> {
    return call<void>((callback) => native.disconnect(callback)).catch(() => undefined);
  }
}

/** One pool per system key. */
export class HanaConnectionPools {
  private readonly pools = new Map<string, HanaConnectionPool>();

  constructor(private readonly options: PoolOptions = {}) {}

  /** The pool of `key`, created on first use. */
  get(key: string, settings: ConnectionSettings | (() => ConnectionSettings)): HanaConnectionPool {
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new HanaConnectionPool(settings, this.options);
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Drops the pool of `key` (settings changed, connection removed). */
  async remove(key: string): Promise<void> {
    const pool = this.pools.get(key);
    this.pools.delete(key);
    await pool?.dispose();
  }

  /** Closes every pool; the object stays usable (later calls create new pools). */
  async dispose(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.dispose()));
  }
}

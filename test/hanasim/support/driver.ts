/** @sap/hana-client with promises, for tests that talk to hanasim as the extension will. */
import * as hana from '@sap/hana-client';

export interface Connection {
  exec<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  port: number;
  user?: string;
  password: string;
  databaseName?: string;
}

interface NativeConnection {
  connect(options: Record<string, unknown>, callback: (error: Error | null) => void): void;
  exec(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
  disconnect(callback: (error: Error | null) => void): void;
}

export function connect(options: ConnectOptions): Promise<Connection> {
  const native = (hana as unknown as { createConnection(): NativeConnection }).createConnection();
  return new Promise((resolve, reject) => {
    const settings: Record<string, unknown> = {
      serverNode: `127.0.0.1:${options.port}`,
      uid: options.user ?? 'SYSTEM',
      pwd: options.password,
      communicationTimeout: 10000,
    };
    if (options.databaseName) settings.databaseName = options.databaseName;
    native.connect(settings, (error) => {
      if (error) return reject(error);
      resolve({
        exec: <T>(sql: string, params: unknown[] = []) =>
          new Promise<T[]>((done, fail) =>
            native.exec(sql, params, (e, rows) => (e ? fail(e) : done((rows ?? []) as T[]))),
          ),
        close: () => new Promise<void>((done) => native.disconnect(() => done())),
      });
    });
  });
}

/** createProtocolServer: one listening port per database of the backend (SYSTEMDB and each tenant). */
import net from 'node:net';
import type { Backend } from './backend';
import { Connection } from './connection';
import { Registry, type RegistryStats } from './registry';
import { DEFAULT_FETCH_LIMITS, StatementHandler, type FetchLimits } from './statements';

export interface ProtocolServerOptions {
  /** Interface to listen on; loopback by default. */
  host?: string;
  /** Port per database name; 0 or missing = the backend's preference, else any free port. */
  ports?: Record<string, number>;
  /** Host name given to clients in redirects (default: host). */
  advertisedHost?: string;
  /** SYSTEM_ID in the CONNECT reply. */
  systemId?: string;
  fetch?: Partial<FetchLimits>;
}

export interface ProtocolServer {
  host: string;
  /** The port each database listens on, by upper-case name. */
  ports: Record<string, number>;
  /** Open sessions, prepared statements and cursors (for tests and diagnostics). */
  stats(): RegistryStats;
  close(): Promise<void>;
}

export async function createProtocolServer(
  backend: Backend,
  options: ProtocolServerOptions = {},
): Promise<ProtocolServer> {
  const host = options.host ?? '127.0.0.1';
  const registry = new Registry();
  const statements = new StatementHandler(backend, registry, { ...DEFAULT_FETCH_LIMITS, ...options.fetch });
  const ports: Record<string, number> = {};
  const servers: net.Server[] = [];
  const connections = new Set<Connection>();

  const listen = (name: string, port: number): Promise<net.Server> =>
    new Promise((resolve, reject) => {
      const server = net.createServer((socket) => {
        const conn = new Connection(socket, {
          backend,
          registry,
          statements,
          systemId: options.systemId ?? 'HXE',
          host: options.advertisedHost ?? host,
          homeDatabase: name,
          port: ports[name],
          portOf: (db) => ports[db.toUpperCase()],
          onClose: (c) => connections.delete(c),
        });
        connections.add(conn);
      });
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });

  try {
    for (const db of backend.databases()) {
      const name = db.name.toUpperCase();
      const server = await listen(name, options.ports?.[name] ?? db.port ?? 0);
      servers.push(server);
      ports[name] = (server.address() as net.AddressInfo).port;
    }
  } catch (e) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw e;
  }

  return {
    host,
    ports,
    stats: () => registry.stats(),
    close: async () => {
      const closing = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      for (const c of [...connections]) c.destroy();
      await Promise.all(closing);
    },
  };
}

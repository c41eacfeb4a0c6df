/** The landscape the backup subsystem serves: hosts, their services, and which database each belongs to. */
import { SYSTEMDB } from '../sql/values';

export type ServiceName = 'indexserver' | 'nameserver' | 'xsengine';

export interface TopologyService {
  name: ServiceName;
  port: number;
  volumeId: number;
  /**
   * The database whose persistence this service holds. When absent: nameserver → SYSTEMDB,
   * indexserver/xsengine → every tenant (one such service per tenant on that host).
   */
  database?: string;
}

export interface Topology {
  sid: string;
  instance: string;
  hosts: { name: string; services: TopologyService[] }[];
  /** SYSTEMDB + tenants, upper case. */
  databases: string[];
}

/** One service with persistence of one database: what a data backup piece or a log backup is of. */
export interface PersistentService {
  database: string;
  host: string;
  service: ServiceName;
  port: number;
  volumeId: number;
}

/** The services holding `database`'s persistence, master host first. */
export function servicesOf(topology: Topology, database: string): PersistentService[] {
  const out: PersistentService[] = [];
  for (const host of topology.hosts) {
    for (const s of host.services) {
      const owner = s.database?.toUpperCase();
      const belongs =
        owner !== undefined ? owner === database : (s.name === 'nameserver') === (database === SYSTEMDB);
      if (belongs) {
        out.push({ database, host: host.name, service: s.name, port: s.port, volumeId: s.volumeId });
      }
    }
  }
  return out;
}

/** The master host (the first one): where the topology piece of a data backup comes from. */
export function masterHost(topology: Topology): string {
  return topology.hosts[0]?.name ?? 'localhost';
}

export function hasDatabase(topology: Topology, database: string): boolean {
  return topology.databases.includes(database.toUpperCase());
}

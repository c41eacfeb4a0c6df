import type { SqlEngine } from '../sql/engine';

export interface HostSpec {
  name: string;
  /** MASTER or SLAVE, as M_LANDSCAPE_HOST_CONFIGURATION shows it on premise. */
  role: 'MASTER' | 'SLAVE';
}

export interface LandscapeSpec {
  sid: string;
  instance: string;
  hosts: HostSpec[];
  /** SYSTEMDB first, then the tenants. */
  databases: string[];
  version: string;
}

/** SQL port of a database's indexserver (SYSTEMDB 3<nr>13, tenants 3<nr>41, 3<nr>44, …). */
export function sqlPortOf(instance: string, index: number): number {
  const base = 30000 + Number(instance) * 100;
  return index === 0 ? base + 13 : base + 41 + 3 * (index - 1);
}

/**
 * The landscape views (M_DATABASES, M_DATABASE, M_SERVICES, M_LANDSCAPE_HOST_CONFIGURATION,
 * M_HOST_INFORMATION): written once when a system is created, changed by tenant start/stop.
 */
export function writeLandscape(engine: SqlEngine, spec: LandscapeSpec, startTime: Date): void {
  const master = spec.hosts.find((h) => h.role === 'MASTER')?.name ?? spec.hosts[0].name;
  engine.transaction(() => {
    spec.databases.forEach((database, index) => {
      engine.insert('M_DATABASES', [
        {
          DATABASE_NAME: database,
          DESCRIPTION: database === 'SYSTEMDB' ? 'SystemDB-' + spec.sid : '',
          ACTIVE_STATUS: 'YES',
          ACTIVE_STATUS_DETAILS: '',
          OS_USER: '',
          OS_GROUP: '',
          RESTART_MODE: 'DEFAULT',
        },
      ]);
      engine.insert('M_DATABASE', [
        {
          DATABASE_NAME: database,
          SYSTEM_ID: spec.sid,
          HOST: master,
          START_TIME: startTime,
          VERSION: spec.version,
          USAGE: 'CUSTOM',
        },
      ]);
      for (const host of spec.hosts) {
        const services =
          database === 'SYSTEMDB'
            ? [
                {
                  name: 'nameserver',
                  port: sqlPortOf(spec.instance, 0) - 12,
                  sqlPort: sqlPortOf(spec.instance, 0),
                },
              ]
            : [
                {
                  name: 'indexserver',
                  port: sqlPortOf(spec.instance, index) - 1,
                  sqlPort: sqlPortOf(spec.instance, index),
                },
              ];
        engine.insert(
          'M_SERVICES',
          services.map((s) => ({
            DATABASE_NAME: database,
            HOST: host.name,
            PORT: s.port,
            SERVICE_NAME: s.name,
            PROCESS_ID: 1000 + index * 10 + spec.hosts.indexOf(host),
            DETAIL: '',
            ACTIVE_STATUS: 'YES',
            SQL_PORT: host.name === master ? s.sqlPort : 0,
            COORDINATOR_TYPE: host.name === master ? 'MASTER' : 'NONE',
            VOLUME_REPLICATION_ROLE: '',
            IS_DATABASE_LOCAL: 'TRUE',
          })),
        );
      }
    });
    engine.insert(
      'M_LANDSCAPE_HOST_CONFIGURATION',
      spec.hosts.map((host) => ({
        HOST: host.name,
        HOST_ACTIVE: 'yes',
        HOST_STATUS: 'OK',
        FAILOVER_STATUS: '',
        FAILOVER_CONFIG_GROUP: 'default',
        FAILOVER_ACTUAL_GROUP: 'default',
        NAMESERVER_CONFIG_ROLE: host.role === 'MASTER' ? 'MASTER 1' : 'SLAVE',
        NAMESERVER_ACTUAL_ROLE: host.role === 'MASTER' ? 'MASTER' : 'SLAVE',
        INDEXSERVER_CONFIG_ROLE: 'WORKER',
        INDEXSERVER_ACTUAL_ROLE: host.role,
        HOST_CONFIG_ROLES: 'worker',
        HOST_ACTUAL_ROLES: 'worker',
      })),
    );
    engine.insert(
      'M_HOST_INFORMATION',
      spec.hosts.flatMap((host) => [
        { HOST: host.name, KEY: 'build_version', VALUE: spec.version },
        { HOST: host.name, KEY: 'timezone_name', VALUE: 'UTC' },
        { HOST: host.name, KEY: 'timezone_offset', VALUE: '0' },
        { HOST: host.name, KEY: 'sid', VALUE: spec.sid },
      ]),
    );
  });
}

/** `ALTER SYSTEM STOP/START DATABASE`: the tenant's status as M_DATABASES shows it. */
export function setDatabaseActive(engine: SqlEngine, database: string, active: boolean): void {
  engine.runInternal(
    `UPDATE "S_M_DATABASES" SET "ACTIVE_STATUS" = ?, "ACTIVE_STATUS_DETAILS" = ? WHERE "DATABASE_NAME" = ?`,
    [active ? 'YES' : 'NO', active ? '' : 'stopped by user', database],
  );
}

export function setRestartMode(engine: SqlEngine, database: string, mode: 'NO' | 'DEFAULT'): void {
  engine.runInternal(`UPDATE "S_M_DATABASES" SET "RESTART_MODE" = ? WHERE "DATABASE_NAME" = ?`, [
    mode,
    database,
  ]);
}

export function isDatabaseActive(engine: SqlEngine, database: string): boolean | undefined {
  const row = engine.db
    .prepare(`SELECT "ACTIVE_STATUS" AS s FROM "S_M_DATABASES" WHERE "DATABASE_NAME" = ?`)
    .get(database) as { s: string } | undefined;
  return row ? row.s === 'YES' : undefined;
}

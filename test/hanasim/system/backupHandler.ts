import { HanaError, type SessionInfo, type StatementResult } from '../shared/types';
import type { Statement } from '../sql/statementAst';
import { BACKINT_FAULTS } from './backupContext';
import { BackupFaults, BackupSubsystem } from './backups';
import { loseLog } from './logLoss';
import { corruptBackupFiles, deleteBackupFiles } from './pieceFaults';
import type { LandscapeSpec } from './landscape';
import type { Simulator, StatementHandler } from './simulator';
import { servicesOf, type Topology } from './topology';

const BACKUP_STATEMENTS = new Set<Statement['kind']>([
  'backupData',
  'backupCancel',
  'createSnapshot',
  'closeSnapshot',
  'catalogDelete',
]);

/** Services per host as HANA places them: the nameserver (SYSTEMDB) and an indexserver per tenant. */
export function topologyOf(landscape: LandscapeSpec): Topology {
  const tenants = landscape.databases.filter((d) => d !== 'SYSTEMDB');
  const base = 30000 + Number(landscape.instance) * 100;
  return {
    sid: landscape.sid,
    instance: landscape.instance,
    databases: landscape.databases,
    hosts: landscape.hosts.map((host) => ({
      name: host.name,
      services: [
        { name: 'nameserver' as const, port: base + 1, volumeId: 1, database: 'SYSTEMDB' },
        ...tenants.map((database, i) => ({
          name: 'indexserver' as const,
          port: base + 40 + 3 * i,
          volumeId: 3 + i,
          database,
        })),
      ],
    })),
  };
}

/** M_BACKUP_SIZE_ESTIMATIONS: what a complete backup of each service would take; deltas a tenth of it. */
function writeSizeEstimations(backups: BackupSubsystem): void {
  const { ctx } = backups;
  const rows = ctx.topology.databases.flatMap((database) =>
    servicesOf(ctx.topology, database).flatMap((s) =>
      (['complete data backup', 'differential data backup', 'incremental data backup'] as const).map(
        (type) => {
          const full = ctx.volumeSize(database, s.service, s.volumeId);
          return {
            DATABASE_NAME: database,
            HOST: s.host,
            PORT: s.port,
            SERVICE_NAME: s.service,
            ENTRY_TYPE_NAME: type,
            ESTIMATED_SIZE: type === 'complete data backup' ? full : Math.round(full / 10),
          };
        },
      ),
    ),
  );
  ctx.engine.transaction(() => {
    ctx.engine.runInternal('DELETE FROM "S_M_BACKUP_SIZE_ESTIMATIONS"');
    ctx.engine.insert('M_BACKUP_SIZE_ESTIMATIONS', rows);
  });
}

/**
 * The backup statements, automatic log backups and the backup faults of `CALL HANASIM.*`
 * (INJECT_FAULT('backint', 'fail-next' | 'response-timeout' | 'slow'), CLEAR_FAULTS(), DROP_LOG_BACKUP(<id>),
 * LOSE_LOG('<database>' [, '<host>']), DELETE_BACKUP_FILE(<id>), CORRUPT_BACKUP_FILE(<id>)).
 */
export function backupHandler(simulator: Simulator): StatementHandler {
  const faults = new BackupFaults();
  const backups = new BackupSubsystem({
    engine: simulator.engine,
    config: simulator.config,
    clock: simulator.clock,
    dataDir: simulator.options.dataDir,
    topology: topologyOf(simulator.landscape),
    faults,
  });
  // A backup that was running when the process died (kill -9) shows as failed, as in HANA.
  backups.recoverAfterCrash();
  writeSizeEstimations(backups);
  return {
    handles: (statement) => BACKUP_STATEMENTS.has(statement.kind),
    run: (session: SessionInfo, statement: Statement): StatementResult => backups.run(session, statement),
    tick: () => backups.tick(),
    control(procedure, args) {
      if (procedure === 'INJECT_FAULT') {
        const [component, kind] = args;
        const fault = BACKINT_FAULTS.find((f) => f === kind);
        if (component !== 'backint' || !fault) {
          throw new HanaError(
            257,
            `sql syntax error: INJECT_FAULT('backint', ${BACKINT_FAULTS.map((f) => `'${f}'`).join(' | ')})`,
          );
        }
        faults.inject('backint', fault);
        return true;
      }
      if (procedure === 'CLEAR_FAULTS') {
        for (const fault of BACKINT_FAULTS) while (faults.take('backint', fault)) continue;
        return true;
      }
      if (procedure === 'LOSE_LOG') {
        const [database, host] = args;
        if (typeof database !== 'string' || (host !== undefined && typeof host !== 'string'))
          throw new HanaError(257, "sql syntax error: LOSE_LOG('<database>' [, '<host>'])");
        if (loseLog(backups.ctx, database, host) === 0) {
          const where = host === undefined ? database : `${database} on ${host}`;
          throw new HanaError(448, `no log chain to lose for ${where}: take a complete data backup first`);
        }
        return true;
      }
      if (procedure === 'DELETE_BACKUP_FILE' || procedure === 'CORRUPT_BACKUP_FILE') {
        if (typeof args[0] !== 'number')
          throw new HanaError(257, `sql syntax error: ${procedure}(<backup id>)`);
        if (procedure === 'DELETE_BACKUP_FILE') deleteBackupFiles(backups.ctx, args[0]);
        else corruptBackupFiles(backups.ctx, args[0]);
        return true;
      }
      if (procedure === 'DROP_LOG_BACKUP') {
        if (typeof args[0] !== 'number')
          throw new HanaError(257, 'sql syntax error: DROP_LOG_BACKUP(<backup id>)');
        backups.dropLogBackup(args[0]);
        return true;
      }
      return false;
    },
  };
}

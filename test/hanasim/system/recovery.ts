/**
 * Tenant recovery in hanasim (spec "Recovery"; facts §3.2–§3.4, §6.1, §6.2):
 * - recoveryChain.ts — the chain from the catalog (pure);
 * - recoveryState.ts — HS_RECOVERY (the point each tenant was recovered to), catalog and log-area
 *   reads, the new log sequence after a recovery;
 * - recoveryHandler.ts — the StatementHandler for RECOVER DATABASE / RECOVER DATA.
 *
 * Wiring: `simulator.use(recoveryHandler(simulator))` (main.ts / start.ts, next to backupHandler).
 */
import { RecoveryHandler } from './recoveryHandler';
import { topologyOf } from './backupHandler';
import type { Simulator } from './simulator';
import { servicesOf } from './topology';

/** The recovery handler of a simulator, with the same topology the backup subsystem uses. */
export function recoveryHandler(simulator: Simulator): RecoveryHandler {
  const topology = topologyOf(simulator.landscape);
  return new RecoveryHandler({
    engine: simulator.engine,
    dataDir: simulator.options.dataDir,
    clock: simulator.clock,
    config: simulator.config,
    services: (database) =>
      servicesOf(topology, database).map((s) => ({ host: s.host, port: s.port, volumeId: s.volumeId })),
  });
}

export {
  RECOVERY_FAILED,
  RECOVERY_STRATEGY,
  RecoveryHandler,
  type RecoveryOptions,
  type RecoveryService,
  recoveryFailed,
  recoveryStrategyError,
} from './recoveryHandler';
export {
  type ChainEntry,
  type ChainFile,
  type ChainInput,
  type RecoveryPlan,
  RecoveryProblem,
  computeRecoveryChain,
} from './recoveryChain';
export { type RecoveryRecord, lastRecovery, recoveries, restartLogAfterRecovery } from './recoveryState';

/** A driver pool on a test simulator's SYSTEMDB, as SYSTEM. */
import { HanaConnectionPool } from '../../../client/src/hana/connectionPool';
import { PASSWORD, type SimulatorSession } from '../../hanasim/support/simulatorSession';

export function systemDbPool(
  session: SimulatorSession,
  statementTimeoutMs = 20_000,
  name = 'PRD',
): HanaConnectionPool {
  return new HanaConnectionPool(
    { name, host: '127.0.0.1', port: session.sim.ports.SYSTEMDB, user: 'SYSTEM', password: PASSWORD },
    { statementTimeoutMs },
  );
}

/**
 * `npm run sim -- --data <dir> [--seed empty|demo|large] [--port-base 30013|0] [--speed N]
 * [--statement-log <file>]`: runs one simulated system in the foreground and prints one line,
 * `HANASIM_READY {…}`, with its ports. The SYSTEM password comes from HANASIM_PASSWORD, or is
 * generated and printed for a new data directory. With --statement-log every statement a client
 * sends is appended to <file> as a JSON line (see LoggedStatement).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createProtocolServer } from './protocol';
import { backupHandler } from './system/backupHandler';
import { recoveryHandler } from './system/recovery';
import { openSeeded, SEEDS, type Seed } from './system/seeds';

const TICK_MS = 500;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      seed: { type: 'string', default: 'empty' },
      'port-base': { type: 'string', default: '30013' },
      speed: { type: 'string', default: '1' },
      'statement-log': { type: 'string' },
    },
  });
  if (!values.data) throw new Error('--data <dir> is required: the folder that keeps the simulated system');
  const seed = values.seed as Seed;
  if (!SEEDS.includes(seed))
    throw new Error(`unknown seed "${values.seed}" (available: ${SEEDS.join(', ')})`);
  const speed = Number(values.speed);
  if (!(speed > 0)) throw new Error('--speed must be a positive number');
  const portBase = Number(values['port-base']);
  const generated = process.env.HANASIM_PASSWORD ? undefined : `Sim${randomBytes(6).toString('hex')}1`;
  const simulator = openSeeded(
    values.data,
    seed,
    process.env.HANASIM_PASSWORD ?? generated!,
    Date.now(),
    speed,
    { statementLog: values['statement-log'] },
  );
  // Port base 0: free ports for every database (tests run in parallel); otherwise HANA's layout.
  const first = simulator.databases()[0].port!;
  const ports = Object.fromEntries(
    simulator.databases().map((db) => [db.name, portBase === 0 ? 0 : portBase + db.port! - first]),
  );
  simulator.use(backupHandler(simulator));
  simulator.use(recoveryHandler(simulator));
  const server = await createProtocolServer(simulator, { host: '127.0.0.1', ports });
  const timer = setInterval(() => simulator.tick(), TICK_MS);
  const stop = async () => {
    clearInterval(timer);
    await server.close();
    simulator.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdout.write(
    `HANASIM_READY ${JSON.stringify({ sid: simulator.landscape.sid, ports: server.ports, user: 'SYSTEM', password: generated ?? 'from HANASIM_PASSWORD' })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`hanasim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});

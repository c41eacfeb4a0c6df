/**
 * One simulator per `describe`: a fresh data directory, the simulator in a child process and a
 * SYSTEMDB connection as SYSTEM, set up before the suite and torn down after it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { start, type RunningSimulator, type StartOptions } from '../start';
import { connect, type Connection } from './driver';

export const PASSWORD = 'Manager1-Sim';

export class SimulatorSession {
  dataDir = '';
  sim!: RunningSimulator;
  system!: Connection;

  private constructor(private readonly options: Omit<StartOptions, 'dataDir' | 'password'>) {}

  /** Registers the suite's hooks; `prepare` runs against the new data directory before the first start. */
  static use(
    name: string,
    options: Omit<StartOptions, 'dataDir' | 'password'> & { prepare?: (dataDir: string) => void } = {},
  ): SimulatorSession {
    const session = new SimulatorSession(options);
    before(async () => {
      session.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hanasim-${name}-`));
      options.prepare?.(session.dataDir);
      await session.open();
    });
    after(async () => {
      await session.system?.close();
      await session.sim?.stop();
      fs.rmSync(session.dataDir, { recursive: true, force: true });
    });
    return session;
  }

  private async open(): Promise<void> {
    this.sim = await start({ ...this.options, dataDir: this.dataDir, password: PASSWORD });
    this.system = await connect({ port: this.sim.ports.SYSTEMDB, password: PASSWORD });
  }

  /** Stops the simulator (SIGKILL when `kill`, as a crash) and starts it again on the same data. */
  async restart(kill = false): Promise<void> {
    await this.system.close();
    await (kill ? this.sim.kill() : this.sim.stop());
    await this.open();
  }

  /** Simulated now, as the server's clock says. */
  async now(): Promise<Date> {
    const [{ T }] = await this.system.exec<{ T: string }>('SELECT CURRENT_UTCTIMESTAMP AS T FROM DUMMY');
    return new Date(`${String(T).replace(' ', 'T')}Z`);
  }
}

/**
 * One simulator per `describe`: a fresh data directory, the simulator in a child process and a
 * SYSTEMDB connection as SYSTEM, set up before the suite and torn down after it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { start, type RunningSimulator, type StartOptions } from '../start';
import type { LoggedStatement } from '../system/simulator';
import { connect, type Connection } from './driver';

export const PASSWORD = 'Manager1-Sim';

export type SessionOptions = Omit<StartOptions, 'dataDir' | 'password' | 'statementLog'> & {
  /** Logs every statement the simulator receives to `<dataDir>/statements.log` (see statements()). */
  statementLog?: boolean;
};

export class SimulatorSession {
  dataDir = '';
  sim!: RunningSimulator;
  system!: Connection;

  private constructor(private readonly options: SessionOptions) {}

  /** Registers the suite's hooks; `prepare` runs against the new data directory before the first start. */
  static use(
    name: string,
    { prepare, ...options }: SessionOptions & { prepare?: (dataDir: string) => void } = {},
  ): SimulatorSession {
    const session = new SimulatorSession(options);
    before(async () => {
      session.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hanasim-${name}-`));
      prepare?.(session.dataDir);
      await session.open();
    });
    after(async () => {
      await session.system?.close();
      await session.sim?.stop();
      fs.rmSync(session.dataDir, { recursive: true, force: true });
    });
    return session;
  }

  private get statementLog(): string {
    return path.join(this.dataDir, 'statements.log');
  }

  private async open(): Promise<void> {
    this.sim = await start({
      ...this.options,
      statementLog: this.options.statementLog ? this.statementLog : undefined,
      dataDir: this.dataDir,
      password: PASSWORD,
    });
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

  /**
   * Every statement the simulator has received so far, oldest first, across restarts. The simulator
   * writes a statement's line before it replies, so whatever a finished call sent is already there.
   */
  statements(): LoggedStatement[] {
    if (!this.options.statementLog)
      throw new Error('statements() needs SimulatorSession.use(…, { statementLog: true })');
    if (!fs.existsSync(this.statementLog)) return [];
    return fs
      .readFileSync(this.statementLog, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LoggedStatement);
  }
}

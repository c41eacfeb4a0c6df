// Runs inputs through the language service in a worker thread, a few in flight at a time. A worker
// that gives no answer for HANG_KILL_MS is stuck on its oldest input: it is stopped, that input is
// reported as a hang, and a fresh worker takes the rest.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Outcome } from './exercise';
import type { FuzzInput } from './inputs';
import type { Problem } from './problems';

export type HostMessage = { type: 'input'; input: FuzzInput } | { type: 'settle' };
export type WorkerMessage =
  { type: 'outcome'; outcome: Outcome } | { type: 'unhandled'; message: string } | { type: 'settled' };

/** Far beyond the 1 s deadline: only an input that never ends is stopped this way. */
const HANG_KILL_MS = 15_000;
const IN_FLIGHT = 16;

export interface HostEvents {
  outcome(outcome: Outcome): void;
  unhandled(message: string): void;
}

export class ServiceHost {
  private worker!: Worker;
  /** Inputs sent and not answered, oldest first (the worker answers in order). */
  private readonly pending: FuzzInput[] = [];
  private lastAnswer = performance.now();
  private readonly waiting: (() => void)[] = [];
  private settled: (() => void) | undefined;
  private readonly watchdog: NodeJS.Timeout;
  private stopped = false;
  restarts = 0;

  constructor(private readonly events: HostEvents) {
    this.spawn();
    this.watchdog = setInterval(() => this.checkStuck(), 500);
  }

  /** Sends an input; resolves once there is room for the next one. */
  async submit(input: FuzzInput): Promise<void> {
    if (this.pending.length === 0) this.lastAnswer = performance.now();
    this.pending.push(input);
    this.send({ type: 'input', input });
    while (this.pending.length >= IN_FLIGHT) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Resolves when every input sent has its outcome. */
  async drain(): Promise<void> {
    while (this.pending.length > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /**
   * Resolves once the worker has run what the inputs left to run later (a timer, an immediate):
   * while inputs keep arriving, those wait, and an exception in them would go unseen.
   */
  settle(): Promise<void> {
    return new Promise((resolve) => {
      this.settled = resolve;
      this.send({ type: 'settle' });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.watchdog);
    await this.worker.terminate();
  }

  private spawn(): void {
    // Workers do not inherit tsx's loader from `--import tsx`; the CommonJS hook loads the TypeScript.
    const load = [require.resolve('tsx/cjs'), require.resolve('./serviceWorker.ts')]
      .map((file) => `require(${JSON.stringify(file)});`)
      .join(' ');
    // The server runs the service on a main thread, whose stack (V8's default, ~1 MB) is a quarter of
    // a worker's: the same stack lets a recursion too deep for the server fail here too.
    const worker = new Worker(load, { eval: true, resourceLimits: { stackSizeMb: 1 } });
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) =>
      this.replaceWorker(worker, 'crash', `worker died: ${error.stack ?? error.message}`),
    );
    worker.on('exit', (code) => this.replaceWorker(worker, 'crash', `worker exited with code ${code}`));
    this.worker = worker;
  }

  private send(message: HostMessage): void {
    this.worker.postMessage(message);
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'unhandled') {
      this.events.unhandled(message.message);
      return;
    }
    if (message.type === 'settled') {
      this.settled?.();
      return;
    }
    this.pending.shift();
    this.lastAnswer = performance.now();
    this.events.outcome(message.outcome);
    this.wake();
  }

  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  private checkStuck(): void {
    const silentMs = performance.now() - this.lastAnswer;
    if (this.pending.length > 0 && silentMs > HANG_KILL_MS)
      this.replaceWorker(this.worker, 'hang', `no answer within ${(silentMs / 1000).toFixed(0)} s: stopped`);
  }

  /** Reports the oldest pending input as the culprit and resends the others to a fresh worker. */
  private replaceWorker(worker: Worker, kind: Problem['kind'], reason: string): void {
    if (worker !== this.worker || this.stopped) return;
    void worker.terminate();
    this.restarts++;
    const [culprit, ...rest] = this.pending.splice(0);
    if (culprit)
      this.events.outcome({
        index: culprit.index,
        timings: [],
        totalMs: performance.now() - this.lastAnswer,
        problems: [{ feature: 'input', kind, message: reason }],
        codes: [],
        slowOnce: false,
      });
    this.spawn();
    this.lastAnswer = performance.now();
    for (const input of rest) {
      this.pending.push(input);
      this.send({ type: 'input', input });
    }
    this.wake();
  }
}

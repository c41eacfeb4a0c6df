// The worker thread the language service runs in, so that the main thread can stop it when an input
// makes it loop forever. It answers each input with its outcome, in the order they came.
import { parentPort } from 'node:worker_threads';
import { ServiceBench } from './exercise';
import { describeError } from './problems';
import type { HostMessage, WorkerMessage } from './serviceHost';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
// Whatever escapes asynchronously belongs to no one input: it is counted on its own.
process.on('unhandledRejection', (reason) => post({ type: 'unhandled', message: describeError(reason) }));
process.on('uncaughtException', (error) => post({ type: 'unhandled', message: describeError(error) }));

const bench = new ServiceBench();
port.on('message', (message: HostMessage) => {
  if (message.type === 'input') post({ type: 'outcome', outcome: bench.run(message.input) });
  // Callbacks the inputs left behind run before this one (the queue of immediates is in order).
  else setImmediate(() => post({ type: 'settled' }));
});

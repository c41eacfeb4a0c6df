// The fuzzer: `node --import tsx test/fuzz/run.ts --count N --seed S [--start I] [--lsp-share F]`.
// Generated and mutated policy, global.ini and Backint files go through every feature of the language
// service (in a worker thread) and a share of them through the LSP server; no crash, no hang over 1 s,
// no unhandled rejection. Failing inputs are kept under test-results/fuzz/; exit code 1 on any.
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import { replayCommand, saveFailure } from './failures';
import { inputAt, throughLsp } from './inputs';
import { LspDriver } from './lspDriver';
import { parseOptions, type FuzzOptions } from './options';
import { describeError } from './problems';
import { summaryLines } from './report';
import { ServiceHost } from './serviceHost';
import { Tally } from './tally';

/** Failures printed in full; all of them are saved. */
const SHOWN_FAILURES = 20;

async function fuzz(options: FuzzOptions): Promise<number> {
  const { seed, start, count, lspShare } = options;
  const tally = new Tally();
  process.on('unhandledRejection', (reason) => tally.unhandled.push(describeError(reason)));
  const loadBefore = os.loadavg();
  const started = performance.now();
  console.log(
    `FUZZ seed ${seed}: ${count} inputs from #${start}, ${(lspShare * 100).toFixed(1)}% also through the LSP server`,
  );
  const lsp = lspShare > 0 ? await LspDriver.start() : undefined;
  const serverPid = lsp?.pid;
  const host = new ServiceHost({
    outcome: (outcome) => tally.serviceOutcome(outcome),
    unhandled: (message) => tally.unhandled.push(message),
  });
  const progressEvery = Math.max(1000, Math.ceil(count / 10));
  // Whatever happens, the worker and the server go: either would keep the process alive.
  try {
    for (let index = start; index < start + count; index++) {
      const input = inputAt(seed, index);
      tally.counted(input);
      await host.submit(input);
      if (lsp && throughLsp(seed, index, lspShare)) tally.lspOutcome(index, await lsp.run(input));
      const done = index - start + 1;
      if (done % progressEvery === 0 && done < count)
        console.log(
          `  ${done} inputs · ${((performance.now() - started) / 1000).toFixed(1)} s · ${tally.failures.size} failed`,
        );
    }
    await host.drain();
    await host.settle();
  } finally {
    await host.stop();
    await lsp?.stop();
  }

  let shown = 0;
  for (const [index, problems] of tally.failures) {
    const file = saveFailure(seed, inputAt(seed, index), problems);
    if (shown++ >= SHOWN_FAILURES) continue;
    console.log(`\nFAILED input #${index} (${file})\n  again: ${replayCommand(seed, index)}`);
    for (const problem of problems)
      console.log(`  ${problem.kind} in ${problem.feature}: ${problem.message}`);
  }
  for (const message of tally.unhandled) console.log(`\nUNHANDLED: ${message}`);
  const lines = summaryLines(tally, {
    options,
    seconds: (performance.now() - started) / 1000,
    loadBefore,
    workerRestarts: host.restarts,
    serverExits: lsp?.exits ?? 0,
    serverPid,
  });
  console.log(lines.join('\n'));
  return tally.failures.size + tally.unhandled.length;
}

Promise.resolve(process.argv.slice(2))
  .then((argv) => fuzz(parseOptions(argv)))
  .then(
    (failed) => {
      process.exitCode = failed === 0 ? 0 : 1;
    },
    (error: unknown) => {
      console.error(describeError(error));
      console.log('FUZZ: 0 passed, 1 failed');
      process.exitCode = 1;
    },
  );

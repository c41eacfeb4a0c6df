// Every measurement on every server, with the figures of each server as they come.
import { processMemory } from '../support/processStats.mjs';
import { SAMPLE_COMPLETIONS, SAMPLE_EDITS, WARMUP_COMPLETIONS, WARMUP_EDITS } from './constants.mjs';
import { startAndOpen } from './measureCold.mjs';
import { measureCompletion } from './measureCompletion.mjs';
import { measureEdits } from './measureEdits.mjs';

function printServerFigures(session) {
  const { label, edit, completion, memory } = session.result;
  console.log(`  ${label}`);
  const cpu = edit.cpuMsPerEdit === undefined ? '' : `, server CPU ${edit.cpuMsPerEdit} ms per edit`;
  console.log(`    edit → diagnostics: median ${edit.median} ms, p95 ${edit.p95} ms (n=${edit.n})${cpu}`);
  console.log(`    completion: median ${completion.median} ms, p95 ${completion.p95} ms (n=${completion.n})`);
  if (memory) console.log(`    memory: RSS ${memory.rssMB} MB, peak ${memory.peakMB} MB`);
}

/** Runs every measurement on every server; returns results keyed by server id. */
export async function benchmarkServers(specs, workspace, sessions) {
  console.log('\nCold open (didOpen → first diagnostics)');
  for (const spec of specs) await startAndOpen(spec, workspace, sessions);
  console.log(`\nEdits: ${WARMUP_EDITS} warm-up + ${SAMPLE_EDITS} samples per server, interleaved`);
  await measureEdits(sessions);
  console.log(
    `Completion: ${WARMUP_COMPLETIONS} warm-up + ${SAMPLE_COMPLETIONS} requests per server, interleaved`,
  );
  await measureCompletion(sessions, workspace.carets);
  for (const session of sessions) session.result.memory = processMemory(session.child.pid);
  console.log('\nPer server');
  for (const session of sessions) printServerFigures(session);
  return Object.fromEntries(sessions.map((session) => [session.spec.id, session.result]));
}

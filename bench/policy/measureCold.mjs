// The cold measurement: a server started, then the file opened in it (didOpen → first diagnostics).
import { performance } from 'node:perf_hooks';
import { countCodes } from '../support/counts.mjs';
import { cpuMsSince, processCpuMs } from '../support/processStats.mjs';
import { round } from '../support/stats.mjs';
import { DEADLINE } from './constants.mjs';
import { nextDiagnostics, startSession } from './session.mjs';

/** didOpen → first diagnostics: one full validation of the file by a server that has never seen it. */
async function measureColdOpen(session) {
  const { workspace, spec, connection } = session;
  session.version = 1;
  session.text = workspace.text;
  const received = nextDiagnostics(
    session,
    workspace.uri,
    spec.versionedDiagnostics ? 1 : undefined,
    DEADLINE.coldDiagnostics,
  );
  const cpuBefore = processCpuMs(session.child.pid);
  const started = performance.now();
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: workspace.uri, languageId: spec.languageId, version: 1, text: workspace.text },
  });
  const { at, diagnostics } = await received;
  const cpuMs = cpuMsSince(session.child.pid, cpuBefore);
  return { ms: round(at - started), cpuMs, diagnostics };
}

/** Proof that the server validated the file for real: it reports the deliberately unknown key. */
function reportsBadKey(diagnostics, line) {
  return diagnostics.some(
    (d) => d.range.start.line === line && (d.code === 'HBP002' || /not allowed/i.test(d.message)),
  );
}

/**
 * Starts a server and opens the file in it: the cold measurement. Servers are started one after
 * the other, so the ones already running are idle while the next one validates for the first time.
 */
export async function startAndOpen(spec, workspace, sessions) {
  const session = await startSession(spec, workspace);
  sessions.push(session);
  const cold = await measureColdOpen(session);
  const validates = reportsBadKey(cold.diagnostics, workspace.badKeyLine);
  session.result = {
    label: spec.label,
    memoryBeforeOpen: session.memoryAfterStart,
    cold: {
      ms: cold.ms,
      cpuMs: cold.cpuMs,
      diagnostics: cold.diagnostics.length,
      codes: countCodes(cold.diagnostics),
    },
    validatesBadKey: validates,
  };
  console.log(
    `  ${spec.label}: cold ${cold.ms.toFixed(1)} ms, ${cold.diagnostics.length} diagnostics, ` +
      `unknown key on line ${workspace.badKeyLine + 1} reported: ${validates ? 'yes' : 'NO'}`,
  );
  return session;
}

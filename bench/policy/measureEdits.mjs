// Edits: the interval value of one policy toggled, timed until the diagnostics of the edit arrive.
import { performance } from 'node:perf_hooks';
import { cpuMsSince, processCpuMs } from '../support/processStats.mjs';
import { summarise } from '../support/stats.mjs';
import { DEADLINE, EDIT_VARIANTS, SAMPLE_EDITS, WARMUP_EDITS } from './constants.mjs';
import { nextDiagnostics } from './session.mjs';

function offsetOf(text, { line, character }) {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

/** One edit (replace the interval value with `value`) and the time until its diagnostics arrive. */
async function timedEdit(session, value) {
  const { workspace, spec, connection } = session;
  const range = workspace.editRange;
  const start = offsetOf(session.text, range.start);
  session.text = session.text.slice(0, start) + value + session.text.slice(offsetOf(session.text, range.end));
  const version = ++session.version;
  const change = session.syncKind === 2 ? { range, text: value } : { text: session.text };
  const received = nextDiagnostics(
    session,
    workspace.uri,
    spec.versionedDiagnostics ? version : undefined,
    DEADLINE.editDiagnostics,
  );
  const started = performance.now();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: workspace.uri, version },
    contentChanges: [change],
  });
  const { at, diagnostics } = await received;
  return { ms: at - started, count: diagnostics.length, value };
}

/** Same-length variants, alternating: every edit really changes the text (15m → 20m → 15m …). */
function editVariant(i) {
  return EDIT_VARIANTS[(i + 1) % EDIT_VARIANTS.length];
}

/**
 * Edit samples, interleaved across the servers (one edit on each in turn): background load on the
 * machine then hits every server alike instead of whichever happened to run at the time.
 */
export async function measureEdits(sessions) {
  for (const session of sessions) {
    for (let i = 0; i < WARMUP_EDITS; i++) await timedEdit(session, editVariant(i));
  }
  const samples = new Map(sessions.map((session) => [session, []]));
  const cpuBefore = new Map(sessions.map((session) => [session, processCpuMs(session.child.pid)]));
  for (let i = 0; i < SAMPLE_EDITS; i++) {
    for (const session of sessions)
      samples.get(session).push(await timedEdit(session, editVariant(WARMUP_EDITS + i)));
  }
  for (const [session, list] of samples) {
    // Interleaved: a server is idle while the others work, so its CPU over the loop is its own edits'.
    const cpuMs = cpuMsSince(session.child.pid, cpuBefore.get(session));
    const countsByVariant = {};
    for (const sample of list) countsByVariant[sample.value] = sample.count;
    session.result.edit = {
      ...summarise(list.map((s) => s.ms)),
      cpuMsPerEdit: cpuMs === undefined ? undefined : Math.round((cpuMs / list.length) * 10) / 10,
      samples: list.map((s) => Math.round(s.ms * 10) / 10),
      diagnosticsByVariant: countsByVariant,
    };
  }
}

// Completion requests at the generated carets, timed per request.
import { performance } from 'node:perf_hooks';
import { withDeadline } from '../support/deadline.mjs';
import { summarise } from '../support/stats.mjs';
import { DEADLINE, SAMPLE_COMPLETIONS, WARMUP_COMPLETIONS } from './constants.mjs';

async function timedCompletion(session, position) {
  const started = performance.now();
  const result = await withDeadline(
    session.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: session.workspace.uri },
      position,
    }),
    DEADLINE.completion,
    `${session.spec.label}: completion at ${position.line + 1}:${position.character + 1}`,
  );
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return { ms: performance.now() - started, items: items.length };
}

/** Completion at every caret, interleaved across the servers like the edits. */
export async function measureCompletion(sessions, carets) {
  for (const session of sessions) {
    for (let i = 0; i < WARMUP_COMPLETIONS; i++)
      await timedCompletion(session, carets[i % carets.length].position);
  }
  const samples = new Map(sessions.map((session) => [session, { all: [], byKind: {} }]));
  for (let i = 0; i < SAMPLE_COMPLETIONS; i++) {
    const caret = carets[i % carets.length];
    for (const session of sessions) {
      const sample = await timedCompletion(session, caret.position);
      const { all, byKind } = samples.get(session);
      all.push(sample.ms);
      const kind = (byKind[caret.kind] ??= { times: [], items: 0 });
      kind.times.push(sample.ms);
      kind.items = Math.max(kind.items, sample.items);
    }
  }
  for (const [session, { all, byKind }] of samples) {
    const kinds = Object.entries(byKind).map(([kind, { times, items }]) => [
      kind,
      { ...summarise(times), maxItems: items },
    ]);
    session.result.completion = { ...summarise(all), byKind: Object.fromEntries(kinds) };
  }
}

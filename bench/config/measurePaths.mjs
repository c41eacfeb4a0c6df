// Re-validation after one HOST file changes: in the editor, and on disk.
import { writeFileSync } from 'node:fs';
import { DEADLINE, EDIT_VALUES, SAMPLE_ROUNDS, WARMUP_ROUNDS } from './constants.mjs';
import { withValue } from './editTarget.mjs';
import { summariseRounds } from './roundSummary.mjs';
import { hostFileReports, timedRound } from './rounds.mjs';
import { publishedAll, roundTrip } from './session.mjs';

function valueOfRound(i) {
  return EDIT_VALUES[(i + 1) % EDIT_VALUES.length];
}

/** (a) The editor: the HOST file open, the override edited and saved; dependents re-checked. */
export async function measureEditorPath(session, target) {
  const { connection } = session;
  let version = 1;
  const opened = publishedAll(
    session,
    new Map([[target.uri, (e) => e.version === 1]]),
    'didOpen',
    DEADLINE.revalidation,
  );
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: target.uri, languageId: 'hana-ini', version, text: target.text },
  });
  await opened;
  await roundTrip(session);
  const rounds = [];
  for (let i = 0; i < WARMUP_ROUNDS + SAMPLE_ROUNDS; i++) {
    const value = valueOfRound(i);
    const v = ++version;
    // What the editor's save writes; the server reads the open document, not this.
    writeFileSync(target.file, withValue(target, value));
    const trigger = async () => {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: target.uri, version: v },
        contentChanges: [{ range: target.range, text: value }],
      });
      await connection.sendNotification('textDocument/didSave', { textDocument: { uri: target.uri } });
    };
    rounds.push(await timedRound(session, target, value, trigger, (e) => e.version === v));
  }
  await roundTrip(session);
  const result = summariseRounds(session, target, rounds, session.log.length);
  // Closed, the file on disk governs again: the server re-checks it and its dependents from disk.
  const closed = publishedAll(
    session,
    new Map([target.uri, ...target.dependents].map((uri) => [uri, () => true])),
    'didClose',
    DEADLINE.revalidation,
  );
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: target.uri } });
  await closed;
  await roundTrip(session);
  return result;
}

/** (b) On disk: the HOST file (not open) rewritten and reported with workspace/didChangeWatchedFiles. */
export async function measureDiskPath(session, target) {
  const rounds = [];
  for (let i = 0; i < WARMUP_ROUNDS + SAMPLE_ROUNDS; i++) {
    const value = valueOfRound(i);
    writeFileSync(target.file, withValue(target, value));
    const trigger = () =>
      session.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: target.uri, type: 2 /* Changed */ }],
      });
    rounds.push(await timedRound(session, target, value, trigger, (e) => hostFileReports(e, value)));
  }
  await roundTrip(session);
  return summariseRounds(session, target, rounds, session.log.length);
}

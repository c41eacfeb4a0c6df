// One LSP session with a language server over stdio, driven as an editor drives it: start (spawn,
// initialize, ready), the answers to the server's requests, every publishDiagnostics kept in order of
// arrival, waits for publishes with a deadline, and stop (shutdown and exit, else SIGKILL).
import { performance } from 'node:perf_hooks';
// The package has no "exports" map, so ES modules must name the file (`/node` alone does not resolve).
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node.js';
import { spawnNode } from './children.mjs';
import { withDeadline } from './deadline.mjs';
import { ROOT } from './paths.mjs';
import { processMemory } from './processStats.mjs';

/** How messages name the session's server. */
const serverName = (session) => session.label ?? 'the server';

/** `what` of a wait, prefixed with the server's label when it has one. */
export const labelled = (session, what) => (session.label ? `${session.label}: ${what}` : what);

/**
 * Starts `node <nodeArgs> <script> --stdio` and initializes it with `folderUri` as its workspace
 * folder.
 *   label          names the server in messages (without one: "the server")
 *   capabilities   the client capabilities sent with `initialize`
 *   configuration  (section, scopeUri) → the answer to one item of workspace/configuration
 *   probeFile      the file in the folder (it need not exist) whose symbols a round trip asks for
 *   deadlines      { initialize, shutdown }, in ms
 *   ready          async (session) → once `initialized` is sent, what else start-up waits for
 * On top of the options, the session has `initializeMs`, `initializedAt` (performance.now() just
 * before `initialized`), `syncKind` and `memoryAfterStart`.
 */
export async function startLspSession(options) {
  const { label, script, nodeArgs = [], folderUri, capabilities, configuration, probeFile } = options;
  const { child, exited, stderrTail } = spawnNode([...nodeArgs, script, '--stdio'], { cwd: ROOT });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let configurationAnswered;
  const session = {
    label,
    folderUri,
    probeUri: `${folderUri}/${probeFile}`,
    configuration,
    deadlines: options.deadlines,
    child,
    exited,
    stderrTail,
    connection,
    /** Every publishDiagnostics in order of arrival: its params, `at` (performance.now()) and `seq`. */
    log: [],
    waiters: new Set(),
    /** workspace/configuration requests the server has sent (ours asks once per file it validates). */
    configurationRequests: 0,
    configured: new Promise((resolve) => (configurationAnswered = resolve)),
    configurationAnswered: () => configurationAnswered(),
  };
  connection.onRequest((method, params) => answerServerRequest(session, method, params));
  connection.onNotification('textDocument/publishDiagnostics', (params) =>
    onPublishDiagnostics(session, params),
  );
  connection.onNotification(() => {}); // logMessage, telemetry, …: not needed here
  connection.onClose(() => {
    for (const waiter of session.waiters) waiter(null);
  });
  connection.listen();
  try {
    await initialize(session, capabilities);
    await options.ready?.(session);
  } catch (error) {
    // Not a session yet, so nobody else will stop it: do it here, and say what the server said.
    child.kill('SIGKILL');
    connection.dispose();
    const tail = stderrTail().trim();
    throw new Error(`${serverName(session)} did not start: ${error.message}${tail ? `\n${tail}` : ''}`);
  }
  session.memoryAfterStart = processMemory(child.pid);
  return session;
}

async function initialize(session, capabilities) {
  const { connection, folderUri } = session;
  const started = performance.now();
  const initialized = await withDeadline(
    connection.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'hana-backup-bench' },
      locale: 'en',
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities,
    }),
    session.deadlines.initialize,
    labelled(session, 'initialize'),
  );
  session.initializeMs = performance.now() - started;
  session.syncKind = syncKindOf(initialized.capabilities.textDocumentSync);
  session.initializedAt = performance.now();
  await connection.sendNotification('initialized', {});
}

function syncKindOf(textDocumentSync) {
  return typeof textDocumentSync === 'number' ? textDocumentSync : (textDocumentSync?.change ?? 1);
}

/** Answers the requests servers send to their client. */
function answerServerRequest(session, method, params) {
  switch (method) {
    case 'workspace/configuration': {
      session.configurationRequests++;
      const answer = params.items.map((item) => session.configuration(item.section, item.scopeUri));
      session.configurationAnswered();
      return answer;
    }
    case 'workspace/workspaceFolders':
      return [{ uri: session.folderUri, name: 'bench' }];
    default: // client/registerCapability, window/workDoneProgress/create, …
      return null;
  }
}

/** Every publishDiagnostics is logged (in order of arrival) and offered to the waiters. */
function onPublishDiagnostics(session, params) {
  const entry = { ...params, at: performance.now(), seq: session.log.length };
  session.log.push(entry);
  for (const waiter of session.waiters) waiter(entry);
}

/**
 * Offers every publish from now on to `collect` and resolves with the first value it returns other
 * than undefined; rejects when the server closes the connection or after `timeoutMs`. Call it
 * before sending what triggers the publishes.
 */
export function waitForPublishes(session, collect, what, timeoutMs) {
  let waiter;
  const done = new Promise((resolve, reject) => {
    waiter = (entry) => {
      if (entry === null) return reject(new Error(`${serverName(session)} closed the connection`));
      const result = collect(entry);
      if (result !== undefined) resolve(result);
    };
    session.waiters.add(waiter);
  });
  return withDeadline(done, timeoutMs, what).finally(() => session.waiters.delete(waiter));
}

/** One request and its answer: every message sent before it has been read by the server. */
export function roundTrip(session, timeoutMs) {
  const probe = session.connection
    .sendRequest('textDocument/documentSymbol', { textDocument: { uri: session.probeUri } })
    .catch(() => null); // an error answer is still an answer
  return withDeadline(probe, timeoutMs, labelled(session, 'round trip'));
}

export async function stopLspSession(session) {
  const { connection, child, exited } = session;
  const { shutdown } = session.deadlines;
  try {
    await withDeadline(connection.sendRequest('shutdown'), shutdown, labelled(session, 'shutdown'));
    await connection.sendNotification('exit');
    await withDeadline(exited, shutdown, labelled(session, 'exit'));
  } catch (error) {
    console.error(`  ${serverName(session)} did not stop cleanly (${error.message}); killing it`);
    child.kill('SIGKILL');
    await withDeadline(exited, shutdown, labelled(session, 'exit after SIGKILL')).catch(() => {});
  } finally {
    connection.dispose();
  }
}

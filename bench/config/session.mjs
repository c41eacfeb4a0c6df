// An LSP session with the server, timed from `initialize` until it has indexed the workspace, and
// the wait for a set of files to be published.
import { performance } from 'node:perf_hooks';
import { roundTrip as lspRoundTrip, startLspSession, waitForPublishes } from '../support/lspSession.mjs';
import { CPU_PROF_DIR } from '../support/paths.mjs';
import { DEADLINE, SETTINGS } from './constants.mjs';
import { shortName } from './workspace.mjs';

const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    executeCommand: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

/** `profile`: run the server under `node --cpu-prof`. */
export async function startSession(workspace, server, { profile = false } = {}) {
  const nodeArgs = profile
    ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`, '--cpu-prof-name=config-workspace-server.cpuprofile']
    : [];
  const session = await startLspSession({
    script: server,
    nodeArgs,
    folderUri: workspace.folderUri,
    capabilities: CLIENT_CAPABILITIES,
    configuration: (section) => (section === 'hanaBackup' ? SETTINGS : null),
    probeFile: 'probe.backup-policy.yaml',
    deadlines: DEADLINE,
    // The server indexes every file of the folder when it gets `initialized` (synchronously, before
    // it reads the next message): the answer to the next request says that it is done.
    ready: async (started) => {
      await lspRoundTrip(started, DEADLINE.ready);
      started.startupIndexMs = performance.now() - started.initializedAt;
    },
  });
  session.workspace = workspace;
  return session;
}

/** A round trip (every message sent before it has been read), by default within DEADLINE.revalidation. */
export function roundTrip(session, timeoutMs = DEADLINE.revalidation) {
  return lspRoundTrip(session, timeoutMs);
}

/**
 * Resolves (with uri → entry) once every uri of `expected` has been published in a way its predicate
 * accepts; only publishes from now on count. Register before sending what triggers them.
 */
export function publishedAll(session, expected, what, timeoutMs) {
  const pending = new Map(expected);
  const seen = new Map();
  const collect = (entry) => {
    const accept = pending.get(entry.uri);
    if (!accept || !accept(entry)) return undefined;
    pending.delete(entry.uri);
    seen.set(entry.uri, entry);
    return pending.size === 0 ? seen : undefined;
  };
  return waitForPublishes(session, collect, what, timeoutMs).catch((error) => {
    const missing = [...pending.keys()].map((uri) => shortName(session.workspace, uri));
    throw new Error(`${error.message} (still missing: ${missing.join(', ')})`);
  });
}

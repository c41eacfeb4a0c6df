// An LSP session with one of the servers, and the wait for the diagnostics of one version of the file.
import path from 'node:path';
import { withDeadline } from '../support/deadline.mjs';
import { roundTrip, startLspSession, waitForPublishes } from '../support/lspSession.mjs';
import { DEADLINE } from './constants.mjs';

const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
  },
};

export async function startSession(spec, workspace) {
  const session = await startLspSession({
    label: spec.label,
    script: spec.script,
    nodeArgs: spec.nodeArgs,
    folderUri: workspace.folderUri,
    capabilities: CLIENT_CAPABILITIES,
    configuration: spec.configuration,
    probeFile: 'probe.yaml',
    deadlines: DEADLINE,
    ready: (started) => waitUntilReady(started, spec),
  });
  return Object.assign(session, { spec, workspace, version: 0 });
}

/**
 * Ready means the server has settled its start-up work, so that the cold measurement times one
 * validation with the settings in force. yaml-language-server pulls its settings after
 * `initialized` and revalidates every open file once they arrive; a round trip after our answer
 * guarantees it has applied them (messages are handled in order).
 */
async function waitUntilReady(session, spec) {
  if (spec.pullsConfigurationAtStart) {
    await withDeadline(session.configured, DEADLINE.ready, `${spec.label}: settings pulled`);
  }
  await roundTrip(session, DEADLINE.ready);
}

/** Resolves with the next publishDiagnostics for `uri` (and `version`, when given). */
export function nextDiagnostics(session, uri, version, timeoutMs) {
  const what = `${session.spec.label}: diagnostics for ${path.basename(uri)}${version === undefined ? '' : ` v${version}`}`;
  const matches = (entry) => entry.uri === uri && (version === undefined || entry.version === version);
  return waitForPublishes(session, (entry) => (matches(entry) ? entry : undefined), what, timeoutMs);
}

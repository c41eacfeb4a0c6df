// Validate Workspace (workspace/executeCommand hanaBackup.validateWorkspace), timed, with what the
// server published for it.
import { performance } from 'node:perf_hooks';
import { countCodes, sortedByKey } from '../support/counts.mjs';
import { withDeadline } from '../support/deadline.mjs';
import { cpuMsSince, processCpuMs } from '../support/processStats.mjs';
import { round } from '../support/stats.mjs';
import { DEADLINE } from './constants.mjs';
import { shortName } from './workspace.mjs';

/** workspace/executeCommand hanaBackup.validateWorkspace: request → response, and what was published. */
export async function measureValidateWorkspace(session) {
  const { connection, workspace } = session;
  const firstSeq = session.log.length;
  const configurationBefore = session.configurationRequests;
  const cpuBefore = processCpuMs(session.child.pid);
  const started = performance.now();
  const summary = await withDeadline(
    connection.sendRequest('workspace/executeCommand', { command: 'hanaBackup.validateWorkspace' }),
    DEADLINE.validateWorkspace,
    'hanaBackup.validateWorkspace',
  );
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(session.child.pid, cpuBefore);
  // The server publishes every file before it answers, and messages arrive in order.
  const published = session.log.slice(firstSeq);
  const latest = new Map(published.map((entry) => [entry.uri, entry]));
  const unknown = [...latest.keys()].filter((uri) => !workspace.files.has(uri));
  const missing = [...workspace.files.keys()].filter((uri) => !latest.has(uri));
  const diagnostics = [...latest.values()].map((entry) => entry.diagnostics);
  const total = diagnostics.reduce((n, list) => n + list.length, 0);
  const byRole = {};
  for (const [uri, entry] of latest) {
    const role = workspace.files.get(uri)?.role ?? 'other';
    byRole[role] = (byRole[role] ?? 0) + entry.diagnostics.length;
  }
  return {
    ms: round(ms),
    serverMs: summary?.milliseconds,
    cpuMs,
    summary,
    configurationRequests: session.configurationRequests - configurationBefore,
    publishes: published.length,
    filesPublished: latest.size,
    filesWithDiagnostics: diagnostics.filter((list) => list.length > 0).length,
    missing: missing.map((uri) => shortName(workspace, uri)),
    unknown,
    diagnostics: total,
    byCode: sortedByKey(countCodes(diagnostics.flat())),
    byRole,
  };
}

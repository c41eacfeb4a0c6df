// Every measurement of the config benchmark, in order, with progress lines as they come.
import { stopLspSession } from '../support/lspSession.mjs';
import { processMemory } from '../support/processStats.mjs';
import { summarise } from '../support/stats.mjs';
import { COLD_STARTS, DISK_SYSTEM, EDITOR_SYSTEM, SAMPLE_ROUNDS, WARMUP_ROUNDS } from './constants.mjs';
import { editTarget } from './editTarget.mjs';
import { fmtMs } from './format.mjs';
import { measureCli } from './measureCli.mjs';
import { measureDiskPath, measureEditorPath } from './measurePaths.mjs';
import { measureValidateWorkspace } from './measureValidateWorkspace.mjs';
import { startSession } from './session.mjs';
import { shortName } from './workspace.mjs';

/**
 * Validate Workspace on fresh servers, one after the other; the last server stays up for the other
 * measurements (and is the one profiled with --cpu-prof).
 */
async function coldStarts(workspace, sessions, { server, cpuProf }) {
  const starts = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const last = i === COLD_STARTS - 1;
    const session = await startSession(workspace, server, { profile: cpuProf && last });
    sessions.push(session);
    const result = await measureValidateWorkspace(session);
    starts.push({ session, result });
    console.log(
      `  start ${i + 1}: initialize ${fmtMs(session.initializeMs)}, initialized → indexed ${fmtMs(session.startupIndexMs)}, ` +
        `Validate Workspace ${fmtMs(result.ms)} (server ${fmtMs(result.serverMs)}, ${result.configurationRequests} workspace/configuration requests)`,
    );
    if (last) break;
    await stopAndForget(session, sessions);
  }
  const { session, result } = starts[starts.length - 1];
  const validateWorkspace = {
    ...summarise(starts.map((s) => s.result.ms)),
    serverMs: summarise(starts.map((s) => s.result.serverMs)),
    samples: starts.map((s) => s.result.ms),
    lastStart: result,
  };
  const sessionFigures = {
    initializeMs: summarise(starts.map((s) => s.session.initializeMs)),
    startupIndexMs: summarise(starts.map((s) => s.session.startupIndexMs)),
    memoryAfterStart: session.memoryAfterStart,
  };
  return { session, validateWorkspace, sessionFigures };
}

/** `options`: { server, cpuProf } (see support/options.mjs). */
export async function benchmark(workspace, sessions, options) {
  console.log(`\nValidate Workspace on ${COLD_STARTS} fresh servers (the folder as workspace folder)`);
  const { session, validateWorkspace, sessionFigures } = await coldStarts(workspace, sessions, options);
  const validateWorkspaceWarm = await measureValidateWorkspace(session);
  console.log(`  again on the last server (warm): ${fmtMs(validateWorkspaceWarm.ms)}`);
  const editorTarget = editTarget(workspace, EDITOR_SYSTEM);
  console.log(
    `Editor path: ${WARMUP_ROUNDS} warm-up + ${SAMPLE_ROUNDS} rounds on ${shortName(workspace, editorTarget.uri)}`,
  );
  const editor = await measureEditorPath(session, editorTarget);
  const diskTarget = editTarget(workspace, DISK_SYSTEM);
  console.log(
    `Disk path: ${WARMUP_ROUNDS} warm-up + ${SAMPLE_ROUNDS} rounds on ${shortName(workspace, diskTarget.uri)}`,
  );
  const disk = await measureDiskPath(session, diskTarget);
  const memory = processMemory(session.child.pid);
  await stopAndForget(session, sessions);
  console.log('CLI: lint <folder> --format json');
  const cli = await measureCli(workspace, { profile: options.cpuProf });
  return { session: sessionFigures, validateWorkspace, validateWorkspaceWarm, editor, disk, memory, cli };
}

/** Stops a session and takes it off the list the clean-up stops. */
async function stopAndForget(session, sessions) {
  await stopLspSession(session);
  sessions.splice(sessions.indexOf(session), 1);
}

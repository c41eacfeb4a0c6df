// Benchmark of the language server (dist/server.js) on a large workspace of HANA configuration
// layers and backup policies: 200 systems, each with a SYSTEM, three DATABASE and four HOST global.ini
// in HANA's directory layout and two policies (1,600 global.ini files and 400 policies).
//
//   npm run bench:config                         (after `npm run build`)
//   node bench/config-workspace.mjs [options]
//
//   --cpu-prof       run the server and the CLI under `node --cpu-prof`; the profiles land in
//                    bench/results/cpu-prof/ (config-workspace-server.cpuprofile, …-cli.cpuprofile)
//   --keep-temp      keep the generated workspace (its path is printed)
//   --generate-only  write the workspace, print its path and stop (to look at it or lint it)
//   --server=<path>  benchmark another build of the server (default dist/server.js)
//
// What it measures, over LSP on stdio as an editor drives the server:
//   - "Validate Workspace" (workspace/executeCommand hanaBackup.validateWorkspace): request → response,
//     with every file's diagnostics published before the response;
//   - re-validation after one HOST global.ini changes, in the editor (didOpen, didChange, didSave) and
//     on disk (workspace/didChangeWatchedFiles): time until every file that depends on it (the other 7
//     global.ini of its system and its 2 policies) has been published again, checking that the
//     policies' HBP140 really reports the new value and that no file of another system is re-published;
//   - the server's memory (VmRSS, VmHWM) after the runs;
//   - the CLI (`hana-backup lint <folder> --format json`) on the same workspace.
// Figures are printed next to their targets (nothing fails the run when one is missed) and written
// to bench/results/config-workspace.json.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchmark } from './config/benchmark.mjs';
import { HOST_COUNT, SYSTEM_COUNT, TENANT_COUNT } from './config/constants.mjs';
import { printReport, writeResults } from './config/report.mjs';
import { evaluateTargets } from './config/targets.mjs';
import { createWorkspace } from './config/workspace.mjs';
import { machineInfo } from './support/machine.mjs';
import { readOptions } from './support/options.mjs';
import { CPU_PROF_DIR, ROOT } from './support/paths.mjs';
import { runMain, withSessions } from './support/run.mjs';

const options = readOptions();

runMain(async () => {
  if (!existsSync(options.server))
    throw new Error(`${options.server} not found: run \`npm run build\` first`);
  if (options.serverGiven) console.log(`Server: ${options.server}`);
  const workspace = createWorkspace();
  console.log(
    `Generated ${workspace.iniCount.toLocaleString('en')} global.ini files + ${workspace.policyCount} policies ` +
      `(${SYSTEM_COUNT} systems × (1 SYSTEM + ${TENANT_COUNT} DATABASE + ${HOST_COUNT} HOST), ` +
      `${(workspace.bytes / 1024).toFixed(0)} KiB, ${workspace.hostOverrides} HOST overrides): ${workspace.folder}`,
  );
  if (options.generateOnly) return;
  const loadBefore = os.loadavg();
  await withSessions(workspace.folder, options.keepTemp, async (sessions) => {
    const results = await benchmark(workspace, sessions, options);
    const targets = evaluateTargets(results);
    const machine = machineInfo(loadBefore);
    printReport(results, workspace, targets, machine);
    writeResults(results, workspace, targets, machine, options.server);
    if (options.cpuProf)
      console.log(`CPU profiles: ${path.relative(ROOT, CPU_PROF_DIR)}/config-workspace-*.cpuprofile`);
  });
});

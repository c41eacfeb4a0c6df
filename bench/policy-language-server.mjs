// Benchmark of the backup-policy language server (dist/server.js) on a large policy file, side by side
// with yaml-language-server validating the same file against schemas/backup-policy.schema.json.
//
//   npm run bench                                   (builds, then runs this script)
//   node bench/policy-language-server.mjs [options]
//
//   --cpu-prof       run our server under `node --cpu-prof`; the profile lands in bench/results/cpu-prof/
//   --keep-temp      keep the generated workspace (its path is printed)
//   --generate-only  write the policy file, print its path and stop (to look at it or lint it)
//   --server=<path>  benchmark another build of our server (default dist/server.js), e.g. to
//                    compare a change against the committed code
//
// Everything goes through LSP over stdio, as an editor would drive the servers. Figures are printed
// next to their targets; nothing here fails the run when a target is missed. The same figures are
// written to bench/results/policy-language-server.json.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchmarkServers } from './policy/benchmark.mjs';
import { POLICY_COUNT } from './policy/constants.mjs';
import { printReport, writeResults } from './policy/report.mjs';
import { serverSpecs } from './policy/servers.mjs';
import { evaluateTargets } from './policy/targets.mjs';
import { createWorkspace } from './policy/workspace.mjs';
import { machineInfo } from './support/machine.mjs';
import { readOptions } from './support/options.mjs';
import { CPU_PROF_DIR, ROOT } from './support/paths.mjs';
import { runMain, withSessions } from './support/run.mjs';

const options = readOptions();

runMain(async () => {
  if (!existsSync(options.server))
    throw new Error(`${options.server} not found: run \`npm run build\` first`);
  if (options.serverGiven) console.log(`Our server: ${options.server}`);
  const workspace = createWorkspace();
  console.log(
    `Generated ${workspace.lineCount} lines (${(workspace.bytes / 1024).toFixed(0)} KiB), ${POLICY_COUNT} policies: ` +
      `${path.join(workspace.folder, path.basename(fileURLToPath(workspace.uri)))}`,
  );
  if (options.generateOnly) return;
  const loadBefore = os.loadavg();
  await withSessions(workspace.folder, options.keepTemp, async (sessions) => {
    const results = await benchmarkServers(serverSpecs(options), workspace, sessions);
    const targets = evaluateTargets(results);
    const machine = machineInfo(loadBefore);
    printReport(results, workspace, targets, machine);
    writeResults(results, workspace, targets, machine, options.server);
    if (options.cpuProf) console.log(`CPU profile of our server: ${path.relative(ROOT, CPU_PROF_DIR)}/`);
  });
});

// The config benchmark's report: printed, and written to bench/results/config-workspace.json.
import path from 'node:path';
import { printMachine } from '../support/machine.mjs';
import { ROOT } from '../support/paths.mjs';
import { writeResultsFile } from '../support/report.mjs';
import {
  COLD_STARTS,
  DISK_SYSTEM,
  EDIT_VALUES,
  EDITOR_SYSTEM,
  SAMPLE_ROUNDS,
  SEED,
  SETTINGS,
  SYSTEM_COUNT,
  WARMUP_ROUNDS,
} from './constants.mjs';
import { fmtMs } from './format.mjs';
import { markdownTable } from './table.mjs';

function printValidateWorkspace(results) {
  const { validateWorkspace: vw, validateWorkspaceWarm: warm } = results;
  const last = vw.lastStart;
  console.log(`\nValidate Workspace (cold, ${vw.n} fresh servers)`);
  console.log(
    `  request → response: median ${fmtMs(vw.median)}, min ${fmtMs(vw.min)}, max ${fmtMs(vw.max)}; server's own median ${fmtMs(vw.serverMs.median)}`,
  );
  console.log(
    `  last start: ${fmtMs(last.ms)}, server CPU ${fmtMs(last.cpuMs)}, summary ${JSON.stringify(last.summary)}, ` +
      `${last.configurationRequests} workspace/configuration requests from the server meanwhile`,
  );
  console.log(
    `  ${last.publishes} publishDiagnostics for ${last.filesPublished} files (${last.filesWithDiagnostics} with diagnostics), ${last.diagnostics} diagnostics`,
  );
  if (last.missing.length)
    console.log(`  NOT published: ${last.missing.length} files, e.g. ${last.missing.slice(0, 3).join(', ')}`);
  if (last.unknown.length)
    console.log(`  published for files not generated: ${last.unknown.slice(0, 3).join(', ')}`);
  const list = (counts) =>
    Object.entries(counts)
      .map(([key, n]) => `${key} ${n}`)
      .join(', ');
  console.log(`  by code: ${list(last.byCode)}`);
  console.log(`  by file: ${list(last.byRole)}`);
  console.log(
    `  again (warm): ${fmtMs(warm.ms)} (server ${fmtMs(warm.serverMs)}, ${warm.configurationRequests} workspace/configuration requests)`,
  );
}

function printRevalidation(label, r) {
  console.log(`\n${label}: ${r.file}`);
  console.log(
    `  dependents (${r.dependents}) published: median ${fmtMs(r.median)}, p95 ${fmtMs(r.p95)}, max ${fmtMs(r.max)} (n=${r.n})`,
  );
  console.log(`  the edited file itself: median ${fmtMs(r.own.median)}, p95 ${fmtMs(r.own.p95)}`);
  const v = r.verified;
  console.log(
    `  checked: policies whose HBP140 names the new value ${v.policiesReportingNewValue}; ` +
      `HOST file's HBI010 names it ${v.hostFileReportsNewValue}; ini dependents whose diagnostics changed: ${v.iniDependentsWithChangedDiagnostics}`,
  );
  const p = r.publishesPerRound;
  const examples = p.otherExamples.length ? ` (${p.otherExamples.join(', ')})` : '';
  console.log(
    `  publishes per round: ${p.total} (dependents ${p.dependents}, edited file ${p.own}); files of other systems re-published: ${p.otherSystems}${examples}`,
  );
}

export function printReport(results, workspace, targets, machine) {
  const { validateWorkspace: vw, editor, disk, cli } = results;
  printValidateWorkspace(results);
  printRevalidation('Editor path (didChange + didSave of the open HOST file)', editor);
  printRevalidation('Disk path (file rewritten, workspace/didChangeWatchedFiles)', disk);
  console.log(
    `\nCLI: ${fmtMs(cli.ms)}, exit code ${cli.exitCode}, ${cli.problems} problems in ${cli.files} files`,
  );
  const byCode = vw.lastStart.byCode;
  const codes = new Set([...Object.keys(cli.byCode), ...Object.keys(byCode)]);
  const differences = [...codes]
    .filter((c) => (cli.byCode[c] ?? 0) !== (byCode[c] ?? 0))
    .map((c) => `${c}: CLI ${cli.byCode[c] ?? 0}, server ${byCode[c] ?? 0}`);
  console.log(
    `  same problems as the server's Validate Workspace: ${differences.length ? `NO (${differences.join('; ')})` : 'yes (per code)'}`,
  );
  printMachine(machine);
  console.log('\nTargets');
  for (const t of targets) console.log(`  [${t.status.padEnd(7)}] ${t.figure} ${t.target}: ${t.value}`);
  console.log('');
  console.log(markdownTable(results, workspace, targets));
}

/** `server`: the path of the server's script. */
export function writeResults(results, workspace, targets, machine, server) {
  writeResultsFile('config-workspace.json', {
    date: new Date().toISOString(),
    server: path.relative(ROOT, server),
    machine,
    workspace: {
      seed: SEED,
      systems: SYSTEM_COUNT,
      iniFiles: workspace.iniCount,
      policies: workspace.policyCount,
      bytes: workspace.bytes,
      hostOverrides: workspace.hostOverrides,
      editorSystem: workspace.systems[EDITOR_SYSTEM].sid,
      diskSystem: workspace.systems[DISK_SYSTEM].sid,
    },
    method: {
      settings: SETTINGS,
      coldStarts: COLD_STARTS,
      rounds: { warmup: WARMUP_ROUNDS, samples: SAMPLE_ROUNDS, values: EDIT_VALUES },
    },
    targets,
    results,
    table: markdownTable(results, workspace, targets),
  });
}

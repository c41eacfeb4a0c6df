// The policy benchmark's report: printed, and written to bench/results/policy-language-server.json.
import path from 'node:path';
import { printMachine } from '../support/machine.mjs';
import { ROOT } from '../support/paths.mjs';
import { fmtMs, writeResultsFile } from '../support/report.mjs';
import {
  OUR_SETTINGS,
  POLICY_COUNT,
  SAMPLE_COMPLETIONS,
  SAMPLE_EDITS,
  SEED,
  WARMUP_COMPLETIONS,
  WARMUP_EDITS,
} from './constants.mjs';
import { markdownTable } from './table.mjs';

export function printReport(results, workspace, targets, machine) {
  console.log('\nTargets');
  for (const t of targets) console.log(`  [${t.status.padEnd(7)}] ${t.target}: ${t.value}`);
  if (!results.yamlLs.validatesBadKey || !results.yamlLsNoDebounce.validatesBadKey) {
    console.log(
      '  WARNING: yaml-language-server did not report the unknown key: it did not validate against',
    );
    console.log('  the schema, so the comparison is not like for like.');
  }
  const variants = results.ours.edit.diagnosticsByVariant;
  const perVariant = Object.entries(variants).map(([value, count]) => `interval ${value} → ${count}`);
  console.log(`\nOur diagnostics per edit variant (HBP101 toggles): ${perVariant.join(', ')}`);
  console.log('\nCompletion by caret kind (ours): median / p95, most items');
  for (const [kind, s] of Object.entries(results.ours.completion.byKind)) {
    console.log(
      `  ${kind.padEnd(20)} ${fmtMs(s.median).padStart(8)} / ${fmtMs(s.p95).padStart(8)}   ${s.maxItems} items`,
    );
  }
  printMachine(machine);
  console.log(
    'yaml-ls waits a fixed 200 ms after each change before validating; the "no debounce" column runs',
  );
  console.log('the same server with that delay set to 0 (bench/support/yaml-ls-no-debounce.cjs).');
  console.log(
    'Server CPU counts all threads of the process (GC and JIT threads too), so it can exceed wall time.',
  );
  console.log(
    '"RSS before didOpen": ours has already indexed the workspace folder (the same file, from disk).\n',
  );
  console.log(markdownTable(results, workspace));
}

/** `server`: the path of our server's script. */
export function writeResults(results, workspace, targets, machine, server) {
  writeResultsFile('policy-language-server.json', {
    date: new Date().toISOString(),
    ourServer: path.relative(ROOT, server),
    machine,
    file: { lines: workspace.lineCount, policies: POLICY_COUNT, bytes: workspace.bytes, seed: SEED },
    method: {
      ours: { settings: OUR_SETTINGS },
      edits: { warmup: WARMUP_EDITS, samples: SAMPLE_EDITS, interleaved: true },
      completion: { warmup: WARMUP_COMPLETIONS, samples: SAMPLE_COMPLETIONS, interleaved: true },
    },
    targets,
    servers: results,
    table: markdownTable(results, workspace),
  });
}

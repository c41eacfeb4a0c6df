// The extension-host test runner: VS Code (desktop through @vscode/test-electron, or code-server
// through test/vscode/run.mjs) loads a suite folder's index as `extensionTestsPath` and awaits
// `run()`, which runs the *.test.js files of that folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Where run.mjs wants the counts; the extension host inherits it from code-server's environment. */
export const RESULTS_ENV = 'HANA_BACKUP_VSCODE_RESULTS';

/** The results file of one suite folder: `<RESULTS_ENV>-<folder>.json`. */
export function resultsFile(base: string, suite: string): string {
  return `${base.replace(/\.json$/, '')}-${suite}.json`;
}

export function runTestsIn(folder: string): Promise<void> {
  // No colours: the output travels through VS Code's log to the harness, not to a terminal.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  const tests = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (tests.length === 0) return Promise.reject(new Error(`no *.test.js files in ${folder}`));
  for (const name of tests) mocha.addFile(path.join(folder, name));

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const failed = runner.stats?.failures ?? failures;
      // The harness parses this line when it cannot read the results file.
      console.log(`VSCODE-MOCHA: ${passed} passed, ${failed} failed`);
      const base = process.env[RESULTS_ENV];
      if (base)
        fs.writeFileSync(
          resultsFile(base, path.basename(folder)),
          JSON.stringify({ passed, failed, pending: runner.stats?.pending ?? 0 }),
        );
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}

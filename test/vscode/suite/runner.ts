// The extension-host test runner: VS Code (desktop through @vscode/test-electron, or code-server
// through test/vscode/run.mjs) loads this file as `extensionTestsPath` and awaits `run()`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Where run.mjs wants the counts; the extension host inherits it from code-server's environment. */
const RESULTS_ENV = 'HANA_BACKUP_VSCODE_RESULTS';

export function run(): Promise<void> {
  // No colours: the output travels through VS Code's log to the harness, not to a terminal.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  const tests = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (tests.length === 0) return Promise.reject(new Error(`no *.test.js files next to ${__filename}`));
  for (const name of tests) mocha.addFile(path.join(__dirname, name));

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      const failed = runner.stats?.failures ?? failures;
      // The harness parses this line when it cannot read the results file.
      console.log(`VSCODE-MOCHA: ${passed} passed, ${failed} failed`);
      const resultsFile = process.env[RESULTS_ENV];
      if (resultsFile)
        fs.writeFileSync(
          resultsFile,
          JSON.stringify({ passed, failed, pending: runner.stats?.pending ?? 0 }),
        );
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}

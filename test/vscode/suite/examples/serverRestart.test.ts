// The language server killed with SIGKILL under the real extension (client/src/serverRestarts.ts):
// vscode-languageclient starts it again, the user is told once per episode of crashes, diagnostics
// come back; after too many crashes it stays down, says so once, and its Restart button brings it
// back. Whatever the outcome, a running server is left for the tests after these.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from '../../../support/eventually';
import { hasProcFs, languageServerPid } from '../processes';
import { recordMessages, windowOf, type ShownMessage } from '../windowStubs';

const EXTENSION_ID = 'hana-backup.hana-backup';
const RESTARTED = 'The HANA Backup language server stopped unexpectedly and was restarted.';
/** vscode-languageclient's limit, which the extension keeps: 4 restarts within 3 minutes. */
const MAX_RESTARTS = 4;

/** A policy whose log interval (`interval`) is checked against its 15m RPO: HBP101 above it. */
function policy(interval: string): string {
  return `apiVersion: hana-backup/v1
kind: BackupPolicy
metadata:
  name: restart-probe
spec:
  timezone: UTC
  targets:
    - system: PRD
      databases: [PRD]
  objectives: { rpo: 15m, rto: 4h }
  destinations:
    data: { type: backint }
    log: { type: backint }
    catalog: { type: backint }
  schedules:
    full: { every: week, on: [sun], at: "01:00" }
    log: { interval: ${interval} }
  retention:
    full: { weekly: 5w }
    log: 35d
`;
}

function hasHbp101(uri: vscode.Uri): boolean {
  return vscode.languages
    .getDiagnostics(uri)
    .some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'HBP101');
}

suite('language server crashes', function () {
  // Each crash costs a server start; the machine may be slow and shared.
  this.timeout(180_000);
  let folder: string;
  let document: vscode.TextDocument;
  /** The `vscode.window` the extension calls (see windowStubs.ts). */
  let window: typeof vscode.window;

  suiteSetup(async function () {
    if (!hasProcFs()) this.skip(); // the server is found and killed through /proc
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
    window = windowOf(extension);
    // Outside the workspace, saved after every edit: no other suite or window sees it.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hana-backup-restart-'));
    const file = path.join(folder, 'probe.backup-policy.yaml');
    fs.writeFileSync(file, policy('15m'));
    document = await vscode.workspace.openTextDocument(file);
  });

  suiteTeardown(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Sets the log interval and waits until the server has judged the new text. */
  async function setLogInterval(interval: '15m' | '30m'): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), policy(interval));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await document.save();
    const expected = interval === '30m';
    const seen = await eventually(
      async () => hasHbp101(document.uri),
      (has) => has === expected,
    );
    assert.equal(
      seen,
      expected,
      `HBP101 ${expected ? 'never appeared' : 'never went away'} at interval ${interval}`,
    );
  }

  /** Edits the policy twice and waits for each verdict: a running server judged text new to it. */
  async function serving(): Promise<void> {
    await setLogInterval('30m');
    await setLogInterval('15m');
  }

  /** Kills this window's server and resolves with the pid of the next one (undefined: none came). */
  async function crash(until: () => boolean = () => false): Promise<number | undefined> {
    const killed = languageServerPid();
    assert.ok(killed, 'no language server process of this window');
    process.kill(killed, 'SIGKILL');
    const next = await eventually(
      async () => languageServerPid(),
      (pid) => (pid !== undefined && pid !== killed) || until(),
    );
    return next !== killed ? next : undefined;
  }

  test('a killed server is restarted, diagnostics come back, and the user is told once', async () => {
    await serving();
    const messages = recordMessages(window);
    try {
      for (let round = 1; round <= 2; round++) {
        assert.ok(await crash(), `round ${round}: no new server process`);
        await serving();
      }
      // Shown when the first restart completed; the second crash belongs to the same episode.
      assert.deepEqual(messages.shown, [{ kind: 'warning', message: RESTARTED, items: [], modal: false }]);
    } finally {
      messages.restore();
    }
  });

  test('after too many crashes it stays down, says so once, and Restart starts it again', async () => {
    await serving();
    let clickRestart: (choice: string) => void = () => undefined;
    const clicked = new Promise<string>((resolve) => (clickRestart = resolve));
    // The give-up message waits for our click; everything else goes to the workbench.
    const messages = recordMessages(window, (shown) => (shown.kind === 'error' ? clicked : undefined));
    const gaveUp = (): ShownMessage | undefined => messages.shown.find((m) => m.kind === 'error');
    try {
      // A server that dies as soon as it starts: each one is killed on sight, most while initializing.
      let crashes = 0;
      while (!gaveUp() && crashes <= MAX_RESTARTS) {
        crashes++;
        if ((await crash(() => gaveUp() !== undefined)) === undefined) break;
      }
      const message = gaveUp();
      assert.ok(message, `not given up after ${crashes} crashes: ${JSON.stringify(messages.shown)}`);
      assert.match(
        message.message,
        /stopped unexpectedly 5 times within 3 minutes and is not restarted again/,
      );
      assert.deepEqual(message.items, ['Restart']);
      assert.equal(languageServerPid(), undefined, 'a server process runs after it was given up');
      // Besides it, at most the restart message of an episode this test began.
      const others = messages.shown.filter((m) => m !== message);
      assert.ok(
        others.length <= 1 && others.every((m) => m.message === RESTARTED),
        `said more than once: ${JSON.stringify(messages.shown)}`,
      );
      const before = messages.shown.length;

      clickRestart('Restart');
      assert.ok(
        await eventually(
          async () => languageServerPid(),
          (pid) => pid !== undefined,
        ),
        'Restart started no server',
      );
      await serving();
      assert.equal(messages.shown.length, before, `nothing more said: ${JSON.stringify(messages.shown)}`);
    } finally {
      messages.restore();
      clickRestart('Restart'); // never leave the server down for what runs next
    }
  });
});

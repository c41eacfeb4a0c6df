// A password typed into Add Connection reaches SecretStorage and nothing else: no settings file, no
// log or output channel, no process's command line. The wizard is answered like a user (its prompts
// stubbed), the connection then connects to hanasim, refreshes the view and runs a failing statement,
// and every such place is searched for the password. hanasim has no CREATE USER, so the password is
// its SYSTEM password, which reaches this extension host only through HANA_BACKUP_DEMO_PASSWORD
// (test/vscode/run.mjs).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from '../../../support/eventually';
import { ancestors, hasProcFs, processes, type ProcessInfo } from '../processes';
import { recordMessages, replaceWindow, windowOf } from '../windowStubs';

const EXTENSION_ID = 'hana-backup.hana-backup';
const PASSWORD_ENV = 'HANA_BACKUP_DEMO_PASSWORD';
const NAME = 'PRD-SECRET';
/** Where client/src/connections/connectionManager.ts keeps the password. */
const SECRET_KEY = `hanaBackup.password.${NAME}`;

interface ConnectionConfig {
  name: string;
  host: string;
  port: number;
}

/** The parts of the extension's API this suite uses (client/src/extension.ts HanaBackupApi). */
interface Api {
  tree: vscode.TreeDataProvider<unknown>;
  connections: {
    get(name: string): ConnectionConfig | undefined;
    runner(name: string): Promise<{ exec(sql: string): Promise<unknown[]> }>;
  };
}

/** Every regular file below `folder` (none when it does not exist). */
function filesBelow(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesBelow(file);
    return entry.isFile() ? [file] : [];
  });
}

function holding(files: string[], text: string): string[] {
  return files.filter((file) => fs.readFileSync(file).includes(text));
}

/**
 * The VS Code this extension host belongs to, from the process that was given `--user-data-dir`
 * (code-server, or a desktop VS Code), and that process with its parents below it.
 */
function vscodeProcess(): { userDataDir: string; chain: ProcessInfo[] } {
  const all = ancestors();
  for (const [index, p] of all.entries()) {
    const at = p.args.findIndex((arg) => arg === '--user-data-dir' || arg.startsWith('--user-data-dir='));
    if (at < 0) continue;
    const arg = p.args[at];
    const userDataDir = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : p.args[at + 1];
    return { userDataDir, chain: all.slice(0, index + 1) };
  }
  assert.fail(`no parent process names a --user-data-dir: ${all.map((p) => p.args[0]).join(' < ')}`);
}

/** Files where a process of the chain writes its output (code-server.log for code-server). */
function outputFiles(chain: ProcessInfo[]): string[] {
  return chain.flatMap(({ pid }) =>
    [1, 2].flatMap((fd) => {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        return fs.statSync(target).isFile() ? [target] : [];
      } catch {
        return []; // a pipe, a socket, or gone
      }
    }),
  );
}

suite('secrets: a password typed into Add Connection', function () {
  // Connecting on a loaded machine, a tree refresh and several folders read.
  this.timeout(120_000);
  let api: Api;
  let password: string;
  let secrets: vscode.SecretStorage;
  /** The `vscode.window` the extension calls (see windowStubs.ts). */
  let window: typeof vscode.window;

  /** Removes the connection through the command, confirming its modal question like a user. */
  async function removeConnection(): Promise<void> {
    const messages = recordMessages(window, (shown) =>
      shown.modal && shown.items.includes('Remove') ? Promise.resolve('Remove') : undefined,
    );
    try {
      await vscode.commands.executeCommand('hanaBackup.removeConnection', NAME);
    } finally {
      messages.restore();
    }
  }

  suiteSetup(async function () {
    if (!hasProcFs()) this.skip(); // command lines and the VS Code process are read through /proc
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    window = windowOf(extension);
    password = process.env[PASSWORD_ENV] ?? '';
    assert.ok(password.length >= 8, `${PASSWORD_ENV} holds no usable password`);
    // The API hands out no SecretStorage (other extensions must not read passwords); the test
    // reads the one the connection manager was given.
    secrets = (api.connections as unknown as { secrets: vscode.SecretStorage }).secrets;
    const prd = api.connections.get('PRD');
    assert.ok(prd, 'the live workspace has no PRD connection');

    const answers: Record<string, string> = {
      name: NAME,
      host: '127.0.0.1',
      port: String(prd.port),
      user: 'SYSTEM',
      password,
    };
    const restores = [
      replaceWindow(window, 'showInputBox', async (options?: vscode.InputBoxOptions) => {
        const step = options?.title?.split(' — ').pop() ?? '';
        const answer = answers[step];
        assert.ok(answer !== undefined, `an unexpected prompt: ${options?.title}`);
        assert.ok(!(await options?.validateInput?.(answer)), `the wizard refuses the ${step} typed`);
        return answer;
      }),
      replaceWindow(
        window,
        'showQuickPick',
        async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) =>
          (await items).find((item) => item.label === 'User and password'),
      ),
    ];
    const messages = recordMessages(window);
    try {
      await vscode.commands.executeCommand('hanaBackup.addConnection');
    } finally {
      messages.restore();
      for (const restore of restores) restore();
    }
    assert.deepEqual(
      messages.shown.map((m) => m.message),
      [`Connection "${NAME}" added (TLS off (loopback); no secret in settings).`],
    );
  });

  suiteTeardown(async () => {
    if (api?.connections.get(NAME)) await removeConnection(); // a test failed before the last one
  });

  test('is kept in SecretStorage; the workspace settings name the connection without it', async () => {
    assert.equal(await secrets.get(SECRET_KEY), password, 'SecretStorage does not hold the password');
    const stored = vscode.workspace.getConfiguration('hanaBackup').inspect<unknown[]>('connections');
    const entry = stored?.workspaceValue?.find((c) => (c as ConnectionConfig).name === NAME);
    assert.deepEqual(entry, {
      name: NAME,
      host: '127.0.0.1',
      port: api.connections.get('PRD')!.port,
      user: 'SYSTEM',
    });
  });

  test('connects, refreshes and fails a statement without showing it', async () => {
    const messages = recordMessages(window);
    try {
      await vscode.commands.executeCommand('hanaBackup.testConnection', NAME);
    } finally {
      messages.restore();
    }
    assert.equal(messages.shown.length, 1, JSON.stringify(messages.shown));
    assert.match(
      messages.shown[0].message,
      new RegExp(`^Connected to ${NAME} \\(127\\.0\\.0\\.1:\\d+, SYSTEM\\): PRD`),
    );

    await vscode.commands.executeCommand('hanaBackup.refresh');
    const connected = (item: vscode.TreeItem) =>
      String(item.label).startsWith(NAME) && String(item.description).startsWith('● connected');
    const roots = await eventually(
      async () =>
        Promise.all(((await api.tree.getChildren()) ?? []).map(async (node) => api.tree.getTreeItem(node))),
      (items) => items.some(connected),
    );
    assert.ok(
      roots.some(connected),
      `${NAME} is not shown connected: ${roots.map((item) => `${String(item.label)} ${String(item.description)}`).join('; ')}`,
    );

    const runner = await api.connections.runner(NAME);
    await assert.rejects(runner.exec('SELECT * FROM NO_SUCH_TABLE'), (error: Error) => {
      assert.ok(!error.message.includes(password), 'the error message holds the password');
      return true;
    });
  });

  test('is in no settings file, log, output channel or command line', async () => {
    const { userDataDir, chain } = vscodeProcess();
    // Listed afresh on every look: VS Code creates and fills log files lazily.
    const logs = () => [...filesBelow(path.join(userDataDir, 'logs')), ...outputFiles(chain)];
    // The output channel did write about the connection (else finding nothing would prove nothing).
    const connectLine = `connected to ${NAME} (127.0.0.1:`;
    const logged = await eventually(
      async () => holding(logs(), connectLine),
      (files) => files.length > 0,
    );
    assert.ok(logged.length > 0, `no log says "${connectLine}"; searched ${logs().length} files`);
    assert.deepEqual(holding(logs(), password), [], 'log files hold the password');

    const workspaceSettings = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
      filesBelow(path.join(folder.uri.fsPath, '.vscode')),
    );
    assert.ok(
      holding(workspaceSettings, `"${NAME}"`).length > 0,
      'the workspace settings do not name the connection',
    );
    const settings = [
      ...workspaceSettings,
      ...filesBelow(userDataDir).filter((file) => path.basename(file) === 'settings.json'),
    ];
    assert.deepEqual(holding(settings, password), [], 'settings files hold the password');
    // Nor anywhere else VS Code keeps things on disk: configuration caches, global and workspace state.
    assert.deepEqual(holding(filesBelow(userDataDir), password), [], 'files of the user data folder hold it');

    // Every process of the machine: code-server, this extension host, the language server, hanasim.
    const leaking = processes()
      .filter((p) => p.args.join(' ').includes(password))
      .map((p) => `${p.pid}: ${p.args.join(' ').split(password).join('<password>')}`);
    assert.deepEqual(leaking, [], 'command lines hold the password');
  });

  test('Remove Connection deletes the stored password with the entry', async () => {
    await removeConnection();
    assert.equal(api.connections.get(NAME), undefined);
    assert.equal(await secrets.get(SECRET_KEY), undefined);
  });
});

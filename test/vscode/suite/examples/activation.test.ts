// Activation in a workspace without connections: the view invites to add one, and the HANA driver
// is not loaded (activation must not pay for it); in code-server, from the installed VSIX.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

interface Api {
  tree: vscode.TreeDataProvider<{ kind: string; commandId?: string }>;
  driverLoaded(): boolean;
}

suite('activation', () => {
  test('without connections the view offers to add one and the driver stays unloaded', async () => {
    const extension = vscode.extensions.getExtension<Api>('hana-backup.hana-backup');
    assert.ok(extension);
    const api = await extension.activate();
    const roots = (await api.tree.getChildren()) ?? [];
    assert.deepEqual(
      roots.map((node) => node.commandId),
      ['hanaBackup.addConnection'],
    );
    assert.equal(api.driverLoaded(), false);
    // In code-server the run installs the VSIX: the extension must run from there, not a checkout.
    const installedIn = process.env.HANA_BACKUP_INSTALLED_EXTENSIONS;
    if (installedIn)
      assert.ok(
        extension.extensionPath.startsWith(installedIn),
        `runs from ${extension.extensionPath}, not from the VSIX installed in ${installedIn}`,
      );
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['hanaBackup.backupNow', 'hanaBackup.createSnapshot', 'hanaBackup.testConnection'])
      assert.ok(commands.includes(id), `${id} is registered`);
  });
});

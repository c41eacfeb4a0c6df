// Activation in a workspace without connections: the view invites to add one, and the HANA driver
// is not loaded (activation must not pay for it).
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
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['hanaBackup.backupNow', 'hanaBackup.createSnapshot', 'hanaBackup.testConnection'])
      assert.ok(commands.includes(id), `${id} is registered`);
  });
});

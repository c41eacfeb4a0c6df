import * as vscode from 'vscode';

interface ConnectionSetting {
  name: string;
  host: string;
  port: number;
  user?: string;
}

/**
 * `hanaBackup.addConnection`: the target of the HBP130 quick fix. It records a connection in the
 * workspace settings, without any secret: the password is asked for when the connection is first used.
 */
export function registerAddConnectionCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('hanaBackup.addConnection', async (suggestedName?: string) => {
    const name = await vscode.window.showInputBox({
      title: 'Add HANA connection (1/3)',
      prompt: 'Connection name, as policies refer to it in spec.targets[].system',
      value: typeof suggestedName === 'string' ? suggestedName : '',
      validateInput: (value) => (value.trim() ? undefined : 'A name is required.'),
    });
    if (!name) return;
    const host = await vscode.window.showInputBox({
      title: 'Add HANA connection (2/3)',
      prompt: 'Host of the SYSTEMDB',
      placeHolder: 'hana01.example.com',
      validateInput: (value) =>
        /^[A-Za-z0-9.:[\]-]+$/.test(value.trim()) ? undefined : 'Enter a host name or IP address.',
    });
    if (!host) return;
    const portText = await vscode.window.showInputBox({
      title: 'Add HANA connection (3/3)',
      prompt: 'SQL port of the SYSTEMDB (3<instance>13)',
      value: '30013',
      validateInput: (value) => {
        const port = Number(value);
        return Number.isInteger(port) && port > 0 && port < 65536
          ? undefined
          : 'Enter a port between 1 and 65535.';
      },
    });
    if (!portText) return;
    const config = vscode.workspace.getConfiguration('hanaBackup');
    const existing = config.get<ConnectionSetting[]>('connections') ?? [];
    if (existing.some((connection) => connection.name === name.trim())) {
      void vscode.window.showWarningMessage(`A connection named "${name.trim()}" already exists.`);
      return;
    }
    const target = vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await config.update(
      'connections',
      [...existing, { name: name.trim(), host: host.trim(), port: Number(portText) }],
      target,
    );
    void vscode.window.showInformationMessage(`Connection "${name.trim()}" added (no password stored).`);
  });
}

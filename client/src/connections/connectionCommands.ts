/** Add, edit, remove and test connections (`hanaBackup.connections`, secrets apart). */
import * as vscode from 'vscode';
import { describeSettings, effectiveEncrypt } from '../hana/types';
import { toConnectionSettings, type ConnectionConfig } from './connectionConfig';
import { connectionWizard } from './connectionWizard';
import { PasswordNotGiven, type ConnectionManager } from './connectionManager';

/** Tree nodes and other callers hand over the connection name as `connection`. */
type ConnectionArgument = string | { connection?: string } | undefined;

function nameFrom(argument: ConnectionArgument): string | undefined {
  if (typeof argument === 'string') return argument;
  return argument?.connection;
}

/** The settings scope that holds the list: the workspace when a folder is open. */
function configurationTarget(): vscode.ConfigurationTarget {
  const inspected = vscode.workspace.getConfiguration('hanaBackup').inspect<unknown[]>('connections');
  if (inspected?.workspaceValue !== undefined || vscode.workspace.workspaceFolders?.length)
    return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}

async function writeConnections(connections: ConnectionConfig[]): Promise<void> {
  await vscode.workspace
    .getConfiguration('hanaBackup')
    .update('connections', connections, configurationTarget());
}

export async function pickConnection(
  manager: ConnectionManager,
  argument: ConnectionArgument,
  purpose: string,
): Promise<ConnectionConfig | undefined> {
  const given = nameFrom(argument);
  if (given) return manager.get(given);
  const connections = manager.list();
  if (connections.length === 0) {
    const add = await vscode.window.showInformationMessage(
      'No HANA connection is configured yet.',
      'Add Connection',
    );
    if (add) await vscode.commands.executeCommand('hanaBackup.addConnection');
    return undefined;
  }
  if (connections.length === 1) return connections[0];
  const picked = await vscode.window.showQuickPick(
    connections.map((c) => ({ label: c.name, description: `${c.host}:${c.port}`, config: c })),
    { title: purpose },
  );
  return picked?.config;
}

export function registerConnectionCommands(manager: ConnectionManager): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('hanaBackup.addConnection', async (suggestedName?: unknown) => {
      const existing = manager.list();
      const result = await connectionWizard(
        'Add HANA connection',
        existing.map((c) => c.name),
        { name: typeof suggestedName === 'string' ? suggestedName : '' },
      );
      if (!result) return;
      if (result.password) await manager.setPassword(result.config.name, result.password);
      await writeConnections([...existing, result.config]);
      const tls = effectiveEncrypt(toConnectionSettings(result.config)) ? 'TLS on' : 'TLS off (loopback)';
      void vscode.window.showInformationMessage(
        `Connection "${result.config.name}" added (${tls}; no secret in settings).`,
      );
    }),
    vscode.commands.registerCommand('hanaBackup.editConnection', async (argument?: ConnectionArgument) => {
      const config = await pickConnection(manager, argument, 'Edit which connection?');
      if (!config) return;
      const others = manager.list().filter((c) => c.name !== config.name);
      const result = await connectionWizard(
        `Edit ${config.name}`,
        others.map((c) => c.name),
        config,
      );
      if (!result) return;
      if (result.config.name !== config.name) await manager.forget(config.name);
      if (result.password) await manager.setPassword(result.config.name, result.password);
      const list = manager.list().map((c) => (c.name === config.name ? result.config : c));
      await writeConnections(list);
    }),
    vscode.commands.registerCommand('hanaBackup.removeConnection', async (argument?: ConnectionArgument) => {
      const config = await pickConnection(manager, argument, 'Remove which connection?');
      if (!config) return;
      const answer = await vscode.window.showWarningMessage(
        `Remove the connection "${config.name}" and its stored password?`,
        { modal: true, detail: 'Nothing changes on the HANA system.' },
        'Remove',
      );
      if (answer !== 'Remove') return;
      await manager.forget(config.name);
      await writeConnections(manager.list().filter((c) => c.name !== config.name));
    }),
    vscode.commands.registerCommand('hanaBackup.testConnection', async (argument?: ConnectionArgument) => {
      const config = await pickConnection(manager, argument, 'Test which connection?');
      if (!config) return;
      try {
        await manager.reset(config.name);
        const runner = await manager.runner(config.name);
        const rows = await runner.exec<{ SYSTEM_ID: string; VERSION: string }>(
          "SELECT SYSTEM_ID, VERSION FROM M_DATABASE WHERE DATABASE_NAME = 'SYSTEMDB'",
        );
        void vscode.window.showInformationMessage(
          `Connected to ${describeSettings(toConnectionSettings(config))}: ${rows[0]?.SYSTEM_ID ?? '?'}, HANA ${rows[0]?.VERSION ?? '?'}.`,
        );
      } catch (error) {
        if (error instanceof PasswordNotGiven) return;
        void vscode.window.showErrorMessage(
          `${config.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }),
  ];
}

/** The input steps of Add / Edit connection: every field validated as it is typed. */
import * as vscode from 'vscode';
import { isLoopbackHost } from '../hana/types';
import {
  validateEnvironmentName,
  validateHost,
  validateName,
  validatePort,
  validateUser,
  type ConnectionConfig,
} from './connectionConfig';

export interface WizardResult {
  config: ConnectionConfig;
  /** A password typed in the wizard: goes to SecretStorage only. */
  password?: string;
}

type Auth = 'password' | 'userStore' | 'environment';

export async function connectionWizard(
  title: string,
  taken: readonly string[],
  initial: Partial<ConnectionConfig> = {},
): Promise<WizardResult | undefined> {
  const ask = (step: string, options: vscode.InputBoxOptions) =>
    vscode.window.showInputBox({ title: `${title} — ${step}`, ignoreFocusOut: true, ...options });

  const name = await ask('name', {
    prompt: 'Connection name, as policies refer to it in spec.targets[].system',
    value: initial.name ?? '',
    validateInput: (v) => validateName(v, taken),
  });
  if (name === undefined) return undefined;
  const host = await ask('host', {
    prompt: 'Host of the SYSTEMDB',
    placeHolder: 'hana01.example.com',
    value: initial.host ?? '',
    validateInput: validateHost,
  });
  if (host === undefined) return undefined;
  const port = await ask('port', {
    prompt: 'SQL port of the SYSTEMDB (3<instance>13)',
    value: String(initial.port ?? 30013),
    validateInput: validatePort,
  });
  if (port === undefined) return undefined;

  const current: Auth = initial.userStoreKey ? 'userStore' : initial.passwordEnv ? 'environment' : 'password';
  const choices: (vscode.QuickPickItem & { auth: Auth })[] = [
    {
      auth: 'password',
      label: 'User and password',
      detail: 'The password is kept in VS Code secret storage.',
    },
    {
      auth: 'userStore',
      label: 'hdbuserstore key',
      detail: 'The SAP HANA client resolves the key; no password here.',
    },
    {
      auth: 'environment',
      label: 'User, password from an environment variable',
      detail: 'For automation: the variable is read when connecting.',
    },
  ];
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ ...c, picked: c.auth === current })),
    { title: `${title} — sign-in`, ignoreFocusOut: true },
  );
  if (!picked) return undefined;

  const config: ConnectionConfig = {
    ...initial,
    name: name.trim(),
    host: host.trim(),
    port: Number(port.trim()),
  };
  delete config.userStoreKey;
  delete config.passwordEnv;
  let password: string | undefined;
  if (picked.auth === 'userStore') {
    const key = await ask('hdbuserstore key', {
      prompt: 'Key name in the hdbuserstore of this machine (hdbuserstore LIST shows them)',
      value: initial.userStoreKey ?? '',
      validateInput: (v) => (v.trim() ? undefined : 'A key name is required.'),
    });
    if (key === undefined) return undefined;
    config.userStoreKey = key.trim();
    delete config.user;
  } else {
    const user = await ask('user', {
      prompt: 'Database user (needs BACKUP ADMIN and CATALOG READ; DATABASE ADMIN for tenants)',
      value: initial.user ?? '',
      validateInput: validateUser,
    });
    if (user === undefined) return undefined;
    config.user = user.trim();
    if (picked.auth === 'environment') {
      const variable = await ask('environment variable', {
        prompt: 'Name of the environment variable holding the password',
        value: initial.passwordEnv ?? 'HANA_BACKUP_PASSWORD',
        validateInput: validateEnvironmentName,
      });
      if (variable === undefined) return undefined;
      config.passwordEnv = variable.trim();
    } else {
      const entered = await ask('password', {
        prompt: initial.name ? 'Password (leave empty to keep the stored one)' : 'Password',
        password: true,
        validateInput: (v) => (v || initial.name ? undefined : 'A password is required.'),
      });
      if (entered === undefined) return undefined;
      password = entered || undefined;
    }
  }
  if (!isLoopbackHost(config.host) && config.encrypt === false)
    void vscode.window.showWarningMessage(
      `${config.name} has encrypt set to false: its traffic, password included, is not encrypted.`,
    );
  return { config, password };
}

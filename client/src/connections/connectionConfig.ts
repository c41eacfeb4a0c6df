/**
 * A connection as `hanaBackup.connections` stores it: no secret, only where the secret comes from.
 * Pure (no vscode import): the CLI reads the same shape from its settings file.
 */
import type { ConnectionSettings } from '../hana/types';

export interface ConnectionConfig {
  name: string;
  sid?: string;
  host: string;
  port: number;
  tenant?: string;
  user?: string;
  userStoreKey?: string;
  /** Name of an environment variable holding the password (automation: CLI, demo). */
  passwordEnv?: string;
  databases?: string[];
  encrypt?: boolean;
  validateCertificate?: boolean;
  trustStore?: string;
}

/** Where the password of a connection comes from. */
export type PasswordSource = 'userStore' | 'environment' | 'secretStorage';

export function passwordSource(config: ConnectionConfig): PasswordSource {
  if (config.userStoreKey) return 'userStore';
  if (config.passwordEnv) return 'environment';
  return 'secretStorage';
}

/** The access layer's settings for a connection, with the password found by the caller. */
export function toConnectionSettings(config: ConnectionConfig, password?: string): ConnectionSettings {
  return {
    name: config.name,
    host: config.host,
    port: config.port,
    databaseName: config.tenant,
    user: config.userStoreKey ? undefined : config.user,
    password: config.userStoreKey ? undefined : password,
    userStoreKey: config.userStoreKey,
    encrypt: config.encrypt,
    validateCertificate: config.validateCertificate,
    trustStore: config.trustStore,
  };
}

/** The entries of the setting that are usable, and a message for each that is not. */
export function readConnectionConfigs(value: unknown): {
  connections: ConnectionConfig[];
  problems: string[];
} {
  const connections: ConnectionConfig[] = [];
  const problems: string[] = [];
  if (!Array.isArray(value)) return { connections, problems: value === undefined ? [] : ['not a list'] };
  for (const [index, entry] of value.entries()) {
    const label = `connection ${index + 1}`;
    if (!entry || typeof entry !== 'object') {
      problems.push(`${label} is not an object`);
      continue;
    }
    const config = entry as ConnectionConfig;
    const issue =
      validateName(config.name, []) ?? validateHost(config.host) ?? validatePort(String(config.port ?? ''));
    if (issue) {
      problems.push(`${typeof config.name === 'string' && config.name ? config.name : label}: ${issue}`);
      continue;
    }
    if (connections.some((c) => c.name === config.name)) {
      problems.push(`${config.name}: the name is used twice; the second entry is ignored`);
      continue;
    }
    connections.push(config);
  }
  return { connections, problems };
}

export function validateName(value: unknown, taken: readonly string[]): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return 'A name is required.';
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value.trim()))
    return 'Use letters, digits, "_", "." or "-" (at most 64), starting with a letter or digit.';
  if (taken.includes(value.trim())) return `A connection named "${value.trim()}" already exists.`;
  return undefined;
}

export function validateHost(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return 'A host is required.';
  const host = value.trim();
  if (/^\[?[0-9a-fA-F:]+\]?$/.test(host) && host.includes(':')) return undefined; // IPv6
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$/.test(host))
    return 'Enter a host name or IP address (no port, no scheme).';
  return undefined;
}

export function validatePort(value: string): string | undefined {
  const port = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port < 1 || port > 65535)
    return 'Enter a port between 1 and 65535 (the SYSTEMDB SQL port is 3<instance>13).';
  return undefined;
}

export function validateUser(value: string): string | undefined {
  if (!value.trim()) return 'A database user is required.';
  if (value.length > 127) return 'A HANA user name has at most 127 characters.';
  return undefined;
}

export function validateEnvironmentName(value: string): string | undefined {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value.trim())
    ? undefined
    : 'Enter the name of an environment variable (letters, digits, "_"), not the password itself.';
}

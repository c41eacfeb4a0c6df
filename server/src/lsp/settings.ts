import type { Connection } from 'vscode-languageserver/node';
import type { ConnectionInfo, PolicySettings } from '../languageService';

interface RawSettings {
  connections?: unknown;
  validate?: { onType?: unknown; delay?: unknown };
}

export interface ServerSettings extends PolicySettings {
  validateOnType: boolean;
  validateDelayMs: number;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  connections: [],
  validateOnType: true,
  validateDelayMs: 200,
};

/** Connection entries as the settings hold them; anything malformed is dropped, never trusted. */
export function toConnections(raw: unknown): ConnectionInfo[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    if (!entry || typeof entry !== 'object' || typeof (entry as { name?: unknown }).name !== 'string')
      return [];
    const e = entry as Record<string, unknown>;
    return [
      {
        name: e.name as string,
        sid: typeof e.sid === 'string' ? e.sid : undefined,
        host: typeof e.host === 'string' ? e.host : undefined,
        port: typeof e.port === 'number' ? e.port : undefined,
        databases: Array.isArray(e.databases)
          ? e.databases.filter((d): d is string => typeof d === 'string')
          : undefined,
      },
    ];
  });
}

export function toServerSettings(raw: RawSettings | undefined | null): ServerSettings {
  const delay = Number(raw?.validate?.delay);
  return {
    connections: toConnections(raw?.connections),
    validateOnType: raw?.validate?.onType !== false,
    validateDelayMs:
      Number.isFinite(delay) && delay >= 0 ? Math.min(delay, 5000) : DEFAULT_SERVER_SETTINGS.validateDelayMs,
  };
}

/**
 * Settings per document: pulled with workspace/configuration when the client supports it (VS Code),
 * otherwise taken from initializationOptions / didChangeConfiguration (other LSP editors).
 */
export class SettingsStore {
  private readonly perUri = new Map<string, Promise<ServerSettings>>();
  private pushed: ServerSettings = DEFAULT_SERVER_SETTINGS;
  canPull = false;

  constructor(private readonly connection: Connection) {}

  setPushed(raw: unknown): void {
    const section =
      (raw as { hanaBackup?: RawSettings } | undefined)?.hanaBackup ?? (raw as RawSettings | undefined);
    this.pushed = toServerSettings(section);
  }

  clear(): void {
    this.perUri.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  get(uri: string): Promise<ServerSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.perUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'hanaBackup' }).then(
        (raw: RawSettings) => toServerSettings(raw),
        () => this.pushed,
      );
      this.perUri.set(uri, settings);
    }
    return settings;
  }
}

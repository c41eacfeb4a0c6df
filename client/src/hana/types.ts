/**
 * What the access layer needs to reach one HANA system. Pure data: no VS Code, no driver.
 * The password is held only in memory for the connect call; it never appears in a message or log.
 */
export interface ConnectionSettings {
  /** Name of the connection (as policies and the tree refer to it); shown in messages. */
  name: string;
  host: string;
  /** SQL port of the SYSTEMDB (3<nr>13) or of a tenant. */
  port: number;
  /** Tenant to route to through the SYSTEMDB (driver property `databaseName`). */
  databaseName?: string;
  user?: string;
  password?: string;
  /** hdbuserstore key; used instead of user and password (the driver resolves it). */
  userStoreKey?: string;
  /** TLS; default on for every host that is not loopback. */
  encrypt?: boolean;
  /** Validate the server certificate when encrypting (default true). */
  validateCertificate?: boolean;
  /** Trust store path for self-signed certificates. */
  trustStore?: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\]|0:0:0:0:0:0:0:1)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/** `encrypt` as it will be used: the setting, or on unless the host is loopback. */
export function effectiveEncrypt(settings: ConnectionSettings): boolean {
  return settings.encrypt ?? !isLoopbackHost(settings.host);
}

/**
 * Timeouts handed to the driver, in milliseconds. Only the connect one: the driver's
 * communicationTimeout would also end any statement that runs longer (a RECOVER runs for hours),
 * so statements are bounded by the pool's own per-statement deadline instead.
 */
export interface DriverTimeouts {
  connectTimeoutMs: number;
}

/**
 * The driver's connect properties for these settings. Holds the password: never log the result
 * (use {@link describeSettings} for that).
 */
export function driverConnectProperties(
  settings: ConnectionSettings,
  timeouts: DriverTimeouts,
): Record<string, string | number | boolean> {
  const host =
    settings.host.includes(':') && !settings.host.startsWith('[') ? `[${settings.host}]` : settings.host;
  const properties: Record<string, string | number | boolean> = {
    serverNode: `${host}:${settings.port}`,
    connectTimeout: timeouts.connectTimeoutMs,
  };
  if (settings.userStoreKey) properties.KEY = settings.userStoreKey;
  else {
    if (settings.user !== undefined) properties.uid = settings.user;
    if (settings.password !== undefined) properties.pwd = settings.password;
  }
  if (settings.databaseName) properties.databaseName = settings.databaseName;
  const encrypt = effectiveEncrypt(settings);
  properties.encrypt = encrypt;
  if (encrypt) {
    properties.sslValidateCertificate = settings.validateCertificate ?? true;
    if (settings.trustStore) properties.sslTrustStore = settings.trustStore;
  }
  return properties;
}

/** A one-line description of the settings for messages and logs: never the password. */
export function describeSettings(settings: ConnectionSettings): string {
  const who = settings.userStoreKey ? `key ${settings.userStoreKey}` : (settings.user ?? '(no user)');
  const database = settings.databaseName ? ` database ${settings.databaseName}` : '';
  return `${settings.name} (${settings.host}:${settings.port}${database}, ${who})`;
}

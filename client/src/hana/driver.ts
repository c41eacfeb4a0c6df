/**
 * `@sap/hana-client`, loaded on first use only (activation must not pay for the native module).
 * When it cannot load, one {@link HanaDriverUnavailable} says which platform and what to do.
 */

export type HanaCallback<T> = (error: Error | null | undefined, result?: T) => void;

/** The part of the driver's Connection the access layer uses. */
export interface NativeConnection {
  connect(options: Record<string, unknown>, callback: (error: Error | null | undefined) => void): void;
  exec(sql: string, params: unknown[], callback: HanaCallback<unknown>): void;
  disconnect(callback?: (error: Error | null | undefined) => void): void;
}

export interface HanaDriver {
  createConnection(): NativeConnection;
}

export class HanaDriverUnavailable extends Error {
  override readonly name = 'HanaDriverUnavailable';
  constructor(
    readonly platform: string,
    readonly arch: string,
    readonly reason: string,
  ) {
    super(
      `The SAP HANA client (@sap/hana-client) could not be loaded on ${platform}-${arch} (Node ${process.versions.node}): ${reason}. ` +
        'Check that your platform is supported by @sap/hana-client (Linux x64/arm64, Windows x64, macOS x64/arm64) ' +
        'and reinstall the extension (or run `npm install @sap/hana-client` for the CLI).',
    );
  }
}

type Loader = () => unknown;

let cached: HanaDriver | undefined;
/** The real load: a plain `require`, so the bundler leaves the native module external and lazy. */
function requireDriver(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load on first use, by design
  return require('@sap/hana-client') as unknown;
}

let loader: Loader = requireDriver;

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const firstLine = error.message.split('\n')[0].trim();
    return code === 'MODULE_NOT_FOUND'
      ? 'the module is not installed'
      : firstLine || String(code ?? 'unknown error');
  }
  return typeof error === 'string' ? error : 'unknown error';
}

/** The driver, loaded on the first call; throws {@link HanaDriverUnavailable} when it cannot load. */
export function loadHanaDriver(): HanaDriver {
  if (cached) return cached;
  let module: unknown;
  try {
    module = loader();
  } catch (error) {
    throw new HanaDriverUnavailable(process.platform, process.arch, reasonOf(error));
  }
  const driver = module as Partial<HanaDriver> | undefined;
  if (!driver || typeof driver.createConnection !== 'function') {
    throw new HanaDriverUnavailable(process.platform, process.arch, 'the module has no createConnection()');
  }
  cached = driver as HanaDriver;
  return cached;
}

/** Whether the driver has been loaded yet (for the activation-cost check). */
export function isHanaDriverLoaded(): boolean {
  return cached !== undefined;
}

/** Tests only: replace how the driver is loaded (undefined: the real `require`). */
export function setHanaDriverLoaderForTests(replacement: Loader | undefined): void {
  cached = undefined;
  loader = replacement ?? requireDriver;
}

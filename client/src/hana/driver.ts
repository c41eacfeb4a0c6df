/**
 * `@sap/hana-client`, loaded on first use only (activation must not pay for the native module).
 * When it cannot load, one {@link HanaDriverUnavailable} says which platform and what to do.
 */
import * as fs from 'node:fs';

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

declare const HANA_BACKUP_VERSION: string | undefined;
/** The version in the VSIX names the message points at (set by the bundler; unbundled tests lack it). */
const VERSION = typeof HANA_BACKUP_VERSION === 'string' ? HANA_BACKUP_VERSION : '0.0.0-dev';

/** The `vsce --target`s that `npm run package` builds with the driver (scripts/package.mjs). */
const DRIVER_TARGETS = [
  'linux-x64',
  'linux-arm64',
  'alpine-x64',
  'darwin-x64',
  'darwin-arm64',
  'win32-x64',
] as const;

/**
 * The VSIX target that carries the driver for a platform, if any. Alpine counts apart as VS Code's
 * marketplace does (its Node is musl-built); @sap/hana-client has no musl build for arm64.
 */
export function vsixTargetOf(platform: string, arch: string, alpine: boolean): string | undefined {
  const target = `${platform === 'linux' && alpine ? 'alpine' : platform}-${arch}`;
  return (DRIVER_TARGETS as readonly string[]).includes(target) ? target : undefined;
}

/** VS Code's own test for the alpine targets: `ID=alpine` in os-release. */
function isAlpine(): boolean {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return /^ID="?alpine"?$/m.test(fs.readFileSync(file, 'utf8'));
    } catch {
      // no such file: try the next
    }
  }
  return false;
}

/** What to install: the universal VSIX (and a checkout before `npm install`) lack the driver. */
function remedy(platform: string, arch: string, alpine: boolean): string {
  const target = vsixTargetOf(platform, arch, alpine);
  if (!target)
    return (
      `hana-backup ships the driver for ${DRIVER_TARGETS.join(', ')} only, ` +
      'so the HANA features are unavailable here (editing policies and configuration files works).'
    );
  const file = `hana-backup-${target}-${VERSION}.vsix`;
  return (
    `Install the hana-backup VSIX for ${target}, ${file}, from the same release ` +
    `(command "Extensions: Install from VSIX...", or \`code --install-extension ${file}\`): ` +
    'the universal VSIX comes without the driver. In a source checkout, run `npm install`.'
  );
}

export class HanaDriverUnavailable extends Error {
  override readonly name = 'HanaDriverUnavailable';
  constructor(
    readonly platform: string,
    readonly arch: string,
    readonly reason: string,
    alpine = platform === 'linux' && isAlpine(),
  ) {
    // One line: the error mapping and the notifications show a message's first line only.
    super(
      `The SAP HANA client (@sap/hana-client) could not be loaded on ${platform}-${arch} ` +
        `(Node ${process.versions.node}): ${reason}. ${remedy(platform, arch, alpine)}`,
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
    // A module the driver needs missing (not the driver itself) is worth naming as it is.
    return code === 'MODULE_NOT_FOUND' && firstLine.includes("'@sap/hana-client'")
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

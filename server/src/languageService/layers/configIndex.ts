import { parseIni, type IniEntry, type ParsedIni } from '../ini/iniDocument';
import { parameterInfo, sameValue } from '../ini/parameterCatalog';
import { layerOf, type Layer, type LayerInfo } from './layerOf';

/** One global.ini of the workspace, parsed, with its place in the layers. */
export interface ConfigFile {
  uri: string;
  path: string;
  ini: ParsedIni;
  layer?: LayerInfo;
}

/** Where a value comes from: the file, its layer and the entry. */
export interface ValueSource {
  file: ConfigFile;
  entry: IniEntry;
  layer: Layer;
  value: string;
}

export interface EffectiveValue {
  /** What the database gets from DATABASE, SYSTEM or DEFAULT; undefined when no file sets it. */
  database?: ValueSource;
  /** Every value that layer hides (lower layers), for related information. */
  hidden: ValueSource[];
  /** HOST-layer values that override it on a host. */
  hostOverrides: ValueSource[];
}

const AZURE_VALUES_FOR_AZURE_SYSTEM = 3;

/** The last entry of `[section] key` in a file: HANA keeps the later of two. */
export function lastEntry(file: ConfigFile, section: string, key: string): IniEntry | undefined {
  let found: IniEntry | undefined;
  for (const entry of file.ini.entries) if (entry.section === section && entry.key === key) found = entry;
  return found;
}

/**
 * Every global.ini of the workspace, grouped by system (SID). Files are replaced whole on each
 * change; queries resolve values through DEFAULT < SYSTEM < DATABASE < HOST.
 */
export class ConfigIndex {
  private readonly files = new Map<string, ConfigFile>();
  private readonly bySystem = new Map<string, Set<string>>();

  /** Records a file; returns the systems whose resolution may have changed. */
  set(uri: string, path: string, text: string): ConfigFile {
    this.delete(uri);
    const ini = parseIni(text);
    const file: ConfigFile = { uri, path, ini, layer: layerOf(path, ini.directive) };
    this.files.set(uri, file);
    if (file.layer) {
      const members = this.bySystem.get(file.layer.system) ?? new Set<string>();
      members.add(uri);
      this.bySystem.set(file.layer.system, members);
    }
    return file;
  }

  delete(uri: string): ConfigFile | undefined {
    const old = this.files.get(uri);
    if (!old) return undefined;
    this.files.delete(uri);
    if (old.layer) {
      const members = this.bySystem.get(old.layer.system);
      members?.delete(uri);
      if (members?.size === 0) this.bySystem.delete(old.layer.system);
    }
    return old;
  }

  get(uri: string): ConfigFile | undefined {
    return this.files.get(uri);
  }

  all(): ConfigFile[] {
    return [...this.files.values()];
  }

  filesOf(system: string): ConfigFile[] {
    return [...(this.bySystem.get(system) ?? [])].map((uri) => this.files.get(uri)!);
  }

  hasSystem(system: string): boolean {
    return this.bySystem.has(system);
  }

  /** Databases the files know of (DATABASE layers), SYSTEMDB always, plus any the caller names. */
  databasesOf(system: string, extra: Iterable<string> = []): string[] {
    const names = new Set(['SYSTEMDB', ...[...extra].map((d) => d.toUpperCase())]);
    for (const file of this.filesOf(system))
      if (file.layer?.layer === 'DATABASE' && file.layer.database) names.add(file.layer.database);
    return [...names];
  }

  hostsOf(system: string): string[] {
    return [
      ...new Set(
        this.filesOf(system).flatMap((f) =>
          f.layer?.layer === 'HOST' && f.layer.host ? [f.layer.host] : [],
        ),
      ),
    ].sort();
  }

  private sources(
    system: string,
    layer: Layer,
    section: string,
    key: string,
    filter?: (info: LayerInfo) => boolean,
  ): ValueSource[] {
    const result: ValueSource[] = [];
    for (const file of this.filesOf(system)) {
      if (file.layer?.layer !== layer || (filter && !filter(file.layer))) continue;
      const entry = lastEntry(file, section, key);
      if (entry) result.push({ file, entry, layer, value: entry.value });
    }
    return result;
  }

  /** What `[section] key` resolves to for one database of a system, and what overrides it per host. */
  resolve(system: string, database: string, section: string, key: string): EffectiveValue {
    const db = database.toUpperCase();
    const chain: ValueSource[] = [
      ...this.sources(system, 'DEFAULT', section, key),
      ...this.sources(system, 'SYSTEM', section, key),
      ...this.sources(system, 'DATABASE', section, key, (info) => info.database === db),
    ];
    const effective = chain[chain.length - 1];
    return {
      database: effective,
      hidden: chain.slice(0, -1),
      hostOverrides: this.sources(system, 'HOST', section, key),
    };
  }

  /** Every value a HOST-layer entry hides: the same parameter in the system's other layers. */
  overriddenBy(system: string, section: string, key: string): ValueSource[] {
    return (['DEFAULT', 'SYSTEM', 'DATABASE'] as Layer[]).flatMap((layer) =>
      this.sources(system, layer, section, key),
    );
  }

  /**
   * Whether the system's DATABASE layer carries the values Azure Backup writes (at least three of
   * its five): a sign Azure Backup protects it even without an azure policy in the workspace.
   */
  looksAzureManaged(system: string): boolean {
    return this.filesOf(system).some((file) => {
      if (file.layer?.layer !== 'DATABASE') return false;
      let matches = 0;
      for (const entry of file.ini.entries) {
        const info = parameterInfo(entry.section, entry.key);
        if (info?.azure !== undefined && sameValue(info, entry.value, info.azure)) matches++;
      }
      return matches >= AZURE_VALUES_FOR_AZURE_SYSTEM;
    });
  }
}

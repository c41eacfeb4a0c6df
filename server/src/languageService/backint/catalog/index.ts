import { isIbmProfile } from '../fileKinds';
import type { BackintKind } from '../model';
import { AWS_CATALOG } from './aws';
import { GCP_CATALOG } from './gcp';
import { IBM_CATALOG } from './ibm';
import type { BackintCatalog, BackintKeyInfo } from './types';
import { VENDOR_CATALOGS } from './vendors';

export type { BackintCatalog, BackintKeyInfo, KeyType } from './types';
export { AWS_CATALOG, GCP_CATALOG, IBM_CATALOG, VENDOR_CATALOGS };

/** The catalog a file is checked against; `undefined` for generic `KEY value` files (no validation). */
export function catalogFor(kind: BackintKind, uri: string): BackintCatalog | undefined {
  if (kind === 'aws') return AWS_CATALOG;
  if (kind === 'gcp') return GCP_CATALOG;
  return isIbmProfile(uri) ? IBM_CATALOG : undefined;
}

export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

interface KeyIndex {
  byName: Map<string, BackintKeyInfo>;
  byCamelCase: Map<string, BackintKeyInfo>;
}

const indexes = new WeakMap<BackintCatalog, KeyIndex>();

/** Lookups per catalog, built once: rules look every entry up for every key they check. */
function indexOf(catalog: BackintCatalog): KeyIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = { byName: new Map(), byCamelCase: new Map() };
    for (const key of catalog.keys) {
      if (!index.byName.has(key.name)) index.byName.set(key.name, key);
      const camel = camelCase(key.name);
      if (catalog.acceptsCamelCase && !index.byCamelCase.has(camel)) index.byCamelCase.set(camel, key);
    }
    indexes.set(catalog, index);
  }
  return index;
}

/** The catalog entry for a key as written (protojson's camelCase names included where they apply). */
export function findKey(catalog: BackintCatalog, name: string): BackintKeyInfo | undefined {
  const index = indexOf(catalog);
  return index.byName.get(name) ?? index.byCamelCase.get(name);
}

/** Another agent's key in a generic file, for hover only. */
export function findVendorKey(name: string): { catalog: BackintCatalog; key: BackintKeyInfo } | undefined {
  for (const catalog of VENDOR_CATALOGS) {
    const key = catalog.keys.find((k) => k.name === name);
    if (key) return { catalog, key };
  }
  return undefined;
}

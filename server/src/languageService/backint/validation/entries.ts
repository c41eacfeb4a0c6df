import { findKey, type BackintCatalog } from '../catalog';
import type { BackintEntry, ParsedBackintFile } from '../model';

/** The entry that sets a catalog key (protojson's camelCase spelling included); the last one wins. */
export function entryFor(
  file: ParsedBackintFile,
  catalog: BackintCatalog,
  name: string,
): BackintEntry | undefined {
  let found: BackintEntry | undefined;
  for (const entry of file.entries) if (findKey(catalog, entry.key)?.name === name) found = entry;
  return found;
}

/** True when an entry's value says nothing: missing, null, or empty text. */
export function isEmptyValue(entry: BackintEntry): boolean {
  const value = entry.value;
  if (!value || value.shape === 'null') return true;
  return value.shape === 'string' && String(value.value).trim() === '';
}

/** A numeric reading of a value written as a number or (JSON) as a string of digits. */
export function numberOf(entry: BackintEntry | undefined): number | undefined {
  const value = entry?.value;
  if (!value) return undefined;
  if (value.shape === 'number') return Number(value.value);
  if (value.shape === 'string' && /^[-+]?\d+$/.test(String(value.value).trim())) return Number(value.value);
  return undefined;
}

export function isTrue(entry: BackintEntry | undefined): boolean {
  return entry?.value?.shape === 'boolean' && entry.value.value === true;
}

/** Value types the agents document; `path` is text naming a file, `map` a JSON object of strings. */
export type KeyType = 'string' | 'path' | 'int' | 'float' | 'bool' | 'enum' | 'map';

/** One documented key of an agent's parameter file, as the reference facts give it. */
export interface BackintKeyInfo {
  name: string;
  type: KeyType;
  /** One or two sentences: what the key does, and the pitfall if the sources name one. */
  doc: string;
  /** Source keys of the reference facts (e.g. `AWS-ASE`), comma-separated. */
  source: string;
  required?: boolean;
  /**
   * The documented default as text. `null`: the sources confirm none for this agent (shown as unknown,
   * `defaultNote` says what was seen instead). Absent: no default, the key is simply unset.
   */
  default?: string | null;
  defaultNote?: string;
  /** Allowed values of an enum. */
  values?: readonly string[];
  /** Enforced bounds (HBB003). */
  min?: number;
  max?: number;
  /** Larger values are lowered to this by the agent itself (a warning, not an error). */
  cap?: number;
  /** Exact length of a text value. */
  length?: number;
}

export interface BackintCatalog {
  /** Agent name for messages and hovers. */
  agent: string;
  keys: readonly BackintKeyInfo[];
  /**
   * Whether a key outside the catalog is reported (HBB002). Off where the sources list only some keys,
   * so that a real but undocumented key is never called unknown.
   */
  validatesKeys: boolean;
  /** protojson reads a field by its proto name and by its lowerCamelCase JSON name alike. */
  acceptsCamelCase?: boolean;
}

/** The three file formats of Backint agent parameter files this module understands. */
export type BackintKind = 'aws' | 'gcp' | 'utl';

/** What a value is, in terms common to YAML, JSON and `KEY value` lines. */
export type ValueShape = 'string' | 'number' | 'boolean' | 'null' | 'map' | 'list' | 'other';

/** How a scalar was written; the agents' parsers treat quoted and unquoted text differently. */
export type ValueStyle = 'plain' | 'double' | 'single' | 'block';

export interface BackintValue {
  shape: ValueShape;
  /** Scalars as their format reads them (quotes removed); `undefined` for maps, lists and others. */
  value: string | number | boolean | null | undefined;
  /** The value exactly as written in the file. */
  source: string;
  style: ValueStyle;
  start: number;
  end: number;
  /** Members of a map value, for the few keys whose members have a type (GCP `metadata`). */
  members?: BackintValue[];
}

export interface BackintEntry {
  /** The key as its format reads it (JSON quotes removed). */
  key: string;
  /** Offsets of the key as written, quotes included, so an edit can replace it whole. */
  keyStart: number;
  keyEnd: number;
  /** `undefined` when a `KEY value` line has no value. */
  value?: BackintValue;
  /** A `KEY value` line indented under another (IBM `SERVER` sub-parameters, say). */
  nested?: boolean;
}

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
  /** For a key written twice: where it was written first. */
  firstAt?: { start: number; end: number };
  duplicateKey?: string;
}

export interface ParsedBackintFile {
  kind: BackintKind;
  text: string;
  /** Top-level entries in file order, duplicates included. */
  entries: BackintEntry[];
  syntax: SyntaxProblem[];
  /** Set when the top level is something other than a mapping (a list or a lone scalar, say). */
  notAMapping?: { start: number; end: number; found: string };
}

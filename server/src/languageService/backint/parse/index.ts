import type { BackintKind, ParsedBackintFile } from '../model';
import { parseAwsYaml } from './awsYaml';
import { parseGcpJson } from './gcpJson';
import { parseUtlLines } from './utlLines';

/**
 * The last parse, kept because completion and hover ask for the file validation has just read: a
 * large broken file takes long enough to parse that a request re-parsing it each time lags.
 */
let last: { kind: BackintKind; text: string; file: ParsedBackintFile } | undefined;

/** Parses a Backint parameter file of the given kind; a parser failure yields an empty parse, not a throw. */
export function parseBackint(kind: BackintKind, text: string): ParsedBackintFile {
  if (last?.kind !== kind || last.text !== text) last = { kind, text, file: parseOnce(kind, text) };
  return last.file;
}

function parseOnce(kind: BackintKind, text: string): ParsedBackintFile {
  try {
    if (kind === 'aws') return parseAwsYaml(text);
    if (kind === 'gcp') return parseGcpJson(text);
    return parseUtlLines(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind,
      text,
      entries: [],
      syntax: [{ start: 0, end: Math.min(1, text.length), message: `The file cannot be read: ${message}` }],
    };
  }
}

export { parseAwsYaml, parseGcpJson, parseUtlLines };

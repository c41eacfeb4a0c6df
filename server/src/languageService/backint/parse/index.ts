import type { BackintKind, ParsedBackintFile } from '../model';
import { parseAwsYaml } from './awsYaml';
import { parseGcpJson } from './gcpJson';
import { parseUtlLines } from './utlLines';

/** Parses a Backint parameter file of the given kind; a parser failure yields an empty parse, not a throw. */
export function parseBackint(kind: BackintKind, text: string): ParsedBackintFile {
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

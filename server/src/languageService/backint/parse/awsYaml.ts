import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import { EntryCollector } from './entries';
import type { BackintEntry, BackintValue, ParsedBackintFile, SyntaxProblem, ValueStyle } from '../model';

function styleOf(scalar: Scalar): ValueStyle {
  switch (scalar.type) {
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

function valueOf(node: Node | null | undefined, text: string, fallbackAt: number): BackintValue {
  const [start, end] = node?.range ?? [fallbackAt, fallbackAt];
  const source = text.slice(start, end);
  const base = { source, start, end };
  if (isScalar(node)) {
    const raw = node.value;
    if (raw === null || raw === undefined)
      return { ...base, shape: 'null', value: null, style: styleOf(node) };
    if (typeof raw === 'number') return { ...base, shape: 'number', value: raw, style: styleOf(node) };
    if (typeof raw === 'boolean') return { ...base, shape: 'boolean', value: raw, style: styleOf(node) };
    if (typeof raw === 'string') return { ...base, shape: 'string', value: raw, style: styleOf(node) };
    // Binary, dates and other tagged scalars: nothing this module checks.
    return { ...base, shape: 'other', value: undefined, style: styleOf(node) };
  }
  if (isMap(node)) return { ...base, shape: 'map', value: undefined, style: 'plain' };
  if (isSeq(node)) return { ...base, shape: 'list', value: undefined, style: 'plain' };
  if (isAlias(node)) return { ...base, shape: 'other', value: undefined, style: 'plain' };
  return { ...base, shape: 'null', value: null, style: 'plain' };
}

/** The first line of a `yaml` error message, without the position the range already carries. */
function cleanMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** An error at the very end of the file is shown on its last character, where it can be seen. */
function visibleSpan(text: string, start: number, end: number): { start: number; end: number } {
  const contentEnd = text.trimEnd().length;
  if (start < contentEnd) return { start, end: Math.max(end, start + 1) };
  return { start: Math.max(0, contentEnd - 1), end: contentEnd };
}

/**
 * Reads `aws-backint-agent-config.yaml` keeping each key's and value's offsets. Duplicate keys are
 * allowed by the parser and reported here with both places, which the `yaml` error would not give.
 */
export function parseAwsYaml(text: string): ParsedBackintFile {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const syntax: SyntaxProblem[] = doc.errors.map((error) => ({
    ...visibleSpan(text, error.pos[0], error.pos[1]),
    message: `YAML syntax error: ${cleanMessage(error.message)}.`,
  }));
  const entries: BackintEntry[] = [];
  const contents = doc.contents as Node | null;
  const result: ParsedBackintFile = { kind: 'aws', text, entries, syntax };
  if (contents === null || (isScalar(contents) && contents.value === null)) return result;
  if (!isMap(contents)) {
    const [start, end] = contents.range ?? [0, 0];
    result.notAMapping = { start, end, found: isSeq(contents) ? 'a list' : 'a single value' };
    return result;
  }
  const collector = new EntryCollector(
    entries,
    syntax,
    'YAML readers either refuse the file or keep only one of the values',
  );
  for (const pair of contents.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    const [keyStart, keyEnd] = key.range;
    const entry: BackintEntry = {
      key: name,
      keyStart,
      keyEnd,
      value: valueOf(pair.value as Node | null, text, keyEnd),
    };
    collector.add(entry);
  }
  return result;
}

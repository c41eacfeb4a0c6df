import { parseTree, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { EntryCollector } from './entries';
import type { BackintEntry, BackintValue, ParsedBackintFile, SyntaxProblem } from '../model';

const MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'malformed number',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes is expected here',
  [ParseErrorCode.ValueExpected]: 'a value is expected here',
  [ParseErrorCode.ColonExpected]: 'a `:` is expected after the property name',
  [ParseErrorCode.CommaExpected]: 'a `,` is expected between properties',
  [ParseErrorCode.CloseBraceExpected]: 'a closing `}` is expected',
  [ParseErrorCode.CloseBracketExpected]: 'a closing `]` is expected',
  [ParseErrorCode.EndOfFileExpected]: 'nothing may follow the closing `}`',
  // The agent reads the file with protojson, which knows no comments (unlike VS Code's JSONC).
  [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed: the agent reads strict JSON',
  [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'unterminated number',
  [ParseErrorCode.InvalidUnicode]: 'invalid unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in a string',
};

/** The comma before a closing bracket, if that is what the error is about. */
function trailingCommaAt(text: string, error: ParseError): number | undefined {
  const before = text.slice(0, error.offset).trimEnd();
  const closing = text[error.offset] === '}' || text[error.offset] === ']';
  return before.endsWith(',') && closing ? before.length - 1 : undefined;
}

function describeError(text: string, error: ParseError): SyntaxProblem {
  const comma = trailingCommaAt(text, error);
  if (comma !== undefined) {
    const message = 'trailing comma: strict JSON allows no `,` before a closing bracket; remove it';
    return { start: comma, end: comma + 1, message: `JSON syntax error: ${message}.` };
  }
  const message =
    text.trim() === ''
      ? 'the file is empty: the agent needs a JSON object'
      : (MESSAGES[error.error] ?? 'invalid JSON');
  return {
    start: error.offset,
    end: error.offset + Math.max(error.length, 1),
    message: `JSON syntax error: ${message}.`,
  };
}

function valueOf(node: Node, text: string): BackintValue {
  const base = { source: text.slice(node.offset, node.offset + node.length), start: node.offset };
  const end = node.offset + node.length;
  switch (node.type) {
    case 'string':
      return { ...base, end, shape: 'string', value: String(node.value), style: 'double' };
    case 'number':
      return { ...base, end, shape: 'number', value: Number(node.value), style: 'plain' };
    case 'boolean':
      return { ...base, end, shape: 'boolean', value: Boolean(node.value), style: 'plain' };
    case 'null':
      return { ...base, end, shape: 'null', value: null, style: 'plain' };
    case 'object': {
      const members = (node.children ?? [])
        .map((property) => property.children?.[1])
        .filter((child): child is Node => child !== undefined)
        .map((child) => valueOf(child, text));
      return { ...base, end, shape: 'map', value: undefined, style: 'plain', members };
    }
    case 'array':
      return { ...base, end, shape: 'list', value: undefined, style: 'plain' };
    default:
      return { ...base, end, shape: 'other', value: undefined, style: 'plain' };
  }
}

/** Reads a Google `parameters.json` with jsonc-parser, strict JSON as the agent's protojson wants it. */
export function parseGcpJson(text: string): ParsedBackintFile {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  // jsonc-parser may report two codes for one slip (a trailing comma, say): one finding per place.
  const firstPerOffset = errors.filter(
    (error, i) => errors.findIndex((e) => e.offset === error.offset) === i,
  );
  const syntax = firstPerOffset.map((error) => describeError(text, error));
  const entries: BackintEntry[] = [];
  const result: ParsedBackintFile = { kind: 'gcp', text, entries, syntax };
  if (!root) return result;
  if (root.type !== 'object') {
    const found = root.type === 'array' ? 'a list' : 'a single value';
    result.notAMapping = { start: root.offset, end: root.offset + root.length, found };
    return result;
  }
  const collector = new EntryCollector(entries, syntax, "the agent's JSON reader refuses duplicate fields");
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || keyNode.type !== 'string') continue;
    const name = String(keyNode.value);
    const entry: BackintEntry = {
      key: name,
      keyStart: keyNode.offset,
      keyEnd: keyNode.offset + keyNode.length,
      value: valueNode ? valueOf(valueNode, text) : undefined,
    };
    collector.add(entry);
  }
  return result;
}

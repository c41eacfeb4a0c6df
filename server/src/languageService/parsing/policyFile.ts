import { Document, isMap, isNode, parseAllDocuments, YAMLParseError, type Node } from 'yaml';
import { plainValue } from './plainValue';
import { yamlItems } from './yamlNodes';
import type { Diagnostic, TextDocument } from '../types';
import type { TargetExpectations } from '../layers/policyExpectations';
import type { GovernedDatabase } from '../workspace/governanceIndex';

/** What validation found in one document, kept with it while its text and the settings stay the same. */
export interface DocumentResults {
  settingsKey: string;
  /** Rule findings (HBP131 excluded: it depends on other documents), before suppressions. */
  diagnostics: Diagnostic[];
  governed: GovernedDatabase[];
  /** What the document's policy implies for global.ini, per target (HBP140). */
  targets: TargetExpectations[];
}

/** One YAML document of a policy file, with the offsets that bound it in the file. */
export interface PolicyYamlDocument {
  index: number;
  yaml: Document.Parsed;
  /** Aliases and merge keys resolved; `undefined` when the document failed to convert. */
  value: unknown;
  /** Offset where this document's text begins (just after the previous document). */
  start: number;
  end: number;
  /** First line of the document's text; cached results are moved when it changes. */
  startLine: number;
  hasSyntaxErrors: boolean;
  /** Why the document could not be turned into data (e.g. an alias bomb), when it could not. */
  conversionError?: string;
  results?: DocumentResults;
}

export interface ParsedPolicyFile {
  uri: string;
  version: number;
  text: string;
  textDocument: TextDocument;
  documents: PolicyYamlDocument[];
  /** The text of each `---` chunk with the documents parsed from it, for reuse by the next parse. */
  chunks: { text: string; start: number; documents: PolicyYamlDocument[] }[];
}

const DOCUMENT_START = /^---(?=[ \t]|\r?$)/gm;

/**
 * The file cut at its `---` lines (with any `%` directives just above them). A `---` at the start of
 * a line always begins a YAML document, whatever surrounds it, so each piece parses on its own.
 */
function splitChunks(text: string): { start: number; end: number }[] {
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_START)) {
    let start = match.index!;
    while (start > 0) {
      const previousLineStart = text.lastIndexOf('\n', start - 2) + 1;
      if (text[previousLineStart] !== '%') break;
      start = previousLineStart;
    }
    if (start > starts[starts.length - 1]) starts.push(start);
  }
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
}

function shiftRange<T extends number[]>(range: T, delta: number): T {
  return range.map((offset) => offset + delta) as T;
}

/** Moves every offset of a parsed document (nodes, errors, the document itself) by `delta`. */
function shiftYaml(yaml: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  yaml.range = shiftRange(yaml.range, delta);
  for (const issue of [...yaml.errors, ...yaml.warnings]) issue.pos = shiftRange(issue.pos, delta);
  for (const item of yamlItems(yaml))
    if (isNode(item) && item.range) item.range = shiftRange(item.range, delta);
}

function moveRange(range: Diagnostic['range'], lines: number): Diagnostic['range'] {
  if (!lines) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

function shiftLines(diagnostic: Diagnostic, lines: number): Diagnostic {
  const move = (range: Diagnostic['range']) => moveRange(range, lines);
  return {
    ...diagnostic,
    range: move(diagnostic.range),
    relatedInformation: diagnostic.relatedInformation?.map((info) => ({
      ...info,
      location: { ...info.location, range: move(info.location.range) },
    })),
  };
}

/** Reuses a document parsed from identical text, moved to where that text now starts. */
function reuse(doc: PolicyYamlDocument, delta: number, startLine: number, index: number): PolicyYamlDocument {
  shiftYaml(doc.yaml, delta);
  const lines = startLine - doc.startLine;
  const results = doc.results && {
    ...doc.results,
    diagnostics: lines ? doc.results.diagnostics.map((d) => shiftLines(d, lines)) : doc.results.diagnostics,
    governed: doc.results.governed.map((g) => ({
      ...g,
      documentIndex: index,
      range: moveRange(g.range, lines),
    })),
    targets: doc.results.targets.map((t) => ({
      ...t,
      expectations: t.expectations.map((e) => ({ ...e, range: moveRange(e.range, lines) })),
    })),
  };
  return { ...doc, index, start: doc.start + delta, end: doc.end + delta, startLine, results };
}

/**
 * The YAML documents of a chunk. The parser recurses per nesting level and runs out of stack on a few
 * thousand levels (a few kilobytes of `a: a: a:` in a flow mapping); the chunk is then one document
 * with that as its syntax error.
 */
function parseYaml(text: string): Document.Parsed[] {
  try {
    const parsed = parseAllDocuments(text, { uniqueKeys: false, merge: true, prettyErrors: false });
    return Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const unreadable = new Document() as Document.Parsed;
    unreadable.range = [0, text.length, text.length];
    const message = `nested too deeply to be read (${error.message})`;
    unreadable.errors.push(new YAMLParseError([0, Math.min(1, text.length)], 'RESOURCE_EXHAUSTION', message));
    unreadableDocuments.add(unreadable);
    return [unreadable];
  }
}

/** Stand-ins for chunks the parser gave up on: they hold no data, not even `null`. */
const unreadableDocuments = new WeakSet<Document>();

function parseChunk(text: string, chunkStart: number, chunkEnd: number, lineOf: (offset: number) => number) {
  const yamlDocs = parseYaml(text);
  let previousEnd = chunkStart;
  return yamlDocs.map((yaml, i): PolicyYamlDocument => {
    shiftYaml(yaml, chunkStart);
    const end = i === yamlDocs.length - 1 ? chunkEnd : yaml.range[2];
    const converted = unreadableDocuments.has(yaml) ? { value: undefined } : safeToJS(yaml);
    const doc: PolicyYamlDocument = {
      index: 0,
      yaml,
      value: converted.value,
      conversionError: converted.error,
      start: previousEnd,
      end,
      startLine: lineOf(previousEnd),
      hasSyntaxErrors: yaml.errors.length > 0 || converted.error !== undefined,
    };
    previousEnd = end;
    return doc;
  });
}

/**
 * Parses every YAML document of a file, keeping the CST-backed node ranges that diagnostics need.
 * Each `---` chunk whose text is unchanged since `previous` keeps its parse and its validation
 * results, so an edit re-parses and re-checks only the policy it touches.
 * Duplicate keys are allowed here so that HBP005 can report them with both locations.
 */
export function parsePolicyFile(textDocument: TextDocument, previous?: ParsedPolicyFile): ParsedPolicyFile {
  const text = textDocument.getText();
  const lineOf = (offset: number) => textDocument.positionAt(offset).line;
  const reusable = new Map<string, { start: number; documents: PolicyYamlDocument[] }[]>();
  for (const chunk of previous?.chunks ?? []) {
    const list = reusable.get(chunk.text) ?? [];
    list.push(chunk);
    reusable.set(chunk.text, list);
  }
  const documents: PolicyYamlDocument[] = [];
  const chunks: ParsedPolicyFile['chunks'] = [];
  for (const { start, end } of splitChunks(text)) {
    const chunkText = text.slice(start, end);
    const old = reusable.get(chunkText)?.shift();
    const chunkDocs = old
      ? old.documents.map((doc) => reuse(doc, start - old.start, lineOf(doc.start + start - old.start), 0))
      : parseChunk(chunkText, start, end, lineOf);
    for (const doc of chunkDocs) {
      doc.index = documents.length;
      if (doc.results) doc.results.governed.forEach((g) => (g.documentIndex = doc.index));
      documents.push(doc);
    }
    chunks.push({ text: chunkText, start, documents: chunkDocs });
  }
  return { uri: textDocument.uri, version: textDocument.version, text, textDocument, documents, chunks };
}

function safeToJS(yaml: Document.Parsed): { value: unknown; error?: string } {
  try {
    return { value: plainValue(yaml) };
  } catch (error) {
    return { value: undefined, error: error instanceof Error ? error.message : String(error) };
  }
}

/** True when a document has nothing in it but comments or whitespace. */
export function isEmptyDocument(doc: PolicyYamlDocument): boolean {
  const contents = doc.yaml.contents as Node | null;
  if (contents === null || contents === undefined) return true;
  if (
    isNode(contents) &&
    !isMap(contents) &&
    'value' in contents &&
    (contents as { value: unknown }).value === null
  ) {
    return true;
  }
  return false;
}

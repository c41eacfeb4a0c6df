import { Document, isMap, isNode, LineCounter, parseAllDocuments, type Node } from 'yaml';
import type { TextDocument } from '../types';

/** One YAML document of a policy file, with the offsets that bound it in the file. */
export interface PolicyYamlDocument {
  index: number;
  yaml: Document.Parsed;
  /** Aliases and merge keys resolved; `undefined` when the document failed to convert. */
  value: unknown;
  /** Offset where this document's text begins (just after the previous document). */
  start: number;
  end: number;
  hasSyntaxErrors: boolean;
  /** Why the document could not be turned into data (e.g. an alias bomb), when it could not. */
  conversionError?: string;
}

export interface ParsedPolicyFile {
  uri: string;
  version: number;
  text: string;
  textDocument: TextDocument;
  documents: PolicyYamlDocument[];
}

/**
 * Parses every YAML document of a file, keeping the CST-backed node ranges that diagnostics need.
 * Duplicate keys are allowed here so that HBP005 can report them with both locations.
 */
export function parsePolicyFile(textDocument: TextDocument): ParsedPolicyFile {
  const text = textDocument.getText();
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    uniqueKeys: false,
    merge: true,
    lineCounter,
    prettyErrors: false,
  });
  const yamlDocs: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  const documents: PolicyYamlDocument[] = [];
  let previousEnd = 0;
  yamlDocs.forEach((yaml, index) => {
    const end = index === yamlDocs.length - 1 ? text.length : yaml.range[2];
    const converted = safeToJS(yaml);
    documents.push({
      index,
      yaml,
      value: converted.value,
      conversionError: converted.error,
      start: previousEnd,
      end,
      hasSyntaxErrors: yaml.errors.length > 0 || converted.error !== undefined,
    });
    previousEnd = end;
  });
  return { uri: textDocument.uri, version: textDocument.version, text, textDocument, documents };
}

function safeToJS(yaml: Document.Parsed): { value: unknown; error?: string } {
  try {
    // maxAliasCount guards against alias bombs ("billion laughs") in hostile files.
    return { value: yaml.toJS({ maxAliasCount: 1000 }) };
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

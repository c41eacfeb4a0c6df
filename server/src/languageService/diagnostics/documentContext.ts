import type { Node } from 'yaml';
import type { PolicyYamlDocument, ParsedPolicyFile } from '../parsing/policyFile';
import { nodeAt, type PathSegment } from '../parsing/yamlNodes';
import {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  Location,
  Range,
  type PolicySettings,
} from '../types';
import { DIAGNOSTIC_SOURCE, POLICY_RULES, type PolicyRuleCode } from './codes';

export interface ReportOptions {
  related?: DiagnosticRelatedInformation[];
  severity?: DiagnosticSeverity;
  /** Machine-readable facts for quick fixes (e.g. the proposed key). */
  data?: Record<string, unknown>;
}

/**
 * What a rule sees of one policy document: its resolved value, exact ranges for any path, and a
 * way to report. Ranges point at the key or value at fault, never at the whole document.
 */
export class DocumentContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: ParsedPolicyFile,
    readonly doc: PolicyYamlDocument,
    readonly settings: PolicySettings,
  ) {}

  get uri(): string {
    return this.file.uri;
  }

  rangeOfOffsets(start: number, end: number): Range {
    const td = this.file.textDocument;
    return Range.create(td.positionAt(start), td.positionAt(end));
  }

  private nodeRange(node: Node | undefined | null): Range | undefined {
    const range = node?.range;
    if (!range) return undefined;
    return this.rangeOfOffsets(range[0], range[1]);
  }

  /** The key of a mapping entry (or the item of a list) at `path`; the nearest existing ancestor otherwise. */
  keyRange(path: readonly PathSegment[]): Range {
    for (let length = path.length; length > 0; length--) {
      const found = nodeAt(this.doc.yaml, path.slice(0, length));
      if (!found) continue;
      const range = this.nodeRange(found.key) ?? this.nodeRange(found.alias) ?? this.nodeRange(found.value);
      if (range) return range;
    }
    return this.documentHeadRange();
  }

  /** The value at `path`, falling back to its key when the value is empty. */
  valueRange(path: readonly PathSegment[]): Range {
    const found = nodeAt(this.doc.yaml, path);
    if (found) {
      const range = this.nodeRange(found.alias) ?? this.nodeRange(found.value);
      if (range && !isEmptyRange(range)) return range;
    }
    return this.keyRange(path);
  }

  location(range: Range): Location {
    return Location.create(this.uri, range);
  }

  /** The first line of the document's content: where document-wide problems are shown. */
  documentHeadRange(): Range {
    const contents = this.doc.yaml.contents as Node | null;
    const start = contents?.range?.[0] ?? this.doc.start;
    const td = this.file.textDocument;
    const position = td.positionAt(start);
    const lineEnd = td.offsetAt({ line: position.line + 1, character: 0 });
    const text = this.file.text.slice(start, lineEnd).replace(/\r?\n$/, '');
    return Range.create(position, td.positionAt(start + Math.max(text.length, 1)));
  }

  report(code: PolicyRuleCode, range: Range, message: string, options: ReportOptions = {}): void {
    const diagnostic = Diagnostic.create(
      range,
      message,
      options.severity ?? POLICY_RULES[code].severity,
      code,
      DIAGNOSTIC_SOURCE,
      options.related,
    );
    if (options.data) diagnostic.data = options.data;
    this.diagnostics.push(diagnostic);
  }
}

function isEmptyRange(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}

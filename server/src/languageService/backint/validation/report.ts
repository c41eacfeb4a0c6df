import { DIAGNOSTIC_SOURCE } from '../../diagnostics/codes';
import { Diagnostic, DiagnosticRelatedInformation, Location, Range, type TextDocument } from '../../types';
import type { BackintCatalog } from '../catalog';
import type { ParsedBackintFile } from '../model';
import { BACKINT_RULES, type BackintRuleCode } from '../rules';

/** What every check gets: the parse, the catalog that applies, and a way to report. */
export class BackintContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly document: TextDocument,
    readonly file: ParsedBackintFile,
    readonly catalog: BackintCatalog | undefined,
  ) {}

  range(start: number, end: number): Range {
    return Range.create(this.document.positionAt(start), this.document.positionAt(end));
  }

  /** The first line's text, where findings about the whole file go. */
  headRange(): Range {
    const line = this.document.getText(Range.create(0, 0, 1, 0)).replace(/\r?\n$/, '');
    const start = line.length - line.trimStart().length;
    return Range.create(0, start, 0, line.trimEnd().length);
  }

  related(start: number, end: number, message: string): DiagnosticRelatedInformation {
    return DiagnosticRelatedInformation.create(
      Location.create(this.document.uri, this.range(start, end)),
      message,
    );
  }

  report(
    code: BackintRuleCode,
    range: Range,
    message: string,
    data?: Record<string, unknown>,
    related?: DiagnosticRelatedInformation[],
  ): void {
    const diagnostic = Diagnostic.create(
      range,
      message,
      BACKINT_RULES[code].severity,
      code,
      DIAGNOSTIC_SOURCE,
    );
    if (data) diagnostic.data = data;
    if (related?.length) diagnostic.relatedInformation = related;
    this.diagnostics.push(diagnostic);
  }
}

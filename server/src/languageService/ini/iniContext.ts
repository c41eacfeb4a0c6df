import { CONFIG_RULES, DIAGNOSTIC_SOURCE, type ConfigRuleCode } from '../diagnostics/codes';
import type { ConfigFile } from '../layers/configIndex';
import {
  Diagnostic,
  DiagnosticRelatedInformation,
  Location,
  type DiagnosticSeverity,
  type Range,
} from '../types';

/** Collects the findings on one global.ini. */
export class IniContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: ConfigFile) {}

  related(uri: string, range: Range, message: string): DiagnosticRelatedInformation {
    return DiagnosticRelatedInformation.create(Location.create(uri, range), message);
  }

  report(
    code: ConfigRuleCode | 'HBP140',
    range: Range,
    message: string,
    options: {
      related?: DiagnosticRelatedInformation[];
      data?: Record<string, unknown>;
      severity?: DiagnosticSeverity;
    } = {},
  ): void {
    const severity = options.severity ?? (code === 'HBP140' ? 2 : CONFIG_RULES[code].severity);
    const diagnostic = Diagnostic.create(range, message, severity, code, DIAGNOSTIC_SOURCE, options.related);
    if (options.data) diagnostic.data = options.data;
    this.diagnostics.push(diagnostic);
  }
}

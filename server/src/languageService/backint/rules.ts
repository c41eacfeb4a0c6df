import { DiagnosticSeverity } from '../types';

/** Every rule for Backint agent parameter files with its default severity. */
export const BACKINT_RULES = {
  HBB001: { severity: DiagnosticSeverity.Error, title: 'Syntax error or duplicate key (YAML/JSON)' },
  HBB002: { severity: DiagnosticSeverity.Warning, title: 'Unknown key' },
  HBB003: { severity: DiagnosticSeverity.Error, title: 'Wrong type, range or value' },
  HBB004: { severity: DiagnosticSeverity.Error, title: 'Required key missing' },
  HBB010: { severity: DiagnosticSeverity.Warning, title: 'Known pitfall of the agent' },
} as const;

export type BackintRuleCode = keyof typeof BACKINT_RULES;

import { DiagnosticSeverity } from '../types';

/** Every rule of the policy spec with its default severity. */
export const POLICY_RULES = {
  HBP001: { severity: DiagnosticSeverity.Error, title: 'YAML syntax error' },
  HBP002: { severity: DiagnosticSeverity.Error, title: 'Unknown key' },
  HBP003: { severity: DiagnosticSeverity.Error, title: 'Wrong type, enum value or pattern' },
  HBP004: { severity: DiagnosticSeverity.Error, title: 'Required key missing' },
  HBP005: { severity: DiagnosticSeverity.Error, title: 'Duplicate key' },
  HBP006: { severity: DiagnosticSeverity.Error, title: 'Invalid duration' },
  HBP007: {
    severity: DiagnosticSeverity.Error,
    title: 'Invalid time, day, day of month, cron expression or time zone',
  },
  HBP008: { severity: DiagnosticSeverity.Error, title: 'Mutually exclusive keys' },
  HBP101: { severity: DiagnosticSeverity.Error, title: 'RPO not met by the log backup interval' },
  HBP102: { severity: DiagnosticSeverity.Error, title: 'No log backups although an RPO is set' },
  HBP103: {
    severity: DiagnosticSeverity.Error,
    title: 'Log retention shorter than the longest gap between data backups',
  },
  HBP104: { severity: DiagnosticSeverity.Error, title: 'Retention shorter than the schedule interval' },
  HBP105: { severity: DiagnosticSeverity.Error, title: 'Delta backups without a full schedule' },
  HBP106: { severity: DiagnosticSeverity.Warning, title: 'Delta backups kept longer than fulls' },
  HBP107: { severity: DiagnosticSeverity.Warning, title: 'Both differential and incremental scheduled' },
  HBP108: { severity: DiagnosticSeverity.Error, title: 'Two data backups at the same minute' },
  HBP109: {
    severity: DiagnosticSeverity.Warning,
    title: 'Log retention longer than any data backup retention',
  },
  HBP110: { severity: DiagnosticSeverity.Warning, title: 'Retention in minutes (months meant?)' },
  HBP111: { severity: DiagnosticSeverity.Error, title: 'Destination incomplete' },
  HBP112: { severity: DiagnosticSeverity.Error, title: 'Invalid Backint channels' },
  HBP113: { severity: DiagnosticSeverity.Warning, title: 'Recovery chain too long' },
  HBP120: { severity: DiagnosticSeverity.Error, title: 'Provider constraint broken' },
  HBP130: { severity: DiagnosticSeverity.Information, title: 'Target system is not a configured connection' },
  HBP131: { severity: DiagnosticSeverity.Error, title: 'Database governed by two policies' },
} as const;

export type PolicyRuleCode = keyof typeof POLICY_RULES;

export const DIAGNOSTIC_SOURCE = 'hana-backup';

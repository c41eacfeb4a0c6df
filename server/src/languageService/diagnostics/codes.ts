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
  HBP140: {
    severity: DiagnosticSeverity.Warning,
    title: 'Drift between the policy and the configuration files',
  },
} as const;

export type PolicyRuleCode = keyof typeof POLICY_RULES;

/** Rules of global.ini files (layers included). */
export const CONFIG_RULES = {
  HBI001: { severity: DiagnosticSeverity.Error, title: 'Line not understood' },
  HBI002: { severity: DiagnosticSeverity.Warning, title: 'Unknown parameter' },
  HBI003: { severity: DiagnosticSeverity.Error, title: 'Wrong type or out of range' },
  HBI004: { severity: DiagnosticSeverity.Warning, title: 'Parameter set twice' },
  HBI005: { severity: DiagnosticSeverity.Error, title: 'Parameter in the wrong section' },
  HBI006: { severity: DiagnosticSeverity.Error, title: 'Parameter that does not exist' },
  HBI010: { severity: DiagnosticSeverity.Warning, title: 'HOST layer overrides a backup parameter' },
  HBI011: { severity: DiagnosticSeverity.Error, title: 'HOST layer overrides an Azure Backup parameter' },
  HBI012: { severity: DiagnosticSeverity.Information, title: 'SYSTEM and DATABASE values differ' },
  HBI020: { severity: DiagnosticSeverity.Warning, title: 'log_mode overwrite' },
  HBI021: { severity: DiagnosticSeverity.Warning, title: 'Automatic log backup off' },
  HBI022: { severity: DiagnosticSeverity.Warning, title: 'Log backup timeout unbounded' },
  HBI023: { severity: DiagnosticSeverity.Warning, title: 'Backint buffer too small for the channels' },
  HBI024: { severity: DiagnosticSeverity.Information, title: 'Linked Backint parameter file has problems' },
} as const;

export type ConfigRuleCode = keyof typeof CONFIG_RULES;

export const DIAGNOSTIC_SOURCE = 'hana-backup';

/**
 * Requests the extension sends besides LSP's own. Plain names and shapes (no LSP import), so the
 * client imports them from here.
 */
export type { PolicyFacts } from '../languageService/workspace/governanceIndex';

export const POLICY_FACTS_REQUEST = 'hanaBackup/policyFacts';

export interface PolicyFactsParams {
  system: string;
  database: string;
}

/** The policies of one file, as the live operations need them (apply, run due, prune). */
export const POLICY_OPERATIONS_REQUEST = 'hanaBackup/policyOperations';

export interface PolicyOperationsParams {
  uri: string;
}

export type { PolicyOperations } from '../languageService/operations/policyOperations';

/** Which backups a policy's schedules make due (cron code stays in the server). */
export const DUE_RUNS_REQUEST = 'hanaBackup/dueRuns';

export interface DueRunsParams {
  uri: string;
  documentIndex: number;
  /** Last successful backup per kind, ISO 8601. */
  lastSuccessful: Partial<Record<'full' | 'differential' | 'incremental' | 'snapshot', string>>;
  /** The server's clock, ISO 8601. */
  now: string;
}

export type { DueRun } from '../languageService/operations/dueRuns';

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

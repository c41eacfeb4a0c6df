/**
 * What the operations on live systems (apply policy, run due backups, prune) need of a policy file,
 * as plain data: the language service reads the YAML, the client and the CLI act on the result.
 */
import { DocumentContext } from '../diagnostics/documentContext';
import { expectationsOf, type Expectation } from '../layers/policyExpectations';
import { readPolicy, type DataKind, type PolicyModel, type Schedule } from '../model/policyModel';
import { isEmptyDocument, parsePolicyFile, type ParsedPolicyFile } from '../parsing/policyFile';
import { DEFAULT_SETTINGS, type TextDocument } from '../types';

export interface PolicyOperations {
  /** `metadata.name`, or `document <n>` for a policy without one. */
  policy: string;
  documentIndex: number;
  timezone: string;
  targets: { system: string; databases: string[] }[];
  /** DATABASE-layer global.ini values the policy implies (the mapping HBP140 uses). */
  expectations: Expectation[];
  schedules: Partial<Record<DataKind, Schedule>>;
  /** Where data backups go (`destinations.data.type`), when the policy says it. */
  dataDestination?: 'backint' | 'file';
  snapshotCommand?: string;
  retention: PolicyModel['retention'];
}

/**
 * One entry per policy document of the file. Documents with YAML errors are left out: an operation
 * that changes a live system must not act on a document that may mean something else than it shows.
 */
export function policyOperations(source: TextDocument | ParsedPolicyFile): PolicyOperations[] {
  const file = 'documents' in source ? source : parsePolicyFile(source);
  const result: PolicyOperations[] = [];
  for (const doc of file.documents) {
    if (doc.hasSyntaxErrors || isEmptyDocument(doc)) continue;
    const model = readPolicy(doc.value);
    if (!model) continue;
    // The settings only decide which connections count as configured, which no expectation uses.
    const ctx = new DocumentContext(file, doc, DEFAULT_SETTINGS);
    const dataType = model.destinations.data?.type;
    const command = model.destinations.snapshot?.command;
    result.push({
      policy: model.name ?? `document ${doc.index + 1}`,
      documentIndex: doc.index,
      timezone: model.timezone,
      targets: model.targets.map((t) => ({ system: t.system, databases: t.databases.map((d) => d.name) })),
      expectations: expectationsOf(ctx, model),
      schedules: model.schedules,
      ...(dataType === 'backint' || dataType === 'file' ? { dataDestination: dataType } : {}),
      ...(typeof command === 'string' && command ? { snapshotCommand: command } : {}),
      retention: model.retention,
    });
  }
  return result;
}

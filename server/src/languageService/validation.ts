import { DocumentContext } from './diagnostics/documentContext';
import { applySuppressions } from './diagnostics/suppressions';
import { readPolicy, type PolicyModel } from './model/policyModel';
import {
  isEmptyDocument,
  type DocumentResults,
  type ParsedPolicyFile,
  type PolicyYamlDocument,
} from './parsing/policyFile';
import { checkAzure } from './rules/azure';
import { checkDestinations } from './rules/destinations';
import { checkDuplicateKeys } from './rules/duplicateKeys';
import { checkObjectives } from './rules/objectives';
import { derivePolicyFacts } from './rules/policyFacts';
import { checkRetention } from './rules/retention';
import { checkScheduleSyntax } from './rules/scheduleSyntax';
import { checkScheduling } from './rules/scheduling';
import { checkSyntax } from './rules/syntax';
import { checkTargetConnections } from './rules/targets';
import { validateAgainstSchema } from './schema/schemaDiagnostics';
import type { Diagnostic, PolicySettings } from './types';
import { targetExpectations, type TargetExpectations } from './layers/policyExpectations';
import { driftDiagnostics } from './rules/drift';
import { governedBy, type GovernedDatabase } from './workspace/governanceIndex';
import type { WorkspaceModel } from './workspace/workspaceModel';

/** Codes that conclude from something being absent: meaningless when a syntax error hid part of the file. */
const ABSENCE_CODES = new Set(['HBP004', 'HBP102', 'HBP105', 'HBP111']);

export interface FileValidation {
  diagnostics: Diagnostic[];
  governed: GovernedDatabase[];
  targets: TargetExpectations[];
}

function runRules(ctx: DocumentContext): PolicyModel | undefined {
  checkSyntax(ctx);
  checkDuplicateKeys(ctx);
  if (ctx.doc.value === undefined) return undefined;
  validateAgainstSchema(ctx);
  checkScheduleSyntax(ctx);
  checkDestinations(ctx);
  const model = readPolicy(ctx.doc.value);
  if (!model) return undefined;
  const facts = derivePolicyFacts(model);
  checkObjectives(ctx, facts);
  checkRetention(ctx, facts);
  checkScheduling(ctx, facts);
  checkAzure(ctx, facts);
  checkTargetConnections(ctx, model);
  return model;
}

/** A document's own findings: computed once per text and settings, then kept with the document. */
function documentResults(
  file: ParsedPolicyFile,
  doc: PolicyYamlDocument,
  settings: PolicySettings,
  settingsKey: string,
): DocumentResults {
  if (doc.results?.settingsKey === settingsKey) return doc.results;
  const ctx = new DocumentContext(file, doc, settings);
  const governed: GovernedDatabase[] = [];
  const targets: TargetExpectations[] = [];
  try {
    const model = runRules(ctx);
    if (model) {
      governed.push(...governedBy(ctx, model));
      targets.push(...targetExpectations(ctx, model));
    }
  } catch (error) {
    ctx.report(
      'HBP001',
      ctx.documentHeadRange(),
      `Internal error while checking this document: ${String(error)}`,
    );
  }
  const diagnostics = doc.hasSyntaxErrors
    ? ctx.diagnostics.filter((d) => !ABSENCE_CODES.has(String(d.code)))
    : ctx.diagnostics;
  doc.results = { settingsKey, diagnostics, governed, targets };
  return doc.results;
}

/**
 * Every rule on every document of a file. A rule that throws on some unforeseen input costs its own
 * findings, never the file's other diagnostics or the server. Documents unchanged since the last
 * parse keep their findings; only HBP131, which looks across documents, is recomputed.
 */
export function validateFile(
  file: ParsedPolicyFile,
  settings: PolicySettings,
  workspace?: WorkspaceModel,
): FileValidation {
  const settingsKey = JSON.stringify(settings.connections);
  const checked = file.documents
    .filter((doc) => !(isEmptyDocument(doc) && doc.yaml.errors.length === 0))
    .map((doc) => ({ doc, results: documentResults(file, doc, settings, settingsKey) }));
  const governed = checked.flatMap(({ results }) => results.governed);
  const diagnostics: Diagnostic[] = [];
  for (const { doc, results } of checked) {
    const crossFile = workspace
      ? [
          ...workspace.governance.conflicts(
            file.uri,
            results.governed,
            governed.filter((g) => g.documentIndex !== doc.index),
          ),
          ...driftDiagnostics(results.targets, workspace, settings.connections),
        ]
      : [];
    diagnostics.push(...applySuppressions(file, doc, [...results.diagnostics, ...crossFile]));
  }
  diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { diagnostics, governed, targets: checked.flatMap(({ results }) => results.targets) };
}

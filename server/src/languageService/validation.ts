import { DocumentContext } from './diagnostics/documentContext';
import { applySuppressions } from './diagnostics/suppressions';
import { readPolicy, type PolicyModel } from './model/policyModel';
import { isEmptyDocument, type ParsedPolicyFile } from './parsing/policyFile';
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
import { governedBy, type GovernanceIndex, type GovernedDatabase } from './workspace/governanceIndex';

/** Codes that conclude from something being absent: meaningless when a syntax error hid part of the file. */
const ABSENCE_CODES = new Set(['HBP004', 'HBP102', 'HBP105', 'HBP111']);

export interface FileValidation {
  diagnostics: Diagnostic[];
  governed: GovernedDatabase[];
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

/**
 * Every rule on every document of a file. A rule that throws on some unforeseen input costs its own
 * findings, never the file's other diagnostics or the server.
 */
export function validateFile(
  file: ParsedPolicyFile,
  settings: PolicySettings,
  index?: GovernanceIndex,
): FileValidation {
  const contexts: DocumentContext[] = [];
  const governed: GovernedDatabase[] = [];
  for (const doc of file.documents) {
    if (isEmptyDocument(doc) && doc.yaml.errors.length === 0) continue;
    const ctx = new DocumentContext(file, doc, settings);
    contexts.push(ctx);
    try {
      const model = runRules(ctx);
      if (model) governed.push(...governedBy(ctx, model));
    } catch (error) {
      ctx.report(
        'HBP001',
        ctx.documentHeadRange(),
        `Internal error while checking this document: ${String(error)}`,
      );
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const ctx of contexts) {
    if (index) {
      index.reportConflicts(
        ctx,
        governed.filter((g) => g.documentIndex === ctx.doc.index),
        governed,
      );
    }
    const kept = ctx.doc.hasSyntaxErrors
      ? ctx.diagnostics.filter((d) => !ABSENCE_CODES.has(String(d.code)))
      : ctx.diagnostics;
    diagnostics.push(...applySuppressions(file, ctx.doc, kept));
  }
  diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return { diagnostics, governed };
}

import { DIAGNOSTIC_SOURCE, POLICY_RULES } from '../diagnostics/codes';
import { parameterInfo, sameValue } from '../ini/parameterCatalog';
import type { ValueSource } from '../layers/configIndex';
import { sidOfSystem, type Expectation, type TargetExpectations } from '../layers/policyExpectations';
import { Diagnostic, DiagnosticRelatedInformation, Location, type ConnectionInfo } from '../types';
import type { WorkspaceModel } from '../workspace/workspaceModel';

interface Cause {
  text: string;
  source: ValueSource;
}

function causesFor(
  expectation: Expectation,
  target: TargetExpectations,
  model: WorkspaceModel,
  connections: readonly ConnectionInfo[],
): Cause[] {
  const sid = sidOfSystem(target.system, connections);
  if (!model.config.hasSystem(sid)) return [];
  const info = parameterInfo(expectation.section, expectation.key);
  const databases = target.databases.includes('*') ? model.config.databasesOf(sid) : target.databases;
  const causes: Cause[] = [];
  for (const database of databases) {
    const effective = model.config.resolve(sid, database, expectation.section, expectation.key).database;
    if (effective && !sameValue(info, effective.value, expectation.value)) {
      causes.push({
        text: `${sid}/${database.toUpperCase()} gets ${effective.value} from the ${effective.layer} layer`,
        source: effective,
      });
    }
  }
  for (const override of model.config.resolve(sid, 'SYSTEMDB', expectation.section, expectation.key)
    .hostOverrides) {
    if (sameValue(info, override.value, expectation.value)) continue;
    causes.push({
      text: `host ${override.file.layer?.host} overrides it to ${override.value} (HOST layer) for every database on that host`,
      source: override,
    });
  }
  return causes;
}

/**
 * HBP140 on a policy: each value the policy implies, against the configuration files found for its
 * targets' systems. One diagnostic per policy value, naming every database and host that differs.
 */
export function driftDiagnostics(
  targets: TargetExpectations[],
  model: WorkspaceModel,
  connections: readonly ConnectionInfo[],
): Diagnostic[] {
  const byRange = new Map<string, { expectation: Expectation; causes: Cause[] }>();
  for (const target of targets) {
    for (const expectation of target.expectations) {
      const causes = causesFor(expectation, target, model, connections);
      if (!causes.length) continue;
      const id = `${JSON.stringify(expectation.range)}|${expectation.key}`;
      const slot = byRange.get(id) ?? { expectation, causes: [] };
      for (const cause of causes)
        if (!slot.causes.some((c) => c.text === cause.text)) slot.causes.push(cause);
      byRange.set(id, slot);
    }
  }
  return [...byRange.values()].map(({ expectation, causes }) =>
    Diagnostic.create(
      expectation.range,
      `Drift: ${expectation.said} means \`[${expectation.section}] ${expectation.key} = ${expectation.value}\`, but ${causes.map((c) => c.text).join('; ')}. Fix the configuration (Apply policy) or the policy.`,
      POLICY_RULES.HBP140.severity,
      'HBP140',
      DIAGNOSTIC_SOURCE,
      causes.map((c) =>
        DiagnosticRelatedInformation.create(
          Location.create(c.source.file.uri, c.source.entry.valueRange),
          `${c.source.entry.key} = ${c.source.value} (${c.source.layer} layer${c.source.file.layer?.host ? ` of ${c.source.file.layer.host}` : c.source.file.layer?.database ? ` of ${c.source.file.layer.database}` : ''})`,
        ),
      ),
    ),
  );
}

import type { DocumentContext } from '../diagnostics/documentContext';
import type { PolicyModel } from '../model/policyModel';

/** HBP130: a target system that is not a configured connection (only when connections are configured). */
export function checkTargetConnections(ctx: DocumentContext, model: PolicyModel): void {
  const names = ctx.settings.connections.map((connection) => connection.name);
  if (names.length === 0) return;
  for (const target of model.targets) {
    if (names.includes(target.system)) continue;
    const near = names.find((name) => name.toLowerCase() === target.system.toLowerCase());
    ctx.report(
      'HBP130',
      ctx.valueRange(['spec', 'targets', target.index, 'system']),
      near
        ? `No connection is named "${target.system}"; there is "${near}" (names are case-sensitive).`
        : `No connection is named "${target.system}" (configured: ${names.map((n) => `"${n}"`).join(', ')}). Add a connection so the policy can be applied and checked against the live system.`,
      { data: { system: target.system, proposal: near } },
    );
  }
}

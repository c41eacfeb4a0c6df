import { findKey } from '../catalog';
import { closestName } from '../proposal';
import { entryFor, isEmptyValue } from './entries';
import type { BackintContext } from './report';

/** HBB002: keys the agent does not document, with the closest known key when one is near. */
export function checkUnknownKeys(ctx: BackintContext): void {
  const catalog = ctx.catalog;
  if (!catalog?.validatesKeys) return;
  const names = catalog.keys.map((key) => key.name);
  const present = new Set(ctx.file.entries.map((entry) => findKey(catalog, entry.key)?.name).filter(Boolean));
  for (const entry of ctx.file.entries) {
    if (findKey(catalog, entry.key)) continue;
    const proposal = closestName(entry.key, names);
    const hint = proposal
      ? present.has(proposal)
        ? ` It looks like \`${proposal}\`, which is already set: remove this line if it is a leftover.`
        : ` Did you mean \`${proposal}\`?`
      : ' Check the spelling against the agent documentation, or remove it.';
    ctx.report(
      'HBB002',
      ctx.range(entry.keyStart, entry.keyEnd),
      `Unknown key \`${entry.key}\`: the ${catalog.agent} documents no such key.${hint}`,
      { key: entry.key, proposal, proposalPresent: proposal ? present.has(proposal) : undefined },
    );
  }
}

function example(kind: string, name: string): string {
  return kind === 'gcp' ? `"${name}": "…"` : `${name}: …`;
}

/**
 * HBB004: required keys, missing or empty. Skipped while the file has syntax errors: a key after the
 * error may simply not have been read.
 */
export function checkRequiredKeys(ctx: BackintContext): void {
  const { catalog, file } = ctx;
  if (!catalog || file.notAMapping || file.syntax.some((problem) => !problem.duplicateKey)) return;
  for (const key of catalog.keys.filter((k) => k.required)) {
    const entry = entryFor(file, catalog, key.name);
    if (!entry) {
      ctx.report(
        'HBB004',
        ctx.headRange(),
        `Required key \`${key.name}\` is missing: the ${catalog.agent} cannot run without it. Add \`${example(file.kind, key.name)}\`.`,
        { missing: key.name },
      );
    } else if (isEmptyValue(entry)) {
      const end = entry.value && entry.value.end > entry.value.start ? entry.value.end : entry.keyEnd;
      ctx.report(
        'HBB004',
        ctx.range(entry.keyStart, end),
        `Required key \`${key.name}\` has no value: the ${catalog.agent} cannot run without it. Fill it in.`,
        { missing: key.name, empty: true },
      );
    }
  }
}

import { isMap, isScalar, type Node } from 'yaml';
import { yamlItems } from '../parsing/yamlNodes';
import type { DocumentContext } from '../diagnostics/documentContext';
import { DiagnosticRelatedInformation } from '../types';

/** HBP005: a key written twice in one mapping; YAML would silently keep only the last one. */
export function checkDuplicateKeys(ctx: DocumentContext): void {
  for (const map of yamlItems(ctx.doc.yaml)) {
    if (!isMap(map)) continue;
    const first = new Map<string, Node>();
    for (const pair of map.items) {
      if (!isScalar(pair.key) || pair.key.value === '<<') continue;
      const name = String(pair.key.value);
      const earlier = first.get(name);
      if (!earlier) {
        first.set(name, pair.key);
        continue;
      }
      const range = pair.key.range!;
      const earlierRange = ctx.rangeOfOffsets(earlier.range![0], earlier.range![1]);
      ctx.report(
        'HBP005',
        ctx.rangeOfOffsets(range[0], range[1]),
        `Duplicate key \`${name}\`: YAML keeps only this one and ignores the \`${name}\` written earlier in the same mapping. Remove one of them.`,
        { related: [DiagnosticRelatedInformation.create(ctx.location(earlierRange), `first \`${name}\``)] },
      );
    }
  }
}

import { distance } from 'fastest-levenshtein';

// Case, `_` and `-` are the usual slips between these naming styles (S3BucketName, log_level, logLevel).
const squash = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** The known name closest to `name`, if one is close enough to be what was meant. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const target = squash(name);
  if (!target) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(target, squash(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : undefined;
}

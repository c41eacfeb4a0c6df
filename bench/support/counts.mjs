// Counting diagnostics by code.

/** Diagnostics per code (per source where a diagnostic has no code), in order of first appearance. */
export function countCodes(diagnostics) {
  const counts = {};
  for (const d of diagnostics) {
    const key = d.code === undefined ? (d.source ?? 'other') : String(d.code);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function sortedByKey(counts) {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

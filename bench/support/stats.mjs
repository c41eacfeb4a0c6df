// Statistics over timing samples.

/** Two decimals: the precision of every figure the benchmarks print and write. */
export const round = (x) => Math.round(x * 100) / 100;

export function percentile(sorted, p) {
  // Nearest rank: p95 of 30 samples is the 29th, an observed value rather than an interpolation.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0]),
    max: round(sorted[sorted.length - 1]),
  };
}

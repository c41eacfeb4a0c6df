// Times collected per feature (or LSP step), summarised as median, p99 and max.

export interface Summary {
  count: number;
  median: number;
  p99: number;
  max: number;
}

function percentile(sorted: Float64Array, fraction: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] : 0;
}

export function summarise(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    median: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : 0,
  };
}

export class Timings {
  private readonly samples = new Map<string, number[]>();

  add(name: string, ms: number): void {
    const list = this.samples.get(name);
    if (list) list.push(ms);
    else this.samples.set(name, [ms]);
  }

  /** Names in the order first seen, each with its summary. */
  rows(): [string, Summary][] {
    return [...this.samples].map(([name, values]) => [name, summarise(values)]);
  }
}

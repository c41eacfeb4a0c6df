import type { BackintEntry, SyntaxProblem } from '../model';

/**
 * Collects a file's entries in order, reporting a key written twice (on the second, pointing at the
 * first) with the agent-specific reason why that is a problem.
 */
export class EntryCollector {
  private readonly seen = new Map<string, BackintEntry>();

  constructor(
    private readonly entries: BackintEntry[],
    private readonly syntax: SyntaxProblem[],
    private readonly duplicateReason: string,
  ) {}

  add(entry: BackintEntry): void {
    const first = this.seen.get(entry.key);
    if (first) {
      this.syntax.push({
        start: entry.keyStart,
        end: entry.keyEnd,
        message: `\`${entry.key}\` is set twice: ${this.duplicateReason}. Remove one of them.`,
        firstAt: { start: first.keyStart, end: first.keyEnd },
        duplicateKey: entry.key,
      });
    } else {
      this.seen.set(entry.key, entry);
    }
    this.entries.push(entry);
  }
}

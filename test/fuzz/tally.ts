// Everything a run counts: inputs by kind and mode, times per feature and per input, the codes
// reached, and the failures with the inputs that caused them.
import type { Outcome } from './exercise';
import type { FuzzInput } from './inputs';
import type { LspOutcome } from './lspDriver';
import type { Problem } from './problems';
import { Timings } from './stats';

export class Tally {
  readonly kinds = new Map<string, number>();
  readonly modes = new Map<string, number>();
  lspInputs = 0;
  /** Inputs over the deadline once and within it when run again (counted, not failed), both sides. */
  slowOnce = 0;
  readonly service = new Timings();
  readonly lsp = new Timings();
  readonly sizes: number[] = [];
  readonly perInput: number[] = [];
  readonly perLspInput: number[] = [];
  readonly codes = new Set<string>();
  /** Problems by input index. */
  readonly failures = new Map<number, Problem[]>();
  readonly unhandled: string[] = [];

  counted(input: FuzzInput): void {
    this.kinds.set(input.kind, (this.kinds.get(input.kind) ?? 0) + 1);
    this.modes.set(input.mode, (this.modes.get(input.mode) ?? 0) + 1);
    this.sizes.push(input.text.length);
  }

  serviceOutcome(outcome: Outcome): void {
    for (const [feature, ms] of outcome.timings) this.service.add(feature, ms);
    this.perInput.push(outcome.totalMs);
    if (outcome.slowOnce) this.slowOnce++;
    for (const code of outcome.codes) this.codes.add(code);
    this.failed(outcome.index, outcome.problems);
  }

  lspOutcome(index: number, outcome: LspOutcome): void {
    this.lspInputs++;
    for (const [step, ms] of outcome.timings) this.lsp.add(step, ms);
    this.perLspInput.push(outcome.timings.reduce((sum, [, ms]) => sum + ms, 0));
    if (outcome.slowOnce) this.slowOnce++;
    this.failed(index, outcome.problems);
  }

  private failed(index: number, problems: Problem[]): void {
    if (problems.length) this.failures.set(index, [...(this.failures.get(index) ?? []), ...problems]);
  }

  problemsOfKind(kind: Problem['kind']): number {
    return [...this.failures.values()].flat().filter((problem) => problem.kind === kind).length;
  }
}

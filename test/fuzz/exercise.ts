// One input through every feature of the language service the editor and the commands use, each call
// timed and any exception caught, in a workspace holding the example files. The workspace is put back
// as it was afterwards, so that inputs do not depend on one another.
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_SETTINGS,
  HanaBackupLanguageService,
  TextDocument,
  type Diagnostic,
  type PolicySettings,
} from '../../server/src/languageService';
import { LANGUAGE_IDS } from '../../server/src/languageService/fileKinds';
import { dueRuns, type DueRun } from '../../server/src/languageService/operations/dueRuns';
import type { PolicyOperations } from '../../server/src/languageService/operations/policyOperations';
import { EXAMPLES } from './corpus';
import type { FuzzInput } from './inputs';
import { DEADLINE_MS, describeError, type Problem } from './problems';

export type Feature =
  | 'index'
  | 'validate'
  | 'affected'
  | 'codeActions'
  | 'completion'
  | 'hover'
  | 'symbols'
  | 'folding'
  | 'links'
  | 'operations'
  | 'quickFix'
  | 'restore';

export interface Outcome {
  index: number;
  timings: [Feature, number][];
  totalMs: number;
  problems: Problem[];
  /** Diagnostic codes the input produced, to see which rules the fuzzer reaches. */
  codes: string[];
  /** Over the deadline the first time, within it when run again. */
  slowOnce: boolean;
}

const WORKSPACE = 'file:///fuzz/workspace/';
const NOW = new Date('2026-11-22T12:00:00Z');
/** Connections for the examples' systems: with them HBP130 speaks and targets resolve by SID. */
const CONNECTED: PolicySettings = {
  connections: [
    { name: 'ERP', sid: 'ERP', databases: ['SYSTEMDB', 'ERP'] },
    { name: 'CRM', databases: ['SYSTEMDB', 'CRM'] },
  ],
};

/**
 * Run Due Backups' answer. dueRuns refuses an unknown zone or an invalid schedule with a RangeError by
 * contract (the command shows it); any other exception is a crash.
 */
function dueRunsOf(schedules: PolicyOperations['schedules'], timezone: string): DueRun[] {
  try {
    return dueRuns(schedules, timezone, {}, NOW);
  } catch (error) {
    if (error instanceof RangeError && /^(The \w+ schedule is not|Unknown time zone)/.test(error.message))
      return [];
    throw error;
  }
}

export class ServiceBench {
  private readonly service = new HanaBackupLanguageService();

  constructor() {
    for (const example of EXAMPLES) this.service.indexDocument(this.closed(example.path, example.text));
  }

  /** A file as the server reads it from disk: no language id, the path decides. */
  private closed(path: string, text: string): TextDocument {
    return TextDocument.create(WORKSPACE + path, '', 0, text);
  }

  /**
   * Every feature on the input. One that takes over the deadline runs again: a machine shared with
   * other work stalls now and then, and a hang is an input that is slow both times.
   */
  run(input: FuzzInput): Outcome {
    const first = this.attempt(input);
    if (first.totalMs <= DEADLINE_MS) return { index: input.index, ...first, slowOnce: false };
    const again = this.attempt(input);
    if (again.totalMs <= DEADLINE_MS) return { index: input.index, ...first, slowOnce: true };
    const [feature, ms] = again.timings.reduce((slowest, timing) =>
      timing[1] > slowest[1] ? timing : slowest,
    );
    const hang: Problem = {
      feature: 'input',
      kind: 'hang',
      message: `took ${first.totalMs.toFixed(0)} ms, then ${again.totalMs.toFixed(0)} ms (over ${DEADLINE_MS} ms); slowest: ${feature} ${ms.toFixed(0)} ms`,
    };
    return { index: input.index, ...first, problems: [...first.problems, hang], slowOnce: false };
  }

  private attempt(input: FuzzInput): Omit<Outcome, 'index' | 'slowOnce'> {
    const uri = WORKSPACE + input.path;
    const settings = input.connections ? CONNECTED : DEFAULT_SETTINGS;
    const open = (text: string, version: number) =>
      TextDocument.create(uri, LANGUAGE_IDS[input.kind], version, text);
    const timings: [Feature, number][] = [];
    const problems: Problem[] = [];
    const started = performance.now();
    const timed = <T>(feature: Feature, call: () => T): T | undefined => {
      const start = performance.now();
      try {
        return call();
      } catch (error) {
        problems.push({ feature, kind: 'crash', message: describeError(error) });
        return undefined;
      } finally {
        timings.push([feature, performance.now() - start]);
      }
    };

    // As the server sees a file: read from disk at start, opened, edited into the input, read from
    // disk again once saved, and one of its quick fixes applied.
    const before = input.before;
    timed('index', () => this.service.indexDocument(this.closed(input.path, before ?? input.text), settings));
    if (before !== undefined)
      timed('validate', () => this.service.validateWithImpact(open(before, 1), settings));
    const document = open(input.text, 2);
    const result = timed('validate', () => this.service.validateWithImpact(document, settings));
    const diagnostics: Diagnostic[] = result?.diagnostics ?? [];
    const codes = new Set(diagnostics.map((d) => String(d.code)));
    for (const code of timed('affected', () => this.revalidate(result?.affected ?? [], settings)) ?? [])
      codes.add(code);
    const actions = timed('codeActions', () => this.service.codeActions(document, diagnostics)) ?? [];
    for (const offset of input.offsets) {
      const position = document.positionAt(offset);
      timed('completion', () => this.service.complete(document, position, settings));
      timed('hover', () => this.service.hover(document, position, settings, NOW));
    }
    timed('symbols', () => this.service.documentSymbols(document));
    timed('folding', () => this.service.foldingRanges(document));
    timed('links', () => this.service.documentLinks(document));
    timed('operations', () =>
      this.service.policyOperations(document).map((policy) => dueRunsOf(policy.schedules, policy.timezone)),
    );
    if (before !== undefined)
      timed('index', () => this.service.indexDocument(this.closed(input.path, input.text), settings));
    // One quick fix (a different one from input to input) is applied as the editor applies it,
    // overlapping edits refused, and the result checked again.
    const edits = actions[input.index % Math.max(1, actions.length)]?.edit?.changes?.[uri];
    if (edits?.length)
      timed('quickFix', () =>
        this.service.validateWithImpact(open(TextDocument.applyEdits(document, edits), 3), settings),
      );
    timed('restore', () => this.restore(uri, input.path, settings));
    return { timings, totalMs: performance.now() - started, problems, codes: [...codes] };
  }

  /**
   * Checks the example files whose cross-file findings the input may have changed, as the server
   * re-checks them; returns the codes found there.
   */
  private revalidate(uris: readonly string[], settings: PolicySettings): string[] {
    return uris.flatMap((uri) => {
      const example = EXAMPLES.find((file) => WORKSPACE + file.path === uri);
      if (!example) return [];
      const document = TextDocument.create(uri, LANGUAGE_IDS[example.kind], 0, example.text);
      const { diagnostics } = this.service.validateWithImpact(document, settings);
      // Its parse would otherwise be reused by a later input at its place.
      this.service.release(uri);
      return diagnostics.map((d) => String(d.code));
    });
  }

  /** Forgets the fuzzed file, or puts the example back where it replaced one, as a closed file. */
  private restore(uri: string, path: string, settings: PolicySettings): void {
    this.service.remove(uri, settings);
    const example = EXAMPLES.find((file) => file.path === path);
    if (example) this.service.indexDocument(this.closed(path, example.text), settings);
  }
}

// Inputs through the built LSP server (dist/server.js) as an editor sends them: open the file, edit it
// into the input, ask for completion, hover, quick fixes, outline and folding, close it. One server for
// the whole run: it must stay alive and answer every request within the deadline.
import { performance } from 'node:perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LANGUAGE_IDS } from '../../server/src/languageService/fileKinds';
import { LspSession, type OpenDocument } from '../lsp/support/lspClient';
import type { FuzzInput } from './inputs';
import { DEADLINE_MS, describeError, type Problem } from './problems';

export interface LspOutcome {
  timings: [string, number][];
  problems: Problem[];
  /** An answer over the deadline the first time, all within it when sent again. */
  slowOnce: boolean;
}

/** How long a step may take before the server counts as stuck on it. */
const STUCK_MS = 15_000;
const SETTINGS = {
  connections: [
    { name: 'ERP', host: 'erphana1', port: 31013, sid: 'ERP', databases: ['SYSTEMDB', 'ERP'] },
    { name: 'CRM', host: 'crmhana1', port: 30013, databases: ['SYSTEMDB', 'CRM'] },
  ],
  // Validate at once after each change: the fuzzer waits for every version's diagnostics.
  validate: { delay: 0 },
};

/** Steps answered after the deadline but before the server counted as stuck (a problem already). */
function slowSteps(outcome: Omit<LspOutcome, 'slowOnce'>): [string, number][] {
  return outcome.timings.filter(([, ms]) => ms > DEADLINE_MS && ms < STUCK_MS);
}

/** One edit turning `document`'s text into `after`, as an editor sends a paste; never inside a CRLF. */
function editTo(document: TextDocument, after: string) {
  const before = document.getText();
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  if (start > 0 && before[start - 1] === '\r') start--;
  if (end > 0 && before[before.length - end] === '\n') end--;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    text: after.slice(start, after.length - end),
  };
}

export class LspDriver {
  /** Times the server had to be started again because it had exited. */
  exits = 0;

  private constructor(private session: LspSession) {}

  static async start(): Promise<LspDriver> {
    return new LspDriver(await LspDriver.session());
  }

  private static session(): Promise<LspSession> {
    return LspSession.start({ settings: SETTINGS, folderPrefix: 'hana-backup-fuzz-' });
  }

  get pid(): number | undefined {
    return this.session.child.pid;
  }

  /**
   * The input through the server. An answer over the deadline sends the input again: a machine shared
   * with other work stalls now and then, and a hang is an answer that is slow both times.
   */
  async run(input: FuzzInput): Promise<LspOutcome> {
    const first = await this.attempt(input);
    if (!slowSteps(first).length || first.problems.length) return { ...first, slowOnce: false };
    const again = await this.attempt(input);
    const slow = slowSteps(again);
    if (!slow.length) return { ...first, slowOnce: true };
    const hangs = slow.map(([step, ms]): Problem => ({
      feature: `lsp:${step}`,
      kind: 'hang',
      message: `answered after ${ms.toFixed(0)} ms, twice over ${DEADLINE_MS} ms`,
    }));
    return { timings: first.timings, problems: [...first.problems, ...hangs], slowOnce: false };
  }

  private async attempt(input: FuzzInput): Promise<Omit<LspOutcome, 'slowOnce'>> {
    const timings: [string, number][] = [];
    const problems: Problem[] = [];
    const logged = this.session.logMessages.length;
    const step = async <T>(name: string, call: () => Promise<T>): Promise<T | undefined> => {
      const start = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const stuck = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${STUCK_MS} ms`)), STUCK_MS);
      });
      try {
        return await Promise.race([call(), stuck]);
      } catch (error) {
        const hang = this.session.alive && performance.now() - start >= STUCK_MS;
        problems.push({
          feature: `lsp:${name}`,
          kind: hang ? 'hang' : 'crash',
          message: describeError(error),
        });
        return undefined;
      } finally {
        clearTimeout(timer);
        timings.push([name, performance.now() - start]);
      }
    };

    const opening = this.session.open(input.path, input.before ?? '', LANGUAGE_IDS[input.kind]);
    const open = await step('open', async () => {
      const opened = await opening;
      await this.session.diagnosticsOf(opened, STUCK_MS);
      return opened;
    });
    if (open) await this.exercise(open, input, step);
    const sent = await opening.catch(() => undefined);
    // A server that dies meanwhile fails the close too; its exit is reported below.
    if (sent && this.session.alive) await this.session.close(sent).catch(() => undefined);
    for (const message of this.session.logMessages.slice(logged))
      if (/failed|error/i.test(message)) problems.push({ feature: 'lsp:log', kind: 'crash', message });
    if (!this.session.alive) await this.replaceDeadServer(problems);
    return { timings, problems };
  }

  private async exercise(
    open: OpenDocument,
    input: FuzzInput,
    step: <T>(name: string, call: () => Promise<T>) => Promise<T | undefined>,
  ): Promise<void> {
    const diagnostics = await step('change', async () => {
      await this.session.change(open, [editTo(open.document, input.text)]);
      return this.session.diagnosticsOf(open, STUCK_MS);
    });
    for (const offset of input.offsets) {
      const position = open.document.positionAt(offset);
      await step('completion', () => this.session.completion(open, position));
      await step('hover', () => this.session.hover(open, position));
    }
    await step('codeAction', () => this.session.codeActions(open, diagnostics ?? []));
    await step('symbols', () => this.session.documentSymbols(open));
    await step('folding', () => this.session.foldingRanges(open));
  }

  private async replaceDeadServer(problems: Problem[]): Promise<void> {
    const exit = await this.session.exited;
    problems.push({
      feature: 'lsp:server',
      kind: 'crash',
      message: `the server exited (${JSON.stringify(exit)}): ${this.session.errorOutput.slice(-2000)}`,
    });
    this.exits++;
    await this.session.dispose();
    this.session = await LspDriver.session();
  }

  async stop(): Promise<void> {
    await this.session.dispose();
  }
}

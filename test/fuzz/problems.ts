// What the fuzzer holds against an input, shared by the language-service and the LSP side.

/** Longest an input may take through every feature (and an LSP answer may take) before it is a hang. */
export const DEADLINE_MS = 1_000;

export interface Problem {
  /** A feature of the language service, an LSP step (`lsp:…`), or `input` for the whole input. */
  feature: string;
  kind: 'crash' | 'hang';
  message: string;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

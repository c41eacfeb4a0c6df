// Command line of the fuzzer: `--count N --seed S [--start I] [--lsp-share F]`; a later option wins,
// so `npm run fuzz -- --count 10` overrides the script's own count.

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Index of the first input: with `--count 1`, one input of a run exactly as the run had it. */
  start: number;
  /** Fraction of the inputs that also go through the LSP server. */
  lspShare: number;
}

const USAGE = 'usage: run.ts --count N [--seed S] [--start I] [--lsp-share F (0..1)]';

export function parseOptions(argv: readonly string[]): FuzzOptions {
  const options: FuzzOptions = { count: 1000, seed: Date.now() % 1_000_000, start: 0, lspShare: 0.05 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], Number(argv[i + 1])];
    const max = name === '--lsp-share' ? 1 : Number.MAX_SAFE_INTEGER;
    if (!(value >= 0 && value <= max)) throw new Error(`${name}: not a number in 0..${max}\n${USAGE}`);
    if (name === '--count') options.count = Math.floor(value);
    else if (name === '--seed') options.seed = Math.floor(value);
    else if (name === '--start') options.start = Math.floor(value);
    else if (name === '--lsp-share') options.lspShare = value;
    else throw new Error(`unknown option ${name}\n${USAGE}`);
  }
  return options;
}

// A failing input kept under test-results/fuzz/ as the file it was (and the original it was edited
// from), with what went wrong and the command that runs it again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FuzzInput } from './inputs';
import type { Problem } from './problems';

export const FAILURE_FOLDER = path.resolve(__dirname, '..', '..', 'test-results', 'fuzz');

export function replayCommand(seed: number, index: number): string {
  return `node --import tsx test/fuzz/run.ts --seed ${seed} --start ${index} --count 1 --lsp-share 1`;
}

/** Writes the input and a JSON description next to it; returns the input's file. */
export function saveFailure(seed: number, input: FuzzInput, problems: Problem[]): string {
  fs.mkdirSync(FAILURE_FOLDER, { recursive: true });
  const stem = path.join(FAILURE_FOLDER, `seed-${seed}-input-${input.index}`);
  const file = `${stem}-${path.basename(input.path)}`;
  fs.writeFileSync(file, input.text);
  if (input.before !== undefined)
    fs.writeFileSync(`${stem}-before-${path.basename(input.path)}`, input.before);
  const { index, kind, mode, offsets, connections } = input;
  const description = { seed, index, kind, mode, path: input.path, offsets, connections, problems };
  fs.writeFileSync(
    `${stem}.json`,
    JSON.stringify({ ...description, replay: replayCommand(seed, index) }, null, 2),
  );
  return file;
}

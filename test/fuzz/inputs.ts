// The fuzzer's inputs: input i of seed S is always the same file, so one failing input is found again
// with `--seed S --start i --count 1`, whatever ran before it.
import * as fc from 'fast-check';
import type { FileKind } from '../../server/src/languageService';
import { EXAMPLES, PLACES } from './corpus';
import { awsFile, gcpFile, utlFile } from './generators/backint';
import { iniFile } from './generators/ini';
import { policyFile } from './generators/policy';
import { mutantOf } from './mutators';

export type InputMode = 'generated' | 'mutated';

export interface FuzzInput {
  index: number;
  kind: FileKind;
  mode: InputMode;
  /** Where the file is, relative to the workspace folder. */
  path: string;
  /** A mutated input's sound original: the editor opens it, then the edit turns it into `text`. */
  before?: string;
  text: string;
  /** Where completion and hover are asked for. */
  offsets: number[];
  /** Whether the workspace has connections configured (HBP130 speaks, targets resolve by SID). */
  connections: boolean;
}

const GENERATED: Record<FileKind, fc.Arbitrary<string>> = {
  policy: policyFile,
  ini: iniFile,
  'backint-aws': awsFile,
  'backint-gcp': gcpFile,
  'backint-utl': utlFile,
};

const KINDS = fc.oneof(
  { weight: 4, arbitrary: fc.constant<FileKind>('policy') },
  { weight: 3, arbitrary: fc.constant<FileKind>('ini') },
  { weight: 1, arbitrary: fc.constant<FileKind>('backint-aws') },
  { weight: 1, arbitrary: fc.constant<FileKind>('backint-gcp') },
  { weight: 1, arbitrary: fc.constant<FileKind>('backint-utl') },
);

/** Text that is no file of any kind: what a wrong association or a binary file opens as. */
const noise = fc.string({ unit: 'binary', maxLength: 2000 });

const donors = fc.oneof(...Object.values(GENERATED), fc.constantFrom(...EXAMPLES.map((e) => e.text)));

function seedsOf(kind: FileKind): fc.Arbitrary<string> {
  const examples = EXAMPLES.filter((example) => example.kind === kind).map((example) => example.text);
  return examples.length ? fc.oneof(fc.constantFrom(...examples), GENERATED[kind]) : GENERATED[kind];
}

function textOf(kind: FileKind, mode: InputMode): fc.Arbitrary<{ before?: string; text: string }> {
  if (mode === 'generated')
    return fc
      .oneof({ weight: 19, arbitrary: GENERATED[kind] }, { weight: 1, arbitrary: noise })
      .map((text) => ({ text }));
  return seedsOf(kind).chain((before) => mutantOf(before, donors).map((text) => ({ before, text })));
}

const input = fc
  .record({
    kind: KINDS,
    mode: fc.constantFrom<InputMode>('generated', 'mutated'),
    place: fc.nat(),
    connections: fc.boolean(),
  })
  .chain(({ kind, mode, place, connections }) =>
    textOf(kind, mode).chain(({ before, text }) =>
      fc.array(fc.nat(text.length), { minLength: 3, maxLength: 3 }).map((inside) => ({
        kind,
        mode,
        path: PLACES[kind][place % PLACES[kind].length],
        ...(before === undefined ? {} : { before }),
        text,
        offsets: [0, ...inside, text.length],
        connections,
      })),
    ),
  );

/** A 32-bit hash (murmur3's finaliser): neighbouring indexes get unrelated streams. */
export function mix(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function inputAt(seed: number, index: number): FuzzInput {
  const [value] = fc.sample(input, { seed: mix(mix(seed) ^ index) | 0, numRuns: 1 });
  return { index, ...value };
}

/** Whether input `index` also goes through the LSP server: a `share` of all inputs, spread evenly. */
export function throughLsp(seed: number, index: number, share: number): boolean {
  return mix(mix(seed + 1) ^ index) / 2 ** 32 < share;
}

// Small edits that break a sound file the way typing and bad pastes do, shared by the unit property
// tests and the fuzzer (test/fuzz).
import * as fc from 'fast-check';

/** Characters that end, open or confuse a YAML, JSON or ini construct. */
export const HOSTILE_CHARACTERS = '{}[]":,#\'\n\r\t -|>&*!%@`=\\0123456789aZ_';

/** Replace `remove` characters at `at` with `insert`. */
export type Splice = [at: number, remove: number, insert: string];

/** Up to four splices anywhere in a text of `length` characters, inserting hostile or any characters. */
export function splices(length: number, maxRemove = 12): fc.Arbitrary<Splice[]> {
  const hostile = fc
    .array(fc.constantFrom(...HOSTILE_CHARACTERS.split('')), { maxLength: 8 })
    .map((chars) => chars.join(''));
  const splice = fc.tuple(fc.nat(length), fc.nat(maxRemove), fc.oneof(hostile, fc.string({ maxLength: 8 })));
  return fc.array(splice, { minLength: 1, maxLength: 4 });
}

export function applySplices(text: string, edits: readonly Splice[]): string {
  let result = text;
  for (const [at, remove, insert] of edits) result = result.slice(0, at) + insert + result.slice(at + remove);
  return result;
}

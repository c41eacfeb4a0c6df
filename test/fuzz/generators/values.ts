// Leaf values every generator mixes in: what parsers, number readers and name lookups get wrong.
import * as fc from 'fast-check';

const AWKWARD = [
  '',
  '0',
  '-1',
  '007',
  '1.5',
  '1e309',
  '4294967296',
  '99999999999999999999',
  'NaN',
  '.inf',
  '0x1F',
  '~',
  'null',
  'true',
  'TRUE',
  'yes',
  'no',
  '"',
  "'",
  '{',
  '[',
  '}',
  '&a',
  '*a',
  '<<: *a',
  '!!binary',
  '!!str',
  '? ',
  '|',
  '>-',
  '#',
  ' = ',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '😀',
  'Straße',
  '\r',
  '\t',
  '$(DIR_INSTANCE)',
  '24:00',
  '1:00',
  '31',
  '32',
  'last',
  '*/5 * * * *',
  '0 0 L * *',
  '0 0 * * 5#2',
  'Europe/Nowhere',
  '12m',
  '0s',
  '1mo',
  '999999999y',
  'SYSTEMDB',
  '*',
];

/** A scalar picked to break something: a type confusion, an unfinished construct, odd Unicode. */
export const awkwardScalar: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.nat(3000).map((n) => 'x'.repeat(n)) },
);

/** A value of the wrong shape altogether, for where a schema or catalog expects something else. */
export const wrongShape: fc.Arbitrary<unknown> = fc.oneof(
  awkwardScalar,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.array(awkwardScalar, { maxLength: 3 }),
  fc.dictionary(awkwardScalar, awkwardScalar, { maxKeys: 2 }),
);

/** A near miss of a known name: a character dropped, doubled or changed, or the case changed. */
export function misspelt(name: string): fc.Arbitrary<string> {
  if (name.length === 0) return fc.constant('_');
  return fc
    .tuple(fc.nat(name.length - 1), fc.constantFrom('drop', 'double', 'change', 'case'))
    .map(([at, how]) => {
      if (how === 'drop') return name.slice(0, at) + name.slice(at + 1);
      if (how === 'double') return name.slice(0, at + 1) + name.slice(at);
      if (how === 'change') return `${name.slice(0, at)}${name[at] === 'x' ? 'y' : 'x'}${name.slice(at + 1)}`;
      return name === name.toUpperCase() ? name.toLowerCase() : name.toUpperCase();
    });
}

/** Mostly `usual`, now and then a wrong value of any shape. */
export function mostly<T>(usual: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 30, arbitrary: usual }, { weight: 1, arbitrary: wrongShape });
}

/** `value` one time in `oneIn`, otherwise null. */
export function sometimes<T>(value: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });
}

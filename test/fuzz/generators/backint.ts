// Backint parameter files generated from the agents' key catalogs: AWS YAML, Google JSON and `KEY value`
// lines (IBM and other agents), with required keys left out, unknown and misspelt keys, and values of
// the documented types, out of range or of another type.
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import {
  AWS_CATALOG,
  camelCase,
  GCP_CATALOG,
  IBM_CATALOG,
  VENDOR_CATALOGS,
  type BackintCatalog,
  type BackintKeyInfo,
} from '../../../server/src/languageService/backint/catalog';
import { mostly, misspelt, sometimes } from './values';

function valueOf(key: BackintKeyInfo): fc.Arbitrary<unknown> {
  const min = key.min ?? 0;
  const max = key.cap ?? key.max ?? min + 1000;
  switch (key.type) {
    case 'int':
      return fc.integer({ min: min - 2, max: max + 2 });
    case 'float':
      return fc.double({ min: min - 1, max: max + 1, noNaN: true });
    case 'bool':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'yes', 'False'));
    case 'enum':
      return fc.constantFrom(...(key.values ?? []), 'unknown');
    case 'map':
      return fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 });
    case 'path':
      return fc.constantFrom('/hana/shared/backint/agent.log', 'relative/file', '');
    default:
      return key.length
        ? fc.string({ minLength: key.length - 1, maxLength: key.length + 1 })
        : fc.oneof(fc.string({ maxLength: 12 }), fc.constant('210987654321'));
  }
}

/** Key/value pairs of a catalog: each key a third of the time, required ones nearly always. */
function entries(catalog: BackintCatalog, spell: (name: string) => fc.Arbitrary<string>) {
  const pairs = catalog.keys.map((key) => {
    const pair = fc.tuple(spell(key.name), mostly(valueOf(key)));
    return key.required ? fc.option(pair, { freq: 20 }) : sometimes(pair, 3);
  });
  const stray = fc.tuple(
    fc.constantFrom(...catalog.keys.map((key) => key.name)).chain(misspelt),
    mostly(fc.nat()),
  );
  return fc
    .tuple(fc.tuple(...pairs), fc.array(stray, { maxLength: 1 }), fc.boolean())
    .map(([found, strays, shuffled]) => {
      const all = [...found.filter((pair) => pair !== null), ...strays];
      return shuffled ? all.reverse() : all;
    });
}

const exact = (name: string) => fc.constant(name);

export const awsFile: fc.Arbitrary<string> = fc
  .tuple(entries(AWS_CATALOG, exact), fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'flow'>)
  .map(([pairs, collectionStyle]) => stringify(Object.fromEntries(pairs), { collectionStyle, lineWidth: 0 }));

export const gcpFile: fc.Arbitrary<string> = fc
  .tuple(
    entries(GCP_CATALOG, (name) => fc.constantFrom(name, camelCase(name))),
    fc.constantFrom(0, 2, '\t'),
    fc.constantFrom('', ',', ' // comment'),
  )
  .map(([pairs, indent, trailer]) => {
    const json = JSON.stringify(Object.fromEntries(pairs), null, indent);
    return trailer ? json.replace(/\n?}$/, `${trailer}\n}`) : json;
  });

function asText(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** IBM's keys for `init<SID>.utl`, another agent's for any other `.utl`/`.par`; the place decides. */
export const utlFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(IBM_CATALOG, ...VENDOR_CATALOGS).chain((catalog) => entries(catalog, exact)),
    fc.constantFrom(' ', '\t', '  ', '=', ''),
    fc.array(fc.constantFrom('# comment', '', '   ', 'KEY_ONLY'), { maxLength: 2 }),
  )
  .map(([pairs, separator, extra]) =>
    [...pairs.map(([key, value]) => `${key}${separator}${asText(value)}`), ...extra].join('\n'),
  );

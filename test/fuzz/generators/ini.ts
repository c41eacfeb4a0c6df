// global.ini files generated from the parameter catalog: HANA's header, layer directives, sections
// with catalogued, misplaced, invented and misspelt parameters, values in and out of range, and the
// spacing, comment and line-ending habits of hand-edited files.
import * as fc from 'fast-check';
import {
  PARAMETERS,
  WRONG_NAMES,
  type ParameterInfo,
} from '../../../server/src/languageService/ini/parameterCatalog';
import { BACKINT_FILE_PATHS } from '../corpus';
import { awkwardScalar, misspelt, sometimes } from './values';

const SECTIONS = ['backup', 'persistence', 'system_replication', 'communication', 'Backup', ''];

function valueOf(parameter: ParameterInfo): fc.Arbitrary<string> {
  switch (parameter.type) {
    case 'bool':
    case 'yesno':
      return fc.constantFrom('true', 'false', 'yes', 'no', 'TRUE', '1', 'on');
    case 'int': {
      const min = parameter.min ?? 0;
      const max = parameter.max ?? min + 10_000;
      return fc.oneof(fc.integer({ min: min - 2, max: max + 2 }).map(String), fc.constantFrom('0900', '1e3'));
    }
    case 'enum':
      return fc.constantFrom(...(parameter.values ?? []), 'NORMAL', 'legacy');
    case 'path':
      return fc.constantFrom(
        ...BACKINT_FILE_PATHS,
        '/hana/backup/data',
        '$(DIR_INSTANCE)/backup',
        'relative',
      );
    default:
      return fc.string({ maxLength: 12 });
  }
}

const parameterLine = fc
  .tuple(
    fc.constantFrom(...PARAMETERS),
    fc.nat(9),
    fc.constantFrom('=', ' = ', '  =', '= ', ''),
    fc.constantFrom('', ' ', '\t'),
  )
  .chain(([parameter, variant, equals, indent]) => {
    const name =
      variant === 0
        ? misspelt(parameter.name)
        : variant === 1
          ? fc.constantFrom(...WRONG_NAMES.map((w) => w.name))
          : fc.constant(parameter.name);
    const value = variant === 2 ? awkwardScalar : valueOf(parameter);
    return fc.tuple(name, value).map(([key, v]) => `${indent}${key}${equals}${v}`);
  });

const section = fc
  .tuple(
    fc.constantFrom(...SECTIONS),
    fc.array(
      fc.oneof(
        { weight: 8, arbitrary: parameterLine },
        { weight: 1, arbitrary: fc.constantFrom('# note', '; note', '', '[', 'garbage line', '=value') },
      ),
      { maxLength: 8 },
    ),
  )
  .map(([name, lines]) => [`[${name}]`, ...lines]);

const directive = fc
  .tuple(
    fc.constantFrom('HOST', 'DATABASE', 'SYSTEM', 'DEFAULT', 'host', 'TENANT'),
    fc.constantFrom('', ' host=hana03', ' host=erphana2', ' database=ERP', ' database=QAS'),
    fc.constantFrom('', ' sid=ERP', ' sid=erp', ' sid=X'),
  )
  .map(([layer, where, sid]) => `# hana-backup: layer=${layer}${where}${sid}`);

export const iniFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.constant('# global.ini last modified 2026-11-12 03:55:01.551001 by hdbnameserver')),
    sometimes(directive, 3),
    sometimes(parameterLine, 8),
    fc.array(section, { maxLength: 4 }),
    fc.constantFrom('\n', '\n', '\r\n'),
  )
  .map(([header, layer, beforeSections, sections, eol]) =>
    [header, layer, beforeSections, ...sections.flat()].filter((line) => line !== null).join(eol),
  );

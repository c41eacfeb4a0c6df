import * as assert from 'node:assert/strict';
import {
  PARAMETERS,
  VALIDATED_SECTIONS,
  WRONG_NAMES,
  parameterInfo,
} from '../../../server/src/languageService/ini/parameterCatalog';

const TYPES = ['bool', 'yesno', 'int', 'string', 'path', 'enum'];

describe('the parameter catalog', () => {
  it('gives every entry a validated section, a type, a doc and a source', () => {
    for (const p of PARAMETERS) {
      assert.ok(
        (VALIDATED_SECTIONS as readonly string[]).includes(p.section),
        `${p.name}: section ${p.section}`,
      );
      assert.ok(TYPES.includes(p.type), `${p.name}: type ${p.type}`);
      assert.ok(p.doc.length > 10 && /[.)]$/.test(p.doc), `${p.name}: doc`);
      assert.ok(p.source.length > 0, `${p.name}: source`);
      assert.equal(typeof p.backupRelevant, 'boolean', `${p.name}: backupRelevant`);
    }
  });

  it('has each parameter once per section', () => {
    const keys = PARAMETERS.map((p) => `${p.section}/${p.name}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('keeps ranges, defaults and enum values consistent with the type', () => {
    for (const p of PARAMETERS) {
      if (p.min !== undefined || p.max !== undefined)
        assert.equal(p.type, 'int', `${p.name}: range on a non-number`);
      if (p.min !== undefined && p.max !== undefined) assert.ok(p.min <= p.max, p.name);
      if (p.type === 'enum') assert.ok(p.values && p.values.length > 1, `${p.name}: enum values`);
      if (p.default === null) continue;
      if (p.type === 'int') assert.match(p.default, /^\d+$/, `${p.name}: default`);
      if (p.type === 'enum')
        assert.ok(p.values!.includes(p.default), `${p.name}: default not an allowed value`);
      if (p.type === 'yesno') assert.ok(['yes', 'no'].includes(p.default), `${p.name}: default`);
    }
  });

  it('names exactly the five parameters Azure Backup sets at DATABASE level', () => {
    assert.deepEqual(
      PARAMETERS.filter((p) => p.azure !== undefined)
        .map((p) => `${p.name}=${p.azure}`)
        .sort(),
      [
        'backint_response_timeout=7200',
        'catalog_backup_using_backint=true',
        'enable_accumulated_catalog_backup=false',
        'log_backup_timeout_s=900',
        'parallel_data_backup_backint_channels=1',
      ],
    );
  });

  it('puts log_backup_timeout_s in [persistence], never in [backup]', () => {
    assert.equal(parameterInfo('persistence', 'log_backup_timeout_s')?.unit, 's');
    assert.equal(parameterInfo('backup', 'log_backup_timeout_s'), undefined);
  });

  it('never lists a name that does not exist, and each wrong name explains the real mechanism', () => {
    for (const wrong of WRONG_NAMES) {
      assert.ok(!PARAMETERS.some((p) => p.name === wrong.name), wrong.name);
      assert.match(wrong.message, /does not exist/);
      if (wrong.replacement)
        assert.ok(
          PARAMETERS.some((p) => p.name === wrong.replacement),
          wrong.replacement,
        );
    }
  });

  it('knows the *_backup_parameter_file pattern', () => {
    assert.equal(parameterInfo('backup', 'snapshot_backup_parameter_file')?.type, 'path');
  });
});

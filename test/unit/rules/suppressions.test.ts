import * as assert from 'node:assert/strict';
import { codes, policyWith } from '../support/kit';

const withShortLog = () => policyWith((p) => (p.spec.retention.log = '10m'));

describe('suppression comments', () => {
  it('`# hana-backup-disable-next-line CODE` silences that code on the next line only', () => {
    const text = withShortLog().replace(
      '    log: 10m',
      '    # hana-backup-disable-next-line HBP103\n    log: 10m',
    );
    assert.deepEqual(codes(text), ['HBP110']);
  });
  it('without codes it silences every code on the next line', () => {
    const text = withShortLog().replace('    log: 10m', '    # hana-backup-disable-next-line\n    log: 10m');
    assert.deepEqual(codes(text), []);
  });
  it('accepts comma-separated codes', () => {
    const text = withShortLog().replace(
      '    log: 10m',
      '    # hana-backup-disable-next-line HBP103, HBP110\n    log: 10m',
    );
    assert.deepEqual(codes(text), []);
  });
  it('`# hana-backup-disable CODE` at the top silences the code for the document', () => {
    assert.deepEqual(codes(`# hana-backup-disable HBP110\n${withShortLog()}`), ['HBP103']);
  });
  it('near miss: a disable comment after the first key does not apply to the document', () => {
    const text = withShortLog().replace(
      'kind: BackupPolicy\n',
      'kind: BackupPolicy\n# hana-backup-disable HBP110\n',
    );
    assert.deepEqual(codes(text).sort(), ['HBP103', 'HBP110']);
  });
  it('only applies to its own document of a multi-document file', () => {
    const text = `# hana-backup-disable\n${withShortLog()}---\n${withShortLog().replace('prd-standard', 'other')}`;
    assert.deepEqual(
      codes(text)
        .filter((c) => c !== 'HBP131')
        .sort(),
      ['HBP103', 'HBP110'],
    );
  });
  it('never silences a YAML syntax error', () => {
    assert.deepEqual(codes('# hana-backup-disable\nspec: [\n'), ['HBP001']);
  });
});

import * as assert from 'node:assert/strict';
import { HanaBackupLanguageService, TextDocument } from '../../../server/src/languageService';
import { diagnose, doc, findings, policyWith } from '../support/kit';

const connections = [{ name: 'PRD', host: 'hana01', port: 30013, databases: ['SYSTEMDB', 'PRD'] }];

describe('workspace rules (HBP130, HBP131)', () => {
  describe('HBP130 target system is not a configured connection', () => {
    it('is information on the system value when connections are configured', () => {
      const [finding] = diagnose(
        policyWith((p) => ((p.spec.targets as unknown as { system: string }[])[0].system = 'QAS')),
        {
          connections,
        },
      );
      assert.equal(finding.code, 'HBP130');
      assert.equal(finding.text, 'QAS');
      assert.equal(finding.severity, 3);
    });
    it('near miss: a configured system', () => {
      assert.deepEqual(
        diagnose(
          policyWith(() => {}),
          { connections },
        ),
        [],
      );
    });
    it('stays silent while no connection is configured at all', () => {
      assert.deepEqual(
        diagnose(policyWith((p) => ((p.spec.targets as unknown as { system: string }[])[0].system = 'QAS'))),
        [],
      );
    });
  });

  describe('HBP131 the same database in two policies', () => {
    const second = (databases: string[], name = 'prd-extra') =>
      policyWith((p) => {
        (p.metadata as { name: string }).name = name;
        p.spec.targets = [{ system: 'PRD', databases }] as unknown as Record<string, unknown>;
      });

    it('reports both sides across files, each pointing at the other', () => {
      const service = new HanaBackupLanguageService();
      const a = doc(
        policyWith(() => {}),
        'file:///ws/a.backup-policy.yaml',
      );
      const b = doc(second(['PRD']), 'file:///ws/b.backup-policy.yaml');
      service.indexDocument(a);
      service.indexDocument(b);
      const onA = findings(a, service.validate(a)).filter((f) => f.code === 'HBP131');
      const onB = findings(b, service.validate(b)).filter((f) => f.code === 'HBP131');
      assert.deepEqual(
        onA.map((f) => f.text),
        ['PRD'],
      );
      assert.deepEqual(
        onB.map((f) => f.text),
        ['PRD'],
      );
      assert.equal(onA[0].diagnostic.relatedInformation?.[0].location.uri, b.uri);
      assert.equal(onB[0].diagnostic.relatedInformation?.[0].location.uri, a.uri);
      assert.match(onA[0].message, /"prd-extra"/);
    });

    it('treats "*" as every database of the system', () => {
      const service = new HanaBackupLanguageService();
      const a = doc(
        policyWith(() => {}),
        'file:///ws/a.backup-policy.yaml',
      );
      const b = doc(second(['*']), 'file:///ws/b.backup-policy.yaml');
      service.indexDocument(b);
      assert.deepEqual(
        findings(a, service.validate(a))
          .filter((f) => f.code === 'HBP131')
          .map((f) => f.text),
        ['SYSTEMDB', 'PRD'],
      );
    });

    it('looks across the documents of one file', () => {
      const text = `${policyWith(() => {})}---\n${second(['SYSTEMDB'])}`;
      assert.deepEqual(
        diagnose(text)
          .filter((f) => f.code === 'HBP131')
          .map((f) => f.line > 40),
        [false, true],
      );
    });

    it('clears when the other file is removed, and names the files affected', () => {
      const service = new HanaBackupLanguageService();
      const a = doc(
        policyWith(() => {}),
        'file:///ws/a.backup-policy.yaml',
      );
      service.indexDocument(doc(second(['PRD']), 'file:///ws/b.backup-policy.yaml'));
      assert.equal(service.validate(a).length, 1);
      assert.deepEqual(service.remove('file:///ws/b.backup-policy.yaml'), [
        'file:///ws/a.backup-policy.yaml',
      ]);
      assert.equal(service.validate(a).length, 0);
    });

    it('names the open files to re-check when what a file governs changes, and only then', () => {
      const service = new HanaBackupLanguageService();
      const a = doc(
        policyWith(() => {}),
        'file:///ws/a.backup-policy.yaml',
      );
      service.validate(a);
      const b1 = doc(second(['QA1']), 'file:///ws/b.backup-policy.yaml');
      assert.deepEqual(service.validateWithImpact(b1).affected, ['file:///ws/a.backup-policy.yaml']);
      const b2 = TextDocument.create(
        b1.uri,
        b1.languageId,
        2,
        `# a comment at the end\n${b1.getText()}`.replace(/^# a comment at the end\n/, '') + '# end\n',
      );
      assert.deepEqual(service.validateWithImpact(b2).affected, []);
      const b3 = TextDocument.create(b1.uri, b1.languageId, 3, second(['PRD']) + '# end\n');
      assert.deepEqual(service.validateWithImpact(b3).affected, ['file:///ws/a.backup-policy.yaml']);
      assert.equal(service.validate(a).filter((d) => d.code === 'HBP131').length, 1);
    });

    it('near miss: other databases of the same system, or another system', () => {
      const service = new HanaBackupLanguageService();
      service.indexDocument(doc(second(['QA1']), 'file:///ws/b.backup-policy.yaml'));
      service.indexDocument(
        doc(
          policyWith(
            (p) =>
              (p.spec.targets = [{ system: 'QAS', databases: ['*'] }] as unknown as Record<string, unknown>),
          ),
          'file:///ws/c.backup-policy.yaml',
        ),
      );
      const a = doc(
        policyWith(() => {}),
        'file:///ws/a.backup-policy.yaml',
      );
      assert.deepEqual(service.validate(a), []);
    });
  });
});

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { HanaBackupLanguageService, TextDocument } from '../../../server/src/languageService';
import { policyWith } from '../support/kit';

const URI = 'file:///ws/many.backup-policy.yaml';

function policy(i: number): string {
  return policyWith((p) => {
    p.metadata.name = `policy-${i}`;
    p.spec.targets = [{ system: `S${i % 4}`, databases: [`DB${i}`] }];
    if (i % 3 === 0) p.spec.schedules.log = { interval: '20m' };
    if (i % 5 === 0) p.spec.retention.log = '14m';
  });
}

const file = Array.from({ length: 8 }, (_, i) => policy(i)).join('---\n');

/** Findings as comparable strings, related locations included. */
function render(service: HanaBackupLanguageService, document: TextDocument): string[] {
  return service
    .validate(document)
    .map((d) =>
      JSON.stringify([d.code, d.range, d.message, d.relatedInformation?.map((r) => r.location.range)]),
    );
}

describe('incremental re-validation', () => {
  it('gives exactly what a fresh validation gives after any sequence of edits', () => {
    const edit = fc.tuple(
      fc.nat(file.length),
      fc.nat(30),
      fc.constantFrom('', 'x', '\n', '---\n', '  ', 'rpo: 1m\n', '# c\n'),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const incremental = new HanaBackupLanguageService();
        let text = file;
        let version = 1;
        render(incremental, TextDocument.create(URI, 'hana-backup-policy', version, text));
        for (const [at, remove, insert] of edits) {
          const position = Math.min(at, text.length);
          text = text.slice(0, position) + insert + text.slice(position + remove);
          const document = TextDocument.create(URI, 'hana-backup-policy', ++version, text);
          const fresh = new HanaBackupLanguageService();
          assert.deepEqual(render(incremental, document), render(fresh, document));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the parse of documents an edit does not touch', () => {
    const service = new HanaBackupLanguageService();
    const before = service.parse(TextDocument.create(URI, 'hana-backup-policy', 1, file));
    const edited = file.replace('name: policy-6', 'name: policy-six');
    const after = service.parse(TextDocument.create(URI, 'hana-backup-policy', 2, edited));
    const reused = after.documents.filter((doc, i) => doc.yaml === before.documents[i].yaml).length;
    assert.equal(reused, 7);
  });
});

import * as assert from 'node:assert/strict';
import { HanaBackupLanguageService } from '../../../server/src/languageService';
import { doc, policyWith } from '../support/kit';

const service = new HanaBackupLanguageService();

describe('outline and folding', () => {
  const text = `${policyWith(() => {})}---\n${policyWith((p) => ((p.metadata as { name: string }).name = 'second'))}`;

  it('has one symbol per policy, named by metadata.name, with its keys below', () => {
    const symbols = service.documentSymbols(doc(text));
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['prd-standard', 'second'],
    );
    const spec = symbols[0].children!.find((c) => c.name === 'spec')!;
    assert.deepEqual(
      spec.children!.map((c) => c.name),
      ['timezone', 'targets', 'objectives', 'destinations', 'schedules', 'retention'],
    );
    const targets = spec.children!.find((c) => c.name === 'targets')!;
    assert.equal(targets.children![0].name, 'PRD');
  });

  // Found by the fuzzer: the label was read by converting the item alone, which throws on `<<`.
  it('names a target written with a merge key, and survives one whose alias is undefined', () => {
    const targets = (text: string) =>
      service
        .documentSymbols(doc(text))[0]
        .children!.find((c) => c.name === 'spec')!
        .children!.find((c) => c.name === 'targets')!
        .children!.map((c) => c.name);
    const merged = policyWith(() => {}).replace(
      '  targets:\n    - system: PRD\n      databases:\n        - SYSTEMDB\n        - PRD\n',
      '  targets:\n    - &prd { system: PRD, databases: [SYSTEMDB] }\n    - <<: *prd\n      system: QAS\n',
    );
    assert.deepEqual(targets(merged), ['PRD', 'QAS']);
    assert.deepEqual(targets(merged.replace('<<: *prd', '<<: *nowhere')), ['PRD', '[1]']);
  });

  it('folds each document and each multi-line mapping under its key', () => {
    const document = doc(text);
    const ranges = service.foldingRanges(document);
    const lines = document.getText().split('\n');
    const schedules = lines.indexOf('  schedules:');
    assert.ok(
      ranges.some((r) => r.startLine === 0 && r.endLine > 40),
      'first document folds',
    );
    const fold = ranges.find((r) => r.startLine === schedules)!;
    assert.ok(fold, 'schedules folds');
    assert.equal(lines[fold.endLine + 1], '  retention:');
  });

  it('folds comment blocks', () => {
    const ranges = service.foldingRanges(doc('# one\n# two\n# three\napiVersion: hana-backup/v1\n'));
    assert.ok(ranges.some((r) => r.startLine === 0 && r.endLine === 2 && r.kind === 'comment'));
  });
});

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from '../../../server/src/languageService';
import {
  backintCodeActions,
  backintKindOfContent,
  completeBackint,
  hoverBackint,
  parseBackint,
  validateBackint,
  type BackintKind,
} from '../../../server/src/languageService/backint';
import { applySplices, splices } from '../../support/textMutations';
import { AWS_EXAMPLE, gcpFile, URIS } from './helpers';

const IBM = 'BACKUPIDPREFIX ERP___\nMAX_SESSIONS 2\nSERVER tsm\n   ADSMNODE n\n';
const FLAVOURS: [keyof typeof URIS, BackintKind, string][] = [
  ['aws', 'aws', AWS_EXAMPLE],
  ['gcp', 'gcp', gcpFile({ parallel_streams: 4, compress: true, metadata: { a: 'b' } })],
  ['ibm', 'utl', IBM],
  ['generic', 'utl', 'CvInstanceName Instance001\n'],
];

/** Every feature on one text: none may throw, whatever the text. */
function exercise(flavour: keyof typeof URIS, kind: BackintKind, text: string): void {
  const doc = TextDocument.create(URIS[flavour], 'x', 1, text);
  const diagnostics = validateBackint(kind, doc);
  for (const d of diagnostics) {
    assert.equal(d.source, 'hana-backup');
    assert.ok(d.range.start.line <= d.range.end.line);
  }
  backintCodeActions(kind, doc, diagnostics);
  for (const offset of [0, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length]) {
    const position = doc.positionAt(offset);
    completeBackint(kind, doc, position);
    hoverBackint(kind, doc, position);
  }
  backintKindOfContent(text);
}

describe('Backint robustness', () => {
  for (const [flavour, kind, base] of FLAVOURS) {
    it(`${flavour}: never throws on arbitrary text`, () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 300 }), (text) => exercise(flavour, kind, text)),
        { numRuns: 200 },
      );
    });

    it(`${flavour}: never throws on mutations of a valid file`, () => {
      fc.assert(
        fc.property(splices(base.length), (edits) => exercise(flavour, kind, applySplices(base, edits))),
        { numRuns: 200 },
      );
    });
  }

  // Found by the fuzzer: a 40 KB file of misspelt keys took over a second through validation,
  // completion and hover, each key looked up by scanning the catalog and each request parsing anew.
  it('reads a large file of unknown keys once for validation, completion and hover', () => {
    const keys = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`parallelStream${i}`, i]));
    const doc = TextDocument.create(URIS.gcp, 'x', 1, gcpFile(keys));
    const codes = validateBackint('gcp', doc).map((d) => d.code);
    assert.equal(codes.filter((code) => code === 'HBB002').length, 2000);
    assert.equal(parseBackint('gcp', doc.getText()), parseBackint('gcp', doc.getText()));
    assert.ok(hoverBackint('gcp', doc, doc.positionAt(doc.getText().indexOf('bucket') + 1)));
  });

  it('gives HBB001 and what else it can say on a broken file', () => {
    const doc = TextDocument.create(URIS.gcp, 'x', 1, '{ "bucket": "gs://b", "threads": "x", ');
    const codes = validateBackint('gcp', doc).map((d) => d.code);
    assert.ok(codes.includes('HBB001'));
    assert.ok(codes.includes('HBB003'));
  });

  it('ignores foreign or malformed diagnostics in code actions', () => {
    const doc = TextDocument.create(URIS.aws, 'x', 1, AWS_EXAMPLE);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const actions = backintCodeActions('aws', doc, [
      { range, message: 'x', code: 'HBB002', source: 'other' },
      { range, message: 'x', code: 'HBB002', source: 'hana-backup', data: 'nonsense' },
      { range, message: 'x', code: 'HBB010', source: 'hana-backup', data: { quoted: 42 } },
    ]);
    assert.deepEqual(actions, []);
  });
});

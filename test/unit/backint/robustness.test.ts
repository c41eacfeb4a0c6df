import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from '../../../server/src/languageService';
import {
  backintCodeActions,
  backintKindOfContent,
  completeBackint,
  hoverBackint,
  validateBackint,
  type BackintKind,
} from '../../../server/src/languageService/backint';
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
      const alphabet = fc.constantFrom(...'{}[]":,#\'\n\r\t -|>&*!%@`=\\0123456789aZ_'.split(''));
      const insert = fc.array(alphabet, { maxLength: 8 }).map((chars) => chars.join(''));
      const mutation = fc.tuple(
        fc.nat(base.length),
        fc.nat(12),
        fc.oneof(insert, fc.string({ maxLength: 8 })),
      );
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
          let text = base;
          for (const [at, remove, add] of edits) text = text.slice(0, at) + add + text.slice(at + remove);
          exercise(flavour, kind, text);
        }),
        { numRuns: 200 },
      );
    });
  }

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

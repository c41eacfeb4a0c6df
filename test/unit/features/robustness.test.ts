import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { HanaBackupLanguageService } from '../../../server/src/languageService';
import { caret, doc, policyWith } from '../support/kit';

const service = new HanaBackupLanguageService();
const base = policyWith(() => {});

/** Every feature on one text: none may throw, whatever the text. */
function exercise(text: string): void {
  const document = doc(text);
  const diagnostics = service.validate(document);
  service.codeActions(document, diagnostics);
  service.documentSymbols(document);
  service.foldingRanges(document);
  for (const offset of [0, Math.floor(text.length / 2), text.length]) {
    const position = document.positionAt(offset);
    service.complete(document, position);
    service.hover(document, position);
  }
}

describe('robustness', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => exercise(text)),
      { numRuns: 300 },
    );
  });

  it('never throws on mutations of a valid policy', () => {
    const mutation = fc.tuple(fc.nat(base.length), fc.nat(20), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        exercise(text);
      }),
      { numRuns: 300 },
    );
  });

  it('reports what it can on a broken file: a syntax error and the rules that still apply', () => {
    const broken = base.replace('rpo: 15m', 'rpo: 15 m').replace('  retention:', '  retention: [\n');
    const codes = service.validate(doc(broken)).map((d) => d.code);
    assert.ok(codes.includes('HBP001'));
    assert.ok(codes.includes('HBP006'));
  });

  it('survives an alias bomb without expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const codes = service.validate(doc(bomb.join('\n'))).map((d) => d.code);
    assert.ok(codes.length > 0);
  });

  it('handles binary garbage and a huge single line', () => {
    exercise(String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536)));
    exercise(`spec: {${Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`).join(', ')}}`);
  });

  it('completes inside a document that does not parse', () => {
    const { document, position } = caret('spec:\n  schedules: [\n  destinations:\n    data: { type: |');
    assert.deepEqual(
      service.complete(document, position).items.map((i) => i.label),
      ['file', 'backint'],
    );
  });
});

import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { HanaBackupLanguageService } from '../../../server/src/languageService';
import { applySplices, splices } from '../../support/textMutations';
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
    fc.assert(
      fc.property(splices(base.length, 20), (edits) => exercise(applySplices(base, edits))),
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

  // Found by the fuzzer: YAML's conversion printed a Node warning for every map used as a key.
  it('keeps quiet on stderr about a map used as a key', async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    try {
      exercise('spec:\n  ? { a: 1 }\n  : x\n');
      // Node emits warnings on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    assert.deepEqual(warnings, []);
  });

  // Found by the fuzzer: YAML's own conversion writes a mapping or list used as a key out as YAML,
  // which took seconds for a few hundred nested levels; such a key is now named by its start.
  it('reads mappings and lists nested as keys hundreds of levels deep, and names such a key', () => {
    const nested = service.validate(doc(`spec: { targets: [ ${'{ [ '.repeat(300)}x\n`));
    assert.ok(nested.some((d) => d.code === 'HBP001'));
    const unknown = service
      .validate(doc('spec:\n  ? [a, { b: c }]\n  : x\n'))
      .find((d) => d.code === 'HBP002');
    assert.match(unknown?.message ?? '', /^Unknown key `\[a, \{b: c\}\]` in `spec`/);
  });

  // Found by the fuzzer: the YAML parser recurses per level and ran out of stack on a few kilobytes.
  it('reports a file nested too deeply for the parser as one syntax error', () => {
    const text = `spec: { objectives: { ${'a: '.repeat(5000)}b } }\n`;
    const diagnostics = service.validate(doc(text));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['HBP001'],
    );
    assert.match(diagnostics[0].message, /nested too deeply to be read/);
    exercise(text);
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

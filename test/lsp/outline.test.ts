// Outline (document symbols) and folding of policy files.
import * as assert from 'node:assert/strict';
import { DocumentSymbol, FoldingRangeKind } from 'vscode-languageserver-protocol/node';
import { LspSession } from './support/lspClient';
import { cleanPolicy, SANDBOX } from './support/policies';

describe('LSP outline and folding', () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
  });
  after(async () => {
    await session.dispose();
  });

  async function symbolsOf(relative: string, text?: string): Promise<DocumentSymbol[]> {
    const symbols = await session.documentSymbols(await session.open(relative, text));
    assert.ok(
      symbols.every((symbol) => DocumentSymbol.is(symbol)),
      'hierarchical symbols',
    );
    return symbols as DocumentSymbol[];
  }

  it('shows one root per policy, named by metadata.name, with its keys below', async () => {
    const [root, ...others] = await symbolsOf(SANDBOX);
    assert.equal(others.length, 0);
    assert.equal(root.name, 'sandbox');
    assert.deepEqual(
      root.children?.map((child) => child.name),
      ['apiVersion', 'kind', 'metadata', 'spec'],
    );
    const spec = root.children?.find((child) => child.name === 'spec');
    assert.deepEqual(
      spec?.children?.map((child) => child.name),
      ['targets', 'objectives', 'destinations', 'schedules', 'retention'],
    );
    assert.deepEqual(spec?.selectionRange.start, { line: 5, character: 0 });
  });

  it('shows each policy of a multi-document file as its own root', async () => {
    const text = `${cleanPolicy('alpha', 'QAS', ['QAS'])}---\n${cleanPolicy('beta', 'DEV', ['DEV'])}`;
    const roots = await symbolsOf('policies/two.backup-policy.yaml', text);
    assert.deepEqual(
      roots.map((root) => [root.name, root.range.start.line]),
      [
        ['alpha', 0],
        ['beta', 18],
      ],
    );
  });

  it('folds every multi-line mapping under its key, and comment blocks', async () => {
    const sandbox = await session.open(SANDBOX);
    const ranges = (await session.foldingRanges(sandbox)).map((r) => [
      r.startLine,
      r.endLine,
      r.kind ?? null,
    ]);
    for (const expected of [
      [3, 4, null], // metadata
      [5, 19, null], // spec
      [6, 8, null], // targets
      [14, 16, null], // schedules
      [17, 19, null], // retention
    ])
      assert.ok(
        ranges.some((r) => JSON.stringify(r) === JSON.stringify(expected)),
        `${JSON.stringify(expected)} in ${JSON.stringify(ranges)}`,
      );
    assert.ok(
      ranges.every(([start, end]) => (end as number) > (start as number)),
      'no single-line folds',
    );
    const commented = await session.open(
      'policies/commented.backup-policy.yaml',
      `# one\n# two\n${cleanPolicy('c', 'QAS', ['QAS'])}`,
    );
    const folds = await session.foldingRanges(commented);
    assert.ok(folds.some((r) => r.startLine === 0 && r.endLine === 1 && r.kind === FoldingRangeKind.Comment));
  });
});

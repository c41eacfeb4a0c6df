// Activation cost of the extension's own code: the client bundle (production build, as packaged)
// loaded and activate() run in Node, with a stand-in for the `vscode` module that answers every
// call. VS Code's own work around activation is not in these figures. Also checks that activation
// did not load @sap/hana-client, and prints the bundle's size.
// Run: npm run bench:activation
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = 10;

/** Anything the extension touches on `vscode` works and returns something that works too. */
function standIn() {
  const handler = {
    get: (_target, key) => {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return function* () {};
      return proxy;
    },
    apply: () => proxy,
    construct: () => proxy,
  };
  const proxy = new Proxy(function vscode() {}, handler);
  return proxy;
}

/** The names of the `vscode` module the extension and vscode-languageclient use. */
const VSCODE_NAMES = (
  'window workspace commands languages extensions env debug tasks notebooks tests l10n authentication scm comments ' +
  'Uri EventEmitter Disposable ThemeIcon ThemeColor TreeItem TreeItemCollapsibleState ProgressLocation ' +
  'ConfigurationTarget StatusBarAlignment Range Position Location Diagnostic DiagnosticSeverity ' +
  'DiagnosticRelatedInformation DiagnosticTag CancellationTokenSource CancellationError FileSystemWatcher ' +
  'RelativePattern MarkdownString CompletionItem CompletionItemKind CompletionList CodeAction CodeActionKind ' +
  'WorkspaceEdit TextEdit SnippetString Hover SymbolKind DocumentSymbol SymbolInformation FoldingRange ' +
  'FoldingRangeKind DocumentLink SemanticTokens SemanticTokensLegend Selection SelectionRange CallHierarchyItem ' +
  'TypeHierarchyItem InlayHint InlayHintLabelPart InlineValueText InlineValueVariableLookup ' +
  'InlineValueEvaluatableExpression InlineCompletionItem LinkedEditingRanges NotebookCellKind NotebookRange ' +
  'NotebookCellData NotebookData TextDocumentSaveReason UIKind ExtensionMode LogLevel Color ColorInformation ' +
  'ColorPresentation CodeLens DocumentHighlight DocumentHighlightKind SignatureHelp SignatureInformation ' +
  'ParameterInformation CompletionTriggerKind SignatureHelpTriggerKind FileType ViewColumn'
).split(' ');

function contextFor(root) {
  return {
    subscriptions: [],
    asAbsolutePath: (relative) => path.join(root, relative),
    secrets: standIn(),
    extensionPath: root,
  };
}

const out = mkdtempSync(path.join(tmpdir(), 'hana-backup-activation-'));
try {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--production', '--outdir', out], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const bundle = path.join(out, 'client.js');
  // The bundle copies the module's own properties (esbuild's ESM interop), so they must be real keys.
  const vscode = { ...Object.fromEntries(VSCODE_NAMES.map((name) => [name, standIn()])), version: '1.100.3' };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  Module._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

  const loads = [];
  const activations = [];
  for (let run = 0; run < RUNS; run++) {
    delete Module._cache[bundle];
    const require = createRequire(bundle);
    const t0 = performance.now();
    const extension = require(bundle);
    const t1 = performance.now();
    // A root without dist/server.js: the language client's start fails on its own, after activate().
    extension.activate(contextFor(out));
    const t2 = performance.now();
    loads.push(t1 - t0);
    activations.push(t2 - t1);
  }
  const driverLoaded = Object.keys(Module._cache).some((file) =>
    file.includes(`${path.sep}@sap${path.sep}hana-client`),
  );
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const size = statSync(bundle).size;
  const total = loads[0] + activations[0];
  console.log('| activation (client bundle, production build) | value | target |');
  console.log('| --- | ---: | --- |');
  console.log(
    `| first load + activate() (cold) | ${total.toFixed(1)} ms | < 50 ms ${total < 50 ? '✔' : '✘'} |`,
  );
  console.log(`| load, median of ${RUNS - 1} warm runs | ${median(loads.slice(1)).toFixed(1)} ms | |`);
  console.log(`| activate(), median of ${RUNS} | ${median(activations).toFixed(1)} ms | |`);
  console.log(`| @sap/hana-client loaded by activation | ${driverLoaded ? 'yes ✘' : 'no ✔'} | no |`);
  console.log(
    `| bundle size (driver excluded) | ${(size / 1024).toFixed(0)} KB | < 1 MB ${size < 1024 * 1024 ? '✔' : '✘'} |`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
// The language clients started by activate() would keep retrying; the figures are printed.
process.exit(process.exitCode ?? 0);

import { DocumentContext } from './diagnostics/documentContext';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { readPolicy } from './model/policyModel';
import { parsePolicyFile, type ParsedPolicyFile } from './parsing/policyFile';
import {
  DEFAULT_SETTINGS,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type PolicySettings,
  type Position,
  type TextDocument,
} from './types';
import { validateFile } from './validation';
import { GovernanceIndex, governedBy, type GovernedDatabase } from './workspace/governanceIndex';

export * from './types';
export { POLICY_RULES, type PolicyRuleCode } from './diagnostics/codes';
export { isPolicyFilePath } from './policyFiles';

/**
 * The backup-policy language service: everything the editor and the CLI need, with no dependency on
 * the LSP library. It keeps the last parse of each file and the workspace-wide index behind HBP131.
 */
export class PolicyLanguageService {
  private readonly files = new Map<string, ParsedPolicyFile>();
  private readonly index = new GovernanceIndex();

  /** The parse of a document, reused while its version and text are unchanged. */
  parse(document: TextDocument): ParsedPolicyFile {
    const cached = this.files.get(document.uri);
    if (cached && cached.version === document.version && cached.text === document.getText()) return cached;
    const parsed = parsePolicyFile(document, cached);
    this.files.set(document.uri, parsed);
    return parsed;
  }

  /** All diagnostics of a file, the cross-file ones included; records what it governs in the index. */
  validate(document: TextDocument, settings: PolicySettings = DEFAULT_SETTINGS): Diagnostic[] {
    return this.validateWithImpact(document, settings).diagnostics;
  }

  /**
   * As `validate`, and names the other files whose cross-file diagnostics may have changed because
   * what this file governs changed (none when it governs the same databases as before).
   */
  validateWithImpact(
    document: TextDocument,
    settings: PolicySettings = DEFAULT_SETTINGS,
  ): { diagnostics: Diagnostic[]; affected: string[] } {
    const before = this.index.signatureOf(document.uri);
    const systemsBefore = this.index.systemsOf(document.uri);
    const file = this.parse(document);
    const result = validateFile(file, settings, this.index);
    this.index.set(document.uri, result.governed);
    const changed = this.index.signatureOf(document.uri) !== before;
    return {
      diagnostics: result.diagnostics,
      affected: changed ? this.affectedBy(document.uri, systemsBefore) : [],
    };
  }

  /**
   * Records what a file governs without reporting on it (workspace files not open in the editor).
   * Returns the files whose cross-file diagnostics may change as a result.
   */
  indexDocument(document: TextDocument): string[] {
    const before = this.index.systemsOf(document.uri);
    const file = parsePolicyFile(document);
    const governed: GovernedDatabase[] = [];
    for (const doc of file.documents) {
      try {
        const model = doc.value === undefined ? undefined : readPolicy(doc.value);
        if (model) governed.push(...governedBy(new DocumentContext(file, doc, DEFAULT_SETTINGS), model));
      } catch {
        // A document too broken to index governs nothing.
      }
    }
    this.index.set(document.uri, governed);
    return this.affectedBy(document.uri, before);
  }

  /** Forgets a deleted file; returns the files whose cross-file diagnostics may change. */
  remove(uri: string): string[] {
    const before = this.index.systemsOf(uri);
    this.index.delete(uri);
    this.files.delete(uri);
    return this.affectedBy(uri, before);
  }

  /** Drops the cached parse of a closed document (the index entry stays: the file still exists). */
  release(uri: string): void {
    this.files.delete(uri);
  }

  private affectedBy(uri: string, systemsBefore: Set<string>): string[] {
    const systems = new Set([...systemsBefore, ...this.index.systemsOf(uri)]);
    return this.index.filesSharingSystems(uri, systems);
  }

  indexedUris(): string[] {
    return this.index.uris();
  }

  complete(
    document: TextDocument,
    position: Position,
    settings: PolicySettings = DEFAULT_SETTINGS,
  ): CompletionList {
    return complete(document, position, settings);
  }

  hover(
    document: TextDocument,
    position: Position,
    settings: PolicySettings = DEFAULT_SETTINGS,
    now = new Date(),
  ): Hover | null {
    return hover(this.parse(document), position, settings, now);
  }

  codeActions(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
    return codeActions(this.parse(document), diagnostics);
  }

  documentSymbols(document: TextDocument): DocumentSymbol[] {
    return documentSymbols(this.parse(document));
  }

  foldingRanges(document: TextDocument): FoldingRange[] {
    return foldingRanges(this.parse(document));
  }
}

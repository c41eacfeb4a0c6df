import { URI } from 'vscode-uri';
import { DocumentContext } from './diagnostics/documentContext';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { fileKindOf, type FileKind } from './fileKinds';
import { IniContext } from './ini/iniContext';
import { checkIniFile } from './ini/iniRules';
import { iniCodeActions } from './ini/features/iniCodeActions';
import { completeIni } from './ini/features/iniCompletion';
import { hoverIni } from './ini/features/iniHover';
import { iniDocumentLinks } from './ini/features/iniLinks';
import { checkLayers } from './layers/layerRules';
import { targetExpectations, type TargetExpectations } from './layers/policyExpectations';
import { readPolicy } from './model/policyModel';
import { policyOperations, type PolicyOperations } from './operations/policyOperations';
import { parsePolicyFile, type ParsedPolicyFile } from './parsing/policyFile';
import {
  CompletionList,
  DEFAULT_SETTINGS,
  type CodeAction,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type PolicySettings,
  type Position,
  type TextDocument,
} from './types';
import { validateFile } from './validation';
import { governedBy, type GovernedDatabase } from './workspace/governanceIndex';
import { WorkspaceModel } from './workspace/workspaceModel';
import {
  backintCodeActions,
  backintKindOf,
  completeBackint,
  hoverBackint,
  validateBackint,
  type BackintKind,
} from './backint';

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** Other files whose cross-file findings may have changed with this one. */
  affected: string[];
}

function pathOf(uri: string): string {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath.replace(/\\/g, '/') : parsed.path;
  } catch {
    return uri;
  }
}

/**
 * Whether a Backint file's problems are what they were, as HBI024 shows them (severity, message,
 * place). Compared field by field: a broken file has thousands, and stringifying them all twice on
 * every keystroke took longer than checking the file.
 */
function sameProblems(before: readonly Diagnostic[], after: readonly Diagnostic[]): boolean {
  const samePosition = (a: Position, b: Position) => a.line === b.line && a.character === b.character;
  return (
    before.length === after.length &&
    before.every((problem, i) => {
      const other = after[i];
      return (
        problem.severity === other.severity &&
        problem.message === other.message &&
        samePosition(problem.range.start, other.range.start) &&
        samePosition(problem.range.end, other.range.end)
      );
    })
  );
}

function backintKind(kind: FileKind): BackintKind {
  return kind.slice('backint-'.length) as BackintKind;
}

/**
 * The language service for everything hana-backup reads: backup policies, global.ini layers and
 * Backint parameter files. No dependency on the LSP library: the LSP server and the CLI both use it.
 * It keeps the last parse of each policy and a model of the whole workspace for cross-file rules.
 */
export class HanaBackupLanguageService {
  private readonly policies = new Map<string, ParsedPolicyFile>();
  readonly workspace = new WorkspaceModel();

  kindOf(document: TextDocument): FileKind | undefined {
    return fileKindOf(pathOf(document.uri), document.languageId, backintKindOf, document.getText());
  }

  /** The parse of a policy, reused while its version and text are unchanged. */
  parse(document: TextDocument): ParsedPolicyFile {
    const cached = this.policies.get(document.uri);
    if (cached && cached.version === document.version && cached.text === document.getText()) return cached;
    const parsed = parsePolicyFile(document, cached);
    this.policies.set(document.uri, parsed);
    return parsed;
  }

  validate(document: TextDocument, settings: PolicySettings = DEFAULT_SETTINGS): Diagnostic[] {
    return this.validateWithImpact(document, settings).diagnostics;
  }

  /** All diagnostics of a file, cross-file ones included, and which other files this change affects. */
  validateWithImpact(document: TextDocument, settings: PolicySettings = DEFAULT_SETTINGS): ValidationResult {
    const kind = this.kindOf(document);
    if (kind === 'policy') return this.validatePolicy(document, settings);
    if (kind === 'ini') return this.validateIni(document, settings);
    if (kind) return this.validateBackintFile(document, kind);
    return { diagnostics: [], affected: [] };
  }

  private validatePolicy(document: TextDocument, settings: PolicySettings): ValidationResult {
    const uri = document.uri;
    const before = this.policySignature(uri);
    const systemsBefore = this.workspace.governance.systemsOf(uri);
    const sidsBefore = this.workspace.systemsOfPolicy(uri, settings.connections);
    const result = validateFile(this.parse(document), settings, this.workspace);
    this.workspace.governance.set(uri, result.governed);
    this.workspace.setExpectations(uri, result.targets);
    const changed = this.policySignature(uri) !== before;
    return {
      diagnostics: result.diagnostics,
      affected: changed ? this.affectedByPolicy(uri, systemsBefore, sidsBefore, settings) : [],
    };
  }

  private policySignature(uri: string): string {
    return this.workspace.governance.signatureOf(uri) + this.workspace.expectationsSignature(uri);
  }

  private affectedByPolicy(
    uri: string,
    systemsBefore: Set<string>,
    sidsBefore: Set<string>,
    settings: PolicySettings,
  ): string[] {
    const systems = new Set([...systemsBefore, ...this.workspace.governance.systemsOf(uri)]);
    const sids = new Set([...sidsBefore, ...this.workspace.systemsOfPolicy(uri, settings.connections)]);
    const configFiles = [...sids].flatMap((sid) => this.workspace.config.filesOf(sid).map((f) => f.uri));
    return [
      ...new Set([...this.workspace.governance.filesSharingSystems(uri, systems), ...configFiles]),
    ].filter((u) => u !== uri);
  }

  private validateIni(document: TextDocument, settings: PolicySettings): ValidationResult {
    const before = this.workspace.config.get(document.uri);
    const unchanged = before !== undefined && before.ini.lines.join(before.ini.eol) === document.getText();
    const file = this.workspace.config.set(document.uri, pathOf(document.uri), document.getText());
    const ctx = new IniContext(file);
    try {
      checkIniFile(ctx);
      checkLayers(ctx, this.workspace, settings.connections);
    } catch (error) {
      ctx.report(
        'HBI001',
        { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
        `Internal error while checking this file: ${String(error)}`,
      );
    }
    const affected = unchanged
      ? []
      : this.affectedBySystems([before?.layer?.system, file.layer?.system], document.uri, settings);
    const diagnostics = ctx.diagnostics.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    return { diagnostics, affected };
  }

  private affectedBySystems(
    systems: (string | undefined)[],
    uri: string,
    settings: PolicySettings,
  ): string[] {
    const sids = new Set(systems.filter((s): s is string => !!s));
    const configFiles = [...sids].flatMap((sid) => this.workspace.config.filesOf(sid).map((f) => f.uri));
    return [
      ...new Set([...configFiles, ...this.workspace.policyUrisTargeting(sids, settings.connections)]),
    ].filter((u) => u !== uri);
  }

  private validateBackintFile(document: TextDocument, kind: FileKind): ValidationResult {
    const diagnostics = validateBackint(backintKind(kind), document);
    const before = this.workspace.backintState(document.uri);
    this.workspace.setBackint({ uri: document.uri, path: pathOf(document.uri), problems: diagnostics });
    const unchanged = before !== undefined && sameProblems(before.problems, diagnostics);
    return { diagnostics, affected: unchanged ? [] : this.filesLinking(document.uri) };
  }

  /** global.ini files whose `*_parameter_file` names this Backint file (HBI024 and links). */
  private filesLinking(uri: string): string[] {
    const path = pathOf(uri);
    return this.workspace.config
      .all()
      .filter((file) =>
        file.ini.entries.some(
          (e) => /_backup_parameter_file$/.test(e.key) && e.value.startsWith('/') && path.endsWith(e.value),
        ),
      )
      .map((file) => file.uri);
  }

  /**
   * Records a file that is not open in the editor, for the cross-file rules of the others.
   * Returns the files whose cross-file diagnostics may change as a result.
   */
  indexDocument(document: TextDocument, settings: PolicySettings = DEFAULT_SETTINGS): string[] {
    const kind = this.kindOf(document);
    if (kind === 'ini') {
      const systemBefore = this.workspace.config.get(document.uri)?.layer?.system;
      const file = this.workspace.config.set(document.uri, pathOf(document.uri), document.getText());
      return this.affectedBySystems([systemBefore, file.layer?.system], document.uri, settings);
    }
    if (kind && kind !== 'policy') return this.validateBackintFile(document, kind).affected;
    if (kind !== 'policy') return [];
    const uri = document.uri;
    const systemsBefore = this.workspace.governance.systemsOf(uri);
    const sidsBefore = this.workspace.systemsOfPolicy(uri, settings.connections);
    const file = parsePolicyFile(document);
    const governed: GovernedDatabase[] = [];
    const targets: TargetExpectations[] = [];
    for (const doc of file.documents) {
      try {
        const model = doc.value === undefined ? undefined : readPolicy(doc.value);
        if (!model) continue;
        const ctx = new DocumentContext(file, doc, settings);
        governed.push(...governedBy(ctx, model));
        targets.push(...targetExpectations(ctx, model));
      } catch {
        // A document too broken to index governs nothing.
      }
    }
    this.workspace.governance.set(uri, governed);
    this.workspace.setExpectations(uri, targets);
    return this.affectedByPolicy(uri, systemsBefore, sidsBefore, settings);
  }

  /** Forgets a deleted or renamed file; returns the files whose cross-file diagnostics may change. */
  remove(uri: string, settings: PolicySettings = DEFAULT_SETTINGS): string[] {
    const systems = this.workspace.governance.systemsOf(uri);
    const sids = this.workspace.systemsOfPolicy(uri, settings.connections);
    const config = this.workspace.config.delete(uri);
    const linking = this.filesLinking(uri);
    this.workspace.governance.delete(uri);
    this.workspace.deleteExpectations(uri);
    this.workspace.deleteBackint(uri);
    this.policies.delete(uri);
    const affected = [
      ...this.workspace.governance.filesSharingSystems(uri, systems),
      ...[...sids].flatMap((sid) => this.workspace.config.filesOf(sid).map((f) => f.uri)),
      ...this.affectedBySystems([config?.layer?.system], uri, settings),
      ...linking,
    ];
    return [...new Set(affected)].filter((u) => u !== uri);
  }

  /** Drops the cached parse of a closed policy (the workspace model keeps what the file says). */
  release(uri: string): void {
    this.policies.delete(uri);
  }

  complete(
    document: TextDocument,
    position: Position,
    settings: PolicySettings = DEFAULT_SETTINGS,
  ): CompletionList {
    const kind = this.kindOf(document);
    if (kind === 'policy') return complete(document, position, settings);
    if (kind === 'ini') return completeIni(document, position, this.workspace);
    if (kind) return completeBackint(backintKind(kind), document, position);
    return CompletionList.create([], false);
  }

  hover(
    document: TextDocument,
    position: Position,
    settings: PolicySettings = DEFAULT_SETTINGS,
    now = new Date(),
  ): Hover | null {
    const kind = this.kindOf(document);
    if (kind === 'policy') return hover(this.parse(document), position, settings, now);
    if (kind === 'ini') return hoverIni(document, position, this.workspace);
    if (kind) return hoverBackint(backintKind(kind), document, position);
    return null;
  }

  codeActions(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
    const kind = this.kindOf(document);
    if (kind === 'policy') return codeActions(this.parse(document), diagnostics);
    if (kind === 'ini') return iniCodeActions(document, diagnostics, this.workspace);
    if (kind) return backintCodeActions(backintKind(kind), document, diagnostics);
    return [];
  }

  documentLinks(document: TextDocument): DocumentLink[] {
    return this.kindOf(document) === 'ini' ? iniDocumentLinks(document, this.workspace) : [];
  }

  /** What apply, run-due and prune need of each policy in the file, from the cached parse. */
  policyOperations(document: TextDocument): PolicyOperations[] {
    return this.kindOf(document) === 'policy' ? policyOperations(this.parse(document)) : [];
  }

  documentSymbols(document: TextDocument): DocumentSymbol[] {
    return this.kindOf(document) === 'policy' ? documentSymbols(this.parse(document)) : [];
  }

  foldingRanges(document: TextDocument): FoldingRange[] {
    return this.kindOf(document) === 'policy' ? foldingRanges(this.parse(document)) : [];
  }
}

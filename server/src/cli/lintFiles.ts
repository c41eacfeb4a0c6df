import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  DiagnosticSeverity,
  HanaBackupLanguageService,
  type Diagnostic,
  type PolicySettings,
} from '../languageService';
import { backintKindOf } from '../languageService/backint';
import { fileKindOf, LANGUAGE_IDS } from '../languageService/fileKinds';
import { isWorkspaceFileCandidate } from '../workspaceFiles/candidates';
import { findWorkspaceFiles } from '../workspaceFiles/findWorkspaceFiles';

export interface LintProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

export class UsageError extends Error {}

const SEVERITY: Record<DiagnosticSeverity, LintProblem['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export interface LintInput {
  file: string;
  /** Named outright: linted as a policy when nothing else recognises it. */
  explicit: boolean;
}

/** Files named by the arguments: files as given, folders searched for the files we read, globs expanded. */
export async function resolveInputs(inputs: string[], cwd: string): Promise<LintInput[]> {
  const files = new Map<string, boolean>();
  for (const input of inputs.length ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    if (fs.existsSync(absolute)) {
      const stat = fs.statSync(absolute);
      if (stat.isDirectory())
        findWorkspaceFiles(absolute).forEach((file) => files.set(file, files.get(file) ?? false));
      else files.set(absolute, true);
      continue;
    }
    if (/[*?[\]{}]/.test(input)) {
      const matches = await glob(input, {
        cwd,
        absolute: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      // Like ESLint: a pattern that matches nothing is a mistake in the command, not a clean result.
      if (matches.length === 0) throw new UsageError(`no files match ${input}`);
      // A glob picks the files this linter understands; a file named outright is linted whatever its name.
      matches
        .filter(isWorkspaceFileCandidate)
        .forEach((file) => files.set(path.resolve(file), files.get(path.resolve(file)) ?? false));
      continue;
    }
    throw new UsageError(`no such file or folder: ${input}`);
  }
  return [...files]
    .map(([file, explicit]) => ({ file, explicit }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Lints files the way the editor does: every file is indexed first, so cross-file rules (HBP131,
 * HBP140, layers, parameter-file links) see all the files given, then each is validated. Returns the
 * problems and how many files were checked (files nothing recognises are skipped).
 */
export function lintFiles(
  inputs: LintInput[],
  settings: PolicySettings,
  cwd: string,
): { problems: LintProblem[]; checked: number } {
  const service = new HanaBackupLanguageService();
  const documents = inputs.flatMap(({ file, explicit }) => {
    const text = fs.readFileSync(file, 'utf8');
    const uri = URI.file(file).toString();
    const kind = fileKindOf(file, undefined, backintKindOf, text);
    if (!kind && !explicit) return [];
    return [
      { file, document: TextDocument.create(uri, kind ? LANGUAGE_IDS[kind] : LANGUAGE_IDS.policy, 1, text) },
    ];
  });
  // Backint files first: global.ini files link to them (HBI024), policies read global.ini (HBP140).
  const order = (languageId: string) =>
    languageId.startsWith('hana-backint') ? 0 : languageId === 'hana-ini' ? 1 : 2;
  [...documents]
    .sort((a, b) => order(a.document.languageId) - order(b.document.languageId))
    .forEach(({ document }) => service.indexDocument(document, settings));
  const problems: LintProblem[] = [];
  for (const { file, document } of documents) {
    const relative = path.relative(cwd, file) || path.basename(file);
    for (const diagnostic of service.validate(document, settings))
      problems.push(toProblem(relative, diagnostic));
  }
  problems.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
  return { problems, checked: documents.length };
}

function toProblem(file: string, diagnostic: Diagnostic): LintProblem {
  return {
    file: file.split(path.sep).join('/'),
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: SEVERITY[diagnostic.severity ?? DiagnosticSeverity.Error],
    code: String(diagnostic.code),
    message: diagnostic.message,
  };
}

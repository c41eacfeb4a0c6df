import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  DiagnosticSeverity,
  isPolicyFilePath,
  PolicyLanguageService,
  type Diagnostic,
  type PolicySettings,
} from '../languageService';
import { findPolicyFiles } from '../workspaceFiles/findPolicyFiles';

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

/** Files named by the arguments: files as given, folders searched for policy files, globs expanded. */
export async function resolveInputs(inputs: string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs.length ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    if (fs.existsSync(absolute)) {
      const stat = fs.statSync(absolute);
      if (stat.isDirectory()) findPolicyFiles(absolute).forEach((file) => files.add(file));
      else files.add(absolute);
      continue;
    }
    if (/[*?[\]{}]/.test(input)) {
      const matches = await glob(input, {
        cwd,
        absolute: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      // A glob picks the files this linter understands; a file named outright is linted whatever its name.
      matches.filter(isPolicyFilePath).forEach((file) => files.add(path.resolve(file)));
      continue;
    }
    throw new UsageError(`no such file or folder: ${input}`);
  }
  return [...files].sort();
}

/**
 * Lints files the way the editor does: every file is indexed first, so cross-file rules (HBP131)
 * see all the files given, then each is validated.
 */
export function lintFiles(files: string[], settings: PolicySettings, cwd: string): LintProblem[] {
  const service = new PolicyLanguageService();
  const documents = files.map((file) =>
    TextDocument.create(URI.file(file).toString(), 'hana-backup-policy', 1, fs.readFileSync(file, 'utf8')),
  );
  documents.forEach((document) => service.indexDocument(document));
  const problems: LintProblem[] = [];
  documents.forEach((document, i) => {
    const relative = path.relative(cwd, files[i]) || path.basename(files[i]);
    for (const diagnostic of service.validate(document, settings))
      problems.push(toProblem(relative, diagnostic));
  });
  return problems.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
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

import type { Diagnostic, TextDocument } from '../../types';
import { catalogFor } from '../catalog';
import type { BackintKind, ParsedBackintFile } from '../model';
import { parseBackint } from '../parse';
import { checkAws } from './aws';
import { checkGcp } from './gcp';
import { checkRequiredKeys, checkUnknownKeys } from './keys';
import { BackintContext } from './report';
import { checkSyntax } from './syntax';
import { checkValues } from './values';

/** Runs every check; each one separately, so a failing check costs only its own findings. */
export function runChecks(kind: BackintKind, document: TextDocument, file: ParsedBackintFile): Diagnostic[] {
  const ctx = new BackintContext(document, file, catalogFor(kind, document.uri));
  const checks = [checkSyntax, checkUnknownKeys, checkValues, checkRequiredKeys];
  if (kind === 'aws') checks.push(checkAws);
  if (kind === 'gcp') checks.push(checkGcp);
  for (const check of checks) {
    try {
      check(ctx);
    } catch {
      // A bug in one check must not hide what the others found, nor break the editor.
    }
  }
  return ctx.diagnostics;
}

/** All diagnostics of a Backint parameter file of the given kind. Never throws. */
export function validateBackint(kind: BackintKind, document: TextDocument): Diagnostic[] {
  try {
    return runChecks(kind, document, parseBackint(kind, document.getText()));
  } catch {
    return [];
  }
}

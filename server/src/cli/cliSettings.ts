import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { toConnections } from '../lsp/settings';
import type { PolicySettings } from '../languageService';
import { UsageError } from './lintFiles';

/**
 * The CLI reads the same `hanaBackup.connections` as the editor, from a VS Code settings file: the
 * one given with --settings, or the nearest `.vscode/settings.json` above the current folder.
 */
export function loadSettings(cwd: string, explicit?: string): PolicySettings {
  return { connections: toConnections(rawConnections(cwd, explicit)) };
}

/** The `hanaBackup.connections` value of the settings file, as written (undefined without one). */
export function rawConnections(cwd: string, explicit?: string): unknown {
  const file = explicit ? path.resolve(cwd, explicit) : findUp(cwd);
  if (!file) return undefined;
  if (!fs.existsSync(file)) throw new UsageError(`settings file not found: ${explicit}`);
  const errors: ParseError[] = [];
  const json = parse(fs.readFileSync(file, 'utf8'), errors, { allowTrailingComma: true }) as
    Record<string, unknown> | undefined;
  if (errors.length && explicit)
    throw new UsageError(`cannot read settings file ${explicit}: it is not valid JSON`);
  const nested = (json?.hanaBackup as Record<string, unknown> | undefined)?.connections;
  return json?.['hanaBackup.connections'] ?? nested;
}

function findUp(start: string): string | undefined {
  let folder = start;
  for (;;) {
    const candidate = path.join(folder, '.vscode', 'settings.json');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

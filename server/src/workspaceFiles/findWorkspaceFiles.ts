import * as fs from 'node:fs';
import * as path from 'node:path';
import { isWorkspaceFileCandidate } from './candidates';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/**
 * Every file below a folder that hana-backup may understand (policies, global.ini layers, Backint
 * parameter files), in a stable order; unreadable folders are skipped.
 */
export function findWorkspaceFiles(root: string, limit = 100_000): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length && found.length < limit) {
    const folder = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && isWorkspaceFileCandidate(full)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

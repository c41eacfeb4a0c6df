import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPolicyFilePath } from '../languageService/policyFiles';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Every policy file below a folder, in a stable order; unreadable folders are skipped. */
export function findPolicyFiles(root: string, limit = 100_000): string[] {
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
      } else if (entry.isFile() && isPolicyFilePath(full)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}

import { isPolicyFilePath } from '../languageService';
import { backintKindOf } from '../languageService/backint';

/**
 * Files worth reading to find out: policies and Backint files by name, and every `.ini` (a
 * global.ini by name, any other when a `# hana-backup:` directive in it names its layer).
 */
export function isWorkspaceFileCandidate(filePath: string): boolean {
  return isPolicyFilePath(filePath) || /\.ini$/i.test(filePath) || backintKindOf(filePath) !== undefined;
}

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a backup "file" records: enough to recognise it, never the gigabytes it stands for. */
export interface BackupFileHeader {
  backupId: number;
  database: string;
  /** ENTRY_TYPE_NAME of the catalog entry it belongs to. */
  entryType: string;
  serviceType: string;
  volumeId: number;
  declaredSize: number;
  /** Redo log positions a log backup covers, or the position a data backup ends at. */
  firstRedoLogPosition?: number;
  lastRedoLogPosition?: number;
}

const MAGIC = 'HANASIM-BACKUP-1';

function checksum(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Writes a small real file standing for one backup piece. It goes to a temporary name first and is
 * renamed when complete, so a kill -9 mid-backup leaves no file that looks whole.
 */
export function writeBackupFile(file: string, header: BackupFileHeader): void {
  const body = JSON.stringify(header);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.partial`;
  fs.writeFileSync(temporary, `${MAGIC}\n${body}\n${checksum(body)}\n`);
  fs.renameSync(temporary, file);
}

export type BackupFileState =
  { ok: true; header: BackupFileHeader } | { ok: false; reason: 'missing' | 'damaged' };

/** Whether a backup piece is there and intact, as a recovery must know before it starts. */
export function readBackupFile(file: string): BackupFileState {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  const [magic, body, sum] = text.split('\n');
  if (magic !== MAGIC || !body || checksum(body) !== sum) return { ok: false, reason: 'damaged' };
  try {
    return { ok: true, header: JSON.parse(body) as BackupFileHeader };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}

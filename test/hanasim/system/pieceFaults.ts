import * as fs from 'node:fs';
import { HanaError } from '../shared/types';
import type { BackupContext } from './backupContext';

interface Piece {
  t: string | null;
  p: string | null;
  e: string | null;
}

function piecesOf(ctx: BackupContext, backupId: number): Piece[] {
  const pieces = ctx.engine.db
    .prepare(
      'SELECT DESTINATION_TYPE_NAME AS t, DESTINATION_PATH AS p, EXTERNAL_BACKUP_ID AS e FROM S_M_BACKUP_CATALOG_FILES WHERE BACKUP_ID = ?',
    )
    .all(backupId) as Piece[];
  if (pieces.length === 0) throw new HanaError(448, `no backup with BACKUP_ID ${backupId}`);
  return pieces;
}

/** `CALL HANASIM.DELETE_BACKUP_FILE(<id>)`: every piece of a backup is gone from its destination. */
export function deleteBackupFiles(ctx: BackupContext, backupId: number): void {
  for (const piece of piecesOf(ctx, backupId)) ctx.deletePiece(piece.t, piece.p, piece.e);
}

/** `CALL HANASIM.CORRUPT_BACKUP_FILE(<id>)`: the pieces are still there but their checksums fail. */
export function corruptBackupFiles(ctx: BackupContext, backupId: number): void {
  for (const piece of piecesOf(ctx, backupId)) {
    const where = ctx.pieceLocation(piece.t, piece.p, piece.e);
    if (where && fs.existsSync(where)) fs.appendFileSync(where, 'damaged');
  }
}

import type { Db } from '../../vault/database';
import { AppError } from '../../errors';

/**
 * What closing a dossier seals: every item of the round, the corrections filed after closing
 * too (each is filed with its file in one step: dossier-service.ts correctItem). Items without
 * a round belong to no dossier.
 */
export function dossierClosed(db: Db, roundId: number | null): boolean {
  if (roundId === null) return false;
  const row = db.prepare("SELECT 1 FROM archive_dossiers WHERE round_id = ? AND status = 'closed'").get(roundId);
  return row !== undefined;
}

/** ARCHIVE_DOSSIER_CLOSED when the item is sealed by its round's closed dossier. */
export function assertItemWritable(db: Db, itemId: number): void {
  const row = db.prepare('SELECT round_id FROM archive_items WHERE id = ?').get(itemId) as { round_id: number | null } | undefined;
  if (!row || !dossierClosed(db, row.round_id)) return;
  throw new AppError('ARCHIVE_DOSSIER_CLOSED');
}

/** New items go into open dossiers only (a closed one takes corrections, through archives.correct). */
export function assertDossierOpen(db: Db, roundId: number | null): void {
  if (dossierClosed(db, roundId)) throw new AppError('ARCHIVE_DOSSIER_CLOSED');
}

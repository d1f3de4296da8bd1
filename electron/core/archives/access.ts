import type { ActiveSession } from '../context';
import { roleMay } from '../../../shared/roles';

/**
 * What of the archives a signed-in user may see (shared/channels/archives.ts explains the
 * rules). Clue material follows the clue rule exactly (clues-service assertMayReadClues): the
 * clue officer, and the administrator where the office allows it.
 */
export interface ArchiveAccess {
  mayReadClues: boolean;
  mayReadClassified: boolean;
}

export function archiveAccess(session: ActiveSession): ArchiveAccess {
  const role = session.user.role;
  return {
    mayReadClues: role === 'clueOfficer' || (role === 'admin' && session.settings.get().adminsMayReadClues),
    mayReadClassified: roleMay(role, 'archives.readClassified'),
  };
}

/** 秘密 and 机密: hidden from roles without archives.readClassified. */
export const CLASSIFIED = ['secret', 'confidential'] as const;

export function isClassified(classification: string): boolean {
  return (CLASSIFIED as readonly string[]).includes(classification);
}

export function mayRead(access: ArchiveAccess, item: { clueMaterial: boolean; classification: string }): boolean {
  if (item.clueMaterial && !access.mayReadClues) return false;
  if (isClassified(item.classification) && !access.mayReadClassified) return false;
  return true;
}

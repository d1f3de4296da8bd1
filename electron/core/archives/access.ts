import type { ActiveSession } from '../context';
import { roleMay } from '../../../shared/roles';
import { mayReadClues } from '../findings/clue-access';

/**
 * What of the archives a signed-in user may see (shared/channels/archives.ts explains the
 * rules). Clue material follows the clue rule exactly (findings/clue-access.ts).
 */
export interface ArchiveAccess {
  mayReadClues: boolean;
  mayReadClassified: boolean;
}

export function archiveAccess(session: ActiveSession): ArchiveAccess {
  const role = session.user.role;
  return {
    mayReadClues: mayReadClues(session),
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

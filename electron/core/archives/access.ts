import type { ActiveSession } from '../context';
import { roleMay } from '../../../shared/roles';
import { mayReadClues } from '../findings/clue-access';
import { activeBorrowing } from './borrowing/store';

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

/** Why a user may read an item now: their role, or their own approved borrowing (借阅登记). */
export type ReadGrant = { kind: 'role' } | { kind: 'borrowing'; borrowingId: number };

/**
 * Whether this user may read the item now (`today` by the core's clock). A 秘密 or 机密 item
 * their role may not read is readable during their own approved request that is neither past
 * its due date nor returned (shared/channels/archives-borrowing.ts); clue material follows the
 * clue rule alone, whatever was approved.
 */
export function readGrant(session: ActiveSession, item: { id: number; clueMaterial: boolean; classification: string }, today: string): ReadGrant | null {
  if (mayRead(archiveAccess(session), item)) return { kind: 'role' };
  if (item.clueMaterial || !isClassified(item.classification)) return null;
  const borrowingId = activeBorrowing(session.vault.db, session.user.id, item.id, today);
  return borrowingId === null ? null : { kind: 'borrowing', borrowingId };
}

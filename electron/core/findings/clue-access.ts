/**
 * Who may read clue content: the clue officer, and an administrator only where the office has
 * turned that on in settings. The one rule clues, hand-overs and archived clue material share.
 */
import type { ActiveSession } from '../context';

export function mayReadClues(session: ActiveSession): boolean {
  const role = session.user.role;
  return role === 'clueOfficer' || (role === 'admin' && session.settings.get().adminsMayReadClues);
}

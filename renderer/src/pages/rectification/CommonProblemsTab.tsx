import type { RectificationRights } from './labels';

/** (Being built.) */
export function CommonProblemsTab(_props: { roundId: number | null; rights: RectificationRights }) {
  return null;
}

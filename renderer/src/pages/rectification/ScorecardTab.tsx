import type { RectificationRights } from './labels';

/** (Being built.) */
export function ScorecardTab(_props: { roundId: number | null; rights: RectificationRights }) {
  return null;
}

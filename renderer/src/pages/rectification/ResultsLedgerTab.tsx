import type { RectificationRights } from './labels';

/** (Being built.) */
export function ResultsLedgerTab(_props: { roundId: number | null; rights: RectificationRights }) {
  return null;
}

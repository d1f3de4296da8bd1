import type { RoundSummary } from '../../../../shared/contract';
import { ClueCountsPanel } from './ClueCountsPanel';
import { CluesPanel } from './CluesPanel';
import type { FindingsRights } from './FindingsModule';

/**
 * 问题线索 are confidential: only a role that may read them gets the list (every list and open
 * is audited by the core). Everyone else gets counts only, and clues.list is never called.
 */
export function CluesTab({ round, rights }: { round: RoundSummary | null; rights: FindingsRights }) {
  return rights.readClues ? <CluesPanel round={round} rights={rights} /> : <ClueCountsPanel round={round} />;
}

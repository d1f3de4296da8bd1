import type { ArchiveKind } from '../../../../shared/channels/archives';
import type { Dossier } from '../../../../shared/channels/archives';

/**
 * What a round is expected to file, stage by stage (STANDARDS.md "what offices file per round":
 * local practice, no national list), as archive kinds. `other` is never expected.
 */
export const EXPECTED_BY_STAGE: readonly { stage: Dossier['checklist'][number]['stage']; kinds: readonly ArchiveKind[] }[] = [
  { stage: 'plan', kinds: ['plan'] },
  { stage: 'mobilise', kinds: ['mobilisation'] },
  { stage: 'onSite', kinds: ['entryNotice', 'briefing', 'documentList', 'interviewRecord', 'petition', 'problemDraft'] },
  { stage: 'report', kinds: ['report'] },
  { stage: 'feedback', kinds: ['feedback'] },
  { stage: 'handover', kinds: ['clueLedger', 'handover'] },
  { stage: 'rectification', kinds: ['rectification'] },
];

/** The checklist from counts by kind, and the kinds still missing in checklist order. */
export function checklistOf(counts: ReadonlyMap<string, number>): Pick<Dossier, 'checklist' | 'missing'> {
  const checklist = EXPECTED_BY_STAGE.map(({ stage, kinds }) => ({ stage, kinds: kinds.map((kind) => ({ kind, filed: counts.get(kind) ?? 0 })) }));
  const missing = checklist.flatMap((s) => s.kinds.filter((k) => k.filed === 0).map((k) => k.kind));
  return { checklist, missing };
}

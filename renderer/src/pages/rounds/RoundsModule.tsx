import { useEffect, useState } from 'react';
import { roleMay } from '../../../../shared/roles';
import { useFocusRequest } from '../../state/focus-request';
import { useActiveStatus } from '../../state/status';
import { ProcedureEditor } from './ProcedureEditor';
import { RoundPage } from './RoundPage';
import { RoundsListPage } from './RoundsListPage';

export type RoundsView = { kind: 'list' } | { kind: 'round'; roundId: number } | { kind: 'procedure' };

/**
 * Like the shell's page, the open round survives a lock: unlocking as the same user returns
 * to it (nothing of it stays on screen while locked).
 */
let remembered: { userId: number; view: RoundsView; termId: number | null } | null = null;

/** The 轮次 module: the rounds of a term, one round's page, and the procedure template (admins). */
export function RoundsModule() {
  const { user } = useActiveStatus();
  const [view, setView] = useState<RoundsView>(() => (remembered?.userId === user.id ? remembered.view : { kind: 'list' }));
  const [termId, setTermId] = useState<number | null>(() => (remembered?.userId === user.id ? remembered.termId : null));
  const mayEditProcedure = roleMay(user.role, 'settings.manage');

  useEffect(() => {
    remembered = { userId: user.id, view, termId };
  }, [user.id, view, termId]);

  const show = (next: RoundsView) => {
    setView(next);
    // As the shell does on navigation: land keyboard and screen-reader users on the new heading.
    window.requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  };
  const backToList = () => show({ kind: 'list' });
  // A round chosen in quick search (Ctrl+K).
  useFocusRequest('round', (request) => show({ kind: 'round', roundId: request.id }));

  if (view.kind === 'round') {
    return <RoundPage key={view.roundId} roundId={view.roundId} onBack={backToList} />;
  }
  if (view.kind === 'procedure' && mayEditProcedure) {
    return <ProcedureEditor onBack={backToList} />;
  }
  return (
    <RoundsListPage
      termId={termId}
      onTermChange={setTermId}
      onOpenRound={(roundId) => show({ kind: 'round', roundId })}
      onOpenProcedure={mayEditProcedure ? () => show({ kind: 'procedure' }) : null}
    />
  );
}

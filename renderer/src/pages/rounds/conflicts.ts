import type { Conflict } from '../../../../shared/contract';

/** The conflicts a CONFLICT_OF_INTEREST refusal carries in its details (shape checked: it crossed IPC). */
export function conflictsOf(details: Record<string, unknown> | undefined): Conflict[] {
  const list = details?.conflicts;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (item): item is Conflict =>
      typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string',
  );
}

/** The open steps a STEPS_OPEN refusal lists. */
export function openStepsOf(details: Record<string, unknown> | undefined): string[] {
  const steps = details?.steps;
  return Array.isArray(steps) ? steps.filter((step): step is string => typeof step === 'string') : [];
}

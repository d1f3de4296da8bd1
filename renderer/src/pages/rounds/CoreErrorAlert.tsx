import type { AppErrorShape } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The rounds module's refusals say which round number is taken, which group still has members,
 * which unit stopped a batch: they always show the core's own sentence as well.
 */
export function CoreErrorAlert({ error }: { error: AppErrorShape | null | undefined }) {
  return <ErrorAlert error={error} coreDetail />;
}

/**
 * The busy flag and the refusal of one call to the core made by a form or dialog: while the call
 * runs the form cannot be sent again or closed, and a refusal stays on screen until the next try.
 */
import { useCallback, useState } from 'react';
import type { AppErrorShape, IpcResult } from '../../../shared/result';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  /** Runs `call`; on success hands its value to `onOk` and returns true, else shows the refusal. */
  const run = useCallback(async <T>(call: () => Promise<IpcResult<T>>, onOk: (value: T) => void | Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    await onOk(result.value);
    return true;
  }, []);

  return { busy, error, setError, run };
}

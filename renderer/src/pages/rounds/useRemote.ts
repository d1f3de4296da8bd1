import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppErrorShape, IpcResult } from '../../../../shared/result';

export interface Remote<T> {
  data: T | null;
  error: AppErrorShape | null;
  /** True while the current loader (or a reload) has not answered yet; the last data stays shown. */
  loading: boolean;
  reload: () => void;
}

/**
 * Reads from the core with `loader` (memoise it with useCallback): again whenever it changes
 * or reload() is called. The previous data stays on screen while a reload runs, so tables do
 * not flicker after every change.
 */
export function useRemote<T>(loader: (() => Promise<IpcResult<T>>) | null): Remote<T> {
  const [version, setVersion] = useState(0);
  const token = useMemo(() => ({ loader, version }), [loader, version]);
  const [state, setState] = useState<{ token: typeof token | null; data: T | null; error: AppErrorShape | null }>({
    token: null,
    data: null,
    error: null,
  });

  useEffect(() => {
    const load = token.loader;
    if (!load) return;
    let cancelled = false;
    void load().then((result) => {
      if (cancelled) return;
      setState((current) =>
        result.ok ? { token, data: result.value, error: null } : { token, data: current.data, error: result.error },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [token]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { data: state.data, error: state.error, loading: token.loader !== null && state.token !== token, reload };
}

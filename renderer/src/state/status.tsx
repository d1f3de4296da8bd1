/**
 * The app's top-level state is whatever `app.status` says: needsSetup, signedOut, locked or
 * active. Every screen change goes through `refresh()`, so the UI never guesses the core's state.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppStatus } from '../../../shared/contract';
import type { AppErrorShape, IpcResult } from '../../../shared/result';
import { invoke, onSessionEnded } from '../api/client';
import { useLocale } from '../i18n';

interface StatusContextValue {
  status: AppStatus | null;
  loadError: AppErrorShape | null;
  refresh: () => Promise<AppStatus | null>;
}

const StatusContext = createContext<StatusContextValue | null>(null);

export function StatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const [, setLocale] = useLocale();
  const sessionUserId = useRef<number | null>(null);

  const apply = useCallback(
    (result: IpcResult<AppStatus>): AppStatus | null => {
      if (!result.ok) {
        setLoadError(result.error);
        return null;
      }
      const next = result.value;
      // A new session adopts the office's language setting; within a session the user's own
      // switch wins (see LanguageSwitch).
      const userId = next.state === 'active' ? next.user.id : next.state === 'locked' ? sessionUserId.current : null;
      if (next.state === 'active' && sessionUserId.current !== next.user.id) {
        setLocale(next.settings.locale);
      }
      sessionUserId.current = userId;
      setLoadError(null);
      setStatus(next);
      return next;
    },
    [setLocale],
  );

  const refresh = useCallback(async () => apply(await invoke('app.status', {})), [apply]);

  useEffect(() => {
    void invoke('app.status', {}).then(apply);
    return onSessionEnded(() => void refresh());
  }, [apply, refresh]);

  const value = useMemo(() => ({ status, loadError, refresh }), [status, loadError, refresh]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusContextValue {
  const value = useContext(StatusContext);
  if (!value) throw new Error('useStatus must be used inside <StatusProvider>');
  return value;
}

/** The active session, for screens that only render while signed in. */
export function useActiveStatus(): Extract<AppStatus, { state: 'active' }> {
  const { status } = useStatus();
  if (!status || status.state !== 'active') throw new Error('No active session');
  return status;
}

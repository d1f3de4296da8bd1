import { useCallback, useEffect, useRef } from 'react';
import { useHotkeys, useIdle } from '@mantine/hooks';
import { invoke } from '../api/client';
import { useStatus } from '../state/status';
import { notifyError } from '../components/notify';
import { useT } from '../i18n';

const ACTIVITY_INTERVAL_MS = 60_000;
const ACTIVITY_EVENTS = ['keydown', 'mousemove', 'mousedown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Locks the workbench after `idleLockMinutes` without input (session.lock {reason:'idle'}),
 * tells the core about activity at most once a minute (session.activity), and binds Ctrl+L /
 * Cmd+L to an immediate lock. Returns the manual lock action.
 */
export function useIdleLock(idleLockMinutes: number): () => Promise<void> {
  const t = useT();
  const { refresh } = useStatus();
  const locking = useRef(false);

  const lock = useCallback(
    async (reason: 'manual' | 'idle' = 'manual') => {
      if (locking.current) return;
      locking.current = true;
      const result = await invoke('session.lock', { reason });
      locking.current = false;
      if (!result.ok) {
        notifyError(t, result.error);
        return;
      }
      await refresh();
    },
    [refresh, t],
  );

  const idle = useIdle(Math.max(1, idleLockMinutes) * 60_000, { initialState: false });
  useEffect(() => {
    if (idle) void lock('idle');
  }, [idle, lock]);

  const lastActivity = useRef(0);
  useEffect(() => {
    // Signing in or unlocking was itself activity.
    lastActivity.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - lastActivity.current < ACTIVITY_INTERVAL_MS) return;
      lastActivity.current = now;
      void invoke('session.activity', {});
    };
    for (const event of ACTIVITY_EVENTS) document.addEventListener(event, onActivity, { passive: true, capture: true });
    return () => {
      for (const event of ACTIVITY_EVENTS) document.removeEventListener(event, onActivity, { capture: true });
    };
  }, []);

  const manualLock = useCallback(() => lock('manual'), [lock]);
  // An empty ignore list: the shortcut works inside inputs too.
  useHotkeys(
    [
      ['ctrl+L', () => void manualLock()],
      ['meta+L', () => void manualLock()],
    ],
    [],
  );
  return manualLock;
}

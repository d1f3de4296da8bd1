/**
 * Starts a backup, check or restore and follows it: the core answers at once with the job and
 * runs it in the background, so the window polls `backup.job` until the job has ended and shows
 * its progress meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupJob } from '../../../../shared/contract';
import type { AppErrorShape, IpcResult } from '../../../../shared/result';
import { invoke } from '../../api/client';

const POLL_MS = 250;

export type JobRun =
  | { step: 'idle' }
  /** Waiting for the core to answer the start (a dialog is open, or the snapshot is taken). */
  | { step: 'starting'; kind: BackupJob['kind'] }
  | { step: 'running'; job: BackupJob }
  | { step: 'ended'; job: BackupJob }
  | { step: 'refused'; kind: BackupJob['kind']; error: AppErrorShape }
  | { step: 'cancelled'; kind: BackupJob['kind'] };

export function useBackupJob() {
  const [run, setRun] = useState<JobRun>({ step: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = useCallback(async (first: BackupJob): Promise<BackupJob | null> => {
    let job = first;
    while (job.state === 'running') {
      if (!alive.current) return null;
      setRun({ step: 'running', job });
      await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
      const result = await invoke('backup.job', {});
      if (!result.ok || !result.value) {
        if (alive.current) setRun({ step: 'refused', kind: job.kind, error: result.ok ? { code: 'INTERNAL', message: '' } : result.error });
        return null;
      }
      job = result.value;
    }
    if (alive.current) setRun({ step: 'ended', job });
    return job;
  }, []);

  /** Runs `start` (a backup.create / verify / restore call) and follows the job it starts. */
  const start = useCallback(
    async (kind: BackupJob['kind'], call: () => Promise<IpcResult<BackupJob | null>>): Promise<BackupJob | null> => {
      setRun({ step: 'starting', kind });
      const result = await call();
      if (!alive.current) return null;
      if (!result.ok) {
        setRun({ step: 'refused', kind, error: result.error });
        return null;
      }
      if (!result.value) {
        setRun({ step: 'cancelled', kind });
        return null;
      }
      return follow(result.value);
    },
    [follow],
  );

  const reset = useCallback(() => setRun({ step: 'idle' }), []);
  return { run, start, follow, reset };
}

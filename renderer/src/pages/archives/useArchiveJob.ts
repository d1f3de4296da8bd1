/**
 * Starts an index rebuild or a fixity audit and follows it: the core answers at once with the
 * job and runs it in the background, so the window polls `archives.job` until it has ended.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchiveJob } from '../../../../shared/contract';
import type { AppErrorShape, IpcResult } from '../../../../shared/result';
import { invoke } from '../../api/client';

const POLL_MS = 250;

export type ArchiveJobRun = { step: 'idle' } | { step: 'running'; job: ArchiveJob } | { step: 'ended'; job: ArchiveJob } | { step: 'refused'; error: AppErrorShape };

export function useArchiveJob(onEnded: (job: ArchiveJob) => void) {
  const [run, setRun] = useState<ArchiveJobRun>({ step: 'idle' });
  const alive = useRef(true);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  }, [onEnded]);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = useCallback(async (first: ArchiveJob) => {
    let job = first;
    while (job.state === 'running') {
      if (!alive.current) return;
      setRun({ step: 'running', job });
      await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
      const result = await invoke('archives.job', {});
      if (!result.ok || !result.value) {
        if (alive.current) setRun({ step: 'refused', error: result.ok ? { code: 'INTERNAL', message: '' } : result.error });
        return;
      }
      job = result.value;
    }
    if (!alive.current) return;
    setRun({ step: 'ended', job });
    ended.current(job);
  }, []);

  const start = useCallback(
    async (call: () => Promise<IpcResult<ArchiveJob>>) => {
      const result = await call();
      if (!alive.current) return;
      if (!result.ok) setRun({ step: 'refused', error: result.error });
      else await follow(result.value);
    },
    [follow],
  );

  // A job started before this page was opened (or before a lock) is followed again.
  useEffect(() => {
    void invoke('archives.job', {}).then((result) => {
      if (result.ok && result.value?.state === 'running') void follow(result.value);
    });
  }, [follow]);

  return { run, start, busy: run.step === 'running' };
}

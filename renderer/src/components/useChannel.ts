/**
 * Reads one channel whenever its input (or `version`) changes. The last good value stays on
 * screen while the next one loads, so a table does not flash empty between pages or filters.
 */
import { useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { invoke } from '../api/client';

interface Loaded<T> {
  key: string;
  value: T | null;
  error: AppErrorShape | null;
}

export interface ChannelState<T> {
  data: T | null;
  error: AppErrorShape | null;
  /** True from a change of input until its answer arrives. */
  loading: boolean;
}

/** `input` null: nothing to read (no round chosen yet, or the role may not read it). */
export function useChannel<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C> | null,
  version = 0,
): ChannelState<ChannelOutput<C>> {
  const key = input === null ? '' : JSON.stringify({ channel, input, version });
  const [state, setState] = useState<Loaded<ChannelOutput<C>>>({ key: '', value: null, error: null });

  useEffect(() => {
    if (!key) return;
    const request = JSON.parse(key) as { channel: C; input: ChannelInput<C> };
    let cancelled = false;
    void invoke(request.channel, request.input).then((result) => {
      if (cancelled) return;
      setState((previous) =>
        result.ok ? { key, value: result.value, error: null } : { key, value: previous.value, error: result.error },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [key]);

  if (!key) return { data: null, error: null, loading: false };
  return { data: state.value, error: state.error, loading: state.key !== key };
}

/**
 * The state of one print through the system dialog (see printPdf.ts): pages drawn so far, and
 * how it ended. Leaving the screen cancels a print still being prepared.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { PrintCancelled, printPdf } from './printPdf';

/** 'printing': the system dialog is open. */
export type PrintPhase = 'idle' | 'preparing' | 'printing' | 'printed' | 'cancelled' | 'failed';

export interface PrintState {
  phase: PrintPhase;
  /** Pages drawn and pages in the file (0 of 0 while the file is still being opened). */
  done: number;
  total: number;
}

export function usePrintPdf() {
  const [state, setState] = useState<PrintState>({ phase: 'idle', done: 0, total: 0 });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (bytes: Uint8Array, repeat = 1) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState({ phase: 'preparing', done: 0, total: 0 });
    try {
      await printPdf(bytes, { signal: own.signal, repeat, onProgress: ({ done, total }) => setState({ phase: 'preparing', done, total }),
        onDialog: () => setState((now) => ({ ...now, phase: 'printing' })),
      });
      if (controller.current === own) setState((now) => ({ ...now, phase: 'printed' }));
    } catch (error) {
      if (controller.current !== own) return;
      setState((now) => ({ ...now, phase: error instanceof PrintCancelled ? 'cancelled' : 'failed' }));
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, start, cancel, preparing: state.phase === 'preparing', active: state.phase === 'preparing' || state.phase === 'printing' };
}

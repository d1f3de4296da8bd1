/**
 * "Open this record": left by quick search (Ctrl+K) for the page it navigates to. A page that
 * can show one record reads the request of its kind once — on mounting, or while it is already
 * on screen — and clears it, so that coming back to the page later does not reopen the record.
 * Pages that cannot show a single record simply ignore it.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { QuickSearchKind } from '../../../shared/channels/search';

export interface FocusRequest {
  kind: QuickSearchKind;
  id: number;
  /** The record's title as the search showed it (a page may filter its list by it). */
  title: string;
}

let pending: FocusRequest | null = null;
const listeners = new Set<() => void>();

export function requestFocus(request: FocusRequest): void {
  pending = request;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Calls `open` once for each request of `kind`. `take` false leaves the request for a part
 * of the page that opens it (a page that only shows the right tab first).
 */
export function useFocusRequest(kind: QuickSearchKind, open: (request: FocusRequest) => void, take = true): void {
  const request = useSyncExternalStore(subscribe, () => pending);
  useEffect(() => {
    if (!request || request.kind !== kind || pending !== request) return;
    if (take) pending = null;
    open(request);
  }, [request, kind, open, take]);
}

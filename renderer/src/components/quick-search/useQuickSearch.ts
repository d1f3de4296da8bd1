/**
 * Searches as one types: the query settles for a moment before it is sent, and only the answer
 * to the latest query is shown (an earlier, slower answer never stands for a later query).
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { QuickSearchResult } from '../../../../shared/channels/search';
import type { AppErrorShape } from '../../../../shared/result';
import { invoke } from '../../api/client';

/** Hits per group: enough to choose from with the arrow keys, few enough to see at once. */
export const HITS_PER_GROUP = 5;
const SETTLE_MS = 150;

interface Answer {
  query: string;
  result: QuickSearchResult | null;
  error: AppErrorShape | null;
}

export interface QuickSearchState extends Answer {
  /** True while the box holds a query whose answer has not arrived. */
  loading: boolean;
}

export function useQuickSearch(query: string): QuickSearchState {
  const typed = query.trim();
  const [settled] = useDebouncedValue(typed, SETTLE_MS);
  const [answer, setAnswer] = useState<Answer>({ query: '', result: null, error: null });

  useEffect(() => {
    if (!settled) return;
    let stale = false;
    void invoke('search.quick', { query: settled, limit: HITS_PER_GROUP }).then((reply) => {
      if (stale) return;
      setAnswer(reply.ok ? { query: settled, result: reply.value, error: null } : { query: settled, result: null, error: reply.error });
    });
    return () => {
      stale = true;
    };
  }, [settled]);

  if (!typed) return { query: '', result: null, error: null, loading: false };
  // Until the answer to what is typed arrives, the last answer stays on screen (no flashing).
  return { ...answer, loading: answer.query !== typed };
}

/**
 * The state of a filtered, server-paged list: the filters being edited (draft), the filters in
 * force (applied), the page and the page size. Applying filters goes back to page 1; `onChange`
 * runs whenever the rows on screen are about to change (to drop a selection of them).
 */
import { useState, type FormEvent } from 'react';

export function useListQuery<Filters>(empty: Filters, onChange?: () => void) {
  const [draft, setDraft] = useState<Filters>(empty);
  const [applied, setApplied] = useState<Filters>(empty);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const apply = (next: Filters) => {
    setApplied(next);
    setPage(1);
    onChange?.();
  };
  return {
    draft,
    setDraft,
    applied,
    apply,
    /** A choice that takes effect at once (a select), without pressing 查询. */
    choose: (next: Filters) => {
      setDraft(next);
      apply(next);
    },
    /** The filter form's submit: applies what was typed. */
    submit: (event: FormEvent) => {
      event.preventDefault();
      apply(draft);
    },
    reset: () => {
      setDraft(empty);
      apply(empty);
    },
    page,
    pageSize,
    /** For TablePager's onChange. */
    turn: (nextPage: number, nextSize: number) => {
      setPage(nextPage);
      setPageSize(nextSize);
      onChange?.();
    },
  };
}

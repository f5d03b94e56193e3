import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Keyset paging of a list query: the cursors of the pages seen so far, so "Previous" goes back
 * without the API having to page backwards. A new question (filters, order) starts again at the
 * first page. Spread `input` into the list's input and `queryOptions` into its options: the rows
 * shown stay (marked busy) while the next page or question loads.
 */
export function useKeysetPages(question: unknown, pageSize: number) {
  const key = JSON.stringify(question);
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key,
    cursors: [undefined],
  });
  const cursors = state.key === key ? state.cursors : [undefined];
  const pageIndex = cursors.length - 1;
  const cursor = cursors[pageIndex];
  return {
    pageIndex,
    pageSize,
    input: { limit: pageSize, ...(cursor ? { cursor } : {}) },
    queryOptions: { placeholderData: keepPreviousData },
    next(nextCursor: string) {
      setState({ key, cursors: [...cursors, nextCursor] });
    },
    previous() {
      if (pageIndex > 0) setState({ key, cursors: cursors.slice(0, -1) });
    },
  };
}

export type KeysetPages = ReturnType<typeof useKeysetPages>;

import { useState } from 'react';

/**
 * Keyset paging state: the cursors of the pages seen so far, so "Previous" goes back without the
 * API having to page backwards. A new question (filters, order) starts again at the first page.
 */
export function useKeysetPages(questionKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: questionKey,
    cursors: [undefined],
  });
  const cursors = state.key === questionKey ? state.cursors : [undefined];
  const pageIndex = cursors.length - 1;
  return {
    pageIndex,
    cursor: cursors[pageIndex],
    next(nextCursor: string) {
      setState({ key: questionKey, cursors: [...cursors, nextCursor] });
    },
    previous() {
      if (pageIndex > 0) setState({ key: questionKey, cursors: cursors.slice(0, -1) });
    },
    reset() {
      setState({ key: questionKey, cursors: [undefined] });
    },
  };
}

import { Button } from '@clinicpay/ui';

export interface KeysetPagerProps {
  pageIndex: number;
  pageSize: number;
  rowsOnPage: number;
  hasNext: boolean;
  isFetching: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** "transactions", "appointments": for the position line. */
  noun: string;
}

/** Previous / Next for keyset pages, with "Rows 51–100" read out when the page changes. */
export function KeysetPager({
  pageIndex,
  pageSize,
  rowsOnPage,
  hasNext,
  isFetching,
  onPrevious,
  onNext,
  noun,
}: KeysetPagerProps) {
  if (pageIndex === 0 && !hasNext) return null;
  const first = pageIndex * pageSize + 1;
  const last = pageIndex * pageSize + rowsOnPage;
  return (
    <nav
      aria-label={`Pages of ${noun}`}
      className="mt-4 flex flex-wrap items-center justify-between gap-3"
    >
      <p role="status" className="text-sm text-slate-600">
        {rowsOnPage > 0 ? `${noun[0]!.toUpperCase()}${noun.slice(1)} ${first}–${last}` : ''}
        {isFetching ? ' · loading…' : ''}
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          isDisabled={pageIndex === 0}
          onPress={() => !isFetching && onPrevious()}
        >
          Previous page
        </Button>
        <Button variant="secondary" isDisabled={!hasNext} onPress={() => !isFetching && onNext()}>
          Next page
        </Button>
      </div>
    </nav>
  );
}

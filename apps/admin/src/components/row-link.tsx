import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';

const LINK =
  'font-semibold text-brand-800 underline decoration-brand-800/30 underline-offset-2 hover:decoration-brand-800';

/**
 * A row's link to its detail panel (the list's child route). It keeps the list's search string,
 * so closing the panel shows the same filters and order.
 */
export function RowLink({
  id,
  label,
  className = LINK,
  children,
}: {
  id: string;
  /** The link's accessible name when the visible text alone would not tell rows apart. */
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  const [params] = useSearchParams();
  const search = params.toString() ? `?${params.toString()}` : '';
  return (
    <Link to={{ pathname: id, search }} aria-label={label} className={className}>
      {children}
    </Link>
  );
}

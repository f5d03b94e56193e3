import { ErrorMessage } from '@clinicpay/ui';
import type { ReactNode } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';

export interface QueryLike {
  error: unknown;
  isError: boolean;
  isPending: boolean;
  errorUpdateCount: number;
  refetch: () => unknown;
}

/** A retry after an error goes back to "pending": keep showing the error (and its focused button). */
export function isRetrying(query: Pick<QueryLike, 'isPending' | 'errorUpdateCount'>): boolean {
  return query.isPending && query.errorUpdateCount > 0;
}

/**
 * The error state of a read, with the API's sentence and a retry; null when there is no error.
 * An ended session shows nothing here: the layout is already on its way to the sign-in page.
 */
export function QueryError({
  query,
  title,
  children,
}: {
  query: QueryLike;
  title: string;
  children?: ReactNode;
}) {
  const retrying = isRetrying(query);
  if (!query.isError && !retrying) return null;
  if (isUnauthorized(query.error)) return null;
  return (
    <ErrorMessage title={title} onRetry={() => void query.refetch()} isRetrying={retrying}>
      {children ?? messageOf(query.error)}
    </ErrorMessage>
  );
}

/** A retry after an error goes back to "pending": keep showing the error (and its focused button). */
export function isRetrying(query: { isPending: boolean; errorUpdateCount: number }): boolean {
  return query.isPending && query.errorUpdateCount > 0;
}

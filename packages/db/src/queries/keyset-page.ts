import type { SelectQueryBuilder, StringReference } from 'kysely';

/** The last row of the previous page: its sort value (a timestamp as text keeps microseconds) and id. */
export interface KeysetPosition {
  value: string | number;
  id: string;
}

export interface KeysetPageRequest {
  direction: 'asc' | 'desc';
  after?: KeysetPosition | undefined;
  limit: number;
}

/**
 * One page in keyset order: the rows after `after` by (sort column, id), in that order, at most
 * `limit`. The id breaks ties, so rows sharing a sort value are neither skipped nor shown twice,
 * and a page costs the same however deep it is.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: { sort: StringReference<DB, TB>; id: StringReference<DB, TB> },
  { direction, after, limit }: KeysetPageRequest,
): SelectQueryBuilder<DB, TB, O> {
  const from = after
    ? query.where((eb) =>
        eb(
          eb.refTuple(keys.sort, keys.id),
          direction === 'desc' ? '<' : '>',
          eb.tuple(after.value as never, after.id as never),
        ),
      )
    : query;
  return from.orderBy(keys.sort, direction).orderBy(keys.id, direction).limit(limit);
}

/** Stripe's cursor pagination over newest-first collections. */
import type Stripe from 'stripe';
import { resourceMissing } from './errors';
import { p } from './params';

export const listFields = {
  limit: p.integer({ min: 1, max: 100 }),
  starting_after: p.string(),
  ending_before: p.string(),
  created: p.any(),
  expand: p.array(p.string()),
};

export interface PageParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** One page of `items` (already newest first and filtered) after/before the cursors given. */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  params: PageParams,
  url: string,
  objectName: string,
): Stripe.ApiList<T> {
  const limit = params.limit ?? 10;
  let start = 0;
  let end = items.length;
  if (params.starting_after) {
    const index = items.findIndex((item) => item.id === params.starting_after);
    if (index < 0) throw resourceMissing(objectName, params.starting_after, 'starting_after');
    start = index + 1;
  } else if (params.ending_before) {
    const index = items.findIndex((item) => item.id === params.ending_before);
    if (index < 0) throw resourceMissing(objectName, params.ending_before, 'ending_before');
    end = index;
    start = Math.max(0, end - limit);
  }
  const data = items.slice(start, Math.min(end, start + limit));
  const hasMore = params.ending_before ? start > 0 : start + data.length < end;
  return { object: 'list', data, has_more: hasMore, url };
}

/** Walks `order` newest-first, mapping ids to items and keeping those that pass `keep`. */
export function newestFirst<T>(
  order: readonly string[],
  get: (id: string) => T | undefined,
  keep: (item: T) => boolean,
): T[] {
  const out: T[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const item = get(order[i] ?? '');
    if (item !== undefined && keep(item)) out.push(item);
  }
  return out;
}

import type { SecretBox } from '../../security/secret-box.js';
import { openCursor, queryKey, sealCursor, type CursorPosition } from './paging-cursor.js';

export interface PageRequest {
  /** Which list: a cursor made for one is refused by the others. */
  scope: string;
  cursor: string | undefined;
  limit: number;
  /** The filters and order, without cursor and limit: a cursor is only good for the same ones. */
  question: unknown;
}

/**
 * One page of a keyset-paged list. `read` is asked for one row more than the limit, so whether a
 * next page exists is known without counting; its cursor is sealed from the last row shown.
 */
export async function readKeysetPage<Row extends { id: string }, View>(
  secretBox: SecretBox,
  request: PageRequest,
  read: (after: CursorPosition | undefined, limit: number) => Promise<Row[]>,
  positionOf: (row: Row) => string | number,
  view: (row: Row) => View,
) {
  const { cursor, limit } = request;
  const key = queryKey(request.scope, request.question);
  const after = cursor ? openCursor(secretBox, key, cursor) : undefined;
  const rows = await read(after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? sealCursor(secretBox, key, { value: positionOf(last), id: last.id })
      : null;
  return { rows: page.map(view), nextCursor };
}

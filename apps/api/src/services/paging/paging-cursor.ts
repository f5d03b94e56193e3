import { createHash } from 'node:crypto';
import { AppError } from '../../errors/app-error.js';
import type { SecretBox } from '../../security/secret-box.js';

/**
 * Keyset paging cursors the client cannot read or alter: the last row's sort value and id, sealed
 * with the secret box (AES-256-GCM, so any change fails its integrity check) and bound to the
 * list and the exact filters and order they were made for.
 */
const PURPOSE = 'admin.paging_cursor';

export interface CursorPosition {
  value: string | number;
  id: string;
}

/** A digest of what a page was asked for: a cursor is only good for the same question. */
export function queryKey(scope: string, query: unknown): string {
  return createHash('sha256')
    .update(`${scope}\n${JSON.stringify(query)}`)
    .digest('base64url')
    .slice(0, 16);
}

export function sealCursor(box: SecretBox, key: string, position: CursorPosition): string {
  return box.encrypt(JSON.stringify({ k: key, v: position.value, i: position.id }), PURPOSE);
}

export function openCursor(box: SecretBox, key: string, cursor: string): CursorPosition {
  let parsed: { k?: unknown; v?: unknown; i?: unknown };
  try {
    parsed = JSON.parse(box.decrypt(cursor, PURPOSE)) as typeof parsed;
  } catch {
    throw badCursor();
  }
  if (
    parsed.k !== key ||
    (typeof parsed.v !== 'string' && typeof parsed.v !== 'number') ||
    typeof parsed.i !== 'string'
  )
    throw badCursor();
  return { value: parsed.v, id: parsed.i };
}

function badCursor(): AppError {
  return new AppError(
    'invalid_cursor',
    'This page link is no longer valid (the filters changed or it was altered). Go back to the first page.',
  );
}

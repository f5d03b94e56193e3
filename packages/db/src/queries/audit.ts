import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { JsonObject } from '../tables/column-types.js';

export interface AuditEntry {
  /** 'admin:<email>'. */
  actor: string;
  /** What was done, e.g. 'stripe_settings.saved'. */
  action: string;
  target: string | null;
  /** What changed; callers never put a secret here. */
  details: JsonObject;
  at: Date;
}

export async function insertAuditEntry(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details),
      at: entry.at,
    })
    .execute();
}

/** Newest first, pages by id (an identity, so it follows insertion order). */
export async function listAuditEntries(
  db: Kysely<Database>,
  options: { limit: number; beforeId?: number | undefined },
) {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'actor', 'action', 'target', 'details', 'at'])
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  return query.execute();
}

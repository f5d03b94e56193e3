import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { JsonObject } from '../tables/column-types.js';
import { containing } from './like-pattern.js';

export interface AuditEntry {
  /** 'admin:<email>'. */
  actor: string;
  /** What was done, e.g. 'stripe_settings.saved'. */
  action: string;
  target: string | null;
  /** What changed; callers never put a secret here. */
  details: JsonObject;
  at: Date;
  ip?: string | null | undefined;
}

/** What the audit page filters by: an action, part of the actor, a time window. */
export interface AuditFilters {
  action?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
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
      ip: entry.ip ?? null,
    })
    .execute();
}

/** Newest first, pages by id (an identity, so it follows insertion order). */
export async function listAuditEntries(
  db: Kysely<Database>,
  options: AuditFilters & { limit: number; beforeId?: number | undefined },
) {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'actor', 'action', 'target', 'details', 'at', 'ip'])
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  if (options.action) query = query.where('action', '=', options.action);
  if (options.actor) query = query.where('actor', 'ilike', containing(options.actor));
  if (options.from) query = query.where('at', '>=', options.from);
  if (options.to) query = query.where('at', '<', options.to);
  return query.execute();
}

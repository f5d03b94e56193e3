import type { AuditAction } from '@clinicpay/contracts';
import { insertAuditEntry, type Database, type JsonObject, type Kysely } from '@clinicpay/db';
import type { Clock } from '../../clock.js';
import type { SignedInAdmin } from '../../security/admin-sessions.js';

/**
 * Records who changed what. Callers pass only what changed, never a secret: a replaced key is
 * recorded as `"replaced"`, never with its value or even its masked form.
 */
export async function audit(
  // The caller's context when there is one: its address goes with the entry.
  deps: { db: Kysely<Database>; clock: Clock; request?: { ip: string | undefined } },
  admin: Pick<SignedInAdmin, 'actor'>,
  action: AuditAction,
  target: string | null,
  details: JsonObject = {},
): Promise<void> {
  await insertAuditEntry(deps.db, {
    actor: admin.actor,
    action,
    target,
    details,
    at: deps.clock.now(),
    ip: deps.request?.ip ?? null,
  });
}

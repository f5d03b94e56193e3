import { ListAuditInput } from '@clinicpay/contracts';
import { listAuditEntries } from '@clinicpay/db';
import { adminProcedure, router } from '../../trpc.js';

// Details are free-form JSON; typed loosely so clients' inferred types stay shallow.
const loose = (value: unknown) => value as Record<string, unknown>;

/** Who changed what and when (settings, gateways, refunds, cancellations, catalogue). */
export const auditRouter = router({
  list: adminProcedure.input(ListAuditInput).query(async ({ ctx, input }) => {
    const rows = await listAuditEntries(ctx.db, { limit: input.limit + 1, beforeId: input.before });
    const page = rows.slice(0, input.limit);
    return {
      entries: page.map((e) => ({
        id: e.id,
        actor: e.actor,
        action: e.action,
        target: e.target,
        details: loose(e.details),
        at: e.at.toISOString(),
      })),
      nextBefore: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }),
});

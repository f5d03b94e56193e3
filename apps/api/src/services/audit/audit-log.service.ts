import type { AuditFiltersInput, ListAuditInput } from '@clinicpay/contracts';
import { listAuditEntries, type AuditFilters } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';

// Details are free-form JSON; typed loosely so clients' inferred types stay shallow.
const loose = (value: unknown) => value as Record<string, unknown>;

/** A page of the audit log, newest first. */
export async function listAudit(deps: AppDeps, input: ListAuditInput) {
  const rows = await listAuditEntries(deps.db, {
    ...auditFilters(input),
    limit: input.limit + 1,
    beforeId: input.before,
  });
  const page = rows.slice(0, input.limit);
  return {
    entries: page.map((e) => ({
      id: e.id,
      actor: e.actor,
      action: e.action,
      target: e.target,
      details: loose(e.details),
      at: e.at.toISOString(),
      ip: e.ip,
    })),
    nextBefore: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** The page's filters as the query takes them. */
export function auditFilters(input: AuditFiltersInput): AuditFilters {
  return {
    action: input.action,
    actor: input.actor,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
  };
}

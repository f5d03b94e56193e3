import { z } from '../zod.js';
import { AUDIT_ACTIONS } from './audit-actions.js';

const instant = (what: string) =>
  z.iso.datetime({
    offset: true,
    message: `Give the ${what} as a date and time, e.g. 2026-12-01T00:00:00Z.`,
  });

/** What the audit log is filtered by: one action, part of who did it, a time window. */
const AUDIT_FILTERS = {
  action: z.enum(AUDIT_ACTIONS, { message: 'Choose an action from the list.' }).optional(),
  actor: z
    .string()
    .trim()
    .min(1, { message: 'Type part of an e-mail address.' })
    .max(254)
    .optional(),
  from: instant('start').optional(),
  to: instant('end').optional(),
};

export const AuditFiltersInput = z.object(AUDIT_FILTERS);
export type AuditFiltersInput = z.infer<typeof AuditFiltersInput>;

/** The audit log, newest first; `before` is the id of the last entry already shown. */
export const ListAuditInput = z.object({
  limit: z
    .number()
    .int()
    .min(1)
    .max(100, { message: 'Ask for at most 100 entries at a time.' })
    .default(50),
  before: z.number().int().positive().optional(),
  ...AUDIT_FILTERS,
});
export type ListAuditInput = z.infer<typeof ListAuditInput>;

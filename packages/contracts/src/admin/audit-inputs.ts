import { z } from '../zod.js';

/** The audit log, newest first; `before` is the id of the last entry already shown. */
export const ListAuditInput = z.object({
  limit: z
    .number()
    .int()
    .min(1)
    .max(100, { message: 'Ask for at most 100 entries at a time.' })
    .default(50),
  before: z.number().int().positive().optional(),
});
export type ListAuditInput = z.infer<typeof ListAuditInput>;

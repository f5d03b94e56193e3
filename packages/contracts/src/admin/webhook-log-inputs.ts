import { z } from '../zod.js';

/** Where an event stands: applied (or ignored) once, failed and waiting for a retry, or not yet processed. */
export const WEBHOOK_EVENT_STATES = ['processed', 'failed', 'unprocessed'] as const;

export const ListWebhookEventsInput = z.object({
  type: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, {
      message: 'Give an event type such as payment_intent.succeeded.',
    })
    .max(100)
    .optional(),
  mode: z.enum(['test', 'live'], { message: 'Choose Sandbox (Test) or Live.' }).optional(),
  state: z
    .enum(WEBHOOK_EVENT_STATES, { message: 'Choose processed, failed or unprocessed.' })
    .optional(),
  limit: z
    .number()
    .int()
    .min(1)
    .max(100, { message: 'Ask for at most 100 rows at a time.' })
    .default(50),
  cursor: z.string().min(1).max(2000).optional(),
});
export type ListWebhookEventsInput = z.infer<typeof ListWebhookEventsInput>;

/** Stripe's event id (evt_…). */
export const WebhookEventIdInput = z.object({
  eventId: z
    .string()
    .regex(/^evt_[A-Za-z0-9_]+$/, { message: 'Choose an event from the log.' })
    .max(255),
});
export type WebhookEventIdInput = z.infer<typeof WebhookEventIdInput>;

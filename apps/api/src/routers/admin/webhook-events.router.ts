import { ListWebhookEventsInput, WebhookEventIdInput } from '@clinicpay/contracts';
import {
  getWebhookEvent,
  listWebhookEvents,
  replayWebhookEvent,
} from '../../services/webhooks/webhook-log.service.js';
import { adminProcedure, router } from '../../trpc.js';

/** The webhook log: what Stripe sent, when, and what it did. */
export const webhookEventsRouter = router({
  list: adminProcedure('payments.manage')
    .input(ListWebhookEventsInput)
    .query(({ ctx, input }) => listWebhookEvents(ctx, input)),
  get: adminProcedure('payments.manage')
    .input(WebhookEventIdInput)
    .query(({ ctx, input }) => getWebhookEvent(ctx, input.eventId)),
  replay: adminProcedure('payments.manage')
    .input(WebhookEventIdInput)
    .mutation(({ ctx, input }) => replayWebhookEvent(ctx, input.eventId)),
});

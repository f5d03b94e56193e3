import type { ListWebhookEventsInput } from '@clinicpay/contracts';
import { findStripeEventById, listStripeEventsPage, type StripeEventRow } from '@clinicpay/db';
import { paymentEffectOf } from '@clinicpay/payments';
import type Stripe from 'stripe';
import { AppError } from '../../errors/app-error.js';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { loadStripeSettings } from '../gateways/stripe-settings.js';
import { processStoredEvent } from './stripe-inbox.service.js';
import { audit } from '../audit/record-audit.js';
import { readKeysetPage } from '../paging/keyset-page.js';

/** Stripe's deliveries as stored in the inbox, newest first. */
export async function listWebhookEvents(ctx: AppDeps, input: ListWebhookEventsInput) {
  const { cursor, limit, ...question } = input;
  return readKeysetPage<StripeEventRow, ReturnType<typeof eventView>>(
    ctx.secretBox,
    { scope: 'webhook_events', cursor, limit, question },
    (after, limit) =>
      listStripeEventsPage(ctx.db, {
        filter: {
          type: input.type,
          livemode: input.mode === undefined ? undefined : input.mode === 'live',
          state: input.state,
        },
        after: after ? { value: String(after.value), id: after.id } : undefined,
        limit,
      }),
    (last) => last.received_at_key,
    eventView,
  );
}

function eventView(
  row: Omit<StripeEventRow, 'received_at_key' | 'object_id' | 'payment_id' | 'id'> & {
    object_id?: string | null;
    payment_id?: string | null;
  },
) {
  return {
    id: row.stripe_event_id,
    type: row.type,
    mode: row.livemode ? ('live' as const) : ('test' as const),
    receivedAt: row.received_at.toISOString(),
    processedAt: row.processed_at?.toISOString() ?? null,
    state: row.processed_at
      ? ('processed' as const)
      : row.error
        ? ('failed' as const)
        : ('unprocessed' as const),
    outcome: row.outcome,
    error: row.error,
    attempts: row.attempts,
    objectId: row.object_id ?? null,
    paymentId: row.payment_id ?? null,
  };
}

/** One event with the payload Stripe sent (verified before it was stored). */
export async function getWebhookEvent(ctx: AppDeps, eventId: string) {
  const event = await findStripeEventById(ctx.db, eventId);
  if (!event) throw new AppError('stripe_event_not_found', 'This event is not in the webhook log.');
  return { ...eventView(event), payload: event.payload as Record<string, unknown> };
}

/**
 * Processes a stored event again, through the same function as the webhook route. An event that
 * already took effect is only acknowledged (its effect happens once, whoever asks); one that
 * failed or waits is applied now.
 */
export async function replayWebhookEvent(ctx: AdminDeps, eventId: string) {
  const event = await findStripeEventById(ctx.db, eventId);
  if (!event) throw new AppError('stripe_event_not_found', 'This event is not in the webhook log.');
  const effect = paymentEffectOf(event.payload as unknown as Stripe.Event);
  const reply = await processStoredEvent(ctx, eventId, effect, await loadStripeSettings(ctx));
  const result =
    reply.status === 200
      ? reply.body.outcome === 'duplicate'
        ? 'already_processed'
        : 'processed'
      : 'failed';
  await audit(ctx, ctx.admin, 'webhook_event.replayed', `stripe_event:${eventId}`, { result });
  return { result, event: await getWebhookEvent(ctx, eventId) };
}

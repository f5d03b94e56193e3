import { findUnsentRefunds } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { sendRefund } from './refund.service.js';

/** A reserved refund gets this long to be sent by the request that reserved it. */
export const UNSENT_REFUND_GRACE_MS = 60_000;

/**
 * Refunds reserved but never sent (the process died after the commit, or Stripe was unreachable):
 * sent now with their own idempotency key, so a refund that did reach Stripe is not made twice.
 */
export async function sendPendingRefunds(deps: AppDeps): Promise<number> {
  const unsent = await findUnsentRefunds(
    deps.db,
    new Date(deps.clock.now().getTime() - UNSENT_REFUND_GRACE_MS),
    100,
  );
  let sent = 0;
  for (const refund of unsent) {
    // Stripe said 429: the rest wait for a later sweep (stripe-backoff.ts).
    if (deps.stripeBackoff.remainingMs() > 0) break;
    const outcome = await sendRefund(deps, refund.id).catch((error: unknown) => {
      deps.logger.warn(
        { err: error, refundId: refund.id },
        'pending refund not sent; retrying next sweep',
      );
      return null;
    });
    if (outcome?.stripeRefundId) sent++;
  }
  return sent;
}

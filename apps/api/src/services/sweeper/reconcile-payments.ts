import { findPaymentsToReconcile, markPaymentReconciled } from '@clinicpay/db';
import type { CheckoutSessionState } from '@clinicpay/payments';
import type { AppDeps } from '../../deps.js';
import { fulfil } from '../fulfilment/fulfil.js';
import { forEachItem, stripeBusy } from './each-item.js';
import { declineOfSession, effectOfSession } from '../fulfilment/session-effects.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';

export const RECONCILE_BATCH = 200;
/** How often a checkout that completed unpaid (a delayed method) is asked about again. */
export const AWAITING_ASYNC_RECHECK_MS = 60 * 60_000;

/**
 * Card payments still pending this long after booking are checked with Stripe (the session and
 * its payment intent) and fulfilled, failed or expired as Stripe says: a missed webhook leaves a
 * booking wrong for at most one sweep interval plus this threshold.
 */
export async function reconcilePendingPayments(
  deps: AppDeps,
  settings: StripeSettings | null,
  thresholdMs: number,
): Promise<number> {
  const now = deps.clock.now();
  const pending = await findPaymentsToReconcile(deps.db, {
    createdBefore: new Date(now.getTime() - thresholdMs),
    slowBefore: new Date(now.getTime() - AWAITING_ASYNC_RECHECK_MS),
    limit: RECONCILE_BATCH,
  });

  return forEachItem(
    pending,
    deps.logger,
    'reconciliation',
    async (payment) => {
      const secretKey = payment.mode ? settings?.keys[payment.mode].secretKey : null;
      if (!secretKey) return false;
      await markPaymentReconciled(deps.db, payment.id, deps.clock.now());
      const session: CheckoutSessionState = await deps
        .stripeGatewayFor(secretKey)
        .retrieveCheckoutSession(payment.checkout_session_id!);
      const effect = effectOfSession(session, payment.id) ?? declineOfSession(session, payment.id);
      if (!effect) return false;
      // Under policy "retry" a decline leaves the payment pending: the same decline, read again on
      // the next sweep, is not a new attempt.
      if (
        effect.kind === 'payment_failed' &&
        effect.failureCode === payment.failure_code &&
        effect.failureMessage === payment.failure_message
      )
        return false;
      const result = await fulfil(deps, effect, {
        livemode: session.livemode,
        settings,
        cause: {
          source: 'sweeper',
          at: deps.clock.now(),
          reason: 'reconciled',
          details: { checkout_session_id: session.id },
        },
      });
      return result.outcome === 'applied';
    },
    stripeBusy(deps),
  );
}

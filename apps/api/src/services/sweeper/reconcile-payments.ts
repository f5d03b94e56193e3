import type { PaymentEffect } from '@clinicpay/payments';
import type { CheckoutSessionState } from '@clinicpay/payments';
import type { AppDeps } from '../../trpc.js';
import { effectOfSession } from '../booking/booking-status.service.js';
import { runAfterCommit } from '../fulfilment/after-commit.js';
import { applyPaymentEffect } from '../fulfilment/apply-effect.js';
import type { StripeSettings } from '../payments/stripe-settings.js';

const BATCH = 200;

/**
 * Card payments still pending this long after booking are checked with Stripe (the session and
 * its payment intent) and fulfilled, failed or expired as Stripe says: a missed webhook leaves a
 * booking wrong for at most one sweep interval plus this threshold.
 */
export async function reconcilePendingPayments(deps: AppDeps, settings: StripeSettings | null, thresholdMs: number): Promise<number> {
  const now = deps.clock.now();
  const pending = await deps.db
    .selectFrom('payments')
    .select(['id', 'checkout_session_id', 'mode', 'failure_code', 'failure_message'])
    .where('gateway', '=', 'stripe')
    .where('status', '=', 'pending')
    .where('checkout_session_id', 'is not', null)
    .where('created_at', '<=', new Date(now.getTime() - thresholdMs))
    .orderBy('created_at')
    .limit(BATCH)
    .execute();

  let changed = 0;
  for (const payment of pending) {
    const secretKey = payment.mode ? settings?.keys[payment.mode].secretKey : null;
    if (!secretKey) continue;
    let session: CheckoutSessionState;
    try {
      session = await deps.stripeGatewayFor(secretKey).retrieveCheckoutSession(payment.checkout_session_id!);
    } catch (error) {
      deps.logger.warn({ err: error, paymentId: payment.id }, 'reconciliation could not reach Stripe; retrying next sweep');
      continue;
    }
    const effect = effectOfSession(session, payment.id) ?? declineOf(session, payment.id);
    if (!effect) continue;
    // Under policy "retry" a decline leaves the payment pending: the same decline, read again on
    // the next sweep, is not a new attempt.
    if (effect.kind === 'payment_failed' && effect.failureCode === payment.failure_code && effect.failureMessage === payment.failure_message) continue;
    const result = await deps.db.transaction().execute((trx) =>
      applyPaymentEffect(trx, effect, {
        livemode: session.livemode,
        failurePolicy: settings?.failurePolicy ?? 'cancel',
        cause: { source: 'sweeper', at: deps.clock.now(), reason: 'reconciled', details: { checkout_session_id: session.id } },
      }),
    );
    await runAfterCommit(deps, result.afterCommit ?? [], settings);
    if (result.outcome === 'applied') changed++;
  }
  return changed;
}

/** An open session whose last attempt was declined: the payment_failed event we may have missed. */
function declineOf(session: CheckoutSessionState, paymentId: string): PaymentEffect | null {
  const intent = session.paymentIntent;
  if (session.status !== 'open' || !intent?.lastPaymentError || intent.status !== 'requires_payment_method') return null;
  return {
    kind: 'payment_failed',
    paymentId,
    paymentIntentId: intent.id,
    checkoutSessionId: session.id,
    failureCode: intent.lastPaymentError.code,
    failureMessage: intent.lastPaymentError.message,
  };
}

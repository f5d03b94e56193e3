import { lockParkedIntent } from '@clinicpay/db';
import type { PaymentEffect } from '@clinicpay/payments';
import { applyAwaitingAsyncPayment } from './awaiting-async-payment.js';
import { applyCheckoutExpired } from './checkout-expired.js';
import { type Cause, type FulfilmentResult, type Tx } from './fulfilment-types.js';
import { intentToWaitFor, replayParkedEvents } from './parked-events.js';
import { applyPaymentFailed } from './payment-failed.js';
import { applyPaymentSucceeded } from './payment-succeeded.js';
import { applyChargeRefunded, applyRefundUpdated } from '../refunds/refund-events.js';
import { applyDisputeUpdated } from './dispute-updated.js';

/**
 * The one switch from a payment effect (the pure mapping of a Stripe event) to its change in our
 * records, inside the caller's transaction. The webhook, the status page and reconciliation all
 * come through here, so a fact has the same effect whoever reports it first.
 */
export async function applyPaymentEffect(
  trx: Tx,
  effect: PaymentEffect,
  context: { livemode: boolean; failurePolicy: 'cancel' | 'retry'; cause: Cause },
): Promise<FulfilmentResult> {
  let result = await applyOne(trx, effect, context);
  const intent = result.outcome === 'not_ours' ? intentToWaitFor(effect) : null;
  if (intent) {
    // About to be parked: a payment may be learning this intent right now. Wait for it, then look
    // once more (parked-events.ts says why).
    await lockParkedIntent(trx, intent);
    result = await applyOne(trx, effect, context);
  }
  // Our payment just learnt its intent id: apply what was waiting for it.
  if (result.learnedPaymentIntentId) {
    await replayParkedEvents(
      trx,
      result.learnedPaymentIntentId,
      context.livemode,
      (parked, cause) => applyOne(trx, parked, { ...context, cause }),
      context.cause.at,
    );
  }
  return result;
}

async function applyOne(
  trx: Tx,
  effect: PaymentEffect,
  context: { livemode: boolean; failurePolicy: 'cancel' | 'retry'; cause: Cause },
): Promise<FulfilmentResult> {
  const { livemode, cause } = context;
  switch (effect.kind) {
    case 'payment_succeeded':
      return applyPaymentSucceeded(trx, { ...effect, livemode }, cause);
    case 'payment_failed':
      return applyPaymentFailed(trx, { ...effect, livemode }, context.failurePolicy, cause);
    case 'checkout_expired':
      return applyCheckoutExpired(trx, { ...effect, livemode }, cause);
    case 'charge_refunded':
      return applyChargeRefunded(trx, effect, livemode, cause);
    case 'refund_updated':
      return applyRefundUpdated(trx, effect, livemode, cause);
    case 'dispute_updated':
      return applyDisputeUpdated(trx, effect, livemode, cause);
    case 'awaiting_async_payment':
      return applyAwaitingAsyncPayment(trx, { ...effect, livemode }, cause);
    case 'ignored':
      return { outcome: 'no_change' };
  }
}

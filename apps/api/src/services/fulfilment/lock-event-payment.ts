/**
 * Every handler of a Stripe event starts by locking the payment the event speaks of, and leaves
 * it alone when it is not ours to change: an event of one mode never touches a payment of the
 * other (a test-mode event must not move a live payment).
 */
import { lockPayment } from '@clinicpay/db';
import { modeOf, type Tx } from './fulfilment-types.js';

/** The ids an event names its payment by; the first one present is the one looked up. */
type PaymentLookup = Parameters<typeof lockPayment>[1];

/** The payment, locked, when it exists and is of the event's mode; otherwise undefined. */
export async function lockPaymentOfMode(trx: Tx, by: PaymentLookup, livemode: boolean) {
  const payment = await lockPayment(trx, by);
  return payment?.mode === modeOf(livemode) ? payment : undefined;
}

/**
 * The same for the events of a checkout, which also must be one taken through Stripe. They name
 * the payment by our id or its intent only: a charge id is not theirs to match on.
 */
export async function lockStripePayment(
  trx: Tx,
  fact: { paymentId: string | null; paymentIntentId?: string | null; livemode: boolean },
) {
  const by = { paymentId: fact.paymentId, paymentIntentId: fact.paymentIntentId };
  const payment = await lockPaymentOfMode(trx, by, fact.livemode);
  return payment?.gateway === 'stripe' ? payment : undefined;
}

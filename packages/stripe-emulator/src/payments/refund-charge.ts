/**
 * Refunding a charge, from the API or "from the dashboard" (the control API): full or partial,
 * never more than is left, with Stripe's events (`refund.created`, `charge.refunded`, then
 * `refund.updated` when the card network's reference arrives). A refund may also stay pending
 * and settle later (`refund-settlement.ts`).
 */
import { formatMoney, getCurrency } from '@clinicpay/contracts';
import type Stripe from 'stripe';
import { invalidParam, resourceMissing, stateError } from '../errors';
import { emitEvent } from '../events';
import { randomDigits } from '../ids';
import type { Mode } from '../keys';
import { buildRefund } from '../objects/refund';
import type { EmulatorState, RequestRef } from '../state';
import { presentmentShare } from './presentment';
import { planRefund, settleDueRefunds } from './refund-settlement';

export interface RefundRequest {
  charge?: string;
  paymentIntent?: string;
  amount?: number;
  reason?: Stripe.Refund.Reason;
  metadata?: Record<string, string>;
}

function chargeToRefund(state: EmulatorState, mode: Mode, req: RefundRequest): Stripe.Charge {
  const store = state.store(mode);
  let chargeId = req.charge;
  if (req.paymentIntent) {
    const pi = store.paymentIntents.get(req.paymentIntent);
    if (!pi) throw resourceMissing('payment_intent', req.paymentIntent, 'payment_intent');
    const latest = typeof pi.latest_charge === 'string' ? pi.latest_charge : null;
    if (pi.status !== 'succeeded' || !latest) {
      throw stateError(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
      );
    }
    if (chargeId && chargeId !== latest) {
      throw invalidParam(
        `The charge ${chargeId} does not belong to the PaymentIntent ${pi.id}.`,
        'charge',
      );
    }
    chargeId = latest;
  }
  if (!chargeId) {
    throw invalidParam(
      'One of the following params should be provided for this request: payment_intent or charge.',
      undefined,
      'parameter_missing',
    );
  }
  const charge = store.charges.get(chargeId);
  if (!charge) throw resourceMissing('charge', chargeId, 'charge');
  if (charge.status !== 'succeeded')
    throw stateError(`Charge ${charge.id} did not succeed and cannot be refunded.`);
  return charge;
}

function checkAmount(charge: Stripe.Charge, amount: number): void {
  const remaining = charge.amount - charge.amount_refunded;
  const money = (value: number) =>
    formatMoney({ amount: value, currency: charge.currency }, 'en-US');
  if (remaining === 0)
    throw stateError(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
  if (charge.disputed)
    throw stateError(
      `Charge ${charge.id} has been charged back; cannot issue a refund.`,
      'charge_disputed',
    );
  if (amount > remaining) {
    throw stateError(
      `Refund amount (${money(amount)}) is greater than unrefunded amount on charge (${money(remaining)})`,
      'amount_too_large',
      'amount',
    );
  }
  const { step } = getCurrency(charge.currency);
  if (amount % step !== 0) {
    throw invalidParam(
      `Amounts in ${charge.currency.toUpperCase()} must be a multiple of ${step}.`,
      'amount',
      'invalid_charge_amount',
    );
  }
}

export function refundCharge(
  state: EmulatorState,
  mode: Mode,
  req: RefundRequest,
  request: RequestRef | null = null,
): Stripe.Refund {
  const charge = chargeToRefund(state, mode, req);
  const amount = req.amount ?? charge.amount - charge.amount_refunded;
  checkAmount(charge, amount);
  const store = state.store(mode);
  const refund = buildRefund({
    charge,
    amount,
    created: state.clock.now(),
    reason: req.reason ?? null,
    metadata: req.metadata ?? {},
  });
  if (charge.presentment_details)
    refund.presentment_details = presentmentShare(
      charge.presentment_details,
      amount,
      charge.amount,
    );
  const method = charge.payment_method_details?.type ?? 'card';
  // A bank debit is refunded to the account: no card network reference follows.
  if (method !== 'card') refund.destination_details = { type: method };
  const plan = planRefund(state.refundSettlement, store.refundBehaviours.get(charge.id));
  if (plan.initial === 'pending') {
    refund.status = 'pending';
    refund.pending_reason = 'processing';
  }
  store.addRefund(refund);
  emitEvent(state, mode, 'refund.created', refund, { request });

  // A pending refund counts at once: Stripe reports the charge refunded when the refund is made.
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  emitEvent(state, mode, 'charge.refunded', charge, { previous, request });

  // The acquirer reference number arrives after the refund; Stripe reports it as refund.updated.
  const card = refund.destination_details?.card;
  if (card && refund.status === 'succeeded') {
    card.reference = randomDigits(23);
    card.reference_status = 'available';
    emitEvent(state, mode, 'refund.updated', refund, {
      previous: { destination_details: { card: { reference: null, reference_status: 'pending' } } },
    });
  }
  if (plan.later) {
    const { afterSeconds, ...settlement } = plan.later;
    store.pendingRefunds.push({
      ...settlement,
      refundId: refund.id,
      at: state.clock.now() + afterSeconds,
    });
    if (afterSeconds === 0) settleDueRefunds(state);
  }
  return refund;
}

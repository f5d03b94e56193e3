/**
 * The pure "Stripe event → Clinicpay effect" mapping, one small function per event family. It
 * reads only what it needs and decides nothing about our database: that is the services' job.
 */
import type Stripe from 'stripe';
import { idOf, paymentIdOf } from '../checkout/checkout-session-state';
import { refundStatus } from '../refunds/refund-status';
import type { IgnoredEffect, IgnoredReason, PaymentEffect, RefundSummary } from './payment-effect';

const ignored = (reason: IgnoredReason, detail: string): IgnoredEffect => ({
  kind: 'ignored',
  reason,
  detail,
});

const notOurs = (event: Stripe.Event): IgnoredEffect =>
  ignored('not_ours', `${event.type} for ${objectId(event)} carries no metadata.payment_id`);

function objectId(event: Stripe.Event): string {
  const { id } = event.data.object as { id?: unknown };
  return typeof id === 'string' ? id : 'an object without id';
}

export function paymentEffectOf(event: Stripe.Event): PaymentEffect {
  switch (event.type) {
    case 'payment_intent.succeeded':
      return paymentIntentSucceeded(event, event.data.object);
    case 'payment_intent.payment_failed':
      return paymentIntentFailed(event, event.data.object);
    case 'checkout.session.completed':
      return checkoutCompleted(event, event.data.object);
    case 'checkout.session.async_payment_succeeded':
      return checkoutPaid(event, event.data.object);
    case 'checkout.session.async_payment_failed':
      return checkoutAsyncFailed(event, event.data.object);
    case 'checkout.session.expired':
      return checkoutExpired(event, event.data.object);
    case 'charge.refunded':
      return chargeRefunded(event, event.data.object);
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
      return refundUpdated(event.data.object);
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed':
      return disputeUpdated(event.data.object);
    default:
      return ignored('unhandled_event_type', `${event.type} is not an event Clinicpay acts on`);
  }
}

function paymentIntentSucceeded(event: Stripe.Event, intent: Stripe.PaymentIntent): PaymentEffect {
  const paymentId = paymentIdOf(intent.metadata);
  if (!paymentId) return notOurs(event);
  return {
    kind: 'payment_succeeded',
    paymentId,
    paymentIntentId: intent.id,
    checkoutSessionId: null,
    chargeId: idOf(intent.latest_charge),
    // What was actually received; equals `amount` for the automatic capture Checkout uses.
    amount: intent.amount_received,
    currency: intent.currency,
  };
}

function paymentIntentFailed(event: Stripe.Event, intent: Stripe.PaymentIntent): PaymentEffect {
  const paymentId = paymentIdOf(intent.metadata);
  if (!paymentId) return notOurs(event);
  const error = intent.last_payment_error;
  return {
    kind: 'payment_failed',
    paymentId,
    paymentIntentId: intent.id,
    checkoutSessionId: null,
    failureCode: error?.decline_code ?? error?.code ?? null,
    failureMessage: error?.message ?? null,
  };
}

/**
 * `paid`: fulfil. `unpaid`: a delayed payment method; its outcome comes as an async event.
 * `no_payment_required`: Clinicpay never creates a session that can complete without payment
 * (the amount is positive, no promotion codes), so this means a paid service was not paid for
 * (e.g. a 100% discount added in Stripe). Confirming would give the appointment away; it is
 * ignored, the webhook log says why, and the hold lapses as for any unpaid booking.
 */
function checkoutCompleted(event: Stripe.Event, session: Stripe.Checkout.Session): PaymentEffect {
  const paymentId = paymentIdOf(session.metadata);
  if (!paymentId) return notOurs(event);
  switch (session.payment_status) {
    case 'paid':
      return checkoutPaid(event, session);
    case 'no_payment_required':
      return ignored(
        'no_payment_required',
        `Checkout Session ${session.id} completed without a payment; the booking is not confirmed`,
      );
    default:
      return {
        kind: 'awaiting_async_payment',
        paymentId,
        checkoutSessionId: session.id,
        paymentIntentId: idOf(session.payment_intent),
      };
  }
}

function checkoutPaid(event: Stripe.Event, session: Stripe.Checkout.Session): PaymentEffect {
  const paymentId = paymentIdOf(session.metadata);
  if (!paymentId) return notOurs(event);
  if (session.amount_total === null || !session.currency) {
    return ignored(
      'unexpected_object',
      `Checkout Session ${session.id} is paid but has no amount or currency`,
    );
  }
  const intent = session.payment_intent;
  return {
    kind: 'payment_succeeded',
    paymentId,
    paymentIntentId: idOf(intent),
    checkoutSessionId: session.id,
    chargeId: intent && typeof intent !== 'string' ? idOf(intent.latest_charge) : null,
    amount: session.amount_total,
    currency: session.currency,
  };
}

// The session does not say why; the payment intent's own payment_failed event does.
function checkoutAsyncFailed(event: Stripe.Event, session: Stripe.Checkout.Session): PaymentEffect {
  const paymentId = paymentIdOf(session.metadata);
  if (!paymentId) return notOurs(event);
  return {
    kind: 'payment_failed',
    paymentId,
    paymentIntentId: idOf(session.payment_intent),
    checkoutSessionId: session.id,
    failureCode: null,
    failureMessage: null,
  };
}

function checkoutExpired(event: Stripe.Event, session: Stripe.Checkout.Session): PaymentEffect {
  const paymentId = paymentIdOf(session.metadata);
  if (!paymentId) return notOurs(event);
  return { kind: 'checkout_expired', paymentId, checkoutSessionId: session.id };
}

function chargeRefunded(event: Stripe.Event, charge: Stripe.Charge): PaymentEffect {
  const paymentIntentId = idOf(charge.payment_intent);
  // Charges made without a payment intent are never Clinicpay's (Checkout always makes one).
  if (!paymentIntentId)
    return ignored('not_ours', `${event.type} for ${charge.id} has no payment intent`);
  return {
    kind: 'charge_refunded',
    paymentId: paymentIdOf(charge.metadata),
    paymentIntentId,
    chargeId: charge.id,
    amount: charge.amount,
    amountRefunded: charge.amount_refunded,
    currency: charge.currency,
    refunds: charge.refunds?.data ? charge.refunds.data.map(refundSummary) : null,
  };
}

function refundSummary(refund: Stripe.Refund): RefundSummary {
  return { id: refund.id, amount: refund.amount, status: refundStatus(refund.status) };
}

function refundUpdated(refund: Stripe.Refund): PaymentEffect {
  return {
    kind: 'refund_updated',
    refundId: refund.id,
    paymentIntentId: idOf(refund.payment_intent),
    chargeId: idOf(refund.charge),
    status: refundStatus(refund.status),
    amount: refund.amount,
    currency: refund.currency,
    failureReason: refund.failure_reason ?? null,
    metadata: { ...refund.metadata },
  };
}

function disputeUpdated(dispute: Stripe.Dispute): PaymentEffect {
  const chargeId = idOf(dispute.charge);
  if (!chargeId) return ignored('unexpected_object', `Dispute ${dispute.id} names no charge`);
  return {
    kind: 'dispute_updated',
    disputeId: dispute.id,
    chargeId,
    paymentIntentId: idOf(dispute.payment_intent),
    status: dispute.status,
    reason: dispute.reason,
    amount: dispute.amount,
    currency: dispute.currency,
  };
}

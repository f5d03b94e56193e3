/**
 * What a Stripe event means for Clinicpay, in its own small vocabulary: the webhook route and the
 * fulfilment service switch on `kind` and never read Stripe's objects. Ids are Stripe's as strings;
 * amounts are integers of minor units with a lowercase ISO code, as Stripe sends them.
 */
import type Stripe from 'stripe';
import type { RefundStatus } from '../refunds/refund-status';

/** Money was captured for our payment: Completed, appointment Confirmed. */
export interface PaymentSucceededEffect {
  kind: 'payment_succeeded';
  paymentId: string;
  paymentIntentId: string | null;
  /** Set when the event was about the Checkout Session rather than the payment intent. */
  checkoutSessionId: string | null;
  chargeId: string | null;
  amount: number;
  currency: string;
}

/** Checkout completed with a delayed payment method: keep waiting for the async outcome. */
export interface AwaitingAsyncPaymentEffect {
  kind: 'awaiting_async_payment';
  paymentId: string;
  checkoutSessionId: string;
  paymentIntentId: string | null;
}

/** The payment failed: Failed and Cancelled, or a recorded attempt under policy "retry". */
export interface PaymentFailedEffect {
  kind: 'payment_failed';
  paymentId: string;
  paymentIntentId: string | null;
  checkoutSessionId: string | null;
  /** The issuer's decline code when there is one (`insufficient_funds`), else Stripe's code. */
  failureCode: string | null;
  failureMessage: string | null;
}

/** The session lapsed unpaid: Expired, appointment Cancelled, slot released. */
export interface CheckoutExpiredEffect {
  kind: 'checkout_expired';
  paymentId: string;
  checkoutSessionId: string;
}

export interface RefundSummary {
  id: string;
  amount: number;
  status: RefundStatus;
}

/** A charge's refunded total changed (from Clinicpay or from Stripe's Dashboard). */
export interface ChargeRefundedEffect {
  kind: 'charge_refunded';
  /** From the charge's metadata when Stripe copied it there; match by payment intent otherwise. */
  paymentId: string | null;
  paymentIntentId: string;
  chargeId: string;
  /** The charge's amount and the total refunded so far: Refunded when they are equal. */
  amount: number;
  amountRefunded: number;
  currency: string;
  /** Only when Stripe included the charge's refunds (current API versions do not by default). */
  refunds: RefundSummary[] | null;
}

/** A refund row's status changed. */
export interface RefundUpdatedEffect {
  kind: 'refund_updated';
  refundId: string;
  paymentIntentId: string | null;
  chargeId: string | null;
  status: RefundStatus;
  amount: number;
  currency: string;
  /** Stripe's reason when a refund failed (`expired_or_canceled_card`, ...). */
  failureReason: string | null;
  /** What Clinicpay set when it asked for the refund (none for Dashboard refunds). */
  metadata: Record<string, string>;
}

/** A dispute was opened, changed or closed: the payment is flagged for the admin. */
export interface DisputeUpdatedEffect {
  kind: 'dispute_updated';
  disputeId: string;
  chargeId: string;
  paymentIntentId: string | null;
  status: Stripe.Dispute.Status;
  reason: string;
  amount: number;
  currency: string;
}

export type IgnoredReason =
  /** Not in HANDLED_STRIPE_EVENTS. */
  | 'unhandled_event_type'
  /** No `metadata.payment_id` (or payment intent) where one is needed: another integration's object. */
  | 'not_ours'
  /** A Checkout Session that completed without payment; see event-mapping.ts. */
  | 'no_payment_required'
  /** The event's object lacks what the mapping needs (a signed but unexpected shape). */
  | 'unexpected_object';

/** Acknowledged with 2xx and nothing else: otherwise Stripe retries, then disables the endpoint. */
export interface IgnoredEffect {
  kind: 'ignored';
  reason: IgnoredReason;
  /** One line for the webhook log. */
  detail: string;
}

export type PaymentEffect =
  | PaymentSucceededEffect
  | AwaitingAsyncPaymentEffect
  | PaymentFailedEffect
  | CheckoutExpiredEffect
  | ChargeRefundedEffect
  | RefundUpdatedEffect
  | DisputeUpdatedEffect
  | IgnoredEffect;

export type PaymentEffectKind = PaymentEffect['kind'];

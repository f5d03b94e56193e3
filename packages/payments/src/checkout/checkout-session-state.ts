/** A Checkout Session as the rest of Clinicpay needs it: a few typed fields, ids as strings. */
import type Stripe from 'stripe';

export type CheckoutSessionStatus = 'open' | 'complete' | 'expired';
export type CheckoutPaymentStatus = 'paid' | 'unpaid' | 'no_payment_required';

export interface PaymentIntentState {
  id: string;
  status: Stripe.PaymentIntent.Status;
  latestChargeId: string | null;
  /** The last failed attempt: decline code when the issuer gave one, else the error code. */
  lastPaymentError: { code: string | null; message: string | null } | null;
}

export interface CheckoutSessionState {
  id: string;
  status: CheckoutSessionStatus;
  paymentStatus: CheckoutPaymentStatus;
  /** Our payment id from `metadata.payment_id`; null when the session is not ours. */
  paymentId: string | null;
  /** The id alone when the intent was not expanded. */
  paymentIntentId: string | null;
  paymentIntent: PaymentIntentState | null;
  amount: number | null;
  currency: string | null;
  livemode: boolean;
  expiresAt: Date;
}

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

export function paymentIdOf(metadata: Stripe.Metadata | null | undefined): string | null {
  const id = metadata?.payment_id;
  return typeof id === 'string' && id !== '' ? id : null;
}

export function paymentIntentState(intent: Stripe.PaymentIntent): PaymentIntentState {
  const error = intent.last_payment_error;
  return {
    id: intent.id,
    status: intent.status,
    latestChargeId: idOf(intent.latest_charge),
    lastPaymentError: error
      ? { code: error.decline_code ?? error.code ?? null, message: error.message ?? null }
      : null,
  };
}

// A null status only occurs on sessions of other modes (setup) or new states; treat as open.
function sessionStatus(status: Stripe.Checkout.Session.Status | null): CheckoutSessionStatus {
  if (status === 'complete') return 'complete';
  return status === 'expired' ? 'expired' : 'open';
}

// Unknown future values must not read as paid.
function paymentStatus(status: Stripe.Checkout.Session.PaymentStatus): CheckoutPaymentStatus {
  if (status === 'paid') return 'paid';
  return status === 'no_payment_required' ? 'no_payment_required' : 'unpaid';
}

export function checkoutSessionState(session: Stripe.Checkout.Session): CheckoutSessionState {
  const intent = session.payment_intent;
  return {
    id: session.id,
    status: sessionStatus(session.status),
    paymentStatus: paymentStatus(session.payment_status),
    paymentId: paymentIdOf(session.metadata),
    paymentIntentId: idOf(intent),
    paymentIntent: intent && typeof intent !== 'string' ? paymentIntentState(intent) : null,
    amount: session.amount_total,
    currency: session.currency,
    livemode: session.livemode,
    expiresAt: new Date(session.expires_at * 1000),
  };
}

/**
 * Paying a session with a delayed method (a US bank account or a SEPA debit), as the Dashboard's
 * default set allows: the session completes at once with `payment_status: 'unpaid'` and its
 * intent `processing`; the bank's answer arrives later on the emulator's clock, as
 * `checkout.session.async_payment_succeeded` or `..._failed`.
 */
import type Stripe from 'stripe';
import { stateError } from '../errors';
import { emitEvent } from '../events';
import { newId } from '../ids';
import type { Mode } from '../keys';
import { buildBankDebitCharge } from '../objects/charge';
import { succeededChanges } from '../objects/payment-intent';
import type { EmulatorState } from '../state';
import { completeSession } from './complete-session';
import { ensurePaymentIntent, openSessionFor } from './pay-session';
import { delayedMethodOf } from './payment-methods';

/** How long the bank takes unless a test says otherwise (Stripe: days; here a minute). */
export const DEFAULT_DELAY_SECONDS = 60;

export interface DelayedPayOptions {
  outcome: 'succeed' | 'fail';
  /** Emulator seconds until the bank answers; default 60. */
  delaySeconds?: number;
  email?: string;
  name?: string;
}

export interface DelayedPayResult {
  status: 'processing';
  session: Stripe.Checkout.Session;
  paymentIntent: Stripe.PaymentIntent;
  charge: Stripe.Charge;
  /** Emulator time (seconds) when the outcome is applied. */
  settlesAt: number;
}

/** A delayed payment waiting for the bank, settled by `settleDuePayments`. */
export interface PendingDelayedPayment {
  at: number;
  sessionId: string;
  paymentIntentId: string;
  chargeId: string;
  outcome: 'succeed' | 'fail';
}

export function paySessionDelayed(
  state: EmulatorState,
  sessionId: string,
  options: DelayedPayOptions,
): DelayedPayResult {
  const delay = options.delaySeconds ?? DEFAULT_DELAY_SECONDS;
  if (!Number.isFinite(delay) || delay < 0) throw new RangeError('delaySeconds must be >= 0');
  if (options.outcome !== 'succeed' && options.outcome !== 'fail')
    throw new RangeError("outcome must be 'succeed' or 'fail'");
  const { mode, store, record } = openSessionFor(state, sessionId);
  const { session } = record;
  const method = delayedMethodOf(session.payment_method_types);
  if (!method) {
    throw stateError(
      `This Checkout Session accepts only ${session.payment_method_types.join(', ')}, so it ` +
        'cannot be paid with a delayed method. Create it without payment_method_types to offer one.',
      'payment_method_unavailable',
    );
  }
  const pi = ensurePaymentIntent(state, mode, record);
  // A bank debit is paid in the session's own currency: Adaptive Pricing does not apply.
  delete pi.presentment_details;
  const now = state.clock.now();
  const billing = {
    email: options.email ?? session.customer_email ?? 'customer@example.com',
    name: options.name ?? 'Jenny Rosen',
  };
  const paymentMethodId = newId('pm', 24);
  const charge = buildBankDebitCharge({
    paymentIntent: pi,
    paymentMethodId,
    method,
    created: now,
    billing,
    baseUrl: state.baseUrl,
  });
  store.charges.set(charge.id, charge);
  emitEvent(state, mode, 'charge.pending', charge);

  const previousPi = { status: pi.status, latest_charge: pi.latest_charge, payment_method: null };
  Object.assign(pi, {
    status: 'processing',
    latest_charge: charge.id,
    payment_method: paymentMethodId,
    last_payment_error: null,
    next_action: null,
  } satisfies Partial<Stripe.PaymentIntent>);
  emitEvent(state, mode, 'payment_intent.processing', pi, { previous: previousPi });

  completeSession(state, mode, session, 'unpaid', billing);

  const settlesAt = now + delay;
  store.delayedPayments.push({
    at: settlesAt,
    sessionId: session.id,
    paymentIntentId: pi.id,
    chargeId: charge.id,
    outcome: options.outcome,
  });
  if (delay === 0) settleDuePayments(state);
  return { status: 'processing', session, paymentIntent: pi, charge, settlesAt };
}

function settle(state: EmulatorState, mode: Mode, pending: PendingDelayedPayment): void {
  const store = state.store(mode);
  const session = store.sessions.get(pending.sessionId)?.session;
  const pi = store.paymentIntents.get(pending.paymentIntentId);
  const charge = store.charges.get(pending.chargeId);
  if (!session || !pi || !charge) return;
  const method = charge.payment_method_details?.type ?? 'us_bank_account';
  if (pending.outcome === 'succeed') {
    Object.assign(charge, { status: 'succeeded', paid: true });
    emitEvent(state, mode, 'charge.succeeded', charge, { previous: { status: 'pending' } });
    const previousPi = { status: pi.status, amount_received: 0 };
    Object.assign(pi, succeededChanges(pi, charge.id, pi.payment_method as string));
    emitEvent(state, mode, 'payment_intent.succeeded', pi, { previous: previousPi });
    session.payment_status = 'paid';
    emitEvent(state, mode, 'checkout.session.async_payment_succeeded', session, {
      previous: { payment_status: 'unpaid' },
    });
    return;
  }
  const message = "The customer's account has insufficient funds to cover this payment.";
  Object.assign(charge, {
    status: 'failed',
    paid: false,
    failure_code: 'insufficient_funds',
    failure_message: message,
  } satisfies Partial<Stripe.Charge>);
  emitEvent(state, mode, 'charge.failed', charge, { previous: { status: 'pending' } });
  const previousPi = {
    status: pi.status,
    last_payment_error: null,
    payment_method: pi.payment_method,
  };
  Object.assign(pi, {
    status: 'requires_payment_method',
    payment_method: null,
    last_payment_error: {
      charge: charge.id,
      code: 'insufficient_funds',
      doc_url: 'https://stripe.com/docs/error-codes/insufficient-funds',
      message,
      payment_method_type: method,
      type: 'invalid_request_error',
    },
  } satisfies Partial<Stripe.PaymentIntent>);
  emitEvent(state, mode, 'payment_intent.payment_failed', pi, { previous: previousPi });
  emitEvent(state, mode, 'checkout.session.async_payment_failed', session);
}

/** Applies the bank's answer to every delayed payment whose time has come; returns how many. */
export function settleDuePayments(state: EmulatorState): number {
  const now = state.clock.now();
  let settled = 0;
  for (const mode of ['test', 'live'] as const) {
    const store = state.store(mode);
    if (store.delayedPayments.length === 0) continue;
    const due = store.delayedPayments.filter((p) => p.at <= now).sort((a, b) => a.at - b.at);
    if (due.length === 0) continue;
    store.delayedPayments.splice(
      0,
      store.delayedPayments.length,
      ...store.delayedPayments.filter((p) => p.at > now),
    );
    for (const pending of due) {
      settle(state, mode, pending);
      settled++;
    }
  }
  return settled;
}

/**
 * The outcome of a card attempt on a session's payment intent: a charge that succeeds (and
 * completes the session) or one the issuer declines (and the session stays open for a retry,
 * as Stripe's does). Also finishing a 3D Secure challenge.
 */
import type Stripe from 'stripe';
import { resourceMissing, stateError } from '../errors';
import { emitEvent } from '../events';
import { newId } from '../ids';
import type { Mode } from '../keys';
import { buildCharge } from '../objects/charge';
import { declinedChanges, succeededChanges } from '../objects/payment-intent';
import type { EmulatorState, SessionRecord } from '../state';
import { completeSession } from './complete-session';
import { modeHolding } from './lookup';
import type { PayResult } from './pay-session';
import type { CardBehaviour, TestCard } from './test-cards';

export interface Billing {
  email: string | null;
  name: string | null;
}

function succeed(
  state: EmulatorState,
  mode: Mode,
  record: SessionRecord,
  pi: Stripe.PaymentIntent,
  card: TestCard,
  billing: Billing,
): PayResult {
  const store = state.store(mode);
  const now = state.clock.now();
  const paymentMethodId =
    pi.payment_method && typeof pi.payment_method === 'string'
      ? pi.payment_method
      : newId('pm', 24);
  const charge = buildCharge({
    paymentIntent: pi,
    paymentMethodId,
    card,
    created: now,
    billing,
    baseUrl: state.baseUrl,
  });
  if (pi.presentment_details) charge.presentment_details = { ...pi.presentment_details };
  store.charges.set(charge.id, charge);
  if (card.refund) store.refundBehaviours.set(charge.id, card.refund);
  emitEvent(state, mode, 'charge.succeeded', charge);

  const previousPi = { status: pi.status, amount_received: 0, latest_charge: pi.latest_charge };
  Object.assign(pi, succeededChanges(pi, charge.id, paymentMethodId));
  emitEvent(state, mode, 'payment_intent.succeeded', pi, { previous: previousPi });

  const { session } = record;
  completeSession(state, mode, session, 'paid', billing, pi.presentment_details);
  return { status: 'succeeded', session, paymentIntent: pi, charge };
}

function decline(
  state: EmulatorState,
  mode: Mode,
  record: SessionRecord,
  pi: Stripe.PaymentIntent,
  card: TestCard,
  failure: Extract<CardBehaviour, { kind: 'decline' }>,
  billing: Billing,
): PayResult {
  const store = state.store(mode);
  const paymentMethodId = newId('pm', 24);
  const charge = buildCharge({
    paymentIntent: pi,
    paymentMethodId,
    card,
    created: state.clock.now(),
    billing,
    baseUrl: state.baseUrl,
    failure: { code: failure.code, declineCode: failure.declineCode, message: failure.message },
  });
  store.charges.set(charge.id, charge);
  emitEvent(state, mode, 'charge.failed', charge);

  const previous = {
    status: pi.status,
    last_payment_error: pi.last_payment_error,
    latest_charge: pi.latest_charge,
  };
  Object.assign(pi, declinedChanges(charge.id, failure));
  emitEvent(state, mode, 'payment_intent.payment_failed', pi, { previous });
  return { status: 'declined', session: record.session, paymentIntent: pi, charge };
}

export function chargeCard(
  state: EmulatorState,
  mode: Mode,
  record: SessionRecord,
  pi: Stripe.PaymentIntent,
  card: TestCard,
  behaviour: CardBehaviour,
  billing: Billing,
): PayResult {
  if (behaviour.kind === 'decline')
    return decline(state, mode, record, pi, card, behaviour, billing);
  return succeed(state, mode, record, pi, card, billing);
}

/** Completes (or fails) the 3D Secure challenge of a payment waiting in `requires_action`. */
export function completeAuthentication(
  state: EmulatorState,
  paymentIntentId: string,
  outcome: 'succeed' | 'fail',
): PayResult {
  const mode = modeHolding(state, paymentIntentId, 'payment_intent', 'intent');
  const store = state.store(mode);
  const pi = store.paymentIntents.get(paymentIntentId);
  const pending = store.pendingAuthentications.get(paymentIntentId);
  if (!pi) throw resourceMissing('payment_intent', paymentIntentId, 'intent');
  if (!pending || pi.status !== 'requires_action') {
    throw stateError(
      `This PaymentIntent is not waiting for authentication (status: ${pi.status}).`,
      'payment_intent_unexpected_state',
    );
  }
  store.pendingAuthentications.delete(paymentIntentId);
  const record = store.sessions.get(pending.sessionId);
  if (!record) throw resourceMissing('checkout.session', pending.sessionId, 'session');
  if (outcome === 'succeed') return succeed(state, mode, record, pi, pending.card, pending.billing);

  const previous = { status: pi.status, next_action: pi.next_action };
  pi.status = 'requires_payment_method';
  pi.payment_method = null;
  pi.next_action = null;
  pi.last_payment_error = {
    code: 'payment_intent_authentication_failure',
    doc_url: 'https://stripe.com/docs/error-codes/payment-intent-authentication-failure',
    message:
      'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    payment_method_type: 'card',
    type: 'invalid_request_error',
  };
  emitEvent(state, mode, 'payment_intent.payment_failed', pi, { previous });
  return { status: 'declined', session: record.session, paymentIntent: pi, charge: null };
}

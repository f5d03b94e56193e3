/**
 * Paying a Checkout Session with a test card, without any UI (as `stripe trigger` does). The
 * control API calls this now; the embedded checkout page will call the same function.
 */
import type Stripe from 'stripe';
import { StripeApiError, stateError } from '../errors';
import { emitEvent } from '../events';
import { newId } from '../ids';
import type { Mode } from '../keys';
import { buildPaymentIntent } from '../objects/payment-intent';
import type { EmulatorState, SessionRecord } from '../state';
import { expireIfDue } from './expire-session';
import {
  convertForPresentment,
  defaultPresentmentCurrency,
  type PresentmentDetails,
} from './presentment';
import { findSession } from './lookup';
import { chargeCard, type Billing } from './charge-card';
import { declineBehaviour, findTestCard, type CardBehaviour, type TestCard } from './test-cards';

export interface PayOptions {
  email?: string;
  name?: string;
  /**
   * With Adaptive Pricing on, the currency the payer chooses to pay in (default: euros, or
   * dollars for a euro session). Ignored when the session has Adaptive Pricing off.
   */
  presentmentCurrency?: string;
}

export type PayResult =
  | {
      status: 'succeeded';
      session: Stripe.Checkout.Session;
      paymentIntent: Stripe.PaymentIntent;
      charge: Stripe.Charge;
    }
  | {
      status: 'declined';
      session: Stripe.Checkout.Session;
      paymentIntent: Stripe.PaymentIntent;
      charge: Stripe.Charge | null;
    }
  | {
      status: 'requires_action';
      session: Stripe.Checkout.Session;
      paymentIntent: Stripe.PaymentIntent;
    };

export function openSessionFor(state: EmulatorState, sessionId: string) {
  const found = findSession(state, sessionId);
  expireIfDue(state, found.mode, found.record);
  const { session } = found.record;
  if (session.status !== 'open') {
    throw stateError(
      `This Checkout Session is no longer active (status: ${session.status}).`,
      'checkout_session_inactive',
    );
  }
  const piId = typeof session.payment_intent === 'string' ? session.payment_intent : null;
  if (piId && found.store.pendingAuthentications.has(piId)) {
    throw stateError(
      'This Checkout Session has a payment waiting for authentication.',
      'payment_intent_unexpected_state',
    );
  }
  return found;
}

/** The session's payment intent, created (with `payment_intent.created`) at the first attempt. */
export function ensurePaymentIntent(
  state: EmulatorState,
  mode: Mode,
  record: SessionRecord,
): Stripe.PaymentIntent {
  const store = state.store(mode);
  const { session, paymentIntentData: data } = record;
  const existing =
    typeof session.payment_intent === 'string'
      ? store.paymentIntents.get(session.payment_intent)
      : undefined;
  if (existing) return existing;
  const pi = buildPaymentIntent({
    livemode: session.livemode,
    created: state.clock.now(),
    amount: session.amount_total ?? 0,
    currency: session.currency ?? 'usd',
    metadata: { ...data.metadata },
    description: data.description,
    receiptEmail: data.receiptEmail,
    statementDescriptor: data.statementDescriptor,
    statementDescriptorSuffix: data.statementDescriptorSuffix,
    paymentMethodTypes: [...session.payment_method_types],
  });
  store.paymentIntents.set(pi.id, pi);
  store.sessionByPaymentIntent.set(pi.id, session.id);
  session.payment_intent = pi.id;
  emitEvent(state, mode, 'payment_intent.created', pi);
  return pi;
}

/**
 * The payer's currency choice, made on the page before paying: recorded on the intent, copied to
 * the charge and the session when the payment succeeds. The merchant's amount never changes.
 * Null when Adaptive Pricing is off or the payer keeps the session's currency.
 */
function presentmentFor(
  session: Stripe.Checkout.Session,
  presentmentCurrency: string | undefined,
): PresentmentDetails | null {
  if (!session.adaptive_pricing?.enabled) return null;
  const currency = session.currency ?? 'usd';
  const chosen = (presentmentCurrency ?? defaultPresentmentCurrency(currency)).toLowerCase();
  if (chosen === currency) return null;
  return convertForPresentment(session.amount_total ?? 0, currency, chosen);
}

function attempt(
  state: EmulatorState,
  sessionId: string,
  card: TestCard,
  behaviour: CardBehaviour,
  options: PayOptions,
): PayResult {
  const { mode, store, record } = openSessionFor(state, sessionId);
  const presented = presentmentFor(record.session, options.presentmentCurrency);
  const pi = ensurePaymentIntent(state, mode, record);
  if (presented) pi.presentment_details = presented;
  else delete pi.presentment_details;
  const billing: Billing = {
    email: options.email ?? record.session.customer_email ?? 'customer@example.com',
    name: options.name ?? 'Jenny Rosen',
  };
  if (behaviour.kind === 'authenticate') {
    const previous = { status: pi.status, next_action: null };
    pi.status = 'requires_action';
    pi.payment_method = newId('pm', 24);
    pi.last_payment_error = null;
    pi.next_action = {
      type: 'use_stripe_sdk',
      use_stripe_sdk: {
        type: 'three_d_secure_redirect',
        stripe_js: `${state.baseUrl}/3ds/${pi.id}`,
        source: newId('src', 24),
      },
    };
    store.pendingAuthentications.set(pi.id, { sessionId, card, billing });
    emitEvent(state, mode, 'payment_intent.requires_action', pi, { previous });
    return { status: 'requires_action', session: record.session, paymentIntent: pi };
  }
  return chargeCard(state, mode, record, pi, card, behaviour, billing);
}

function cardFor(number: string): TestCard {
  const card = findTestCard(number);
  if (!card) {
    throw new StripeApiError(
      402,
      {
        type: 'card_error',
        code: 'incorrect_number',
        message: 'Your card number is incorrect.',
        param: 'number',
      },
      'execution',
    );
  }
  return card;
}

/** Pays an open session with a test card number; the card decides the outcome. */
export function paySession(
  state: EmulatorState,
  sessionId: string,
  cardNumber: string,
  options: PayOptions = {},
): PayResult {
  const card = cardFor(cardNumber);
  return attempt(state, sessionId, card, card.behaviour, options);
}

/** Declines a payment attempt on an open session with the given decline code. */
export function declineSession(
  state: EmulatorState,
  sessionId: string,
  declineCode = 'generic_decline',
  options: PayOptions = {},
): PayResult {
  const card = cardFor('4000000000000002');
  return attempt(state, sessionId, card, declineBehaviour(declineCode), options);
}

/**
 * What the checkout page can ask of the emulator: load a session, pay it with a card, finish a
 * 3D Secure step. Each calls the same in-process payment flow as the control API, so the same
 * objects change and the same events are delivered.
 */
import { StripeApiError } from '../errors';
import type { Keyring } from '../keys';
import { completeAuthentication } from '../payments/charge-card';
import { paySession, type PayResult } from '../payments/pay-session';
import type { EmulatorState, SessionRecord } from '../state';
import { paySessionDelayed } from '../payments/pay-delayed';
import { checkCardForm, emailProblem, type CardField } from './card-details';
import { checkoutView, type CheckoutView } from './checkout-view';
import { sessionForPage } from './page-access';

export interface PageDeps {
  state: EmulatorState;
  keyring: Keyring;
  businessName: string;
}

/** The page's request: the publishable key and client secret, plus what the call needs. */
export type PageRequest = URLSearchParams;

export type PayAnswer =
  | { result: 'succeeded'; checkout: CheckoutView }
  | { result: 'requires_action'; checkout: CheckoutView }
  /** A bank payment was submitted: the session is complete, the money not there yet. */
  | { result: 'processing'; checkout: CheckoutView }
  | {
      result: 'declined';
      checkout: CheckoutView;
      message: string;
      code: string;
      declineCode: string | null;
    }
  | { result: 'invalid'; checkout: CheckoutView; errors: Partial<Record<CardField, string>> }
  /** The session is no longer open (expired, or paid elsewhere): `checkout.status` says which. */
  | { result: 'inactive'; checkout: CheckoutView }
  /** Open and waiting for a card (an authentication step was settled elsewhere). */
  | { result: 'ready'; checkout: CheckoutView };

function open(deps: PageDeps, request: PageRequest) {
  const record = sessionForPage(
    deps.state,
    deps.keyring,
    request.get('key') ?? '',
    request.get('client_secret') ?? '',
  );
  const view = () =>
    checkoutView(deps.state, record, deps.businessName, request.get('locale') ?? undefined);
  return { record, view };
}

function answerFor(result: PayResult, view: () => CheckoutView): PayAnswer {
  if (result.status !== 'declined') return { result: result.status, checkout: view() };
  const error = result.paymentIntent.last_payment_error;
  return {
    result: 'declined',
    checkout: view(),
    message: error?.message ?? 'Your card was declined.',
    code: error?.code ?? 'card_declined',
    declineCode: error?.decline_code ?? null,
  };
}

/** A state error means the session moved on meanwhile (it expired, say): show where it is now. */
function orCurrentState(run: () => PayAnswer, view: () => CheckoutView): PayAnswer {
  try {
    return run();
  } catch (error) {
    if (error instanceof StripeApiError && error.status === 400) {
      const checkout = view();
      if (checkout.status !== 'open') return { result: 'inactive', checkout };
      if (checkout.awaitingAuthentication) return { result: 'requires_action', checkout };
    }
    throw error;
  }
}

export function initCheckout(deps: PageDeps, request: PageRequest): { checkout: CheckoutView } {
  return { checkout: open(deps, request).view() };
}

const needsEmail = (record: SessionRecord) => !record.session.customer_email;

export function payCheckout(deps: PageDeps, request: PageRequest): PayAnswer {
  const { record, view } = open(deps, request);
  const current = view();
  if (current.status !== 'open') return { result: 'inactive', checkout: current };
  if (current.awaitingAuthentication) return { result: 'requires_action', checkout: current };
  const check = checkCardForm(
    {
      email: request.get('email') ?? '',
      number: request.get('number') ?? '',
      expiry: request.get('expiry') ?? '',
      cvc: request.get('cvc') ?? '',
      name: request.get('name') ?? '',
    },
    deps.state.clock.nowMs(),
    needsEmail(record),
  );
  if (!check.ok) return { result: 'invalid', checkout: current, errors: check.errors };
  return orCurrentState(() => {
    const result = paySession(deps.state, record.session.id, check.number, {
      name: check.name,
      ...(check.email ? { email: check.email } : {}),
    });
    return answerFor(result, view);
  }, view);
}

export function authenticateCheckout(deps: PageDeps, request: PageRequest): PayAnswer {
  const { record, view } = open(deps, request);
  const piId = record.session.payment_intent;
  const outcome = request.get('outcome') === 'fail' ? 'fail' : 'succeed';
  return orCurrentState(() => {
    if (typeof piId !== 'string' || !view().awaitingAuthentication) {
      const checkout = view();
      return { result: checkout.status === 'open' ? 'ready' : 'inactive', checkout };
    }
    return answerFor(completeAuthentication(deps.state, piId, outcome), view);
  }, view);
}

/** Pays with the session's bank debit; `outcome` picks the test account (succeeds or fails). */
export function payDelayedCheckout(deps: PageDeps, request: PageRequest): PayAnswer {
  const { record, view } = open(deps, request);
  const current = view();
  if (current.status !== 'open') return { result: 'inactive', checkout: current };
  if (current.awaitingAuthentication) return { result: 'requires_action', checkout: current };
  const email = request.get('email') ?? '';
  const problem = emailProblem(email, needsEmail(record));
  if (problem) return { result: 'invalid', checkout: current, errors: { email: problem } };
  return orCurrentState(() => {
    paySessionDelayed(deps.state, record.session.id, {
      outcome: request.get('outcome') === 'fail' ? 'fail' : 'succeed',
      ...(email.trim() ? { email: email.trim() } : {}),
    });
    return { result: 'processing', checkout: view() };
  }, view);
}

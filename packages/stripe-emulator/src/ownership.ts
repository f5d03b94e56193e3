/**
 * Which account an object belongs to. Only a session records it (the account whose key created
 * it); everything else follows its links back to a session — payment intent, charge, refund,
 * dispute, and an event through the object it carries — so the payment flows need not know.
 */
import type Stripe from 'stripe';
import { DEFAULT_ACCOUNT_ID } from './keys';
import type { ModeStore, SessionRecord } from './state';

type Ref = string | { id: string } | null | undefined;
const idOf = (ref: Ref): string | null => (typeof ref === 'string' ? ref : (ref?.id ?? null));

export function accountOfSession(record: SessionRecord | undefined): string {
  return record?.account ?? DEFAULT_ACCOUNT_ID;
}

function ofPaymentIntent(store: ModeStore, id: string | null): string {
  const sessionId = id ? store.sessionByPaymentIntent.get(id) : undefined;
  return accountOfSession(sessionId ? store.sessions.get(sessionId) : undefined);
}

function ofCharge(store: ModeStore, id: string | null): string {
  const charge = id ? store.charges.get(id) : undefined;
  return ofPaymentIntent(store, idOf(charge?.payment_intent));
}

export function accountOf(store: ModeStore, object: { id?: string; object: string }): string {
  switch (object.object) {
    case 'checkout.session':
      return accountOfSession(store.sessions.get(object.id ?? ''));
    case 'payment_intent':
      return ofPaymentIntent(store, object.id ?? null);
    case 'charge':
      return ofCharge(store, object.id ?? null);
    case 'refund': {
      const refund = object as Stripe.Refund;
      const pi = idOf(refund.payment_intent);
      return pi ? ofPaymentIntent(store, pi) : ofCharge(store, idOf(refund.charge));
    }
    case 'dispute':
      return ofCharge(store, idOf((object as Stripe.Dispute).charge));
    case 'event':
      return accountOf(store, (object as Stripe.Event).data.object);
    default:
      return DEFAULT_ACCOUNT_ID;
  }
}

/** The object when it belongs to `account`; undefined otherwise, as if it did not exist. */
export function ownedBy<T extends { id?: string; object: string }>(
  account: string,
  store: ModeStore,
  object: T | undefined,
): T | undefined {
  return object && accountOf(store, object) === account ? object : undefined;
}

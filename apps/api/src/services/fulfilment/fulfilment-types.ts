import type { Transaction, Database, TransitionCause } from '@clinicpay/db';

export type Tx = Transaction<Database>;

/**
 * What applying one fact about a payment did. `afterCommit` holds calls to Stripe that must
 * wait until the change is committed (no transaction is held open across a call to Stripe).
 */
export interface FulfilmentResult {
  outcome: 'applied' | 'no_change' | 'not_ours';
  afterCommit?: AfterCommitAction[];
  /** Set when our payment just learnt its Stripe payment intent: parked events may now match. */
  learnedPaymentIntentId?: string;
}

export type AfterCommitAction =
  | { kind: 'expire_checkout_session'; checkoutSessionId: string; mode: 'test' | 'live' }
  /** A refund reserved in the committed transaction, to send to Stripe now. */
  | { kind: 'send_refund'; refundId: string };

/** Which mode a Stripe object belongs to; an event applies only to payments of its own mode. */
export function modeOf(livemode: boolean): 'test' | 'live' {
  return livemode ? 'live' : 'test';
}

export type Cause = TransitionCause;

/**
 * Refunds that do not settle at once. In test mode Stripe's card refunds succeed immediately,
 * but real ones can stay `pending` and then succeed or fail (an expired or closed card), and two
 * test cards show it. A control rule makes every new refund behave so; the cards do it alone.
 *
 * A pending refund already counts in the charge's `amount_refunded` (and `charge.refunded` is
 * sent when it is created); a refund that fails gives its amount back to the charge.
 */
import type Stripe from 'stripe';
import { emitEvent } from '../events';
import { newId, randomDigits } from '../ids';
import type { Mode } from '../keys';
import type { EmulatorState } from '../state';
import type { RefundBehaviour } from './test-cards';

export type RefundSettlementRule =
  | { status: 'instant' }
  | {
      status: 'pending';
      then: 'succeeded' | 'failed';
      /** Emulator seconds until the refund settles. */
      afterSeconds: number;
      /** With `then: 'failed'`; default `unknown`. */
      failureReason?: string;
    };

/** How long the refund test cards take to settle when no rule says otherwise. */
export const CARD_REFUND_SETTLE_SECONDS = 60;

/** A refund waiting to settle, applied when the clock reaches `at`. */
export interface PendingRefund {
  at: number;
  refundId: string;
  then: 'succeeded' | 'failed';
  failureReason: string;
}

/** What happens to a new refund: its first status, and whether (and how) it settles later. */
export interface RefundPlan {
  initial: 'succeeded' | 'pending';
  later: (Omit<PendingRefund, 'refundId' | 'at'> & { afterSeconds: number }) | null;
}

export function checkRefundSettlementRule(rule: RefundSettlementRule): RefundSettlementRule {
  if (rule.status === 'instant') return { status: 'instant' };
  if (rule.status !== 'pending') throw new RangeError("status must be 'instant' or 'pending'");
  if (rule.then !== 'succeeded' && rule.then !== 'failed')
    throw new RangeError("then must be 'succeeded' or 'failed'");
  if (
    typeof rule.afterSeconds !== 'number' ||
    !Number.isFinite(rule.afterSeconds) ||
    rule.afterSeconds < 0
  )
    throw new RangeError('afterSeconds must be a number >= 0');
  return {
    status: 'pending',
    then: rule.then,
    afterSeconds: rule.afterSeconds,
    ...(rule.failureReason ? { failureReason: rule.failureReason } : {}),
  };
}

/** The card's own behaviour wins over the rule; the rule over Stripe's instant default. */
export function planRefund(
  rule: RefundSettlementRule,
  card: RefundBehaviour | undefined,
): RefundPlan {
  const after = rule.status === 'pending' ? rule.afterSeconds : CARD_REFUND_SETTLE_SECONDS;
  if (card === 'fails_later') {
    return {
      initial: 'succeeded',
      later: { then: 'failed', failureReason: 'expired_or_canceled_card', afterSeconds: after },
    };
  }
  if (card === 'pending') {
    return {
      initial: 'pending',
      later: { then: 'succeeded', failureReason: '', afterSeconds: after },
    };
  }
  if (rule.status === 'instant') return { initial: 'succeeded', later: null };
  return {
    initial: 'pending',
    later: {
      then: rule.then,
      failureReason: rule.failureReason ?? 'unknown',
      afterSeconds: rule.afterSeconds,
    },
  };
}

/** The card network's reference arrives when the refund goes through. */
function addReference(refund: Stripe.Refund): void {
  const card = refund.destination_details?.card;
  if (card && !card.reference) {
    card.reference = randomDigits(23);
    card.reference_status = 'available';
  }
}

function settle(state: EmulatorState, mode: Mode, pending: PendingRefund): void {
  const store = state.store(mode);
  const refund = store.refunds.get(pending.refundId);
  if (!refund || (refund.status !== 'pending' && refund.status !== 'succeeded')) return;
  const previous = { status: refund.status, pending_reason: refund.pending_reason };
  delete refund.pending_reason;
  if (pending.then === 'succeeded') {
    refund.status = 'succeeded';
    addReference(refund);
    emitEvent(state, mode, 'refund.updated', refund, { previous });
    emitEvent(state, mode, 'charge.refund.updated', refund, { previous });
    return;
  }
  refund.status = 'failed';
  refund.failure_reason = pending.failureReason;
  refund.failure_balance_transaction = newId('txn', 24);
  const chargeId = typeof refund.charge === 'string' ? refund.charge : null;
  const charge = chargeId ? store.charges.get(chargeId) : undefined;
  if (charge) {
    // The money never left: the charge has that much left to refund again.
    charge.amount_refunded -= refund.amount;
    charge.refunded = charge.amount_refunded === charge.amount;
  }
  emitEvent(state, mode, 'refund.failed', refund, { previous });
  emitEvent(state, mode, 'charge.refund.updated', refund, { previous });
}

/** Settles every refund whose time has come, oldest first; returns how many. */
export function settleDueRefunds(state: EmulatorState): number {
  const now = state.clock.now();
  let settled = 0;
  for (const mode of ['test', 'live'] as const) {
    const store = state.store(mode);
    if (store.pendingRefunds.length === 0) continue;
    const due = store.pendingRefunds.filter((r) => r.at <= now).sort((a, b) => a.at - b.at);
    if (due.length === 0) continue;
    const waiting = store.pendingRefunds.filter((r) => r.at > now);
    store.pendingRefunds.splice(0, store.pendingRefunds.length, ...waiting);
    for (const pending of due) {
      settle(state, mode, pending);
      settled++;
    }
  }
  return settled;
}

/** Disputes as a cardholder's bank raises them, and their resolution (both via the control API). */
import type Stripe from 'stripe';
import { resourceMissing, stateError } from '../errors';
import { emitEvent } from '../events';
import { buildDispute } from '../objects/dispute';
import type { EmulatorState } from '../state';
import { modeHolding } from './lookup';

export interface DisputeOptions {
  reason?: string;
  amount?: number;
}

const OPEN = new Set([
  'needs_response',
  'under_review',
  'warning_needs_response',
  'warning_under_review',
]);

export function disputeCharge(
  state: EmulatorState,
  chargeId: string,
  options: DisputeOptions = {},
): Stripe.Dispute {
  const mode = modeHolding(state, chargeId, 'charge', 'charge');
  const store = state.store(mode);
  const charge = store.charges.get(chargeId);
  if (!charge) throw resourceMissing('charge', chargeId, 'charge');
  if (charge.status !== 'succeeded')
    throw stateError(`Charge ${chargeId} did not succeed; there is nothing to dispute.`);
  if (charge.disputed) throw stateError(`Charge ${chargeId} is already disputed.`);
  const amount = options.amount ?? charge.amount - charge.amount_refunded;
  const dispute = buildDispute({
    charge,
    amount,
    reason: options.reason ?? 'fraudulent',
    created: state.clock.now(),
  });
  store.disputes.set(dispute.id, dispute);
  charge.disputed = true;
  emitEvent(state, mode, 'charge.dispute.created', dispute);
  emitEvent(state, mode, 'charge.dispute.funds_withdrawn', dispute);
  return dispute;
}

/** Resolves an open dispute: `won` reinstates the funds, `lost` keeps them withdrawn. */
export function closeDispute(
  state: EmulatorState,
  disputeId: string,
  outcome: 'won' | 'lost',
): Stripe.Dispute {
  const mode = modeHolding(state, disputeId, 'dispute');
  const dispute = state.store(mode).disputes.get(disputeId);
  if (!dispute) throw resourceMissing('dispute', disputeId);
  if (!OPEN.has(dispute.status))
    throw stateError(`Dispute ${disputeId} is already closed (status: ${dispute.status}).`);
  const previous = { status: dispute.status };
  dispute.status = outcome;
  dispute.is_charge_refundable = false;
  emitEvent(state, mode, 'charge.dispute.closed', dispute, { previous });
  if (outcome === 'won') emitEvent(state, mode, 'charge.dispute.funds_reinstated', dispute);
  return dispute;
}

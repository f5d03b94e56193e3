import { flagPayment, recordPaymentEvent } from '@clinicpay/db';
import type { DisputeUpdatedEffect } from '@clinicpay/payments';
import { queueDisputeMail } from '../mail/queue-mail.js';
import { type Cause, type FulfilmentResult, type Tx } from './fulfilment-types.js';
import { lockPaymentOfMode } from './lock-event-payment.js';

// Stripe's final dispute statuses (`prevented`: stopped before it became a chargeback).
const CLOSED_DISPUTE = new Set(['won', 'lost', 'warning_closed', 'prevented']);

/** A dispute opened, changed or closed: recorded on the payment and flagged for the admin. */
export async function applyDisputeUpdated(
  trx: Tx,
  fact: DisputeUpdatedEffect,
  livemode: boolean,
  cause: Cause,
): Promise<FulfilmentResult> {
  const payment = await lockPaymentOfMode(trx, fact, livemode);
  if (!payment) return { outcome: 'not_ours' };
  if (payment.dispute_status === fact.status) return { outcome: 'no_change' };
  // A closed dispute stays closed: an older "needs_response" arriving late changes nothing. The one
  // way on from a loss is an appeal (appeal_needs_response, appeal_under_review).
  const appealOfLoss = payment.dispute_status === 'lost' && fact.status.startsWith('appeal_');
  if (
    payment.dispute_status &&
    CLOSED_DISPUTE.has(payment.dispute_status) &&
    !CLOSED_DISPUTE.has(fact.status) &&
    !appealOfLoss
  ) {
    return { outcome: 'no_change' };
  }
  await flagPayment(trx, payment.id, {
    reason: 'dispute',
    disputeStatus: fact.status,
    at: cause.at,
  });
  // The first word of a dispute: the clinic has days to answer it, so it is told at once.
  if (!payment.dispute_status) {
    const dispute = {
      disputeId: fact.disputeId,
      appointmentId: payment.appointment_id,
      paymentId: payment.id,
      amount: fact.amount,
      currency: fact.currency,
      reason: fact.reason,
    };
    await queueDisputeMail(trx, dispute, cause.at);
  }
  await recordPaymentEvent(trx, payment.id, payment.status, payment.status, {
    ...cause,
    reason: `dispute_${fact.status}`,
    details: { dispute_id: fact.disputeId, amount: fact.amount, reason: fact.reason },
  });
  return { outcome: 'applied' };
}

/**
 * What the admin's transactions show of a payment (aliased `p`), in the list and in one
 * transaction's detail alike, so the two cannot disagree on what a transaction is.
 */
export const transactionPaymentColumns = [
  'p.id',
  'p.status',
  'p.gateway',
  'p.mode',
  'p.amount',
  'p.currency',
  'p.amount_refunded',
  'p.checkout_session_id',
  'p.payment_intent_id',
  'p.charge_id',
  'p.dispute_status',
  'p.flagged_reason',
  'p.created_at',
  'p.completed_at',
] as const;

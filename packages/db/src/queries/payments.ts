import type { Transaction } from 'kysely';
import type { Database } from '../schema.js';

export const paymentColumns = [
  'id',
  'appointment_id',
  'gateway',
  'mode',
  'amount',
  'currency',
  'status',
  'checkout_session_id',
  'payment_intent_id',
  'charge_id',
  'amount_refunded',
  'failure_code',
  'failure_message',
  'dispute_status',
  'flagged_reason',
  'completed_at',
  'created_at',
] as const;

/** Locks one payment for a state change. Found by our id, else by Stripe's intent or charge id. */
export async function lockPayment(
  trx: Transaction<Database>,
  by: { paymentId?: string | null; paymentIntentId?: string | null; chargeId?: string | null },
) {
  let query = trx.selectFrom('payments').select(paymentColumns).forUpdate();
  if (by.paymentId && isUuid(by.paymentId)) query = query.where('id', '=', by.paymentId);
  else if (by.paymentIntentId) query = query.where('payment_intent_id', '=', by.paymentIntentId);
  else if (by.chargeId) query = query.where('charge_id', '=', by.chargeId);
  else return undefined;
  return query.executeTakeFirst();
}

export async function lockAppointment(trx: Transaction<Database>, appointmentId: string) {
  return trx
    .selectFrom('appointments')
    .select(['id', 'status', 'doctor_id', 'starts_at', 'ends_at', 'hold_expires_at', 'reference'])
    .where('id', '=', appointmentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** metadata.payment_id comes from outside: a malformed one must not reach a uuid comparison. */
function isUuid(value: string): boolean {
  return UUID.test(value);
}

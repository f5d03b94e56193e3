import {
  refundQuote,
  rescheduleSentence,
  type PolicySnapshot,
  type RefundQuote,
} from '@clinicpay/contracts';
import type { BookingRow } from '@clinicpay/db';
import { policyOfBooking } from '../policies/policy-snapshot.js';

// What the patient may do with a booking now, under the policy stored with it: the booking page
// shows it, and the cancel and reschedule services check the same answers on locked rows.

export type Allowed<T = object> = ({ allowed: true } & T) | { allowed: false; reason: string };

export interface PatientActions {
  policy: { sentence: string; reschedule: string };
  clinicPhone: string;
  cancel: Allowed<{ refund: (RefundQuote & { paid: number; currency: string }) | null }>;
  reschedule: Allowed<{ movesLeft: number }>;
}

type ManagedBooking = Pick<
  BookingRow,
  | 'status'
  | 'starts_at'
  | 'payment_method'
  | 'payment_status'
  | 'amount'
  | 'amount_refunded'
  | 'currency'
  | 'cancellation_policy'
  | 'reschedule_count'
  | 'clinic_phone'
  | 'clinic_currency'
>;

const CARD_PAID = ['completed', 'partially_refunded'];

function callClinic(phone: string): string {
  return phone ? `please call the clinic on ${phone}` : 'please call the clinic';
}

/** Only for Confirmed bookings; null otherwise (nothing to manage). */
export function patientActions(booking: ManagedBooking, now: Date): PatientActions | null {
  if (booking.status !== 'confirmed') return null;
  const policy = policyOfBooking(booking.cancellation_policy, booking.clinic_currency);
  return {
    policy: { sentence: policy.sentence, reschedule: rescheduleSentence(policy) },
    clinicPhone: booking.clinic_phone,
    cancel: cancelRule(booking, policy, now),
    reschedule: rescheduleRule(booking, policy, now),
  };
}

export function cancelRule(
  booking: ManagedBooking,
  policy: PolicySnapshot,
  now: Date,
): PatientActions['cancel'] {
  const call = callClinic(booking.clinic_phone);
  if (now >= booking.starts_at)
    return { allowed: false, reason: `This appointment has started; ${call}.` };
  if (booking.payment_method !== 'stripe') return { allowed: true, refund: null };
  if (!booking.payment_status || !CARD_PAID.includes(booking.payment_status))
    return {
      allowed: false,
      reason: `This booking's payment needs the clinic's attention; ${call} to cancel.`,
    };
  const paid = booking.amount ?? 0;
  const currency = booking.currency ?? policy.currency;
  const quote = refundQuote(
    policy,
    { paid, alreadyRefunded: booking.amount_refunded ?? 0, currency },
    booking.starts_at,
    now,
  );
  return { allowed: true, refund: { ...quote, paid, currency } };
}

export function rescheduleRule(
  booking: ManagedBooking,
  policy: PolicySnapshot,
  now: Date,
): PatientActions['reschedule'] {
  const call = callClinic(booking.clinic_phone);
  if (policy.maxReschedules === 0)
    return { allowed: false, reason: `This clinic does not move bookings online; ${call}.` };
  if (booking.reschedule_count >= policy.maxReschedules) {
    const times = policy.maxReschedules === 1 ? 'once' : `${policy.maxReschedules} times`;
    return {
      allowed: false,
      reason: `This booking has been moved ${times}, the most the clinic allows online; ${call}.`,
    };
  }
  const latest = booking.starts_at.getTime() - policy.rescheduleHours * 3_600_000;
  if (now.getTime() > latest) {
    const hours = `${policy.rescheduleHours} ${policy.rescheduleHours === 1 ? 'hour' : 'hours'}`;
    return {
      allowed: false,
      reason:
        policy.rescheduleHours === 0
          ? `This appointment has started; ${call}.`
          : `Bookings can be moved online until ${hours} before; ${call}.`,
    };
  }
  return { allowed: true, movesLeft: policy.maxReschedules - booking.reschedule_count };
}

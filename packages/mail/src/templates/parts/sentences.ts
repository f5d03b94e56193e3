// Sentences more than one template says, so they say it the same way.
import type { CancelCause, ClinicContact, RefundFacts } from '../../message.js';
import { money } from '../../format-money.js';

/** "call us on +6495550100", or the e-mail address when the clinic has no phone. */
export function howToReach(clinic: ClinicContact): string {
  return clinic.phone ? `call us on ${clinic.phone}` : `e-mail us at ${clinic.email}`;
}

/** "the full $60.00 you paid" or "$30.00 of the $60.00 you paid". */
export function refundedPart(refund: RefundFacts): string {
  return refund.amount.amount >= refund.paid.amount
    ? `the full ${money(refund.paid)} you paid`
    : `${money(refund.amount)} of the ${money(refund.paid)} you paid`;
}

export const REFUND_DELAY = 'Refunds take 5–10 business days to appear on your statement.';

/** Why a patient's appointment was cancelled, told to the patient. */
export function causeForPatient(cause: CancelCause, clinicName: string): string {
  switch (cause) {
    case 'patient':
      return 'As you asked, we have cancelled your appointment.';
    case 'clinic':
      return `${clinicName} had to cancel your appointment. We are sorry for the trouble.`;
    case 'payment_failed':
      return 'Your card payment did not go through, so the time was released and the appointment is not booked.';
    case 'hold_lapsed':
      return 'The payment was not completed in time, so the time was released and the appointment is not booked.';
  }
}

/** The same cause, told to the clinic. */
export function causeForClinic(cause: CancelCause, patientName: string): string {
  switch (cause) {
    case 'patient':
      return `${patientName} cancelled the appointment.`;
    case 'clinic':
      return 'The appointment was cancelled from the clinic admin.';
    case 'payment_failed':
      return `${patientName}'s card payment did not go through, so the time was released.`;
    case 'hold_lapsed':
      return `${patientName} did not complete the payment in time, so the time was released.`;
  }
}

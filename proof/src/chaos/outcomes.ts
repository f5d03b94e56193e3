/** What a patient (and later the clinic) does with one booking in the chaos run, and how often. */
export const OUTCOME_MIX = {
  /** Pays with 4242. */
  pay: 0.25,
  /** 3D Secure challenge passed. */
  three_ds_pass: 0.04,
  /** 3D Secure challenge failed: a failed payment. */
  three_ds_fail: 0.03,
  /** Card declined (policy "cancel": the booking is cancelled and its session expired). */
  decline: 0.1,
  /** Declined, then pays at once in another tab: races the cancellation (paid after cancel). */
  decline_then_pay: 0.05,
  /** Never pays: Stripe expires the session. */
  lapse: 0.13,
  /** Pays; the admin refunds all of it from Clinicpay. */
  refund_admin_full: 0.08,
  /** Pays; the admin refunds part of it from Clinicpay. */
  refund_admin_partial: 0.07,
  /** Pays; the clinic refunds from Stripe's Dashboard, at once (often before the success is applied). */
  refund_dashboard: 0.1,
  /** Pays; the clinic cancels the appointment and refunds it. */
  admin_cancel_refund: 0.03,
  /** Pays; the clinic cancels the appointment and keeps the money, writing why (allowed). */
  admin_cancel_keep: 0.02,
  /** Declined or lapsed earlier, the released time is booked again by someone else and paid. */
  rebook_released: 0.1,
} as const;

export type Outcome = keyof typeof OUTCOME_MIX;

export function pickOutcome(random: () => number): Outcome {
  let draw = random();
  for (const [outcome, share] of Object.entries(OUTCOME_MIX) as Array<[Outcome, number]>) {
    if (draw < share) return outcome;
    draw -= share;
  }
  return 'pay';
}

import { z } from '../zod.js';
import { APPOINTMENT_STATUSES } from './statuses.js';

const instant = (what: string) =>
  z.iso.datetime({
    offset: true,
    message: `Give the ${what} as a date and time, e.g. 2026-12-01T00:00:00Z.`,
  });

/** The appointments list: by time (starts_at in [from, to)), doctor, status, and patient. */
export const ListAppointmentsInput = z
  .object({
    from: instant('start').optional(),
    to: instant('end').optional(),
    doctorId: z.uuid({ message: 'Choose a doctor from the list.' }).optional(),
    status: z
      .array(z.enum(APPOINTMENT_STATUSES, { message: 'Choose statuses from the list.' }))
      .max(APPOINTMENT_STATUSES.length)
      .optional(),
    /** Part of the patient's name or email, or a booking reference. */
    patient: z
      .string()
      .trim()
      .min(1, { message: 'Type part of a name, an email or a reference.' })
      .max(120)
      .optional(),
    /** Soonest first by default: the day's list reads top to bottom. */
    direction: z.enum(['asc', 'desc']).default('asc'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(100, { message: 'Ask for at most 100 rows at a time.' })
      .default(50),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), {
    message: 'The end must be after the start.',
    path: ['to'],
  });
export type ListAppointmentsInput = z.infer<typeof ListAppointmentsInput>;

export const AppointmentIdInput = z.object({
  appointmentId: z.uuid({ message: 'Choose an appointment from the list.' }),
});
export type AppointmentIdInput = z.infer<typeof AppointmentIdInput>;

export const CANCEL_REFUNDS = ['full', 'policy', 'none'] as const;
export type CancelRefund = (typeof CANCEL_REFUNDS)[number];

/**
 * The clinic cancels. Money paid by card goes back in full, or as the booking's policy gives, or
 * is kept, which the API allows only with a reason (it is recorded on the payment's timeline).
 */
export const CancelAppointmentInput = z.object({
  appointmentId: z.uuid({ message: 'Choose an appointment from the list.' }),
  /**
   * What happens to a card payment: `policy` refunds what the booking's cancellation policy gives
   * at this moment (the front desk's only choice), `full` refunds all that is left, `none` keeps
   * it (with a reason). Nothing paid: any of them just cancels.
   */
  refund: z.enum(CANCEL_REFUNDS, {
    message: 'Choose what happens to the payment: refund in full, by the policy, or keep it.',
  }),
  reason: z
    .string()
    .trim()
    .max(500, { message: 'Keep the reason under 500 characters.' })
    .optional(),
});
export type CancelAppointmentInput = z.infer<typeof CancelAppointmentInput>;

/** The clinic moves an appointment, outside the patient's policy limits, always with a reason. */
export const MoveAppointmentInput = z.object({
  appointmentId: z.uuid({ message: 'Choose an appointment from the list.' }),
  doctorId: z.union([z.uuid({ message: 'Choose a doctor from the list.' }), z.literal('any')]),
  startsAt: instant('new start'),
  reason: z
    .string()
    .trim()
    .min(3, { message: 'Give a reason for moving the appointment.' })
    .max(500, { message: 'Keep the reason under 500 characters.' }),
});
export type MoveAppointmentInput = z.infer<typeof MoveAppointmentInput>;

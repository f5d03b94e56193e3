import { z } from '../zod.js';
import { LOCAL_DATE } from '../time/zoned-time.js';
import { MAX_AVAILABILITY_RANGE_DAYS } from './booking-rules.js';

// The public booking procedures' inputs, shared by the API (which validates with them) and the
// booking SPA's forms (which show the same messages as the patient types).

const id = (what: string) => z.uuid({ message: `Choose a ${what} from the list.` });
const localDate = z.string().regex(LOCAL_DATE, { message: 'Give a date as YYYY-MM-DD.' });

/** The doctors who offer a service (catalogue.doctors). */
export const DoctorsForServiceInput = z.object({ serviceId: id('service') });
export type DoctorsForServiceInput = z.infer<typeof DoctorsForServiceInput>;

export const DoctorChoice = z.union([id('doctor'), z.literal('any')]);

export const AvailabilityInput = z
  .object({
    serviceId: id('service'),
    doctorId: DoctorChoice.default('any'),
    from: localDate,
    to: localDate,
  })
  .refine((input) => input.from <= input.to, {
    message: 'The end date must not be before the start date.',
    path: ['to'],
  })
  .refine((input) => daysBetween(input.from, input.to) < MAX_AVAILABILITY_RANGE_DAYS, {
    message: `Ask for at most ${MAX_AVAILABILITY_RANGE_DAYS} days at a time.`,
    path: ['to'],
  });
export type AvailabilityInput = z.infer<typeof AvailabilityInput>;

export const PatientDetailsInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: 'Enter your full name.' })
    .max(120, { message: 'Your name must be at most 120 characters.' }),
  email: z
    .string()
    .trim()
    .max(254, { message: 'Your email address is too long.' })
    .pipe(z.email({ message: 'Enter an email address like name@example.com.' })),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{6,24}$/, {
      message: 'Enter a phone number with digits, e.g. +1 212 555 0100.',
    }),
});
export type PatientDetailsInput = z.infer<typeof PatientDetailsInput>;

export const PAYMENT_METHODS = ['stripe', 'pay_at_clinic'] as const;
export type PaymentMethodChoice = (typeof PAYMENT_METHODS)[number];

/** No amount: the server prices the booking from the service (amounts are computed server-side). */
export const CreateBookingInput = z.object({
  serviceId: id('service'),
  doctorId: DoctorChoice,
  startsAt: z.iso.datetime({ offset: true, message: 'Choose a time from the list.' }),
  patient: PatientDetailsInput,
  paymentMethod: z.enum(PAYMENT_METHODS, { message: 'Choose how you want to pay.' }),
  /** The solved proof of work (the widget's payload), when the clinic asks for one. */
  challenge: z.string().max(8000).optional(),
});
export type CreateBookingInput = z.infer<typeof CreateBookingInput>;

const reference = z
  .string()
  .trim()
  .regex(/^[A-Z0-9-]{4,32}$/, { message: 'Enter the booking reference from your confirmation.' });

/** Reading a booking needs its reference plus its secret token, or the checkout session id of the return URL. */
export const BookingStatusInput = z
  .object({
    reference,
    token: z.string().min(20).max(200).optional(),
    sessionId: z.string().min(10).max(255).optional(),
  })
  .refine((input) => input.token !== undefined || input.sessionId !== undefined, {
    message: 'Open the link from your booking confirmation to see this booking.',
  });
export type BookingStatusInput = z.infer<typeof BookingStatusInput>;

/** The status link's secret: what allows changing a booking or paying it, never the session id alone. */
const accessToken = z.string().min(20).max(200);

/**
 * `expectedRefund` is the refund the booking page's dialog showed (minor units; 0 when nothing
 * was paid online): a confirmed booking is cancelled only with it, and when time has crossed into
 * another tier since, the cancel is refused with the new amount instead of refunding a surprise.
 */
export const CancelBookingInput = z.object({
  reference,
  token: accessToken,
  expectedRefund: z.number().int().min(0).optional(),
});
export type CancelBookingInput = z.infer<typeof CancelBookingInput>;

/** The patient moves a confirmed booking to another free time of the same service. */
export const RescheduleBookingInput = z.object({
  reference,
  token: accessToken,
  doctorId: DoctorChoice,
  startsAt: z.iso.datetime({ offset: true, message: 'Choose a time from the list.' }),
});
export type RescheduleBookingInput = z.infer<typeof RescheduleBookingInput>;

/** Opening the card form again for an unpaid booking, from its status link. */
export const ResumeCheckoutInput = z.object({ reference, token: accessToken });
export type ResumeCheckoutInput = z.infer<typeof ResumeCheckoutInput>;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

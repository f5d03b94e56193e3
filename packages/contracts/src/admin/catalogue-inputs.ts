import { z } from '../zod.js';
import { isSupportedCurrency, normalizeCurrencyCode } from '../money';

// The catalogue the admin edits: services (name, duration, price) and doctors (services, weekly
// hours, time off). Prices are integers of the currency's smallest unit, as everywhere.

const uuid = (what: string) => z.uuid({ message: `Choose a ${what} from the list.` });

export const ServiceFields = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: 'Name the service, e.g. General consultation.' })
    .max(120, { message: 'Keep the name under 120 characters.' }),
  durationMinutes: z
    .number({ message: 'Give the duration in minutes, e.g. 30.' })
    .int({ message: 'Give the duration in whole minutes.' })
    .min(5, { message: 'A service lasts at least 5 minutes.' })
    .max(480, { message: 'A service lasts at most 8 hours (480 minutes).' }),
  price: z.object({
    amount: z
      .number({ message: 'Give the price in cents, e.g. 6000 for 60.00 (0 for free).' })
      .int({ message: 'Give the price in cents, e.g. 6000 for 60.00.' })
      .min(0, { message: 'A price cannot be negative; use 0 for a free service.' })
      .max(Number.MAX_SAFE_INTEGER),
    currency: z
      .string()
      .transform((c) => normalizeCurrencyCode(c).toUpperCase())
      .refine(isSupportedCurrency, { message: 'Choose a currency from the list.' }),
  }),
});

export const CreateServiceInput = ServiceFields.extend({
  doctorIds: z.array(uuid('doctor')).max(100).default([]),
});
export type CreateServiceInput = z.infer<typeof CreateServiceInput>;

export const UpdateServiceInput = ServiceFields.extend({ serviceId: uuid('service') });
export type UpdateServiceInput = z.infer<typeof UpdateServiceInput>;

export const ServiceIdInput = z.object({ serviceId: uuid('service') });

export const DoctorFields = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: "Enter the doctor's name." })
    .max(120, { message: 'Keep the name under 120 characters.' }),
  specialty: z
    .string()
    .trim()
    .max(120, { message: 'Keep the specialty under 120 characters.' })
    .default(''),
});
export const CreateDoctorInput = DoctorFields;
export type CreateDoctorInput = z.infer<typeof CreateDoctorInput>;
export const UpdateDoctorInput = DoctorFields.extend({
  doctorId: uuid('doctor'),
  /** An inactive doctor is offered to nobody; their bookings stay. */
  active: z.boolean({ message: 'Say whether the doctor takes bookings.' }),
});
export type UpdateDoctorInput = z.infer<typeof UpdateDoctorInput>;

export const SetDoctorServicesInput = z.object({
  doctorId: uuid('doctor'),
  serviceIds: z.array(uuid('service')).max(200),
});
export type SetDoctorServicesInput = z.infer<typeof SetDoctorServicesInput>;

const clock = (what: string) =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, {
    message: `Give the ${what} time as HH:MM, e.g. 09:00.`,
  });

/** Opening hours in the clinic's wall-clock time; 0 = Sunday … 6 = Saturday. */
export const WeeklyHoursInterval = z
  .object({
    weekday: z
      .number()
      .int()
      .min(0, { message: 'Choose a day of the week.' })
      .max(6, { message: 'Choose a day of the week.' }),
    start: clock('start'),
    end: clock('end'),
  })
  .refine((h) => h.start < h.end, { message: 'The end must be after the start.', path: ['end'] });

export const SetWeeklyHoursInput = z
  .object({ doctorId: uuid('doctor'), hours: z.array(WeeklyHoursInterval).max(50) })
  .superRefine((input, ctx) => {
    input.hours.forEach((h, i) => {
      const clash = input.hours.findIndex(
        (o, j) => j < i && o.weekday === h.weekday && o.start < h.end && h.start < o.end,
      );
      if (clash >= 0)
        ctx.addIssue({
          code: 'custom',
          message: 'These hours overlap other hours on the same day.',
          path: ['hours', i, 'start'],
        });
    });
  });
export type SetWeeklyHoursInput = z.infer<typeof SetWeeklyHoursInput>;

export const AddTimeOffInput = z
  .object({
    doctorId: uuid('doctor'),
    startsAt: z.iso.datetime({ offset: true, message: 'Give the start as a date and time.' }),
    endsAt: z.iso.datetime({ offset: true, message: 'Give the end as a date and time.' }),
    reason: z
      .string()
      .trim()
      .max(200, { message: 'Keep the reason under 200 characters.' })
      .optional(),
  })
  .refine((t) => Date.parse(t.startsAt) < Date.parse(t.endsAt), {
    message: 'The end must be after the start.',
    path: ['endsAt'],
  });
export type AddTimeOffInput = z.infer<typeof AddTimeOffInput>;

export const TimeOffIdInput = z.object({ timeOffId: uuid('time off') });

/** "09:30" → 570; "24:00" → 1440. */
export function minutesOfClock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** 570 → "09:30". */
export function clockOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

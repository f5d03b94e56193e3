import { z } from '../zod.js';
import { isSupportedCurrency, normalizeCurrencyCode } from '../money';
import { currencyUnsupportedMessage } from '../gateway-settings/messages';
import { isIanaTimeZone } from '../time';

/** E.164: a plus, the country code and the number, 8 to 15 digits in all, no spaces. */
const E164 = /^\+[1-9]\d{6,14}$/;

/** Spaces, dots, dashes and brackets people type between digits; what is stored has none. */
export function toE164(phone: string): string {
  return phone.replace(/[\s().-]/g, '');
}

/** The clinic's profile: what set-up asks for and the Clinic page edits. */
export const ClinicProfileInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: "Enter the clinic's name." })
    .max(200, { message: "The clinic's name must be at most 200 characters." }),
  address: z
    .string()
    .trim()
    .min(1, { message: "Enter the clinic's address as patients should find it." })
    .max(500, { message: 'The address must be at most 500 characters.' }),
  timeZone: z.string().refine(isIanaTimeZone, {
    message: 'Choose a time zone from the list, such as Pacific/Auckland.',
  }),
  currency: z
    .string()
    // Stored as ISO 4217 writes it, upper-case.
    .transform((code) => normalizeCurrencyCode(code).toUpperCase())
    .refine(isSupportedCurrency, {
      error: (issue) => currencyUnsupportedMessage(String(issue.input)),
    }),
  contactEmail: z
    .string()
    .trim()
    .max(254, { message: 'The e-mail address is too long.' })
    .pipe(
      z.email({
        message: 'Enter an e-mail address with an @, such as reception@clinic.example.',
      }),
    ),
  contactPhone: z
    .string()
    .transform(toE164)
    .refine((phone) => E164.test(phone), {
      message:
        'Enter the phone number in international form: a + and the country code, e.g. +64 9 555 0100.',
    }),
});
export type ClinicProfileInput = z.output<typeof ClinicProfileInput>;
export type ClinicProfileFormValues = z.input<typeof ClinicProfileInput>;

/**
 * A change of the profile. Moving the clinic to another time zone while bookings lie ahead needs
 * `confirmTimeZoneChange`, sent after the admin has seen what it does to them.
 */
export const UpdateClinicInput = ClinicProfileInput.extend({
  confirmTimeZoneChange: z.boolean().default(false),
});
export type UpdateClinicInput = z.output<typeof UpdateClinicInput>;

/** What a move to another time zone would do to the bookings ahead. */
export const TimeZoneChangeInput = z.object({
  timeZone: ClinicProfileInput.shape.timeZone,
});
export type TimeZoneChangeInput = z.infer<typeof TimeZoneChangeInput>;

import { z } from '../zod.js';

/** The clinic's defences against one sender filling the calendar. */
export const SaveBookingProtectionInput = z.object({
  maxOpenBookingsPerContact: z.coerce
    .number({ message: 'Enter a number of bookings, e.g. 3.' })
    .int({ message: 'Enter a whole number of bookings, e.g. 3.' })
    .min(1, { message: 'Allow at least 1 open booking per patient.' })
    .max(100, { message: 'Allow at most 100 open bookings per patient.' }),
  challengeAlways: z.boolean(),
  challengeThreshold: z.coerce
    .number({ message: 'Enter a number of bookings, e.g. 30.' })
    .int({ message: 'Enter a whole number of bookings, e.g. 30.' })
    .min(1, { message: 'Enter at least 1 booking.' })
    .max(10_000, { message: 'Enter at most 10,000 bookings.' }),
});
export type SaveBookingProtectionInput = z.output<typeof SaveBookingProtectionInput>;

export const BULK_CANCEL_SOURCES = ['address', 'network', 'email'] as const;
export type BulkCancelSource = (typeof BULK_CANCEL_SOURCES)[number];

/** The longest window a bulk cancel may cover: a flood is cleaned up within days. */
export const BULK_CANCEL_MAX_DAYS = 31;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const looksLikeIp = (value: string) =>
  (IPV4.test(value) && value.split('.').every((part) => Number(part) <= 255)) ||
  (/^[0-9a-f:.]+$/i.test(value) && value.includes(':'));

/** Which bookings: made from one address, one network (an IPv6 /64) or for one e-mail, in a window. */
export const BulkCancelQueryInput = z
  .object({
    kind: z.enum(BULK_CANCEL_SOURCES, { message: 'Choose address, network or e-mail.' }),
    value: z.string().trim().min(1, { message: 'Enter the address, network or e-mail.' }).max(200),
    from: z.iso.datetime({ offset: true, message: 'Enter when the window starts.' }),
    to: z.iso.datetime({ offset: true, message: 'Enter when the window ends.' }),
  })
  .superRefine((input, ctx) => {
    const value = input.kind === 'network' ? input.value.replace(/\/64$/, '') : input.value;
    if (input.kind !== 'email' && !looksLikeIp(value))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message:
          input.kind === 'network'
            ? 'Enter an IPv4 address or an IPv6 address or /64, e.g. 2001:db8:1:2::/64.'
            : 'Enter an IP address, e.g. 203.0.113.7.',
      });
    if (input.kind === 'email' && !/^[^\s@]+@[^\s@]+$/.test(input.value))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'Enter an email address like name@example.com.',
      });
    const from = Date.parse(input.from);
    const to = Date.parse(input.to);
    if (to <= from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must be after the start.' });
    else if (to - from > BULK_CANCEL_MAX_DAYS * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Choose a window of at most ${BULK_CANCEL_MAX_DAYS} days.`,
      });
  });
export type BulkCancelQueryInput = z.output<typeof BulkCancelQueryInput>;

export const BulkCancelInput = z.object({
  query: BulkCancelQueryInput,
  reason: z
    .string()
    .trim()
    .min(3, { message: 'Say why these bookings are cancelled; patients are told.' })
    .max(500, { message: 'Keep the reason under 500 characters.' }),
});
export type BulkCancelInput = z.output<typeof BulkCancelInput>;

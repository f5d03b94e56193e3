import { appointmentIcs as buildIcs, appointmentUid } from '@clinicpay/contracts';
import type { BookingStatus } from '../trpc.js';

// "Add to calendar": the same event (UID) as the e-mailed invites, built by contracts' builder.
// The booking status carries no calendar revision, so the download is always SEQUENCE:0.

export function appointmentIcs(booking: BookingStatus, now: Date = new Date()): string {
  return buildIcs({
    uid: appointmentUid(booking.reference),
    sequence: 0,
    method: 'PUBLISH',
    startsAt: new Date(booking.startsAt),
    endsAt: new Date(booking.endsAt),
    summary: `${booking.serviceName} at ${booking.clinic.name}`,
    location: booking.clinic.address,
    description: `With ${booking.doctorName}. Booking reference ${booking.reference}.`,
    now,
  });
}

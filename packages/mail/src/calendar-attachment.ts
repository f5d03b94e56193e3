// The appointment.ics a patient's message carries: the same event (UID) as the booking page's
// "Add to calendar" file, so a calendar app updates or removes it instead of adding a second one.
import { appointmentIcs, appointmentUid } from '@clinicpay/contracts';
import type { AppointmentFacts, ClinicContact, MailAttachment, MailMessage } from './message.js';

export function calendarAttachments(message: MailMessage, now: Date): MailAttachment[] {
  switch (message.kind) {
    case 'booking_confirmed':
    case 'booking_rescheduled':
      return [invite(message, 'PUBLISH', message.calendar.sequence, now)];
    case 'booking_cancelled':
      // A booking whose payment failed or lapsed was never confirmed, so no calendar holds it.
      if (message.cause === 'payment_failed' || message.cause === 'hold_lapsed') return [];
      return [invite(message, 'CANCEL', message.calendar.sequence, now)];
    default:
      return [];
  }
}

function invite(
  { clinic, appointment }: { clinic: ClinicContact; appointment: AppointmentFacts },
  method: 'PUBLISH' | 'CANCEL',
  sequence: number,
  now: Date,
): MailAttachment {
  return {
    filename: 'appointment.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: appointmentIcs({
      uid: appointmentUid(appointment.reference),
      sequence,
      method,
      startsAt: appointment.startsAt,
      endsAt: appointment.endsAt,
      summary: `${appointment.serviceName} at ${clinic.name}`,
      location: clinic.address,
      description: `With ${appointment.doctorName}. Booking reference ${appointment.reference}. Manage your booking: ${appointment.link}`,
      organizer: { name: clinic.name, email: clinic.email },
      now,
    }),
  };
}

import type { MailMessage } from '../message.js';
import { adminInvitation, adminPasswordReset } from './admin-links.js';
import { appointmentReminder } from './appointment-reminder.js';
import { bookingCancelled } from './booking-cancelled.js';
import { bookingConfirmed } from './booking-confirmed.js';
import { bookingRescheduled } from './booking-rescheduled.js';
import { clinicAlert } from './clinic-alert.js';
import { clinicCancellation } from './clinic-cancellation.js';
import { clinicDisputeOpened } from './clinic-dispute-opened.js';
import { clinicNewBooking } from './clinic-new-booking.js';
import { clinicUndeliverable } from './clinic-undeliverable.js';
import { refundSent } from './refund-sent.js';
import type { Template } from './template.js';
import { testMessage } from './test-message.js';

/** The template for a message's kind; a new kind does not compile until it has one. */
export function templateFor(message: MailMessage): Template {
  switch (message.kind) {
    case 'booking_confirmed':
      return bookingConfirmed(message);
    case 'booking_rescheduled':
      return bookingRescheduled(message);
    case 'booking_cancelled':
      return bookingCancelled(message);
    case 'refund_sent':
      return refundSent(message);
    case 'appointment_reminder':
      return appointmentReminder(message);
    case 'clinic_new_booking':
      return clinicNewBooking(message);
    case 'clinic_cancellation':
      return clinicCancellation(message);
    case 'clinic_dispute_opened':
      return clinicDisputeOpened(message);
    case 'clinic_alert':
      return clinicAlert(message);
    case 'clinic_undeliverable':
      return clinicUndeliverable(message);
    case 'test_message':
      return testMessage(message);
    case 'admin_invitation':
      return adminInvitation(message);
    case 'admin_password_reset':
      return adminPasswordReset(message);
  }
}

// One sample message of every kind, for tests and previews. The appointment is at 09:30 on
// Wednesday 9 December 2026 in Auckland (20:30 UTC the day before).
import type {
  AppointmentFacts,
  ClinicContact,
  MailKind,
  MailMessage,
  RefundFacts,
} from '../message.js';

export const CLINIC: ClinicContact = {
  name: 'Harbour View Family Clinic',
  email: 'desk@harbourview.example',
  phone: '+6495550100',
  address: '12 Quay Street, Auckland 1010',
  timeZone: 'Pacific/Auckland',
};

export const APPOINTMENT: AppointmentFacts = {
  reference: 'CP-7KQ2',
  serviceName: 'Consultation',
  doctorName: 'Dr. Aroha Ngata',
  startsAt: new Date('2026-12-08T20:30:00Z'),
  endsAt: new Date('2026-12-08T21:00:00Z'),
  link: 'https://book.harbourview.example/booking/CP-7KQ2?token=tok_sample',
};

const nzd = (amount: number) => ({ amount, currency: 'nzd' });

export const PARTIAL_REFUND: RefundFacts = {
  amount: nzd(3000),
  paid: nzd(6000),
  status: 'succeeded',
};

const ADMIN = 'https://admin.harbourview.example';

/** Every kind, keyed by kind, so a new kind fails to compile here until it has a sample. */
export const SAMPLES: { [K in MailKind]: Extract<MailMessage, { kind: K }> } = {
  booking_confirmed: {
    kind: 'booking_confirmed',
    clinic: CLINIC,
    appointment: APPOINTMENT,
    payment: { method: 'stripe', amount: nzd(6000) },
    calendar: { sequence: 0 },
  },
  booking_rescheduled: {
    kind: 'booking_rescheduled',
    clinic: CLINIC,
    appointment: {
      ...APPOINTMENT,
      startsAt: new Date('2026-12-09T22:00:00Z'),
      endsAt: new Date('2026-12-09T22:30:00Z'),
    },
    previousStartsAt: APPOINTMENT.startsAt,
    calendar: { sequence: 1 },
  },
  booking_cancelled: {
    kind: 'booking_cancelled',
    clinic: CLINIC,
    appointment: APPOINTMENT,
    cause: 'patient',
    refund: { amount: nzd(6000), paid: nzd(6000), status: 'pending' },
    calendar: { sequence: 2 },
  },
  refund_sent: {
    kind: 'refund_sent',
    clinic: CLINIC,
    appointment: APPOINTMENT,
    refund: PARTIAL_REFUND,
  },
  appointment_reminder: {
    kind: 'appointment_reminder',
    clinic: CLINIC,
    appointment: APPOINTMENT,
  },
  clinic_new_booking: {
    kind: 'clinic_new_booking',
    clinic: CLINIC,
    appointment: { ...APPOINTMENT, link: `${ADMIN}/appointments/CP-7KQ2` },
    patient: { name: 'Jane Doe', email: 'jane@example.com', phone: '+64215550199' },
    payment: { method: 'pay_at_clinic', amount: nzd(6000) },
  },
  clinic_cancellation: {
    kind: 'clinic_cancellation',
    clinic: CLINIC,
    appointment: { ...APPOINTMENT, link: `${ADMIN}/appointments/CP-7KQ2` },
    patientName: 'Jane Doe',
    cause: 'patient',
  },
  clinic_dispute_opened: {
    kind: 'clinic_dispute_opened',
    clinic: CLINIC,
    appointment: { ...APPOINTMENT, link: `${ADMIN}/appointments/CP-7KQ2` },
    dispute: {
      amount: nzd(6000),
      reason: 'product_not_received',
      respondBy: new Date('2026-12-22T10:59:59Z'),
    },
    link: `${ADMIN}/transactions/pi_sample`,
  },
  clinic_alert: {
    kind: 'clinic_alert',
    clinic: CLINIC,
    alert: 'webhook_signature_failures',
    count: 12,
    since: new Date('2026-12-08T19:00:00Z'),
    detail: 'The last delivery was signed with a secret that does not match the saved one.',
    link: `${ADMIN}/webhooks`,
  },
  clinic_undeliverable: {
    kind: 'clinic_undeliverable',
    clinic: CLINIC,
    recipient: 'jane@example.invalid',
    about: 'the booking confirmation for CP-7KQ2',
    error: '550 5.1.1 The e-mail account does not exist',
    link: `${ADMIN}/email-log`,
  },
  test_message: {
    kind: 'test_message',
    clinic: CLINIC,
    requestedBy: 'Sam Carter (sam@harbourview.example)',
    link: `${ADMIN}/settings/email`,
  },
  admin_invitation: {
    kind: 'admin_invitation',
    clinic: CLINIC,
    role: 'Front desk',
    invitedBy: 'Sam Carter',
    expiresAt: new Date('2026-12-04T00:00:00Z'),
    link: `${ADMIN}/invitation?token=tok_sample`,
  },
  admin_password_reset: {
    kind: 'admin_password_reset',
    clinic: CLINIC,
    expiresAt: new Date('2026-12-01T00:30:00Z'),
    link: `${ADMIN}/reset-password?token=tok_sample`,
  },
};

export const ALL_SAMPLES: MailMessage[] = Object.values(SAMPLES);

// What a message says, as plain data: the API builds one from the database at send time, and
// render.ts turns it into a subject, HTML, plain text and attachments. Nothing here reads a database
// or a clock, so every template is tested from data alone.
import type { Money } from '@clinicpay/contracts';

/** Who the message is from and how to reach them: in every message's footer. */
export interface ClinicContact {
  name: string;
  email: string;
  /** E.164, e.g. +6495550100; '' when the clinic has not given one. */
  phone: string;
  address: string;
  /** IANA zone; every time in a message is shown in it, with the zone named. */
  timeZone: string;
}

/** The appointment as it is when the message is sent. Never a diagnosis or a patient's notes. */
export interface AppointmentFacts {
  reference: string;
  serviceName: string;
  doctorName: string;
  startsAt: Date;
  endsAt: Date;
  /** The patient's booking page (from PUBLIC_URL), or the admin's appointment page in clinic notices. */
  link: string;
}

/** An `.ics` revision: same UID for every message about one appointment, SEQUENCE grows. */
export interface CalendarRevision {
  sequence: number;
}

export type CancelCause = 'patient' | 'clinic' | 'payment_failed' | 'hold_lapsed';

export interface RefundFacts {
  amount: Money;
  /** What the patient paid, to say "$30.00 of $60.00". */
  paid: Money;
  status: 'pending' | 'succeeded';
}

export type PatientMessage =
  | {
      kind: 'booking_confirmed';
      clinic: ClinicContact;
      appointment: AppointmentFacts;
      payment: { method: 'stripe' | 'pay_at_clinic'; amount: Money };
      calendar: CalendarRevision;
      /** The cancellation policy the booking keeps, as the patient saw it before paying. */
      policySentence?: string | null;
    }
  | {
      kind: 'booking_rescheduled';
      clinic: ClinicContact;
      appointment: AppointmentFacts;
      previousStartsAt: Date;
      calendar: CalendarRevision;
    }
  | {
      kind: 'booking_cancelled';
      clinic: ClinicContact;
      appointment: AppointmentFacts;
      cause: CancelCause;
      refund: RefundFacts | null;
      calendar: CalendarRevision;
    }
  | {
      kind: 'refund_sent';
      clinic: ClinicContact;
      appointment: AppointmentFacts;
      refund: RefundFacts;
    }
  | {
      kind: 'appointment_reminder';
      clinic: ClinicContact;
      appointment: AppointmentFacts;
    };

export type ClinicNotice =
  | {
      kind: 'clinic_new_booking';
      clinic: ClinicContact;
      appointment: AppointmentFacts;
      patient: { name: string; email: string; phone: string | null };
      payment: { method: 'stripe' | 'pay_at_clinic'; amount: Money };
    }
  | {
      kind: 'clinic_cancellation';
      clinic: ClinicContact;
      appointment: AppointmentFacts;
      patientName: string;
      cause: CancelCause;
    }
  | {
      kind: 'clinic_dispute_opened';
      clinic: ClinicContact;
      /** Null when the disputed charge matches no booking. */
      appointment: AppointmentFacts | null;
      dispute: { amount: Money; reason: string; respondBy: Date | null };
      /** The admin's transaction page (from ADMIN_URL). */
      link: string;
    }
  | {
      kind: 'clinic_alert';
      clinic: ClinicContact;
      alert: 'webhook_signature_failures' | 'stripe_refusals';
      count: number;
      since: Date;
      /** One sentence of detail, e.g. the refused call or the last failure's reason. */
      detail: string;
      link: string;
    }
  | {
      kind: 'clinic_undeliverable';
      clinic: ClinicContact;
      recipient: string;
      /** What the message was, in words: "the booking confirmation for CP-7KQ2". */
      about: string;
      error: string;
      link: string;
    }
  | {
      kind: 'test_message';
      clinic: ClinicContact;
      requestedBy: string;
      link: string;
    }
  | {
      kind: 'admin_invitation';
      clinic: ClinicContact;
      /** The role's label: "Front desk". */
      role: string;
      invitedBy: string;
      expiresAt: Date;
      /** The admin SPA's invitation page with the link's token. */
      link: string;
    }
  | {
      kind: 'admin_password_reset';
      clinic: ClinicContact;
      expiresAt: Date;
      link: string;
    };

export type MailMessage = PatientMessage | ClinicNotice;
export type MailKind = MailMessage['kind'];

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
}
